import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import type { Db } from '../db/driver';

/**
 * Who signs the audit rows written on a connection (issue 12, part 4).
 *
 * Each person has an Ed25519 key pair whose private half only their passphrase unlocks (the recovery
 * session has a recovery-authority key). Sign-in binds that person's signer to the open connection;
 * from then on every row appendAudit writes on it carries the signer's key id and an Ed25519
 * signature over the row's hash (`rowSignatureMessage`). Rewriting a signed row, or any row before it
 * (the hash chain carries every change forward), needs the signing person's passphrase.
 *
 * The binding is a WeakMap on the connection: closing the session drops it with the connection.
 */
export interface AuditSigner {
  /** The account (users.id) whose key this is; for the recovery authority, its own id. */
  accountId: string;
  /** Hex SHA-256 of the raw 32-byte Ed25519 public key (`auditKeyId`). */
  keyId: string;
  /** Ed25519 signature (64 bytes) of the message. */
  sign(message: Buffer): Buffer;
}

/** A public key that may have signed audit rows: the endorsed roster answers this (keyId → entry). */
export interface AuditKeyEntry {
  accountId: string;
  publicKey: KeyObject;
  /** The first seq this key may sign (a key made later cannot have signed older rows). */
  validFromSeq?: number;
  /**
   * A key someone else set up for the person (an enrolment key): once a row signed by another key of
   * the same account appears, it may sign nothing more (trail-check: key_retired).
   */
  retiresOnNextKey?: boolean;
}

export type AuditKeyLookup = ((keyId: string) => AuditKeyEntry | undefined) & {
  /** From this seq on every row must be signed (the roster says when signing began). */
  signaturesRequiredFrom?: number;
  /**
   * Accounts the roster lists as disabled: after the row that disabled one (`user.disable`), its keys
   * may sign nothing more (trail-check: signer_disabled).
   */
  disabledAccounts?: ReadonlySet<string>;
};

/** A lookup that knows no key: every signed row is then reported as signed by an unknown key. */
export const NO_AUDIT_KEYS: AuditKeyLookup = () => undefined;

const signers = new WeakMap<Db, AuditSigner>();

/** Every audit row written on this connection from now on is signed by `signer`. */
export function bindAuditSigner(db: Db, signer: AuditSigner): void {
  signers.set(db, signer);
}

export function unbindAuditSigner(db: Db): void {
  signers.delete(db);
}

/** The signer bound to this connection, if any. */
export function boundAuditSigner(db: Db): AuditSigner | undefined {
  return signers.get(db);
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawEd25519PublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('audit keys are Ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('audit keys are Ed25519');
  return Buffer.from(x, 'base64url');
}

/** Hex SHA-256 of the raw public key: the id rows and anchors name their signer by. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(rawEd25519PublicKey(publicKey)).digest('hex');
}

/** A signer over an Ed25519 private key held in memory (tests; the lead's per-person keys). */
export function ed25519AuditSigner(
  accountId: string,
  privateKey: KeyObject,
  publicKey: KeyObject,
): AuditSigner {
  return {
    accountId,
    keyId: auditKeyId(publicKey),
    sign: (message) => sign(null, message, privateKey),
  };
}

/** What a row's signature covers: its seq and its hash (which chains over every row before it). */
export function rowSignatureMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`fieldscreen.audit.row.v1\n${seq}\n${hash}`, 'utf8');
}

/** What an anchor's signature covers (another label: a row signature is not an anchor). */
export function anchorSignatureMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`fieldscreen.audit.anchor.v1\n${seq}\n${hash}`, 'utf8');
}

/** Ed25519 check that never throws (a malformed signature is simply not valid). */
export function verifyAuditSignature(publicKey: KeyObject, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
