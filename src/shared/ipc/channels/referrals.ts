import { z } from 'zod';
import { base64LengthFor } from '../../domain/attachments';
import { entityId, sha256Hex } from '../../domain/common';
import { consentReceiver } from '../../domain/consent-receiver';
import { MAX_VERIFY_PDF_BYTES, referral } from '../../domain/referrals';
import { referralContact } from '../../domain/settings';
import { verdictReason } from '../../domain/trust-verdict';
import { channel } from '../channel';

/** A PDF's bytes from a file the user picked, base64 (the renderer reads it; main never trusts it). */
const pdfBase64 = z
  .string()
  .max(base64LengthFor(MAX_VERIFY_PDF_BYTES))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** What the requirements before signing are called (the service checks them; see referral/service.ts). */
export const SIGNING_REQUIREMENTS = [
  'agency.name',
  'agency.unit',
  'agency.province',
  'agency.phone',
  'officer.position',
] as const;

/** This referral's own facts, asked on the referral screen (letter number, position, team, enclosures). */
const referralFactsShape = {
  contactPerson: z.string().trim().normalize('NFC').max(200).optional(),
  letterNumber: z.string().trim().normalize('NFC').max(60).optional(),
  officerPosition: z.string().trim().normalize('NFC').max(200).optional(),
  team: z
    .array(
      z.strictObject({
        name: z.string().trim().normalize('NFC').min(1).max(200),
        role: z.string().trim().normalize('NFC').max(200),
      }),
    )
    .max(12)
    .optional(),
  enclosureIds: z.array(entityId).max(50).optional(),
  /**
   * Consent recorded before receivers were recorded with it: the officer confirms that this receiver
   * was named to the person when consent was asked (audited and stated on the form). Ignored when the
   * consent names its receiver: then only that receiver is accepted.
   */
  confirmReceiverNamed: z.boolean().optional(),
};

export const referralChannels = {
  /**
   * Builds, signs and saves the referral where the user chooses; null when the user cancelled.
   * contactId: the referral directory entry the officer chose. Main looks it up in the settings and
   * prints that agency's name and contact details; receivingAgency is then only what the screen
   * showed (the directory's name wins). Without contactId, receivingAgency is the typed name.
   */
  'referral.export': channel(
    'referrals.write',
    z.strictObject({
      caseId: entityId,
      receivingAgency: z.string().trim().min(1).max(200),
      contactId: entityId.optional(),
      ...referralFactsShape,
    }),
    z.strictObject({ referral: referral.nullable() }),
  ),
  /**
   * What the referral screen must ask before signing: the requirements not met yet (agency details
   * in the settings, the officer's position) and the letter number this store would give next.
   */
  'referral.readiness': channel(
    'signedIn',
    z.strictObject({ officerPosition: z.string().max(200).optional() }),
    z.strictObject({
      missing: z.array(z.enum(SIGNING_REQUIREMENTS)),
      nextLetterNumber: z.string(),
    }),
  ),
  /**
   * Whom the person consented to be referred to (the referral screen shows it, and asks the officer to
   * confirm a receiver when the consent was recorded before receivers were): given is false when the
   * consent that counts is not a "yes"; recorded is null when no receiver was recorded with it.
   */
  'referral.consentReceiver': channel(
    'referrals.write',
    z.strictObject({ caseId: entityId }),
    z.strictObject({ given: z.boolean(), recorded: consentReceiver.nullable() }),
  ),
  /**
   * The referral directory (receiving agencies by province), for any signed-in account: officers
   * choose from it when referring. Read-only; changing it stays 'admin.settings.update' (supervisor).
   */
  'referral.directory': channel('signedIn', z.strictObject({}), z.array(referralContact)),
  'referral.list': channel('signedIn', z.strictObject({ caseId: entityId }), z.array(referral)),
  /**
   * Judges a PDF the user picked (src/main/pdf/trust-judge.ts) against this store's trust list (its
   * own signers and what its referral directory trusts), and finds the referral recorded here with
   * the same SHA-256, if any.
   */
  'referral.verify': channel(
    'referrals.verify',
    z.strictObject({ pdfBase64 }),
    z.strictObject({
      valid: z.boolean(),
      trusted: z.boolean(),
      signerName: z.string().nullable(),
      signerOrganization: z.string().nullable(),
      /** SHA-256 of the signer certificate, upper-case hex pairs joined by ':'. */
      signerFingerprint: z.string().max(200).nullable(),
      /** The store identity that issued the signer certificate, when the signature carries it. */
      storeFingerprint: z.string().max(200).nullable(),
      signatures: z.number().int().min(0),
      coversWholeDocument: z.boolean(),
      reason: verdictReason,
      signingTime: z.string().nullable(),
      documentSha256: sha256Hex,
      /** The referral recorded in this store with the same SHA-256, if any. */
      matchesReferral: z
        .strictObject({ caseId: entityId, reference: z.string(), signedAt: z.string() })
        .nullable(),
    }),
  ),
};
