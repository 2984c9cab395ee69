import type { InterviewPlan } from '../../../shared/screening';

/**
 * The questions the officer can step through with back and next, in interview order: those answered
 * in this interview (they can be changed), then the question to ask now. Next never skips ahead of it:
 * a question is left by answering it (also "not sure" or "prefers not to say"). Answers from an
 * earlier interview are shown but belong to that interview.
 */
export function steppableQuestions(plan: InterviewPlan, ownAnswered: ReadonlySet<string>): string[] {
  const answered = plan.items
    .filter((i) => (i.status === 'answered' || i.status === 'declined') && ownAnswered.has(i.questionId))
    .map((i) => i.questionId);
  return plan.nextQuestionId ? [...answered, plan.nextQuestionId] : answered;
}

/** The question one step back or forward from `current`, or null at either end. */
export function stepFrom(order: readonly string[], current: string | null, step: -1 | 1): string | null {
  const at = current === null ? order.length : order.indexOf(current);
  if (at === -1) return null;
  return order[at + step] ?? null;
}
