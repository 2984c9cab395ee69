import { type Answers, declineReasonOf, isSubstantive } from '../instrument/answers';
import { readAnswers } from '../instrument/read-answers';
import type { Instrument, Question, StopReason, Tier } from '../instrument/schema';
import { assessChild, type ChildAssessment } from './child';
import { type ConditionContext, holds } from './conditions';

/**
 * Where the interview stands for one tier: which questions are already answered (shown, never asked
 * again), which are still to ask, and which are skipped. The full interview therefore starts from the
 * short screen's answers on the same record.
 *
 * - hidden: a skip rule (section or question `showIf`) does not definitely hold;
 * - answered / declined: answered with a real value / with "not sure" or "prefers not to say";
 * - to_ask: shown, in this tier, not yet answered, and the interview has not stopped;
 * - not_in_tier: shown but belongs to the full interview only (while running the short screen);
 * - after_stop: comes after a stop rule fired (unsafe to talk, no consent). Answers there are ignored:
 *   the evaluation only uses what was asked while it was safe and agreed. A situation that changes
 *   mid-interview is a UI pause, not an edit of the safety answers. The officer's closing checks marked
 *   `afterStop` (rights card handed over, rights explained) are the exception: still asked and used.
 */
export type QuestionStatus = 'hidden' | 'answered' | 'declined' | 'to_ask' | 'not_in_tier' | 'after_stop';

export interface PlanItem {
  readonly questionId: string;
  readonly sectionId: string;
  readonly status: QuestionStatus;
  readonly inTier: boolean;
}

export interface InterviewPlan {
  readonly tier: Tier;
  readonly child: ChildAssessment;
  /** Set when a stop rule fired; nothing more is asked but the officer's closing checks (`afterStop`). */
  readonly stopped: StopReason | null;
  readonly items: readonly PlanItem[];
  /** Still to ask in this tier, in interview order. */
  readonly toAsk: readonly string[];
  /** Answered or declined (any tier): shown as already given, never asked again. */
  readonly alreadyAnswered: readonly string[];
  readonly nextQuestionId: string | null;
  /** The answers the evaluation may use: visible questions, before any stop point. */
  readonly effectiveAnswers: Answers;
}

export function planInterview(instrument: Instrument, stored: Answers, tier: Tier): InterviewPlan {
  // Stored answers are read in the current form of each question (see read-answers.ts).
  const answers = readAnswers(instrument, stored);
  const child = assessChild(instrument, answers);
  const effective: Answers = {};
  const ctx: ConditionContext = { answers: effective, child: child.possibleChild };
  const items: PlanItem[] = [];
  let stopped: StopReason | null = null;

  for (const section of instrument.sections) {
    for (const question of section.questions) {
      const inTier = question.tiers.includes(tier);
      const base = { questionId: question.id, sectionId: section.id, inTier };
      if (stopped && !question.afterStop) {
        items.push({ ...base, status: 'after_stop' });
        continue;
      }
      if (!holds(section.showIf, ctx) || !holds(question.showIf, ctx)) {
        items.push({ ...base, status: 'hidden' });
        continue;
      }
      const value = answers[question.id];
      if (value !== undefined) {
        effective[question.id] = value;
        items.push({ ...base, status: isSubstantive(value) ? 'answered' : 'declined' });
      } else {
        items.push({ ...base, status: inTier ? 'to_ask' : 'not_in_tier' });
      }
      stopped ??= instrument.stopRules.find((rule) => holds(rule.when, ctx))?.reason ?? null;
    }
  }

  const toAsk = items.filter((i) => i.status === 'to_ask').map((i) => i.questionId);
  const alreadyAnswered = items
    .filter((i) => i.status === 'answered' || i.status === 'declined')
    .map((i) => i.questionId);
  return {
    tier,
    child,
    stopped,
    items,
    toAsk,
    alreadyAnswered,
    nextQuestionId: toAsk[0] ?? null,
    effectiveAnswers: effective,
  };
}

/** The questions of one tier in interview order (what a blank interview of that tier contains). */
export function questionsOfTier(instrument: Instrument, tier: Tier): Question[] {
  return instrument.sections.flatMap((s) => s.questions.filter((q) => q.tiers.includes(tier)));
}

/** True when the answer is "not sure" or "prefers not to say". */
export function isDeclined(answers: Answers, questionId: string): boolean {
  return declineReasonOf(answers[questionId]) !== null;
}
