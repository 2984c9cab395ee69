import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/main/audit/log';
import { asSealed, openSealed, type SealBinding, sealDetails } from '../../src/main/audit/sealed-details';
import { addAttachment, getAttachmentContent } from '../../src/main/store/attachments';
import { listAudit, listAuditForViewer, verifyAudit } from '../../src/main/store/audit';
import { deleteCase } from '../../src/main/store/case-deletion';
import { caseTimeline } from '../../src/main/store/case-history';
import { createCase, getCase, setCaseStatus, updateCase, updatePerson } from '../../src/main/store/cases';
import { saveAnswer, setInterviewState, startInterview } from '../../src/main/store/interviews';
import { addNote } from '../../src/main/store/notes';
import { recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { updateSettings } from '../../src/main/store/settings';
import { addUser } from '../../src/main/store/users';
import { AppError } from '../../src/shared/errors';
import { contract } from '../../src/shared/ipc/contract';
import { CASE_INPUT, INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

const BINDING: SealBinding = {
  seq: 7,
  action: 'answer.save',
  entityType: 'interview',
  entityId: 'iv-1',
  caseId: 'case-1',
};
const DETAILS = JSON.stringify({ questionId: 'q1', new: { kind: 'text', text: 'ZQX-OWN-WORDS-9902' } });

describe('sealed audit details (pure)', () => {
  it('round-trips under the case key and stores nothing of the details in the clear', () => {
    const key = randomBytes(32);
    const stored = sealDetails(key, BINDING, DETAILS);
    // Whole markers only: short ones (say 'q1') turn up in random base64 by chance.
    expect(stored).not.toContain('ZQX-OWN-WORDS-9902');
    expect(stored).not.toContain('questionId');
    const sealed = asSealed(JSON.parse(stored));
    expect(sealed).toMatchObject({ enc: 'v1', caseId: 'case-1' });
    expect(Object.keys(JSON.parse(stored)).sort()).toEqual(['caseId', 'ct', 'enc', 'iv', 'tag']);
    if (!sealed) throw new Error('not sealed');
    expect(openSealed(key, BINDING, sealed)).toBe(DETAILS);
    // A fresh IV every time: the same details never give the same text.
    expect(sealDetails(key, BINDING, DETAILS)).not.toBe(stored);
  });

  it('opens only under the same key and the same row, and not after any change', () => {
    const key = randomBytes(32);
    const sealed = asSealed(JSON.parse(sealDetails(key, BINDING, DETAILS)));
    if (!sealed) throw new Error('not sealed');
    expect(openSealed(randomBytes(32), BINDING, sealed)).toBeNull();
    for (const other of [
      { ...BINDING, seq: 8 },
      { ...BINDING, action: 'note.create' },
      { ...BINDING, entityType: 'person' },
      { ...BINDING, entityId: 'iv-2' },
      { ...BINDING, entityId: null },
    ])
      expect(openSealed(key, other, sealed), JSON.stringify(other)).toBeNull();
    // A box moved to another case's name does not open either.
    expect(openSealed(key, BINDING, { ...sealed, caseId: 'case-2' })).toBeNull();
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64');
    };
    expect(openSealed(key, BINDING, { ...sealed, ct: flip(sealed.ct) })).toBeNull();
    expect(openSealed(key, BINDING, { ...sealed, tag: flip(sealed.tag) })).toBeNull();
    expect(openSealed(key, BINDING, { ...sealed, iv: flip(sealed.iv) })).toBeNull();
    expect(openSealed(key, BINDING, { ...sealed, iv: 'AAAA' })).toBeNull();
  });

  it('tells sealed details from plain ones', () => {
    expect(asSealed({})).toBeNull();
    expect(asSealed(null)).toBeNull();
    expect(asSealed([1])).toBeNull();
    expect(asSealed({ old: { status: 'draft' }, new: { status: 'screened' } })).toBeNull();
    expect(asSealed({ enc: 'v2', caseId: 'c', iv: 'a', tag: 'b', ct: 'c' })).toBeNull();
    expect(asSealed({ enc: 'v1', caseId: 'c', iv: 'a', tag: 'b' })).toBeNull();
    expect(asSealed({ enc: 'v1', caseId: 1, iv: 'a', tag: 'b', ct: 'c' })).toBeNull();
    expect(asSealed({ enc: 'v1', caseId: 'c', iv: 'a', tag: 'b', ct: 'c' })).toEqual({
      enc: 'v1',
      caseId: 'c',
      iv: 'a',
      tag: 'b',
      ct: 'c',
    });
  });
});

interface StoredRow {
  seq: number;
  action: string;
  entity_id: string | null;
  details_json: string;
}

function storedRows(s: Session): StoredRow[] {
  return s.read(
    (db) =>
      db
        .prepare('SELECT seq, action, entity_id, details_json FROM audit_log ORDER BY seq')
        .all() as StoredRow[],
  );
}

function caseKeyCount(s: Session): number {
  return s.read((db) => db.prepare('SELECT count(*) FROM case_keys').pluck().get() as number);
}

/** One case with every kind of case event, including the callers that pass no caseId. */
function busyCase(s: Session) {
  const c = createCase(s, CASE_INPUT);
  const personId = c.persons[0]?.id ?? '';
  getCase(s, c.id);
  updateCase(s, { id: c.id, expectedRevision: c.revision, officerAssessment: 'ZQX-ASSESSMENT' });
  updatePerson(s, { id: personId, nameOrAlias: 'ZQX-NEW-NAME' });
  const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id, personId });
  saveAnswer(s, {
    interviewId: iv.id,
    questionId: 'q1',
    value: { kind: 'text', text: 'ZQX-ANSWER' },
    clientSeq: 1,
  });
  setInterviewState(s, { interviewId: iv.id, state: 'stopped', reason: 'ZQX-STOP-REASON' });
  const note = addNote(s, { caseId: c.id, body: 'ZQX-NOTE' });
  const file = addAttachment(s, {
    caseId: c.id,
    fileName: 'ZQX-FILE.txt',
    mediaType: 'text/plain',
    content: Buffer.from('x'),
  });
  getAttachmentContent(s, file.id);
  recordReferral(s, {
    caseId: c.id,
    receivingAgency: 'ZQX-AGENCY',
    fileName: 'referral.pdf',
    fileSha256: 'b'.repeat(64),
    signerFingerprint: 'a'.repeat(64),
    signerName: 'Somchai P.',
    signedAt: '2026-05-21T08:30:00.000Z',
    pdf: Buffer.from('%PDF-1.7'),
  });
  // The referral made the case "referred" by itself; closing it records a typed reason.
  setCaseStatus(s, { id: c.id, status: 'closed', reason: 'ZQX-STATUS-REASON' });
  return { c, personId, interviewId: iv.id, noteId: note.id };
}

const CASE_ACTIONS = [
  'case.create',
  'person.create',
  'case.view',
  'case.update',
  'person.update',
  'interview.start',
  'answer.save',
  'interview.state',
  'note.create',
  'attachment.add',
  'attachment.view',
  'referral.record',
  'case.status',
];

describe('the audit writer and readers', () => {
  it('seals the details of every case event under that case key, and readers open them', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const { c, personId } = busyCase(s);
    const other = createCase(s, { ...CASE_INPUT, person: { nameOrAlias: 'ZQX-OTHER' } });

    const keys = s.read(
      (db) =>
        db.prepare('SELECT case_id, key FROM case_keys ORDER BY case_id').all() as {
          case_id: string;
          key: Buffer;
        }[],
    );
    expect(keys.map((k) => k.case_id).sort()).toEqual([c.id, other.id].sort());
    expect(keys[0]?.key.equals(keys[1]?.key ?? Buffer.alloc(0))).toBe(false);

    const caseRows = storedRows(s).filter((r) => CASE_ACTIONS.includes(r.action));
    expect(new Set(caseRows.map((r) => r.action))).toEqual(new Set(CASE_ACTIONS));
    for (const r of caseRows) {
      // 'ZQX-' never occurs in base64 ('-' is not in its alphabet), so any hit is a leaked marker.
      expect(r.details_json, r.action).not.toContain('ZQX-');
      const sealed = asSealed(JSON.parse(r.details_json));
      expect(sealed?.caseId, r.action).toBe(r.details_json.includes(other.id) ? other.id : c.id);
    }

    // Readers see the details as they were written, including for callers that pass no caseId.
    const audit = listAudit(s, { limit: 1000 });
    const details = (action: string) => audit.find((e) => e.action === action)?.details;
    expect(details('answer.save')).toMatchObject({
      questionId: 'q1',
      new: { kind: 'text', text: 'ZQX-ANSWER' },
    });
    expect(details('person.update')).toEqual({
      old: { nameOrAlias: 'Ko Aung' },
      new: { nameOrAlias: 'ZQX-NEW-NAME' },
    });
    expect(details('interview.state')).toMatchObject({
      new: { state: 'stopped', reason: 'ZQX-STOP-REASON' },
    });
    expect(details('referral.record')).toMatchObject({ new: { receivingAgency: 'ZQX-AGENCY' } });
    expect(audit.filter((e) => e.entityId === personId).map((e) => e.action)).toEqual([
      'person.update',
      'person.create',
    ]);

    // The case timeline (case readers) and the admin viewer (supervisors) read the opened details.
    const timeline = caseTimeline(s, { caseId: c.id, includeRoutine: true, limit: 300 });
    expect(timeline.find((e) => e.action === 'case.status')?.statusChange).toEqual({
      from: 'referred',
      to: 'closed',
      reason: 'ZQX-STATUS-REASON',
    });
    expect(timeline.find((e) => e.action === 'case.update')?.changedFields).toEqual(['officer_assessment']);
    expect(timeline.find((e) => e.action === 'person.update')?.changedFields).toEqual(['nameOrAlias']);
    expect(timeline.find((e) => e.action === 'interview.state')?.interviewState).toEqual({
      from: 'in_progress',
      to: 'stopped',
    });
    const admin = await adminList(s);
    expect(admin.find((e) => e.action === 'note.create')?.details).toMatchObject({
      new: { body: 'ZQX-NOTE' },
    });
    expect(verifyAudit(s)).toEqual({ ok: true, rows: storedRows(s).length, signedFromSeq: 1 });
    s.lock();
  });

  it('leaves the details of events that belong to no case plain, and makes no key for them', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    await addUser(s, {
      username: 'malee',
      displayName: 'Malee',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    updateSettings(s, { autoLockMinutes: 7 });
    s.lock();
    const again = await store.unlock();
    const rows = storedRows(again);
    const plain = rows.filter((r) =>
      ['vault.initialise', 'auth.login', 'user.create', 'settings.update', 'auth.lock'].includes(r.action),
    );
    expect(new Set(plain.map((r) => r.action)).size).toBe(5);
    const listed = new Map(listAudit(again, { limit: 1000 }).map((e) => [e.seq, e.details]));
    for (const r of plain) {
      expect(asSealed(JSON.parse(r.details_json)), r.action).toBeNull();
      // Stored text and what readers get are the same JSON.
      expect(JSON.parse(r.details_json), r.action).toEqual(listed.get(r.seq));
    }
    expect(listAudit(again, { action: 'settings.update' })[0]?.details).toMatchObject({ new: 7 });
    expect(rows.find((r) => r.action === 'auth.lock')?.details_json).toBe('{"reason":"manual"}');
    expect(caseKeyCount(again)).toBe(0);
    again.lock();
  });

  it('shows the details of a deleted case as erased, in the API, the admin viewer and after a restart', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const { c } = busyCase(s);
    const kept = createCase(s, { ...CASE_INPUT, person: { nameOrAlias: 'ZQX-KEPT' } });
    deleteCase(s, { caseId: c.id, reason: 'Entered by mistake' });

    const audit = listAudit(s, { limit: 1000 });
    const ofDeleted = audit.filter(
      (e) => JSON.stringify(e.details).includes(c.id) && e.action !== 'case.delete',
    );
    expect(new Set(ofDeleted.map((e) => e.action))).toEqual(new Set(CASE_ACTIONS));
    for (const e of ofDeleted) expect(e.details, e.action).toEqual({ erased: true, caseId: c.id });
    expect(JSON.stringify(audit)).not.toContain('ZQX-NOTE');
    // The other case still opens.
    expect(
      audit.find((e) => e.action === 'person.create' && e.entityId === kept.persons[0]?.id)?.details,
    ).toMatchObject({
      new: { nameOrAlias: 'ZQX-KEPT' },
    });

    // The admin viewer's reply passes its IPC response schema.
    const admin = await adminList(s);
    expect(admin.filter((e) => (e.details as { erased?: boolean }).erased === true).length).toBeGreaterThan(
      0,
    );
    expect(contract['admin.audit.list'].response.safeParse(admin).success).toBe(true);
    expect(verifyAudit(s).ok).toBe(true);
    s.lock();

    const again = await store.unlock();
    expect(verifyAudit(again).ok).toBe(true);
    expect(listAudit(again, { action: 'note.create' })[0]?.details).toEqual({ erased: true, caseId: c.id });
    again.lock();
  });

  it('marks a sealed row that does not open as unreadable, and the chain check names it', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const { c } = busyCase(s);
    const rows = storedRows(s);
    const note = rows.find((r) => r.action === 'note.create');
    const update = rows.find((r) => r.action === 'attachment.add');
    if (!note || !update) throw new Error('no rows');
    // Someone with the database key copies a sealed box into another row of the same case.
    s.db.exec('DROP TRIGGER audit_log_no_update');
    s.db.prepare('UPDATE audit_log SET details_json = ? WHERE seq = ?').run(note.details_json, update.seq);
    const read = listAudit(s, { limit: 1000 });
    expect(read.find((e) => e.seq === update.seq)?.details).toEqual({ unreadable: true, caseId: c.id });
    expect(read.find((e) => e.seq === note.seq)?.details).toMatchObject({ new: { body: 'ZQX-NOTE' } });
    expect(verifyAudit(s)).toMatchObject({
      ok: false,
      firstBrokenSeq: update.seq,
      reason: 'hash_mismatch',
    });
    s.lock();
  });

  it('makes the case key in the transaction of the change: a change that fails leaves no key', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const before = storedRows(s).length;
    expect(() =>
      s.write((db, now) => {
        s.audit(db, now, { action: 'case.view', entityType: 'case', entityId: 'c-rolled-back' });
        expect(db.prepare('SELECT count(*) FROM case_keys').pluck().get()).toBe(1);
        throw new Error('the change fails');
      }),
    ).toThrow();
    expect(caseKeyCount(s)).toBe(0);
    expect(storedRows(s)).toHaveLength(before);

    // One key per case, made once and reused.
    const c = createCase(s, CASE_INPUT);
    const key = () =>
      s.read((db) => db.prepare('SELECT key FROM case_keys WHERE case_id = ?').pluck().get(c.id) as Buffer);
    const k1 = Buffer.from(key());
    getCase(s, c.id);
    expect(key().equals(k1)).toBe(true);
    expect(caseKeyCount(s)).toBe(1);
    s.lock();
  });

  it('refuses to write a case record event whose case cannot be found, rather than write it in the clear', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const before = storedRows(s).length;
    let error: unknown;
    try {
      s.write((db, now) =>
        appendAudit(db, s.actor, now, {
          action: 'person.update',
          entityType: 'person',
          entityId: 'no-such-person',
          details: { new: { nameOrAlias: 'ZQX-ORPHAN' } },
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INTERNAL');
    expect(storedRows(s)).toHaveLength(before);
    s.lock();
  });
});

/** The supervisor's audit viewer. */
async function adminList(s: Session) {
  return listAuditForViewer(s, { limit: 500 });
}
