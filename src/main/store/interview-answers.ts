import type { Answers } from '../../shared/instrument/answers';
import type { Db } from '../db/driver';
import { type AnswerValueRow, answersFromRows } from './answer-rows';
import type { InterviewRow } from './interview-rows';

/**
 * The answers the interview works from, as the interview screen sees them: those of the same person's
 * earlier interviews on the case (the short screen before the full interview), then this interview's
 * own, which win. The result, the wording and the next question are all planned from this one set.
 */
export function answersForInterview(db: Db, interview: InterviewRow): Answers {
  const rows = db
    .prepare(
      `SELECT a.question_id, a.value_json FROM answers a JOIN interviews i ON i.id = a.interview_id
       WHERE i.case_id = ? AND i.person_id IS ? AND (i.id = ? OR i.started_at <= ?)
       ORDER BY i.id = ?, i.started_at, i.id`,
    )
    .all(
      interview.case_id,
      interview.person_id,
      interview.id,
      interview.started_at,
      interview.id,
    ) as AnswerValueRow[];
  return answersFromRows(rows);
}
