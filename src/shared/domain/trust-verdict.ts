import { z } from 'zod';

/**
 * Why a referral PDF is or is not accepted (src/main/pdf/trust-judge.ts decides; the CLI prints the
 * code with English words, the app translates it).
 */
export const VERDICT_REASONS = [
  'ok',
  'not-signed',
  'truncated',
  'second-signature',
  'damaged-signature',
  'appended-after-signing',
  'changed-after-signing',
  'signature-invalid',
  'certificate-invalid',
  'certificate-expired',
  'signer-not-trusted',
] as const;
export const verdictReason = z.enum(VERDICT_REASONS);
export type VerdictReason = z.infer<typeof verdictReason>;
