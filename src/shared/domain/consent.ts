import { z } from 'zod';
import { answerValueSchema } from '../instrument/answers';

/** One purpose's consent as the interview recorded it; "declined to answer" is not consent. */
export const consentState = z.enum(['given', 'refused', 'notAsked']);
export type ConsentState = z.infer<typeof consentState>;

/** Consent per purpose (domain brief: screening, referral to a named agency, sharing with police). */
export const caseConsent = z.object({
  screening: consentState,
  referral: consentState,
  police: consentState,
});
export type CaseConsent = z.infer<typeof caseConsent>;

/** The questions each purpose is asked by; for referral the explicit full-interview question wins. */
export const CONSENT_QUESTIONS = {
  screening: ['consent_screening'],
  referral: ['consent_referral', 'close_referral_consent'],
  police: ['consent_police'],
} as const satisfies Record<keyof CaseConsent, readonly string[]>;

function stateOf(value: unknown): ConsentState {
  const parsed = answerValueSchema.safeParse(value);
  if (!parsed.success) return 'notAsked';
  if (parsed.data.kind === 'choice') return parsed.data.value === 'yes' ? 'given' : 'refused';
  // Declining to answer a consent question is treated as no consent.
  return parsed.data.kind === 'declined' ? 'refused' : 'notAsked';
}

/**
 * The case's consent from its answers (question id -> stored value, the latest interview's answer
 * already chosen by the caller). Pure: the case page and tests use the same rule.
 */
export function consentFromAnswers(answers: Readonly<Record<string, unknown>>): CaseConsent {
  const pick = (ids: readonly string[]) => {
    const id = ids.find((q) => answers[q] !== undefined);
    return id === undefined ? 'notAsked' : stateOf(answers[id]);
  };
  return {
    screening: pick(CONSENT_QUESTIONS.screening),
    referral: pick(CONSENT_QUESTIONS.referral),
    police: pick(CONSENT_QUESTIONS.police),
  };
}

/**
 * What the case page may show of the person: everything recorded, or only the name or alias when the
 * person refused the screening or withdrew consent (the record stays for the audit trail).
 */
export function personDetailsAllowed(consent: CaseConsent, status: string): boolean {
  return status !== 'consent_withdrawn' && consent.screening !== 'refused';
}
