import { type AuditSigner, anchorSignatureMessage } from './signer';

/**
 * An audit anchor: the chain head (seq and hash) at one moment, signed by the person acting then.
 * Printed in every referral PDF and written into every backup; `audit-verify --anchor FILE` checks
 * that the store's chain still contains it (a cut tail or a rewritten history no longer does).
 *
 * Compact form, ASCII only (it goes into a PDF Info string and a verification box as is):
 *   FSA1.<seq>.<hash: 64 hex>.<signer key id: 64 hex>.<Ed25519 signature: 86 base64url>
 * or, made where no signing key was bound (before per-person keys), unsigned:
 *   FSA1.<seq>.<hash>
 * seq 0 with the genesis hash is the head of an empty trail.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  signed: { keyId: string; signature: Buffer } | null;
}

export const ANCHOR_PREFIX = 'FSA1';
/** The PDF Info entry a referral carries its anchor in. */
export const ANCHOR_PDF_INFO_KEY = 'FieldScreenAuditAnchor';
const ANCHOR_RE = /^FSA1\.(0|[1-9][0-9]{0,14})\.([0-9a-f]{64})(?:\.([0-9a-f]{64})\.([A-Za-z0-9_-]{86}))?$/;
/** Where an anchor may appear inside other text (a PDF, a verification box). */
export const ANCHOR_IN_TEXT_RE =
  /FSA1\.(?:0|[1-9][0-9]{0,14})\.[0-9a-f]{64}(?:\.[0-9a-f]{64}\.[A-Za-z0-9_-]{86})?/g;

export function formatAnchor(anchor: AuditAnchor): string {
  const head = `${ANCHOR_PREFIX}.${anchor.seq}.${anchor.hash}`;
  return anchor.signed
    ? `${head}.${anchor.signed.keyId}.${anchor.signed.signature.toString('base64url')}`
    : head;
}

/** The anchor in this text, or null when it is not exactly one well-formed anchor. */
export function parseAnchor(text: string): AuditAnchor | null {
  const m = ANCHOR_RE.exec(text.trim());
  if (!m) return null;
  const [, seq, hash, keyId, signature] = m;
  if (seq === undefined || hash === undefined) return null;
  const sig = signature === undefined ? null : Buffer.from(signature, 'base64url');
  if (sig && sig.length !== 64) return null;
  return {
    seq: Number(seq),
    hash,
    signed: keyId !== undefined && sig ? { keyId, signature: sig } : null,
  };
}

/** The short form printed in a referral's verification box: the row and the start of its hash. */
export function anchorSummary(text: string): string {
  const a = parseAnchor(text);
  return a ? `${a.seq} · ${a.hash.slice(0, 16)}` : '—';
}

/** Signs the head with the bound signer (unsigned without one). */
export function makeAnchor(
  head: { seq: number; hash: string },
  signer: AuditSigner | undefined,
): AuditAnchor {
  return {
    seq: head.seq,
    hash: head.hash,
    signed: signer
      ? { keyId: signer.keyId, signature: signer.sign(anchorSignatureMessage(head.seq, head.hash)) }
      : null,
  };
}
