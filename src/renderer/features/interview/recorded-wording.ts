import type { AnswerWording } from '../../../shared/domain/interviews';
import { INSTRUMENT, type Question, questionTextKey, wordingTextKeys } from '../../../shared/instrument';

/** The wording each answer was recorded with, by question id. */
export type Wordings = Record<string, AnswerWording>;

/**
 * The question as it was asked, in the language of `t`: the text recorded in that language when there is
 * one, else the recorded wording's keys (an older version's archived text, the child or standard
 * variant). So the list and the result never rewrite earlier questions after a later answer (the age).
 * Answers recorded before wordings were kept fall back to the standard text.
 */
export function recordedText(
  question: Pick<Question, 'id' | 'childText'>,
  wording: AnswerWording | undefined,
  lng: string,
  t: (key: string | string[]) => string,
): string {
  if (!wording) return t(questionTextKey(question, false));
  return wording.texts[lng] ?? t(wordingTextKeys(INSTRUMENT, wording));
}
