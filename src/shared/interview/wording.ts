import type { Question, Tier } from '../instrument';
import { questionTextKey } from '../instrument/i18n-keys';

/** Which wording of a question was put to the person: the child or adult text, in the short or full interview. */
export type WordingVariant = 'adult' | 'child';

export interface QuestionWording {
  readonly instrumentVersion: string;
  readonly questionId: string;
  /** i18next key (namespace `instrument`) of the text shown. */
  readonly key: string;
  readonly variant: WordingVariant;
  readonly tier: Tier;
}

/**
 * The wording of a question as the interview screen shows it and main records it with the answer.
 * One function for both, so what is on record is what was asked (child wording on the child path,
 * computed from the answers given before this question).
 */
export function questionWording(
  question: Pick<Question, 'id' | 'childText'>,
  context: { child: boolean; tier: Tier; instrumentVersion: string },
): QuestionWording {
  const variant: WordingVariant = context.child && question.childText ? 'child' : 'adult';
  return {
    instrumentVersion: context.instrumentVersion,
    questionId: question.id,
    key: questionTextKey(question, variant === 'child'),
    variant,
    tier: context.tier,
  };
}
