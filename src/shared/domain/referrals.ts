import { z } from 'zod';
import { bytes, entityId, isoDateTime, requiredText, sha256Hex } from './common';

export const referralRecordInput = z.object({
  caseId: entityId,
  receivingAgency: requiredText(200),
  fileName: requiredText(255),
  /** SHA-256 of the signed PDF exactly as written to disk. */
  fileSha256: sha256Hex,
  /** SHA-256 of the signing certificate (DER). */
  signerFingerprint: sha256Hex,
  signerName: requiredText(200),
  signedAt: isoDateTime,
  /** Optionally keep the signed PDF itself, encrypted, with the case. */
  pdf: bytes.optional(),
  /**
   * How the person's consent to this receiver is known: recorded with their answer, or (consent given
   * before receivers were recorded) confirmed by the signing officer. Audited with the referral.
   */
  consentReceiver: z.enum(['recorded', 'confirmedByOfficer']).optional(),
});
export type ReferralRecordInput = z.input<typeof referralRecordInput>;

export const referral = z.object({
  id: entityId,
  caseId: entityId,
  receivingAgency: z.string(),
  fileName: z.string(),
  fileSha256: sha256Hex,
  signerFingerprint: sha256Hex,
  signerName: z.string(),
  signedAt: isoDateTime,
  attachmentId: entityId.nullable(),
  createdAt: isoDateTime,
  createdBy: z.string(),
});
export type Referral = z.infer<typeof referral>;

/**
 * Largest PDF whose signature is checked (verify-pdf on the command line, "check a referral" in the
 * app). A signed referral is a few hundred kilobytes; anything far larger is refused before it is read.
 */
export const MAX_VERIFY_PDF_BYTES = 20 * 1024 * 1024;

/** Largest PKCS#12 container imported as a signing identity (a certificate chain and one key). */
export const MAX_P12_BYTES = 1024 * 1024;

/** An officer's signing certificate and key (PKCS#12), kept inside the encrypted database. */
export const signingIdentityInput = z.object({
  label: requiredText(120),
  p12: bytes.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_P12_BYTES, { message: 'PKCS#12 size' }),
  password: z.string().max(1024),
});
export type SigningIdentityInput = z.input<typeof signingIdentityInput>;

export const signingIdentitySummary = z.object({
  id: entityId,
  userId: entityId,
  label: z.string(),
  fingerprint: sha256Hex,
  subject: z.string(),
  validFrom: isoDateTime,
  validTo: isoDateTime,
  createdAt: isoDateTime,
});
export type SigningIdentitySummary = z.infer<typeof signingIdentitySummary>;
