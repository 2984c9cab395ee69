import {
  AUTOMATIC_REASON,
  type ScreeningResult as CaseScreeningResult,
  type CaseStatus,
} from '../../shared/domain/cases';
import type { InterviewStartInput } from '../../shared/domain/interviews';
import { personDetailsFromAnswers, personFieldsFromDetails } from '../../shared/domain/person-details';
import type { PersonUpdateInput } from '../../shared/domain/persons';
import { INSTRUMENT } from '../../shared/instrument';
import { evaluate, type ScreeningResult } from '../../shared/screening';
import type { Db } from '../db/driver';
import { applyPersonUpdate, type CaseRow, touchCase } from './cases';
import { answersForInterview } from './interview-answers';
import type { InterviewRow } from './interview-rows';
import type { Session } from './session';

/**
 * The case's screening result from the engine's evaluation: urgent first, then any finding behind a
 * referral or follow-up recommendation, then "no indicators" only when enough was answered; otherwise
 * the person counts as not (yet) screened. Pure.
 */
export function caseResultOf(result: ScreeningResult): CaseScreeningResult {
  if (result.urgent.flagged) return 'urgent';
  const codes = result.recommendations.map((r) => r.code);
  if (codes.some((c) => c === 'refer_mdt' || c === 'refer_forced_labour' || c === 'labour_rights_follow_up'))
    return 'indicators_found';
  if (codes.includes('no_indicators_found')) return 'no_indicators';
  return 'not_screened';
}

/** Events that move a case's status by themselves. */
export type StatusEvent = 'interview_completed' | 'referral_signed';

/**
 * Where an event takes the case: a completed interview makes a draft "screened"; a signed referral makes
 * a draft or screened case "referred". Anything else (already further, closed, withdrawn) stays. Pure.
 */
export function automaticStatus(from: CaseStatus, event: StatusEvent): CaseStatus | null {
  if (event === 'interview_completed') return from === 'draft' ? 'screened' : null;
  return from === 'draft' || from === 'screened' ? 'referred' : null;
}

/** Applies automaticStatus in the caller's transaction, audited with the reason "automatic". */
export function advanceCaseStatus(
  session: Session,
  db: Db,
  now: Date,
  caseId: string,
  event: StatusEvent,
): void {
  const row = db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as
    | Pick<CaseRow, 'status'>
    | undefined;
  if (!row) return;
  const next = automaticStatus(row.status, event);
  if (!next) return;
  db.prepare('UPDATE cases SET status = ?, status_reason = NULL WHERE id = ?').run(next, caseId);
  touchCase(db, caseId, session.requireUser().id, now);
  session.audit(db, now, {
    action: 'case.status',
    entityType: 'case',
    entityId: caseId,
    details: { old: { status: row.status }, new: { status: next, reason: AUTOMATIC_REASON }, event },
  });
}

/**
 * Recomputes the case's screening result from the stored answers of an interview that has just ended
 * (the same engine the screens use, over the same answers: the person's earlier interviews on the case
 * and this one), in the caller's transaction; a change is audited with the reason "automatic".
 */
export function refreshCaseResult(
  session: Session,
  db: Db,
  now: Date,
  interview: InterviewRow,
): CaseScreeningResult {
  const tier = interview.tier === 'full' ? 'full' : 'short';
  const computed = caseResultOf(evaluate(INSTRUMENT, answersForInterview(db, interview), { tier }));
  const before = db
    .prepare('SELECT screening_result FROM cases WHERE id = ?')
    .pluck()
    .get(interview.case_id) as CaseScreeningResult | undefined;
  if (before === undefined) return computed;
  // A later interview cut short says nothing new: it never undoes what an earlier one established.
  const result = computed === 'not_screened' ? before : computed;
  if (before === result) return result;
  db.prepare('UPDATE cases SET screening_result = ? WHERE id = ?').run(result, interview.case_id);
  touchCase(db, interview.case_id, session.requireUser().id, now);
  session.audit(db, now, {
    action: 'case.update',
    entityType: 'case',
    entityId: interview.case_id,
    details: {
      old: { screening_result: before },
      new: { screening_result: result },
      reason: AUTOMATIC_REASON,
      interviewId: interview.id,
    },
  });
  return result;
}

/** The person's languages with `first` leading (at most 10, as the person record holds). */
function languagesLedBy(db: Db, personId: string, first: string): string[] {
  const json = db.prepare('SELECT languages_json FROM persons WHERE id = ?').pluck().get(personId);
  const known = typeof json === 'string' ? (JSON.parse(json) as string[]) : [];
  return [first, ...known.filter((l) => l !== first)].slice(0, 10);
}

/**
 * The pre-interview form fills the person record (in the caller's transaction, audited as
 * automatic): the interview language leads the person's languages, and the dialect and the preferred
 * interviewer gender are recorded when the form gave them.
 */
export function personFromSetup(
  session: Session,
  db: Db,
  now: Date,
  personId: string,
  setup: Pick<
    InterviewStartInput,
    'intervieweeLanguage' | 'intervieweeDialect' | 'preferredInterviewerGender'
  >,
): void {
  const update: PersonUpdateInput = {
    id: personId,
    languages: languagesLedBy(db, personId, setup.intervieweeLanguage),
  };
  if (setup.intervieweeDialect) update.dialect = setup.intervieweeDialect;
  if (setup.preferredInterviewerGender) update.preferredInterviewerGender = setup.preferredInterviewerGender;
  applyPersonUpdate(session, db, now, update, AUTOMATIC_REASON);
}

/**
 * When an interview ends, what the person said about themselves fills their record (age, sex,
 * nationality, languages, dialect, how the age was known, minor): only real answers, never "not sure"
 * or "prefers not to say". Audited as automatic with the old and new values.
 */
export function personFromAnswers(session: Session, db: Db, now: Date, interview: InterviewRow): void {
  if (!interview.person_id) return;
  const fields = personFieldsFromDetails(
    personDetailsFromAnswers(INSTRUMENT, answersForInterview(db, interview)),
  );
  if (fields.languages)
    fields.languages = [
      interview.interviewee_language,
      ...fields.languages.filter((l) => l !== interview.interviewee_language),
    ].slice(0, 10);
  applyPersonUpdate(session, db, now, { id: interview.person_id, ...fields }, AUTOMATIC_REASON);
}
