import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/main/store/audit';
import { deleteCase } from '../../src/main/store/case-deletion';
import { caseTimeline } from '../../src/main/store/case-history';
import { createCase, getCase, setCaseStatus } from '../../src/main/store/cases';
import { addFollowUp, listFollowUps, setFollowUpDone } from '../../src/main/store/follow-ups';
import type { Session } from '../../src/main/store/session';
import { addUser } from '../../src/main/store/users';
import { dueState, SOON_DAYS } from '../../src/renderer/features/cases/casework/follow-ups';
import { dueDateProblem } from '../../src/shared/domain/follow-ups';
import { AppError } from '../../src/shared/errors';
import { CASE_INPUT } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

const HOUR = 3_600_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

function errorOf(fn: () => unknown): { code: string; messageKey: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, messageKey: e.messageKey };
    throw e;
  }
}

const rawDetails = (s: Session, seq: number) =>
  s.read((db) => db.prepare('SELECT details_json FROM audit_log WHERE seq = ?').pluck().get(seq)) as string;

async function storeWithCase(): Promise<{ store: TestStore; s: Session; caseId: string }> {
  const store = await createTestStore();
  const s = await store.unlock();
  return { store, s, caseId: createCase(s, CASE_INPUT).id };
}

describe('due dates', () => {
  it('names what is wrong with a due date, and accepts real days in the past and future', () => {
    expect(dueDateProblem('2026-06-01')).toBeNull();
    expect(dueDateProblem('2001-01-01')).toBeNull();
    expect(dueDateProblem('2024-02-29')).toBeNull();
    expect(dueDateProblem('')).toBe('missing');
    expect(dueDateProblem('  ')).toBe('missing');
    for (const v of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-04-31', '2026-6-1', '01/06/2026', 'x']) {
      expect(dueDateProblem(v), v).toBe('invalid');
    }
    // A Buddhist-era year typed into the Gregorian date box (2569 = 2026).
    expect(dueDateProblem('2569-06-01')).toBe('buddhistEra');
    expect(dueDateProblem('1999-12-31')).toBe('outOfRange');
    expect(dueDateProblem('2200-01-01')).toBe('outOfRange');
    expect(dueDateProblem('0026-06-01')).toBe('outOfRange');
  });
});

describe('where an open task stands', () => {
  it('is overdue, due today, due soon or later, counted in calendar days', () => {
    const today = '2026-05-21';
    expect(dueState('2026-05-20', today)).toEqual({ state: 'overdue', days: -1 });
    expect(dueState('2025-05-21', today)).toEqual({ state: 'overdue', days: -365 });
    expect(dueState('2026-05-21', today)).toEqual({ state: 'today', days: 0 });
    expect(dueState('2026-05-22', today)).toEqual({ state: 'soon', days: 1 });
    expect(SOON_DAYS).toBe(3);
    expect(dueState('2026-05-24', today)).toEqual({ state: 'soon', days: 3 });
    expect(dueState('2026-05-25', today)).toEqual({ state: 'later', days: 4 });
    // Across a month end and a leap day.
    expect(dueState('2028-03-01', '2028-02-28')).toEqual({ state: 'soon', days: 2 });
  });
});

describe('follow-ups on a case', () => {
  it('lists open ones by due date first, then the done ones, most recently done first', async () => {
    const { store, s, caseId } = await storeWithCase();
    const add = (what: string, dueOn: string) => {
      const f = addFollowUp(s, { caseId, what, dueOn });
      store.clock.advance(HOUR);
      return f;
    };
    const later = add('Check the passport came back from the captain', '2026-07-15');
    const overdue = add('Call the shelter about a bed', '2026-05-01');
    const soon = add('Interpreter for the MDT interview', '2026-05-23');
    const sameDay = add('Ask the employer for the wage slips', '2026-05-23');
    const doneFirst = add('Photograph the contract', '2026-05-10');
    const doneSecond = add('Send the referral by hand', '2026-06-30');

    expect(later).toMatchObject({
      caseId,
      what: 'Check the passport came back from the captain',
      dueOn: '2026-07-15',
      doneAt: null,
      doneBy: null,
      createdBy: 'somchai',
    });
    setFollowUpDone(s, { id: doneFirst.id, done: true });
    store.clock.advance(HOUR);
    const done = setFollowUpDone(s, { id: doneSecond.id, done: true });
    expect(done.doneAt).toBe(new Date(store.clock.now()).toISOString());
    expect(done.doneBy).toBe('somchai');

    expect(listFollowUps(s, caseId).map((f) => f.id)).toEqual([
      overdue.id,
      soon.id,
      sameDay.id,
      later.id,
      doneSecond.id,
      doneFirst.id,
    ]);
    // Another case's follow-ups stay with that case.
    const other = createCase(s, CASE_INPUT).id;
    addFollowUp(s, { caseId: other, what: 'Other case', dueOn: '2026-05-02' });
    expect(listFollowUps(s, caseId)).toHaveLength(6);
    expect(listFollowUps(s, other).map((f) => f.what)).toEqual(['Other case']);
    s.lock();
  });

  it('marks done and reopens, audits each change sealed under the case key, and ignores a repeat', async () => {
    const { store, s, caseId } = await storeWithCase();
    const before = getCase(s, caseId);
    store.clock.advance(HOUR);
    const f = addFollowUp(s, { caseId, what: 'ZQX-FOLLOWUP-TASK-5521', dueOn: '2026-04-30' });
    // Adding a follow-up marks the case as changed, without making an open editor's copy stale.
    const after = getCase(s, caseId);
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect(after.revision).toBe(before.revision);

    const done = setFollowUpDone(s, { id: f.id, done: true });
    expect(done.doneAt).not.toBeNull();
    const auditCount = () => listAudit(s, { entityId: f.id, limit: 100 }).length;
    expect(auditCount()).toBe(2);
    // Asking again for the state it is in changes and records nothing.
    expect(setFollowUpDone(s, { id: f.id, done: true })).toEqual(done);
    expect(auditCount()).toBe(2);
    const reopened = setFollowUpDone(s, { id: f.id, done: false });
    expect(reopened).toMatchObject({ doneAt: null, doneBy: null });
    expect(setFollowUpDone(s, { id: f.id, done: false })).toEqual(reopened);

    const rows = listAudit(s, { entityId: f.id, limit: 100 });
    expect(rows.map((r) => r.action)).toEqual(['followup.reopen', 'followup.done', 'followup.add']);
    const task = { caseId, what: 'ZQX-FOLLOWUP-TASK-5521', dueOn: '2026-04-30' };
    expect(rows.map((r) => r.details)).toEqual([
      { ...task, old: { doneAt: done.doneAt, doneBy: s.user?.id } },
      task,
      task,
    ]);
    for (const r of rows) {
      expect(r.entityType).toBe('follow_up');
      // Stored sealed: only the case id is readable outside the box.
      const stored = rawDetails(s, r.seq);
      expect(stored).not.toContain('ZQX-FOLLOWUP-TASK');
      expect(JSON.parse(stored)).toMatchObject({ enc: 'v1', caseId });
    }
    s.lock();
  });

  it('stores the text trimmed and in NFC, and accepts a due day in the past', async () => {
    const { s, caseId } = await storeWithCase();
    // "e" + combining acute becomes one "é"; Thai text passes unchanged.
    const f = addFollowUp(s, { caseId, what: '  Cafe\u0301 owner: โทรหาเจ้าของร้าน  ', dueOn: '2020-01-31' });
    expect(f.what).toBe('Caf\u00e9 owner: โทรหาเจ้าของร้าน');
    expect(f.dueOn).toBe('2020-01-31');
    expect(addFollowUp(s, { caseId, what: 'x'.repeat(500), dueOn: '2026-05-21' }).what).toHaveLength(500);
    s.lock();
  });

  it('refuses bad input with VALIDATION and stores nothing', async () => {
    const { s, caseId } = await storeWithCase();
    const bad: unknown[] = [
      { caseId, what: '', dueOn: '2026-06-01' },
      { caseId, what: '   ', dueOn: '2026-06-01' },
      { caseId, what: 'x'.repeat(501), dueOn: '2026-06-01' },
      { caseId, what: 'Call', dueOn: '' },
      { caseId, what: 'Call', dueOn: '2026-02-30' },
      { caseId, what: 'Call', dueOn: '2026-06-01T00:00:00Z' },
      { caseId, what: 'Call', dueOn: '2569-06-01' },
      { caseId, what: 'Call', dueOn: '1999-12-31' },
      { caseId, what: 'Call' },
      { caseId: 'not-a-uuid', what: 'Call', dueOn: '2026-06-01' },
      { caseId, what: 42, dueOn: '2026-06-01' },
    ];
    for (const input of bad) {
      expect(
        errorOf(() => addFollowUp(s, input as never)),
        JSON.stringify(input),
      ).toEqual({ code: 'VALIDATION', messageKey: 'errors.validation' });
    }
    expect(errorOf(() => setFollowUpDone(s, { id: 'x', done: true }))?.code).toBe('VALIDATION');
    expect(errorOf(() => setFollowUpDone(s, { id: NO_SUCH_ID, done: 'yes' } as never))?.code).toBe(
      'VALIDATION',
    );
    expect(errorOf(() => listFollowUps(s, 'x'))?.code).toBe('VALIDATION');
    // Unknown records.
    expect(
      errorOf(() => addFollowUp(s, { caseId: NO_SUCH_ID, what: 'Call', dueOn: '2026-06-01' }))?.code,
    ).toBe('NOT_FOUND');
    expect(errorOf(() => setFollowUpDone(s, { id: NO_SUCH_ID, done: true }))?.code).toBe('NOT_FOUND');
    expect(errorOf(() => listFollowUps(s, NO_SUCH_ID))?.code).toBe('NOT_FOUND');
    expect(listFollowUps(s, caseId)).toEqual([]);
    expect(listAudit(s, { limit: 1000 }).filter((e) => e.action.startsWith('followup.'))).toEqual([]);
    s.lock();
  });

  it('a closed case keeps its follow-ups readable but refuses changes to them', async () => {
    const { s, caseId } = await storeWithCase();
    const open = addFollowUp(s, { caseId, what: 'Visit the shelter', dueOn: '2026-06-01' });
    setCaseStatus(s, { id: caseId, status: 'closed', reason: 'Referred; screening work done.' });
    const closed = { code: 'CONFLICT', messageKey: 'errors.followUpsCaseClosed' };
    expect(errorOf(() => addFollowUp(s, { caseId, what: 'Too late', dueOn: '2026-06-02' }))).toEqual(closed);
    expect(errorOf(() => setFollowUpDone(s, { id: open.id, done: true }))).toEqual(closed);
    expect(listFollowUps(s, caseId)).toEqual([open]);

    // Consent withdrawn freezes the case the same way.
    const other = createCase(s, CASE_INPUT).id;
    const f = addFollowUp(s, { caseId: other, what: 'Return the documents', dueOn: '2026-06-01' });
    setFollowUpDone(s, { id: f.id, done: true });
    setCaseStatus(s, { id: other, status: 'consent_withdrawn', reason: 'The person asked to stop.' });
    expect(errorOf(() => setFollowUpDone(s, { id: f.id, done: false }))).toEqual(closed);
    s.lock();
  });

  it('officers may read and change follow-ups; a recovery session and a locked one may not', async () => {
    const { store, s, caseId } = await storeWithCase();
    const f = addFollowUp(s, { caseId, what: 'Call the shelter', dueOn: '2026-06-01' });
    await addUser(s, {
      username: 'malee',
      displayName: 'Malee',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    s.lock();
    expect(errorOf(() => listFollowUps(s, caseId))?.code).toBe('LOCKED');
    expect(errorOf(() => addFollowUp(s, { caseId, what: 'x', dueOn: '2026-06-01' }))?.code).toBe('LOCKED');

    const officer = await store.vault.unlock('malee', 'officer passphrase');
    const mine = addFollowUp(officer, { caseId, what: 'Bring the interpreter', dueOn: '2026-05-25' });
    expect(mine.createdBy).toBe('malee');
    expect(setFollowUpDone(officer, { id: f.id, done: true }).doneBy).toBe('malee');
    expect(listFollowUps(officer, caseId).map((x) => x.id)).toEqual([mine.id, f.id]);
    officer.lock();

    const recovery = await store.vault.unlockWithRecoveryKey(store.recoveryKey);
    expect(errorOf(() => listFollowUps(recovery, caseId))?.code).toBe('FORBIDDEN_ROLE');
    expect(errorOf(() => addFollowUp(recovery, { caseId, what: 'x', dueOn: '2026-06-01' }))?.code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(errorOf(() => setFollowUpDone(recovery, { id: f.id, done: false }))?.code).toBe('FORBIDDEN_ROLE');
    recovery.lock();
  });

  it("shows in the case's timeline with the task and its due day", async () => {
    const { s, caseId } = await storeWithCase();
    const f = addFollowUp(s, { caseId, what: 'Call the shelter', dueOn: '2026-06-01' });
    setFollowUpDone(s, { id: f.id, done: true });
    setFollowUpDone(s, { id: f.id, done: false });
    const entries = caseTimeline(s, { caseId, includeRoutine: false, limit: 300 });
    expect(entries.slice(0, 3).map((e) => [e.action, e.followUp, e.actor])).toEqual([
      ['followup.reopen', { what: 'Call the shelter', dueOn: '2026-06-01' }, 'somchai'],
      ['followup.done', { what: 'Call the shelter', dueOn: '2026-06-01' }, 'somchai'],
      ['followup.add', { what: 'Call the shelter', dueOn: '2026-06-01' }, 'somchai'],
    ]);
    s.lock();
  });

  it('go with their case when it is deleted; their audit details read as erased', async () => {
    const { s, caseId } = await storeWithCase();
    const f = addFollowUp(s, { caseId, what: 'Call the shelter', dueOn: '2026-06-01' });
    setFollowUpDone(s, { id: f.id, done: true });
    const result = deleteCase(s, { caseId, reason: 'Entered twice' });
    expect(s.read((db) => db.prepare('SELECT count(*) FROM follow_ups').pluck().get())).toBe(0);
    const rows = listAudit(s, { entityId: f.id, limit: 100 });
    expect(rows.map((r) => r.action)).toEqual(['followup.done', 'followup.add']);
    for (const r of rows) expect(r.details).toEqual({ erased: true, caseId });
    const [deletion] = listAudit(s, { entityId: caseId, action: 'case.delete', limit: 1 });
    expect(deletion?.details).toMatchObject({ reference: result.reference, deleted: { followUps: 1 } });
    s.lock();
  });
});
