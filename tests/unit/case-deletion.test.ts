import { createDecipheriv, createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, SQLCIPHER_PAGE_SIZE } from '../../src/main/db/connection';
import { addAttachment } from '../../src/main/store/attachments';
import { listAudit, verifyAudit } from '../../src/main/store/audit';
import { caseRecordIds, deleteCase } from '../../src/main/store/case-deletion';
import { createCase, getCase, listCases, setCaseStatus } from '../../src/main/store/cases';
import { addFollowUp, listFollowUps, setFollowUpDone } from '../../src/main/store/follow-ups';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { addNote, listNotes } from '../../src/main/store/notes';
import { storePaths } from '../../src/main/store/paths';
import { recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { addUser } from '../../src/main/store/users';
import { markersIn } from '../helpers/disk';
import { codeOf } from '../helpers/errors';
import { appendPlainAuditRow } from '../helpers/keyed-db';
import { CASE_INPUT, INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

/** Distinctive strings written into the case that gets deleted, and one into a case that stays. */
const M = {
  name: 'ZQX-PERSON-NAME-7731',
  vessel: 'ZQX-VESSEL-5120',
  answerOld: 'ZQX-FIRST-WORDS-2204',
  answer: 'ZQX-OWN-WORDS-9902',
  note: 'ZQX-NOTE-TEXT-4417',
  followUp: 'ZQX-FOLLOWUP-TEXT-3094',
  attachment: 'ZQX-ATTACHMENT-BYTES-6630',
  pdf: 'ZQX-REFERRAL-PDF-8815',
};
/** The search text holds names, places and vessels folded to lower case (src/main/db/search-text.ts). */
const FOLDED = { name: M.name.toLowerCase(), vessel: M.vessel.toLowerCase() };
const CONTROL = {
  name: 'ZQX-CONTROL-NAME-1188',
  note: 'ZQX-CONTROL-NOTE-3356',
  followUp: 'ZQX-CONTROL-FOLLOWUP-2671',
};

// ---- reading the SQLCipher 4 file page by page, to see what the bytes really hold ----

/** SQLCipher 4 reserves IV (16 bytes) + HMAC-SHA512 (64 bytes) at the end of every page. */
const RESERVE = 80;

/** Decrypts one page (AES-256-CBC under the raw database key; page 1 starts with the 16-byte salt). */
function decryptPage(page: Buffer, pageNo: number, key: Buffer): Buffer {
  const start = pageNo === 1 ? 16 : 0;
  const end = page.length - RESERVE;
  const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(end, end + 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** Every page of the main file, decrypted, numbered from 1. */
function decryptFile(file: string, key: Buffer): Map<number, Buffer> {
  const bytes = readFileSync(file);
  const pages = new Map<number, Buffer>();
  for (let i = 0; i * SQLCIPHER_PAGE_SIZE < bytes.length; i++) {
    const page = bytes.subarray(i * SQLCIPHER_PAGE_SIZE, (i + 1) * SQLCIPHER_PAGE_SIZE);
    pages.set(i + 1, decryptPage(page, i + 1, key));
  }
  return pages;
}

/** Every frame of a WAL file, decrypted (32-byte header, then 24-byte frame header + page). */
function decryptWal(file: string, key: Buffer): Buffer[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const frames: Buffer[] = [];
  for (let off = 32; off + 24 + SQLCIPHER_PAGE_SIZE <= bytes.length; off += 24 + SQLCIPHER_PAGE_SIZE) {
    const pageNo = bytes.readUInt32BE(off);
    frames.push(decryptPage(bytes.subarray(off + 24, off + 24 + SQLCIPHER_PAGE_SIZE), pageNo, key));
  }
  return frames;
}

const has = (page: Buffer, marker: string) =>
  page.includes(Buffer.from(marker, 'utf8')) || page.includes(Buffer.from(marker, 'utf16le'));

/** Which table or index owns each page (SQLite's dbstat), read through a normal keyed connection. */
function pageOwners(file: string, key: Buffer): Map<number, string> {
  const db = openDatabase(file, key, {
    readonly: true,
    keyVerified: true,
    quickCheck: false,
    migrate: false,
  });
  try {
    const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[];
    return new Map(rows.map((r) => [r.pageno, r.name]));
  } finally {
    closeDatabase(db);
  }
}

/** The owners ('free' when no table owns the page) of the decrypted pages holding these bytes. */
function whereBytesAre(file: string, key: Buffer, bytes: Buffer): string[] {
  const owners = pageOwners(file, key);
  const found = new Set<string>();
  for (const [no, page] of decryptFile(file, key))
    if (page.includes(bytes)) found.add(owners.get(no) ?? 'free');
  return [...found].sort();
}

/** For each marker, the owners ('free' when no table owns the page) of the decrypted pages holding it. */
function whereMarkersAre(file: string, key: Buffer, markers: string[]): Record<string, string[]> {
  const pages = decryptFile(file, key);
  const owners = pageOwners(file, key);
  const out: Record<string, string[]> = {};
  for (const m of markers) {
    const found = new Set<string>();
    for (const [no, page] of pages) if (has(page, m)) found.add(owners.get(no) ?? 'free');
    out[m] = [...found].sort();
  }
  return out;
}

function field(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

async function caseWithEverything(s: Session) {
  const c = createCase(s, {
    place: { kind: 'port', name: 'Ranong fishing port', province: 'Ranong' },
    vessel: { name: M.vessel, registration: 'RN-0042' },
    screeningDate: '2026-05-20',
    person: { nameOrAlias: M.name, sex: 'male', languages: ['my'] },
  });
  const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id, personId: c.persons[0]?.id });
  const answer = (text: string, clientSeq: number) =>
    saveAnswer(s, {
      interviewId: iv.id,
      questionId: 'close_opinion',
      value: { kind: 'text', text },
      clientSeq,
    });
  answer(M.answerOld, 1);
  answer(M.answer, 2);
  addNote(s, { caseId: c.id, interviewId: iv.id, body: M.note });
  const followUp = addFollowUp(s, { caseId: c.id, what: M.followUp, dueOn: '2026-06-04' });
  setFollowUpDone(s, { id: followUp.id, done: true });
  // Large enough to spill into overflow pages.
  addAttachment(s, {
    caseId: c.id,
    fileName: 'passport-photo.txt',
    mediaType: 'text/plain',
    content: Buffer.from(`${M.attachment} `.repeat(600)),
  });
  const pdf = Buffer.from(`%PDF-1.7 ${M.pdf}`);
  recordReferral(s, {
    caseId: c.id,
    receivingAgency: 'Ranong provincial shelter',
    fileName: 'referral.pdf',
    fileSha256: createHash('sha256').update(pdf).digest('hex'),
    signerFingerprint: 'a'.repeat(64),
    signerName: 'Somchai P.',
    signedAt: '2026-05-21T08:30:00.000Z',
    pdf,
  });
  // The referral made the case "referred" by itself; closing it records a typed reason too.
  setCaseStatus(s, { id: c.id, status: 'closed', reason: 'Referred to the shelter.' });
  return c;
}

describe('deleting a case', () => {
  it('removes every record of the case, its audit details included, from the database file, WAL and shared memory, keeps other cases', async () => {
    const store = await createTestStore();
    const key = store.databaseKey();
    const paths = storePaths(store.dir);
    const s = await store.unlock();
    const control = createCase(s, {
      ...CASE_INPUT,
      person: { nameOrAlias: CONTROL.name, languages: ['my'] },
    });
    addNote(s, { caseId: control.id, body: CONTROL.note });
    addFollowUp(s, { caseId: control.id, what: CONTROL.followUp, dueOn: '2026-06-05' });
    const target = await caseWithEverything(s);
    const markers = [...Object.values(M), ...Object.values(FOLDED)];
    const caseKey = s.read((db) =>
      db.prepare('SELECT key FROM case_keys WHERE case_id = ?').pluck().get(target.id),
    ) as Buffer;
    expect(caseKey).toHaveLength(32);

    // Negative control: before deletion, the page reader finds every marker in the case's own tables,
    // and the case key in case_keys; the audit rows hold none of it in the clear (sealed).
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = whereMarkersAre(paths.db, key, [...markers, CONTROL.name]);
    // The list's copy of the first person's name and its sort index (migration 0006).
    expect(before[M.name]).toEqual(['cases', 'cases_list_person', 'persons']);
    expect(before[M.vessel]).toEqual(['cases']);
    // The search text, and the search index's copy of it.
    expect(before[FOLDED.name]).toEqual(['case_search_text', 'cases']);
    expect(before[FOLDED.vessel]).toEqual(['case_search_text', 'cases']);
    expect(before[M.answer]).toContain('answers');
    expect(before[M.answerOld]).toContain('answer_history');
    expect(before[M.note]).toEqual(['notes']);
    expect(before[M.followUp]).toEqual(['follow_ups']);
    expect(before[M.attachment]).toContain('attachments');
    expect(before[M.pdf]).toContain('attachments');
    expect(before[CONTROL.name]).toEqual(['cases', 'cases_list_person', 'persons']);
    expect(whereBytesAre(paths.db, key, caseKey)).toEqual(['case_keys']);
    // ...while the API still reads the case's audit details (opened with the case key).
    const personCreated = listAudit(s, { entityId: target.persons[0]?.id, action: 'person.create' })[0];
    expect(field(personCreated?.details, 'new', 'nameOrAlias')).toBe(M.name);

    const result = deleteCase(s, { caseId: target.id, reason: 'Duplicate of another case, entered twice' });
    expect(result).toEqual({ reference: target.reference, checkpointed: true });
    // The deletion itself truncated the WAL: no older copy of a page is left there while the app runs.
    expect(statSync(paths.wal).size).toBe(0);

    // Through the services: the case is gone, the other case is whole.
    expect(codeOf(() => getCase(s, target.id))).toBe('NOT_FOUND');
    const list = listCases(s, {});
    expect(list.total).toBe(1);
    expect(list.rows.map((r) => r.id)).toEqual([control.id]);
    expect(listCases(s, { search: M.name }).total).toBe(0);
    expect(getCase(s, control.id).persons[0]?.nameOrAlias).toBe(CONTROL.name);
    expect(listNotes(s, control.id).map((n) => n.body)).toEqual([CONTROL.note]);
    expect(listFollowUps(s, control.id).map((f) => f.what)).toEqual([CONTROL.followUp]);
    expect(
      s.read((db) => ({
        ...caseRecordIds(db, target.id),
        cases: db.prepare('SELECT count(*) FROM cases WHERE id = ?').pluck().get(target.id),
        answerHistory: db.prepare('SELECT count(*) FROM answer_history').pluck().get(),
        caseKeys: db.prepare('SELECT case_id FROM case_keys').pluck().all(),
      })),
    ).toEqual({
      persons: [],
      interviews: [],
      answers: [],
      notes: [],
      attachments: [],
      referrals: [],
      followUps: [],
      cases: 0,
      answerHistory: 0,
      caseKeys: [control.id],
    });
    // The control case's audit details still open.
    const controlNote = listAudit(s, { action: 'note.create' }).find(
      (e) => field(e.details, 'caseId') === control.id,
    );
    expect(field(controlNote?.details, 'new', 'body')).toBe(CONTROL.note);

    // The deletion is audited with its reason and counts, and names no one; the chain still verifies.
    const [last] = listAudit(s, { entityId: target.id, limit: 1 });
    expect(last?.action).toBe('case.delete');
    expect(last?.details).toEqual({
      reference: target.reference,
      reason: 'Duplicate of another case, entered twice',
      deleted: {
        persons: 1,
        interviews: 1,
        answers: 1,
        answerHistory: 2,
        notes: 1,
        // the photo, and the signed referral PDF kept with the case
        attachments: 2,
        referrals: 1,
        followUps: 1,
      },
      // every audit row of this case was sealed: nothing is left readable
      plainAuditRowsKept: 0,
    });
    expect(markers.filter((m) => JSON.stringify(last).includes(m))).toEqual([]);
    // The case.delete row is stored in the clear (it is not sealed under the key it destroyed).
    expect(
      JSON.parse(
        s.read((db) =>
          db.prepare('SELECT details_json FROM audit_log WHERE seq = ?').pluck().get(last?.seq),
        ) as string,
      ),
    ).toEqual(last?.details);
    // Every older row of the case now reads as erased, in the audit viewer's source and the case's slice.
    const caseRows = listAudit(s, { limit: 1000 }).filter(
      (e) => e.seq !== last?.seq && JSON.stringify(e.details).includes(target.id),
    );
    const recordIds = new Set([target.id, ...target.persons.map((p) => p.id)]);
    expect(caseRows.length).toBeGreaterThanOrEqual(10);
    for (const e of caseRows) expect(e.details, e.action).toEqual({ erased: true, caseId: target.id });
    expect(caseRows.some((e) => e.action === 'answer.save')).toBe(true);
    expect(caseRows.filter((e) => e.action.startsWith('followup.')).map((e) => e.action)).toEqual([
      'followup.done',
      'followup.add',
    ]);
    expect(caseRows.some((e) => e.entityId !== null && recordIds.has(e.entityId))).toBe(true);
    expect(verifyAudit(s)).toEqual({ ok: true, rows: expect.any(Number), signedFromSeq: 1 });
    s.lock();

    // The raw bytes on disk (encrypted) hold none of the markers.
    for (const file of [paths.db, paths.wal, paths.shm]) {
      if (existsSync(file)) expect(markersIn(file, markers), file).toEqual([]);
    }
    // Decrypted page by page: the control case is readable, so the reader works...
    expect(whereMarkersAre(paths.db, key, [CONTROL.name])[CONTROL.name]).toContain('persons');
    expect(whereMarkersAre(paths.db, key, [CONTROL.followUp])[CONTROL.followUp]).toEqual(['follow_ups']);
    expect(decryptWal(paths.wal, key).filter((f) => markers.some((m) => has(f, m)))).toEqual([]);
    // ...and no page holds anything of the deleted case: not its tables, not a free page (secure_delete
    // zeroed them), not the audit trail (sealed under a key that is gone), and not the key itself.
    const after = whereMarkersAre(paths.db, key, markers);
    for (const m of markers) expect(after[m], m).toEqual([]);
    expect(whereBytesAre(paths.db, key, caseKey)).toEqual([]);
    expect(decryptWal(paths.wal, key).filter((f) => f.includes(caseKey))).toEqual([]);

    // A fresh sign-in: the chain still verifies without the shredded key, the rows still read as erased.
    const again = await store.unlock();
    expect(verifyAudit(again).ok).toBe(true);
    expect(listAudit(again, { entityId: target.persons[0]?.id })[0]?.details).toEqual({
      erased: true,
      caseId: target.id,
    });
    again.lock();
  });

  it("counts the case's audit rows written in plain form before the upgrade; they stay readable", async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    // A row as the writer before schema version 3 stored it: plain details, chained like any other.
    // A row the way the audit writer stored it before schema version 3: details in plain JSON.
    s.write((db, now) =>
      appendPlainAuditRow(db, {
        at: now.toISOString(),
        actorKind: 'user',
        actorId: s.requireUser().id,
        action: 'case.update',
        entityType: 'case',
        entityId: c.id,
        details: { new: { vessel: { name: M.vessel } } },
      }),
    );
    const result = deleteCase(s, { caseId: c.id, reason: 'Test record' });
    const rows = listAudit(s, { entityId: c.id });
    expect(rows[0]?.details).toMatchObject({ reference: result.reference, plainAuditRowsKept: 1 });
    expect(rows.filter((e) => JSON.stringify(e.details).includes(M.vessel)).map((e) => e.action)).toEqual([
      'case.update',
    ]);
    expect(rows.filter((e) => field(e.details, 'erased') === true).map((e) => e.action)).toEqual([
      'case.create',
    ]);
    expect(verifyAudit(s).ok).toBe(true);
    s.lock();
  });

  it('is for supervisors only and needs a reason', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    await addUser(s, {
      username: 'malee',
      displayName: 'Malee',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    expect(codeOf(() => deleteCase(s, { caseId: c.id, reason: '   ' }))).toBe('VALIDATION');
    s.lock();
    const officer = await store.vault.unlock('malee', 'officer passphrase');
    expect(codeOf(() => deleteCase(officer, { caseId: c.id, reason: 'no longer needed' }))).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(getCase(officer, c.id).id).toBe(c.id);
    expect(codeOf(() => deleteCase(officer, { caseId: c.id, reason: 'x' }))).toBe('FORBIDDEN_ROLE');
    officer.lock();
    const again = await store.unlock();
    expect(
      codeOf(() => deleteCase(again, { caseId: '00000000-0000-4000-8000-000000000000', reason: 'x' })),
    ).toBe('NOT_FOUND');
    expect(deleteCase(again, { caseId: c.id, reason: 'Test record' }).reference).toBe(c.reference);
    expect(listCases(again, {}).total).toBe(0);
    again.lock();
  });
});
