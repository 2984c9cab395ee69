import { describe, expect, it } from 'vitest';
import { runScriptedInterview } from '../../src/main/demo/seed';
import { listAudit } from '../../src/main/store/audit';
import { automaticStatus, caseResultOf } from '../../src/main/store/case-outcome';
import { createCase, getCase, setCaseStatus } from '../../src/main/store/cases';
import { saveAnswer, setInterviewState, startInterview } from '../../src/main/store/interviews';
import { recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { CASE_STATUSES } from '../../src/shared/domain/cases';
import { type Answers, answer, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate } from '../../src/shared/screening';
import { codeOf } from '../helpers/errors';
import { CASE_INPUT } from '../helpers/samples';
import { FACTS_FOR_RESULT } from '../helpers/screening-facts';
import { createTestApp, createTestStore } from '../helpers/test-app';

/** An adult (the neutral number answer would be 8, a child, which is urgent by itself). */
const script = (answers: Answers) => ({
  lang: 'my' as const,
  interpreter: null,
  answers: { id_age: answer.number(30), ...answers },
});

async function freshCase(): Promise<{ s: Session; caseId: string; personId: string }> {
  const store = await createTestStore();
  const s = await store.unlock();
  const c = createCase(s, CASE_INPUT);
  return { s, caseId: c.id, personId: c.persons[0]?.id ?? '' };
}

const automaticAudit = (s: Session, caseId: string) =>
  listAudit(s, { entityId: caseId })
    .filter((e) => e.action === 'case.status' || e.action === 'case.update')
    .map((e) => ({ action: e.action, details: e.details }));

describe("the case's screening result, computed in main", () => {
  it.each(Object.entries(FACTS_FOR_RESULT))(
    'a completed short screen scripted for "%s" gives that result',
    async (expected, answers) => {
      const { s, caseId, personId } = await freshCase();
      const given = runScriptedInterview(s, script(answers), { caseId, personId, tier: 'short' });
      const detail = getCase(s, caseId);
      expect(detail.screeningResult).toBe(expected);
      // The same engine over the same stored answers, never a copy of the rule.
      expect(caseResultOf(evaluate(INSTRUMENT, given, { tier: 'short' }))).toBe(expected);
      s.lock();
    },
  );

  it('records a change of result with the reason "automatic", and never undoes it with a later interview cut short', async () => {
    const { s, caseId, personId } = await freshCase();
    runScriptedInterview(s, script(FACTS_FOR_RESULT.urgent), { caseId, personId, tier: 'short' });
    expect(automaticAudit(s, caseId)).toEqual([
      {
        action: 'case.status',
        details: {
          old: { status: 'draft' },
          new: { status: 'screened', reason: 'automatic' },
          event: 'interview_completed',
        },
      },
      {
        action: 'case.update',
        details: expect.objectContaining({
          old: { screening_result: 'not_screened' },
          new: { screening_result: 'urgent' },
          reason: 'automatic',
        }),
      },
    ]);
    // A full interview stopped at once: nothing new, the result stays.
    const full = startInterview(s, {
      caseId,
      personId,
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'full',
      intervieweeLanguage: 'my',
    });
    setInterviewState(s, { interviewId: full.id, state: 'stopped', reason: 'called away' });
    expect(getCase(s, caseId).screeningResult).toBe('urgent');
    s.lock();
  });

  it('a stopped interview sets the result but not the status; only a completed one makes the case screened', async () => {
    const { s, caseId, personId } = await freshCase();
    const iv = startInterview(s, {
      caseId,
      personId,
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'short',
      intervieweeLanguage: 'my',
    });
    saveAnswer(s, {
      interviewId: iv.id,
      questionId: 'safety_others_present',
      value: answer.yes(),
      clientSeq: 1,
    });
    saveAnswer(s, {
      interviewId: iv.id,
      questionId: 'safety_safe_to_talk',
      value: answer.no(),
      clientSeq: 2,
    });
    setInterviewState(s, { interviewId: iv.id, state: 'stopped', reason: 'not safe to talk' });
    const detail = getCase(s, caseId);
    expect(detail.status).toBe('draft');
    expect(detail.screeningResult).toBe('urgent');
    expect(codeOf(() => setCaseStatus(s, { id: caseId, status: 'screened' }))).toBe('CONFLICT');
    s.lock();
  });

  it('the renderer cannot send a result: cases.update refuses the field', async () => {
    const app = createTestApp('fs-outcome-ipc-');
    try {
      await app.ok('vault.initialise', {
        username: 'somchai',
        displayName: 'Somchai',
        passphrase: 'correct horse battery',
      });
      const c = await app.ok<{ id: string; revision: number }>('cases.create', {
        place: { kind: 'port', name: 'Ranong Port' },
        screeningDate: '2026-05-21',
      });
      expect(
        await app.code('cases.update', { id: c.id, expectedRevision: c.revision, screeningResult: 'urgent' }),
      ).toBe('VALIDATION');
      expect((await app.ok<{ screeningResult: string }>('cases.get', { id: c.id })).screeningResult).toBe(
        'not_screened',
      );
    } finally {
      app.close();
    }
  });
});

describe('automatic status transitions', () => {
  it('move forward only: completion makes a draft screened, a signed referral makes draft or screened referred', () => {
    const table = Object.fromEntries(
      CASE_STATUSES.map((from) => [
        from,
        [automaticStatus(from, 'interview_completed'), automaticStatus(from, 'referral_signed')],
      ]),
    );
    expect(table).toEqual({
      draft: ['screened', 'referred'],
      screened: [null, 'referred'],
      referred: [null, null],
      closed: [null, null],
      consent_withdrawn: [null, null],
    });
  });

  it('a recorded referral makes the case referred, audited as automatic; a closed case stays closed', async () => {
    const { s, caseId, personId } = await freshCase();
    runScriptedInterview(s, script(FACTS_FOR_RESULT.indicators_found), { caseId, personId, tier: 'short' });
    expect(getCase(s, caseId).status).toBe('screened');
    const referral = {
      caseId,
      receivingAgency: 'Ranong shelter',
      fileName: 'referral.pdf',
      fileSha256: 'b'.repeat(64),
      signerFingerprint: 'a'.repeat(64),
      signerName: 'Somchai P.',
      signedAt: '2026-05-21T08:30:00.000Z',
    };
    recordReferral(s, referral);
    expect(getCase(s, caseId).status).toBe('referred');
    const last = listAudit(s, { entityId: caseId, action: 'case.status' })[0];
    expect(last?.details).toEqual({
      old: { status: 'screened' },
      new: { status: 'referred', reason: 'automatic' },
      event: 'referral_signed',
    });
    setCaseStatus(s, { id: caseId, status: 'closed', reason: 'handed over' });
    // A closed case takes no referral at all (frozen record).
    expect(codeOf(() => recordReferral(s, referral))).toBe('CONFLICT');
    expect(getCase(s, caseId).status).toBe('closed');
    s.lock();
  });
});
