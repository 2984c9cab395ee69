import { z } from 'zod';
import { caseDocumentSchema } from '../../shared/domain/case-document';
import { consentReceiver } from '../../shared/domain/consent-receiver';
import { signedRoster } from '../keys/roster';

/**
 * What a handover package says, in two parts (the container is keys/package-stream.ts):
 *
 * - the header, in the clear: no personal data, only what a receiver needs before it decrypts
 *   anything: which store it is for (its fingerprint and agency key id), which store and key signed
 *   it, and the content key sealed to the receiving agency's key;
 * - the manifest, the first thing inside the encryption: the case document (attachments' bytes
 *   follow it, one after the other, in the document's order), the signed referral PDF's attachment,
 *   the sender's roster (which endorses the signing key and names the officer through the store's
 *   certificate) and the case's audit rows as the sender's trail holds them.
 */
export const HANDOVER_FORMAT = 'fieldscreen.handover';
export const HANDOVER_CONTENT_FORMAT = 'fieldscreen.handover.content';
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const handoverHeader = z.strictObject({
  format: z.literal(HANDOVER_FORMAT),
  version: z.literal(1),
  packageId: z.uuid(),
  createdAt: z.iso.datetime(),
  recipient: z.strictObject({ storeFingerprint: z.string().max(200), agencyKeyId: hex64 }),
  sender: z.strictObject({ storeFingerprint: z.string().max(200), signingPublicKey: b64.max(200) }),
  /** crypto_box_seal of the 32-byte content key to the recipient's agency key. */
  sealedContentKey: b64.max(200),
  /** 8 random bytes: each frame's IV is this and its counter. */
  noncePrefix: b64.max(20),
});
export type HandoverHeader = z.infer<typeof handoverHeader>;

/** One audit row of the case as the sender's trail stores it (details sealed under the case key). */
export const appendixRow = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  actorKind: z.string().max(20),
  actorId: z.string().max(200).nullable(),
  action: z.string().max(64),
  entityType: z.string().max(64).nullable(),
  entityId: z.string().max(200).nullable(),
  detailsJson: z.string().max(1_000_000),
  prevHash: z.string().max(64),
  hash: z.string().max(64),
  signerKey: z.string().max(200).nullable(),
  signature: z.string().max(200).nullable(),
});
export type AppendixRow = z.infer<typeof appendixRow>;

export const handoverManifest = z.strictObject({
  format: z.literal(HANDOVER_CONTENT_FORMAT),
  version: z.literal(1),
  packageId: z.uuid(),
  sender: z.strictObject({
    storeFingerprint: z.string().max(200),
    /** The sending agency as its settings name it. */
    agency: z.strictObject({ name: z.string().max(200), province: z.string().max(100) }),
    /** The officer who sealed it: their account in the roster below. */
    accountId: z.uuid(),
    roster: signedRoster,
  }),
  /** The receiving agency as the sender's directory names it, and what the person consented to. */
  recipient: z.strictObject({ agencyName: z.string().max(200), consentReceiver }),
  document: caseDocumentSchema,
  /** The signed referral PDF to this agency: one of the document's attachments. */
  referral: z.strictObject({ referralId: z.uuid(), attachmentId: z.uuid(), fileSha256: hex64 }),
  /** The case's audit rows, oldest first, with the case key that opens their sealed details. */
  audit: z.strictObject({
    rows: z.array(appendixRow).max(100_000),
    caseKey: b64.max(100).nullable(),
    /** Account id -> name, for the rows' actors. */
    actors: z.record(z.string().max(200), z.string().max(200)),
  }),
});
export type HandoverManifest = z.infer<typeof handoverManifest>;

/** The manifest with its document unchecked: the receiver checks the document like any import. */
export const handoverManifestOuter = handoverManifest.extend({ document: z.unknown() });
