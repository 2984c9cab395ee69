import { createPublicKey } from 'node:crypto';
import { type AuditSigner, bindAuditSigner, ed25519AuditSigner, unbindAuditSigner } from '../audit/signer';
import type { Db } from '../db/driver';
import { type PersonBundle, signingKeyOf } from '../keys/person-keys';
import { STORE_AUDIT_ACCOUNT, storeAuditPrivateKey } from '../keys/store-audit-key';
import type { StoreCa } from '../keys/store-identity';

/**
 * Who signs the audit rows a connection writes (issue 12, part 4): the signed-in person's own Ed25519
 * key (only their passphrase opens it), or, in a session opened with the recovery key, the store's own
 * audit key (derived from the store CA, which the recovery key opens). Bound to the connection before
 * its first row, so that every row from then on is signed.
 */
export function personAuditSigner(accountId: string, bundle: PersonBundle): AuditSigner {
  const privateKey = signingKeyOf(bundle);
  return ed25519AuditSigner(accountId, privateKey, createPublicKey(privateKey));
}

export function storeAuthoritySigner(ca: StoreCa): AuditSigner {
  const privateKey = storeAuditPrivateKey(ca);
  return ed25519AuditSigner(STORE_AUDIT_ACCOUNT, privateKey, createPublicKey(privateKey));
}

export interface SignerSource {
  /** The signed-in account, or null for a recovery session. */
  accountId: string | null;
  person: PersonBundle | null;
  storeCa: StoreCa | null;
}

/** The signer a session's rows carry; null for a store without per-person keys (nothing to sign with). */
export function signerFor(source: SignerSource): AuditSigner | null {
  if (source.accountId !== null)
    return source.person ? personAuditSigner(source.accountId, source.person) : null;
  return source.storeCa ? storeAuthoritySigner(source.storeCa) : null;
}

/** Binds (or, with nothing to sign with, unbinds) the connection's signer. */
export function bindSignerFor(db: Db, source: SignerSource): void {
  const signer = signerFor(source);
  if (signer) bindAuditSigner(db, signer);
  else unbindAuditSigner(db);
}
