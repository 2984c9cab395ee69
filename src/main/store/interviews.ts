import { randomUUID } from 'node:crypto';
import { entityId } from '../../shared/domain/common';
import { sameConsentReceiver } from '../../shared/domain/consent-receiver';
import {
  type InterviewDetail,
  type InterviewSetStateInput,
  type InterviewStartInput,
  type InterviewState,
  type InterviewSummary,
  interviewSetStateInput,
  interviewStartInput,
  OPEN_INTERVIEW_STATES,
  type SaveAnswerInput,
  type SaveAnswerResult,
  saveAnswerInput,
} from '../../shared/domain/interviews';
import { AppError } from '../../shared/errors';
import { findQuestion, INSTRUMENT } from '../../shared/instrument';
import type { Db } from '../db/driver';
import { type AnswerRow, answerFromRow } from './answer-rows';
import { type InstrumentText, wordingFromJson, wordingToRecord } from './answer-wording';
import { loadAttribution } from './attribution';
import { advanceCaseStatus, personFromAnswers, personFromSetup, refreshCaseResult } from './case-outcome';
import { assertCaseOpen, loadCaseRow, reasonRequired, touchCase } from './cases';
import { consentReceiverToRecord } from './consent-receiver';
import { type InterviewRow, interviewFromRow } from './interview-rows';
import { activeMilliseconds, interviewClockEvents } from './interview-time';
import type { Session } from './session';
import { parseInput } from './validate';

/**
 * Allowed state changes; the same state is allowed too (to move the saved position). A stopped
 * interview can be resumed (the person is ready to go on after all); a completed one is final.
 */
const STATE_TRANSITIONS: Record<InterviewState, readonly InterviewState[]> = {
  in_progress: ['in_progress', 'paused', 'completed', 'stopped'],
  paused: ['paused', 'in_progress', 'completed', 'stopped'],
  completed: [],
  stopped: ['in_progress'],
};

/** A question of this app's instrument that may be answered after a stop (see the instrument schema). */
function isAfterStopCheck(questionId: string): boolean {
  return findQuestion(INSTRUMENT, questionId)?.afterStop === true;
}

/** The stored interview, or NOT_FOUND. */
export function loadInterviewRow(db: Db, id: string): InterviewRow {
  const row = db.prepare('SELECT * FROM interviews WHERE id = ?').get(id) as InterviewRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function startInterview(session: Session, input: InterviewStartInput): InterviewSummary {
  const user = session.require('interviews.write');
  const p = parseInput(interviewStartInput, input);
  const id = session.write((db, now) => {
    assertCaseOpen(loadCaseRow(db, p.caseId));
    if (p.personId) {
      const owner = db.prepare('SELECT case_id FROM persons WHERE id = ?').pluck().get(p.personId);
      if (owner !== p.caseId) throw new AppError('NOT_FOUND');
    }
    const interviewId = randomUUID();
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO interviews (id, case_id, person_id, instrument_id, instrument_version, tier, interviewee_language,
         officer_language, interpreter_json, state, started_at, started_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?)`,
    ).run(
      interviewId,
      p.caseId,
      p.personId ?? null,
      p.instrumentId,
      p.instrumentVersion,
      p.tier,
      p.intervieweeLanguage,
      p.officerLanguage ?? null,
      p.interpreter ? JSON.stringify(p.interpreter) : null,
      at,
      user.id,
      at,
    );
    touchCase(db, p.caseId, user.id, now, { bumpRevision: false });
    if (p.personId) personFromSetup(session, db, now, p.personId, p);
    session.audit(db, now, {
      action: 'interview.start',
      entityType: 'interview',
      entityId: interviewId,
      details: { caseId: p.caseId, new: { ...p } },
    });
    return interviewId;
  });
  return session.read((db) => interviewFromRow(loadInterviewRow(db, id), loadAttribution(db)));
}

/**
 * Saves one answer durably. One transaction: the answer row (insert or update), a history row keeping
 * the old value, the case's last-change time, and the audit row (old and new value). Returns only
 * after COMMIT (synchronous=FULL: the WAL is fsynced), so the screen may show "saved" on return.
 *
 * clientSeq orders saves from the screen: a save not newer than the stored one never overwrites it
 * (status "superseded"); re-sending the same save is harmless (status "unchanged").
 *
 * The wording asked is recorded too; `options.text` (the bundled translations, from callers that have
 * them) adds the texts as shown.
 */
export function saveAnswer(
  session: Session,
  input: SaveAnswerInput,
  options: { text?: InstrumentText } = {},
): SaveAnswerResult {
  const user = session.require('interviews.write');
  const p = parseInput(saveAnswerInput, input);
  const valueJson = JSON.stringify(p.value);
  const receiver = consentReceiverToRecord(session, p.questionId, p.receiver);
  return session.write((db, now): SaveAnswerResult => {
    const interview = loadInterviewRow(db, p.interviewId);
    // A stopped interview still takes the officer's closing checks (the rights card handed over):
    // recording them does not reopen the screening questions.
    const closingCheck = interview.state === 'stopped' && isAfterStopCheck(p.questionId);
    if (!OPEN_INTERVIEW_STATES.includes(interview.state) && !closingCheck) throw new AppError('CONFLICT');
    assertCaseOpen(loadCaseRow(db, interview.case_id));
    const existing = db
      .prepare('SELECT * FROM answers WHERE interview_id = ? AND question_id = ?')
      .get(p.interviewId, p.questionId) as AnswerRow | undefined;
    const at = now.toISOString();
    // The same answer given for another receiver is a new answer (consent covers one receiver).
    const sameAnswer = (row: AnswerRow) =>
      row.value_json === valueJson &&
      sameConsentReceiver(wordingFromJson(row.wording_json)?.receiver, receiver ?? undefined);
    if (existing && p.clientSeq <= existing.client_seq) {
      const same = p.clientSeq === existing.client_seq && sameAnswer(existing);
      return {
        status: same ? 'unchanged' : 'superseded',
        revision: existing.revision,
        savedAt: existing.answered_at,
        wording: wordingFromJson(existing.wording_json),
      };
    }
    if (existing && sameAnswer(existing)) {
      db.prepare('UPDATE answers SET client_seq = ? WHERE id = ?').run(p.clientSeq, existing.id);
      return {
        status: 'unchanged',
        revision: existing.revision,
        savedAt: existing.answered_at,
        wording: wordingFromJson(existing.wording_json),
      };
    }
    // Decided here, from the stored answers before this one: the screen cannot claim another wording.
    const wording = wordingToRecord(db, interview, p.questionId, options.text, receiver ?? undefined);
    const wordingJson = wording ? JSON.stringify(wording) : null;
    const answerId = existing?.id ?? randomUUID();
    const revision = (existing?.revision ?? 0) + 1;
    if (existing) {
      db.prepare(
        `UPDATE answers SET value_json = ?, revision = ?, client_seq = ?, answered_at = ?, answered_by = ?,
           wording_json = ? WHERE id = ?`,
      ).run(valueJson, revision, p.clientSeq, at, user.id, wordingJson, answerId);
    } else {
      db.prepare(
        `INSERT INTO answers (id, interview_id, question_id, value_json, revision, client_seq, answered_at, answered_by,
           wording_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        answerId,
        p.interviewId,
        p.questionId,
        valueJson,
        revision,
        p.clientSeq,
        at,
        user.id,
        wordingJson,
      );
    }
    db.prepare(
      `INSERT INTO answer_history (answer_id, revision, old_value_json, new_value_json, changed_at, changed_by,
         wording_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(answerId, revision, existing?.value_json ?? null, valueJson, at, user.id, wordingJson);
    db.prepare('UPDATE interviews SET updated_at = ? WHERE id = ?').run(at, p.interviewId);
    touchCase(db, interview.case_id, user.id, now, { bumpRevision: false });
    session.audit(db, now, {
      action: 'answer.save',
      entityType: 'interview',
      entityId: p.interviewId,
      details: {
        questionId: p.questionId,
        revision,
        old: existing ? (JSON.parse(existing.value_json) as unknown) : null,
        new: p.value,
        ...(receiver ? { receiver } : {}),
      },
    });
    return { status: 'saved', revision, savedAt: at, wording };
  });
}

/**
 * Pause/resume (keeping the position), complete, or stop with a reason. A position-only update (same
 * state) is navigation, not data, and is not audited. When the interview ends, main recomputes the
 * case's screening result from the stored answers, and a completed interview makes a draft case
 * "screened" (both audited with the reason "automatic"), in the same transaction.
 */
export function setInterviewState(session: Session, input: InterviewSetStateInput): InterviewSummary {
  const user = session.require('interviews.write');
  const p = parseInput(interviewSetStateInput, input);
  session.write((db, now) => {
    const row = loadInterviewRow(db, p.interviewId);
    if (!STATE_TRANSITIONS[row.state].includes(p.state)) throw new AppError('CONFLICT');
    if (p.state === 'stopped' && !p.reason) throw reasonRequired();
    // Resuming a stopped interview adds answers: only on a case that is still open.
    if (row.state === 'stopped') assertCaseOpen(loadCaseRow(db, row.case_id));
    const at = now.toISOString();
    const ended = p.state === 'completed' || p.state === 'stopped' ? at : null;
    const position = p.position === undefined ? row.position : p.position;
    db.prepare(
      'UPDATE interviews SET state = ?, state_reason = ?, position = ?, updated_at = ?, ended_at = ? WHERE id = ?',
    ).run(
      p.state,
      p.reason ?? (p.state === row.state ? row.state_reason : null),
      position,
      at,
      ended,
      row.id,
    );
    if (p.state !== row.state) {
      touchCase(db, row.case_id, user.id, now, { bumpRevision: false });
      session.audit(db, now, {
        action: 'interview.state',
        entityType: 'interview',
        entityId: row.id,
        details: { old: { state: row.state }, new: { state: p.state, reason: p.reason ?? null, position } },
      });
    }
    if (p.state !== row.state && ended) {
      refreshCaseResult(session, db, now, row);
      personFromAnswers(session, db, now, row);
      if (p.state === 'completed') advanceCaseStatus(session, db, now, row.case_id, 'interview_completed');
    }
  });
  return session.read((db) => interviewFromRow(loadInterviewRow(db, p.interviewId), loadAttribution(db)));
}

/** One stored answer as a referral reads it: the question, the value as stored, the wording asked. */
export interface StoredAnswer {
  questionId: string;
  value: unknown;
  wording: InterviewDetail['answers'][number]['wording'];
}

/**
 * The stored answers of these interviews of one case, interview by interview in the order given, each
 * by question id, without recording a view: for a caller that opened the case with getCase, whose
 * audited view covers the case's interviews (a referral reads the case once and records that one view,
 * not one more per interview). An interview of another case: NOT_FOUND.
 */
export function answersOfCaseInterviews(
  session: Session,
  caseId: string,
  interviewIds: readonly string[],
): StoredAnswer[][] {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  const ids = interviewIds.map((interviewId) => parseInput(entityId, interviewId));
  return session.read((db) => {
    const select = db.prepare(
      'SELECT question_id, value_json, wording_json FROM answers WHERE interview_id = ? ORDER BY question_id',
    );
    return ids.map((interviewId) => {
      if (loadInterviewRow(db, interviewId).case_id !== id) throw new AppError('NOT_FOUND');
      const rows = select.all(interviewId) as Pick<
        AnswerRow,
        'question_id' | 'value_json' | 'wording_json'
      >[];
      return rows.map((r) => ({
        questionId: r.question_id,
        value: JSON.parse(r.value_json) as unknown,
        wording: wordingFromJson(r.wording_json),
      }));
    });
  });
}

/**
 * An interview with its current answers (e.g. to resume after a pause) and its active time so far
 * (src/main/store/interview-time.ts). Audited as a view of the case.
 */
export function getInterview(session: Session, interviewId: string): InterviewDetail {
  session.require('cases.read');
  const id = parseInput(entityId, interviewId);
  session.write((db, now) => {
    const row = loadInterviewRow(db, id);
    session.audit(db, now, {
      action: 'case.view',
      entityType: 'case',
      entityId: row.case_id,
      details: { interviewId: id },
    });
  });
  return session.read((db) => {
    const names = loadAttribution(db);
    const summary = interviewFromRow(loadInterviewRow(db, id), names);
    const answers = (
      db.prepare('SELECT * FROM answers WHERE interview_id = ? ORDER BY question_id').all(id) as AnswerRow[]
    ).map((a) => answerFromRow(a, names));
    const activeMs = Math.round(
      activeMilliseconds(interviewClockEvents(db, loadInterviewRow(db, id)), session.now()),
    );
    return { ...summary, answers, activeMs };
  });
}
