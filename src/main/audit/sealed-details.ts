import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/**
 * Case-scoped audit details, sealed under the case's own key (crypto-shredding, issue 6).
 *
 * Stored form, the exact text in audit_log.details_json (and what the hash chain covers):
 *   {"enc":"v1","caseId":"…","iv":"<b64>","tag":"<b64>","ct":"<b64>"}
 * AES-256-GCM over the details JSON. Only the case id stays readable (a random id, no personal data):
 * it says which key opens the row. The AAD binds the ciphertext to its row (seq, action, entity), so
 * a sealed box cannot be copied into another row and still open.
 */
export const SEALED_DETAILS_VERSION = 'v1';

export interface SealedDetails {
  enc: typeof SEALED_DETAILS_VERSION;
  caseId: string;
  iv: string;
  tag: string;
  ct: string;
}

/** The row fields the AAD binds a sealed box to. */
export interface SealBinding {
  seq: number;
  action: string;
  entityType: string | null;
  entityId: string | null;
  caseId: string;
}

/** What readers get instead of the details once the case key is gone (the case was deleted). */
export interface ErasedDetails {
  erased: true;
  caseId: string;
}

/** What readers get when the key is there but the box does not open (altered row; verify the chain). */
export interface UnreadableDetails {
  unreadable: true;
  caseId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function aad(b: SealBinding): Buffer {
  return Buffer.from(
    JSON.stringify([
      'fieldscreen.audit.details',
      SEALED_DETAILS_VERSION,
      b.seq,
      b.action,
      b.entityType,
      b.entityId,
      b.caseId,
    ]),
    'utf8',
  );
}

/**
 * Random IVs taken from a pool filled in one call: one randomBytes(12) per audit row costs several
 * times more than the AES-GCM itself. IVs are not secret; random 96-bit IVs stay far from collision
 * for the number of rows one case key ever seals.
 */
const ivPool = Buffer.alloc(IV_BYTES * 256);
let ivPoolOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivPoolOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivPoolOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivPoolOffset, ivPoolOffset + IV_BYTES));
  ivPoolOffset += IV_BYTES;
  return iv;
}

/** Encrypts the details JSON text; returns the JSON text to store. */
export function sealDetails(key: Buffer, binding: SealBinding, detailsJson: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(binding));
  const ct = Buffer.concat([cipher.update(detailsJson, 'utf8'), cipher.final()]);
  const sealed: SealedDetails = {
    enc: SEALED_DETAILS_VERSION,
    caseId: binding.caseId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
  return JSON.stringify(sealed);
}

/** The sealed box in a parsed details value, or null for plain details (non-case events, older rows). */
export function asSealed(details: unknown): SealedDetails | null {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  if (d.enc !== SEALED_DETAILS_VERSION) return null;
  if (typeof d.caseId !== 'string' || typeof d.iv !== 'string') return null;
  if (typeof d.tag !== 'string' || typeof d.ct !== 'string') return null;
  return { enc: SEALED_DETAILS_VERSION, caseId: d.caseId, iv: d.iv, tag: d.tag, ct: d.ct };
}

/** The details JSON text, or null when the box does not open under this key and binding. */
export function openSealed(
  key: Buffer,
  binding: Omit<SealBinding, 'caseId'>,
  sealed: SealedDetails,
): string | null {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad({ ...binding, caseId: sealed.caseId }));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
