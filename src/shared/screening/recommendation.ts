import type { StopReason } from '../instrument/schema';

/**
 * Recommendation codes, in priority order. Each is a screening outcome and a next step, never a legal
 * decision; the text is in i18next (`recommendations.<code>.title` / `.explanation`, namespace
 * `instrument`), and the officer's own assessment is recorded beside it.
 */
export const RECOMMENDATION_CODES = [
  'interview_paused_safety',
  'no_consent',
  'urgent_action',
  'refer_mdt',
  'refer_forced_labour',
  'insufficient_information',
  'labour_rights_follow_up',
  'no_indicators_found',
] as const;
export type RecommendationCode = (typeof RECOMMENDATION_CODES)[number];

export interface Recommendation {
  readonly code: RecommendationCode;
  readonly messageKey: string;
  readonly explanationKey: string;
}

export function recommendationOf(code: RecommendationCode): Recommendation {
  return {
    code,
    messageKey: `recommendations.${code}.title`,
    explanationKey: `recommendations.${code}.explanation`,
  };
}

export interface RecommendationInputs {
  readonly stopped: StopReason | null;
  /** Urgent reasons other than "unsafe to talk" (that one is covered by the safety pause). */
  readonly urgentBeyondSafety: boolean;
  readonly mdtPattern: boolean;
  readonly forcedLabour: boolean;
  readonly anyIndicator: boolean;
  readonly sufficient: boolean;
}

/**
 * All applicable recommendations, most pressing first:
 * 1. stopped because it was not safe to talk -> pause, discreet exit, safe-contact card;
 * 2. no consent -> nothing else (no screening without consent);
 * 3. urgent (medical need, immediate danger, possible child) -> act now;
 * 4. Thai s.6 elements or the ILO/EC pattern -> refer to the multidisciplinary team;
 * 5. Thai s.6/1 indicators -> refer for forced labour / labour rights (alongside 4 when both);
 * 6. without a referral: too few real answers -> incomplete (never "no indicators");
 *    some indicators -> labour-rights follow-up; enough answers and none -> no indicators found.
 */
export function recommend(inputs: RecommendationInputs): RecommendationCode[] {
  if (inputs.stopped === 'no_consent') return ['no_consent'];
  const codes: RecommendationCode[] = [];
  if (inputs.stopped === 'unsafe_to_talk') codes.push('interview_paused_safety');
  if (inputs.urgentBeyondSafety) codes.push('urgent_action');
  if (inputs.mdtPattern) codes.push('refer_mdt');
  if (inputs.forcedLabour) codes.push('refer_forced_labour');
  if (!inputs.mdtPattern && !inputs.forcedLabour) {
    if (!inputs.sufficient) codes.push('insufficient_information');
    if (inputs.anyIndicator) codes.push('labour_rights_follow_up');
    else if (inputs.sufficient) codes.push('no_indicators_found');
  }
  return codes;
}
