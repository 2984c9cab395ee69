import { DECLINE_REASONS, type DeclineReason } from './answers';
import type { Question } from './schema';

/** True when the question may appear in the person-facing view (never the officer's own questions). */
export function shownToPerson(question: Pick<Question, 'audience'>): boolean {
  return question.audience !== 'officer';
}

/**
 * The ways a question can be left without a real answer. The person may always say "not sure" or
 * "prefers not to say"; the officer's own questions offer "not sure" only (an officer does not decline).
 */
export function declineReasonsFor(question: Pick<Question, 'audience'>): readonly DeclineReason[] {
  return question.audience === 'officer' ? ['not_sure'] : DECLINE_REASONS;
}

/** The options of a multi-choice question that exclude all others ("Nothing like this"). */
export function exclusiveOptionIds(question: Question): string[] {
  return question.kind === 'multi' ? question.options.filter((o) => o.exclusive).map((o) => o.id) : [];
}

/** True when a multi-choice selection combines an exclusive option with any other option. */
export function isContradictorySelection(question: Question, selected: readonly string[]): boolean {
  const distinct = new Set(selected);
  return distinct.size > 1 && exclusiveOptionIds(question).some((id) => distinct.has(id));
}
