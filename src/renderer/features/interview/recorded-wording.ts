import type { AnswerWording } from '../../../shared/domain/interviews';
import { type Question, questionTextKey } from '../../../shared/instrument';

/** The wording each answer was recorded with, by question id. */
export type Wordings = Record<string, AnswerWording>;

/**
 * The question as it was asked, in the officer's language: the recorded wording's key (child or adult,
 * short or full), so the list and the result never rewrite earlier questions after a later answer
 * (e.g. the age). Answers recorded before wordings were kept fall back to the adult text.
 */
export function recordedText(
  question: Pick<Question, 'id' | 'childText'>,
  wording: AnswerWording | undefined,
  t: (key: string) => string,
): string {
  return t(wording?.key ?? questionTextKey(question, false));
}
