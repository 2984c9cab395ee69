import { describe, expect, it } from 'vitest';
import { runScriptedInterview } from '../../src/main/demo/seed';
import { addAttachment, getAttachmentContent, listAttachments } from '../../src/main/store/attachments';
import { listAudit, verifyAudit } from '../../src/main/store/audit';
import {
  createCase,
  getCase,
  listCases,
  listPlaces,
  setCaseStatus,
  updateCase,
  updatePerson,
} from '../../src/main/store/cases';
import { getInterview, saveAnswer, setInterviewState, startInterview } from '../../src/main/store/interviews';
import { addNote, listNotes } from '../../src/main/store/notes';
import { listReferrals, recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { getSettings, updateSettings } from '../../src/main/store/settings';
import { addUser } from '../../src/main/store/users';
import { answer } from '../../src/shared/instrument';
import { codeOf } from '../helpers/errors';
import { CASE_INPUT, INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/** In danger now: the engine flags it urgent. */
const URGENT_SCRIPT = { lang: 'my' as const, interpreter: null, answers: { needs_danger_now: answer.yes() } };

async function withOfficer(store: TestStore, supervisor: Session): Promise<Session> {
  await addUser(supervisor, {
    username: 'malee',
    displayName: 'Malee',
    role: 'officer',
    passphrase: 'officer passphrase',
  });
  return store.vault.unlock('malee', 'officer passphrase');
}

describe('cases', () => {
  it('creates a case with its first person, and audits creation and views', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const created = createCase(s, CASE_INPUT);
    expect(created).toMatchObject({
      status: 'draft',
      placeName: 'Songkhla PIPO',
      vesselName: 'Sea Star 7',
      primaryPersonName: 'Ko Aung',
      screeningResult: 'not_screened',
      revision: 1,
      createdBy: 'somchai',
    });
    expect(created.reference).toMatch(/^FS-20260521-[0-9A-Z]{4}$/);
    expect(created.persons).toHaveLength(1);
    const viewed = getCase(s, created.id);
    expect(viewed.id).toBe(created.id);
    const audit = listAudit(s, { entityId: created.id });
    expect(audit.map((a) => a.action)).toEqual(['case.view', 'case.create']);
    expect(codeOf(() => getCase(s, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    s.lock();
  });

  it('updates with optimistic concurrency and keeps old and new values in the audit', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const updated = updateCase(s, {
      id: c.id,
      expectedRevision: 1,
      officerAssessment: 'needs MDT',
    });
    expect(updated.revision).toBe(2);
    // The result is main's, computed from the answers: an update cannot set it.
    const unknownField = { screeningResult: 'urgent' } as Record<string, unknown>;
    expect(updateCase(s, { id: c.id, expectedRevision: 2, ...unknownField }).screeningResult).toBe(
      'not_screened',
    );
    expect(
      codeOf(() => updateCase(s, { id: c.id, expectedRevision: 1, officerAssessment: 'stale edit' })),
    ).toBe('CONFLICT');
    const entry = listAudit(s, { action: 'case.update' })[0];
    expect(entry?.details).toEqual({
      old: { officer_assessment: null },
      new: { officer_assessment: 'needs MDT' },
    });
    s.lock();
  });

  it('follows the status rules: reasons for closing/withdrawal, no way back from a final state', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    expect(codeOf(() => setCaseStatus(s, { id: c.id, status: 'referred' }))).toBe('CONFLICT');
    // "Screened" needs a completed interview; completing one moves the status by itself.
    expect(codeOf(() => setCaseStatus(s, { id: c.id, status: 'screened' }))).toBe('CONFLICT');
    const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
    setInterviewState(s, { interviewId: iv.id, state: 'completed' });
    expect(getCase(s, c.id).status).toBe('screened');
    expect(codeOf(() => setCaseStatus(s, { id: c.id, status: 'consent_withdrawn' }))).toBe('VALIDATION');
    const withdrawn = setCaseStatus(s, {
      id: c.id,
      status: 'consent_withdrawn',
      reason: 'person asked to stop',
    });
    expect(withdrawn.status).toBe('consent_withdrawn');
    expect(withdrawn.statusReason).toBe('person asked to stop');
    expect(codeOf(() => setCaseStatus(s, { id: c.id, status: 'screened' }))).toBe('CONFLICT');
    expect(
      codeOf(() => updateCase(s, { id: c.id, expectedRevision: withdrawn.revision, officerAssessment: 'x' })),
    ).toBe('CONFLICT');
    // Notes are still possible on a closed case.
    expect(addNote(s, { caseId: c.id, body: 'left the centre' }).body).toBe('left the centre');
    s.lock();
  });

  it('lists with search (any script, any case), filters, sort and paging in SQL', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const a = createCase(s, { ...CASE_INPUT, person: { nameOrAlias: 'สมศักดิ์ ใจดี' } });
    const b = createCase(s, {
      place: { kind: 'port', name: 'Ranong Port' },
      screeningDate: '2026-04-02',
      person: { nameOrAlias: 'Sokha CHAN' },
    });
    const c = createCase(s, {
      place: { kind: 'port', name: 'Ranong Port' },
      screeningDate: '2026-05-01',
      person: { nameOrAlias: 'Mya Mya' },
    });
    runScriptedInterview(s, URGENT_SCRIPT, { caseId: c.id, tier: 'short' });

    expect(listCases(s, { search: 'ใจดี' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(listCases(s, { search: 'sokha chan' }).rows.map((r) => r.id)).toEqual([b.id]);
    expect(listCases(s, { search: 'MYA' }).rows.map((r) => r.id)).toEqual([c.id]);
    expect(listCases(s, { search: 'ranong mya' }).rows.map((r) => r.id)).toEqual([c.id]);
    expect(listCases(s, { search: 'sea star' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(listCases(s, { place: 'Ranong Port' }).total).toBe(2);
    expect(listCases(s, { result: 'urgent' }).rows.map((r) => r.id)).toEqual([c.id]);
    expect(listCases(s, { dateFrom: '2026-04-15', dateTo: '2026-05-10' }).rows.map((r) => r.id)).toEqual([
      c.id,
    ]);
    const byDate = listCases(s, { sort: { column: 'screeningDate', direction: 'asc' } });
    expect(byDate.rows.map((r) => r.id)).toEqual([b.id, c.id, a.id]);
    const page = listCases(s, { sort: { column: 'screeningDate', direction: 'asc' }, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ id: c.id }] });
    expect(listPlaces(s)).toEqual(['Ranong Port', 'Songkhla PIPO']);
    // Renaming a person updates the search text in the same transaction.
    const person = getCase(s, a.id).persons[0];
    if (!person) throw new Error('no person');
    updatePerson(s, { id: person.id, nameOrAlias: 'Alias Nine' });
    expect(listCases(s, { search: 'alias nine' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(listCases(s, { search: 'ใจดี' }).total).toBe(0);
    s.lock();
  });
});

describe('interviews and answers', () => {
  it('saves answers durably with revisions, history of old values and audit rows', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id, personId: c.persons[0]?.id });
    const save = (choice: string, clientSeq: number) =>
      saveAnswer(s, {
        interviewId: iv.id,
        questionId: 'q.safe_now',
        value: { kind: 'choice', value: choice },
        clientSeq,
      });
    const first = save('yes', 1);
    expect(first).toMatchObject({ status: 'saved', revision: 1 });
    expect(save('no', 2)).toMatchObject({ status: 'saved', revision: 2 });
    // A late retry of the first save does not undo the newer answer.
    expect(save('yes', 1)).toMatchObject({ status: 'superseded', revision: 2 });
    const retry = save('no', 2);
    expect(retry).toMatchObject({ status: 'unchanged', revision: 2 });

    const detail = getInterview(s, iv.id);
    expect(detail.answers).toEqual([
      expect.objectContaining({
        questionId: 'q.safe_now',
        value: { kind: 'choice', value: 'no' },
        revision: 2,
        answeredBy: 'somchai',
      }),
    ]);
    const history = s.db
      .prepare('SELECT old_value_json, new_value_json FROM answer_history ORDER BY id')
      .all() as { old_value_json: string | null; new_value_json: string }[];
    expect(
      history.map((h) => [JSON.parse(h.old_value_json ?? 'null'), JSON.parse(h.new_value_json)]),
    ).toEqual([
      [null, { kind: 'choice', value: 'yes' }],
      [
        { kind: 'choice', value: 'yes' },
        { kind: 'choice', value: 'no' },
      ],
    ]);
    const saves = listAudit(s, { action: 'answer.save' });
    expect(saves.map((a) => a.details)).toEqual([
      {
        questionId: 'q.safe_now',
        revision: 2,
        old: { kind: 'choice', value: 'yes' },
        new: { kind: 'choice', value: 'no' },
      },
      { questionId: 'q.safe_now', revision: 1, old: null, new: { kind: 'choice', value: 'yes' } },
    ]);
    // Answers move "last change" but not the case editor's revision.
    const after = getCase(s, c.id);
    expect(after.revision).toBe(1);
    expect(after.updatedAt).toBe(first.savedAt);
    s.lock();
  });

  it('rejects oversize or non-JSON values and saves into closed interviews', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
    expect(
      codeOf(() =>
        saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: 'x'.repeat(70_000), clientSeq: 1 }),
      ),
    ).toBe('VALIDATION');
    expect(
      codeOf(() =>
        saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: undefined as never, clientSeq: 1 }),
      ),
    ).toBe('VALIDATION');
    expect(
      codeOf(() => saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: Number.NaN, clientSeq: 1 })),
    ).toBe('VALIDATION');
    setInterviewState(s, { interviewId: iv.id, state: 'paused', position: 'q.health.3' });
    expect(saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: 1, clientSeq: 1 }).status).toBe(
      'saved',
    );
    const resumed = setInterviewState(s, { interviewId: iv.id, state: 'in_progress' });
    expect(resumed.position).toBe('q.health.3');
    expect(codeOf(() => setInterviewState(s, { interviewId: iv.id, state: 'stopped' }))).toBe('VALIDATION');
    const stopped = setInterviewState(s, {
      interviewId: iv.id,
      state: 'stopped',
      reason: 'not safe to continue',
    });
    expect(stopped.endedAt).not.toBeNull();
    expect(codeOf(() => saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: 2, clientSeq: 2 }))).toBe(
      'CONFLICT',
    );
    // A stopped interview can be resumed (audited as a state change); a completed one is final.
    const again = setInterviewState(s, { interviewId: iv.id, state: 'in_progress' });
    expect([again.state, again.endedAt, again.stateReason]).toEqual(['in_progress', null, null]);
    expect(listAudit(s, { action: 'interview.state', entityId: iv.id })[0]?.details).toMatchObject({
      old: { state: 'stopped' },
      new: { state: 'in_progress' },
    });
    expect(saveAnswer(s, { interviewId: iv.id, questionId: 'q', value: 2, clientSeq: 2 }).status).toBe(
      'saved',
    );
    setInterviewState(s, { interviewId: iv.id, state: 'completed' });
    expect(codeOf(() => setInterviewState(s, { interviewId: iv.id, state: 'in_progress' }))).toBe('CONFLICT');
    s.lock();
  });
});

describe('notes, attachments, referrals', () => {
  it('keeps notes with their author', async () => {
    const store = await createTestStore();
    const sup = await store.unlock();
    const c = createCase(sup, CASE_INPUT);
    const officer = await withOfficer(store, sup);
    addNote(officer, { caseId: c.id, body: 'first impression' });
    expect(listNotes(sup, c.id).map((n) => [n.body, n.authorId, n.importedFrom])).toEqual([
      ['first impression', 'malee', null],
    ]);
    expect(listAudit(sup, { action: 'note.create' })[0]?.details).toMatchObject({
      new: { body: 'first impression' },
    });
    officer.lock();
    sup.lock();
  });

  it('stores attachments inside the database and audits reading them', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const bytes = new Uint8Array([1, 2, 3, 250, 251, 252]);
    const a = addAttachment(s, {
      caseId: c.id,
      fileName: 'passport.jpg',
      mediaType: 'image/jpeg',
      content: bytes,
    });
    expect(a).toMatchObject({ size: 6, mediaType: 'image/jpeg' });
    expect(listAttachments(s, c.id).map((x) => x.id)).toEqual([a.id]);
    const read = getAttachmentContent(s, a.id);
    expect(Array.from(read.content)).toEqual(Array.from(bytes));
    expect(listAudit(s, { action: 'attachment.view' })).toHaveLength(1);
    // An empty file is refused by the service itself, whichever entry point brings it.
    expect(() =>
      addAttachment(s, {
        caseId: c.id,
        fileName: 'empty.jpg',
        mediaType: 'image/jpeg',
        content: new Uint8Array(),
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(listAttachments(s, c.id)).toHaveLength(1);
    s.lock();
  });

  it('records a referral with hash, signer and time, optionally keeping the PDF', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const r = recordReferral(s, {
      caseId: c.id,
      receivingAgency: 'MDT Songkhla',
      fileName: 'referral.pdf',
      fileSha256: 'a'.repeat(64),
      signerFingerprint: 'b'.repeat(64),
      signerName: 'Somchai P.',
      signedAt: '2026-05-21T09:00:00.000Z',
      pdf: new Uint8Array([37, 80, 68, 70]),
    });
    expect(r.attachmentId).not.toBeNull();
    expect(listReferrals(s, c.id)).toEqual([r]);
    expect(listAttachments(s, c.id)[0]?.mediaType).toBe('application/pdf');
    s.lock();
  });
});

describe('settings and roles', () => {
  it('has defaults, lets officers change personal settings only, and audits changes', async () => {
    const store = await createTestStore();
    const sup = await store.unlock();
    expect(getSettings(sup)).toMatchObject({
      autoLockMinutes: 5,
      uiLanguage: 'th',
      intervieweeLanguageDefault: 'my',
    });
    updateSettings(sup, {
      autoLockMinutes: 10,
      agency: { name: 'DLPW Songkhla', unit: '', province: 'Songkhla', address: '', phone: '' },
    });
    const officer = await withOfficer(store, sup);
    expect(getSettings(officer).autoLockMinutes).toBe(10);
    expect(codeOf(() => updateSettings(officer, { autoLockMinutes: 60 }))).toBe('FORBIDDEN_ROLE');
    expect(updateSettings(officer, { uiLanguage: 'km' }).uiLanguage).toBe('km');
    expect(codeOf(() => updateSettings(sup, { autoLockMinutes: 0 }))).toBe('VALIDATION');
    expect(
      listAudit(sup, { action: 'settings.update' })
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(['agency', 'autoLockMinutes', 'uiLanguage']);
    // Officers cannot read the audit trail.
    expect(codeOf(() => listAudit(officer))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => verifyAudit(officer))).toBe('FORBIDDEN_ROLE');
    officer.lock();
    sup.lock();
  });

  it('refuses every service once the session is locked', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    s.lock();
    expect(codeOf(() => getCase(s, c.id))).toBe('LOCKED');
    expect(codeOf(() => listCases(s))).toBe('LOCKED');
  });
});
