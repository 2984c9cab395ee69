import type { Answers } from '../instrument/answers';
import { urgentReasonKey } from '../instrument/i18n-keys';
import type { Instrument, Tier, UrgentReason } from '../instrument/schema';
import { holds } from './conditions';
import { type InterviewPlan, planInterview } from './plan';

export interface UrgentResult {
  /** Bring emergency actions forward now (hotline 1300, medical care, child protection, discreet exit). */
  readonly flagged: boolean;
  readonly reasons: UrgentReason[];
  /** i18next keys (namespace `instrument`) of the reasons, in the same order. */
  readonly messageKeys: string[];
}

/** Urgent rules over a computed plan (the answers given while it was safe and agreed, and the child flag). */
export function urgentFromPlan(instrument: Instrument, plan: InterviewPlan): UrgentResult {
  const ctx = { answers: plan.effectiveAnswers, child: plan.child.possibleChild };
  const reasons = [
    ...new Set(instrument.urgentRules.filter((rule) => holds(rule.when, ctx)).map((rule) => rule.reason)),
  ];
  return { flagged: reasons.length > 0, reasons, messageKeys: reasons.map(urgentReasonKey) };
}

/**
 * Cheap check the interview screen can run after every answer: injury needing care now, immediate
 * danger, a possible child, or not safe to talk. Pure; no clock.
 */
export function evaluateUrgent(instrument: Instrument, answers: Answers, tier: Tier = 'full'): UrgentResult {
  return urgentFromPlan(instrument, planInterview(instrument, answers, tier));
}
