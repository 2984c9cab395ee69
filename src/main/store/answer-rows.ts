import type { AnswerRecord } from '../../shared/domain/interviews';
import { type Answers, answerValueSchema } from '../../shared/instrument/answers';
import { wordingFromJson } from './answer-wording';
import type { Attribution } from './attribution';

/** A row of `answers`: the current value of one question in one interview. */
export interface AnswerRow {
  id: string;
  interview_id: string;
  question_id: string;
  value_json: string;
  revision: number;
  client_seq: number;
  answered_at: string;
  answered_by: string;
  wording_json: string | null;
}

/** A row of `answer_history`: one saved version of an answer. */
export interface AnswerHistoryRow {
  id: number;
  answer_id: string;
  revision: number;
  old_value_json: string | null;
  new_value_json: string;
  changed_at: string;
  changed_by: string;
  wording_json: string | null;
}

type Json = AnswerRecord['value'];

/** The two columns of `answers` that readers of the answers alone select. */
export type AnswerValueRow = Pick<AnswerRow, 'question_id' | 'value_json'>;

/**
 * Answers by question from stored rows in the order given (a later row wins); a stored value that no
 * longer parses as an answer counts as not asked.
 */
export function answersFromRows(rows: readonly AnswerValueRow[]): Answers {
  const out: Answers = {};
  for (const r of rows) {
    let value: unknown;
    try {
      value = JSON.parse(r.value_json);
    } catch {
      continue;
    }
    const parsed = answerValueSchema.safeParse(value);
    if (parsed.success) out[r.question_id] = parsed.data;
  }
  return out;
}

export function answerFromRow(r: AnswerRow, names: Attribution): AnswerRecord {
  return {
    questionId: r.question_id,
    value: JSON.parse(r.value_json) as Json,
    revision: r.revision,
    answeredAt: r.answered_at,
    answeredBy: names.name(r.answered_by),
    wording: wordingFromJson(r.wording_json),
  };
}

export function answerChangeFromRow(r: AnswerHistoryRow, names: Attribution) {
  return {
    revision: r.revision,
    oldValue: r.old_value_json === null ? null : (JSON.parse(r.old_value_json) as Json),
    newValue: JSON.parse(r.new_value_json) as Json,
    changedAt: r.changed_at,
    changedBy: names.name(r.changed_by),
  };
}
