import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { StoreCa } from './store-identity';
import { wipe } from './wipe';

/**
 * The store's own audit key (the "recovery authority"): an Ed25519 key that signs the audit rows of a
 * session opened with the recovery key (passphrase resets, restores) and of rows no person acts in.
 *
 * It is derived from the store CA's private key (HKDF-SHA256, its own label), so whoever holds the store
 * CA (supervisors, inside their passphrase-wrapped bundle, and the recovery key) can sign with it, and
 * nobody else; nothing new is stored and every store with an identity has one. Its public half is named
 * in the roster the CA signs (`storeAuditKey`), which is how a verifier knows it. Rows signed with it
 * can never pass as a person's own (trail-check: a person's row must carry that person's key).
 */
const LABEL = 'fieldscreen/audit/store-authority/v1';
/** PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The account id rows signed with the store key are attributed to (never a users.id: not a uuid). */
export const STORE_AUDIT_ACCOUNT = 'store-authority';

export function storeAuditPrivateKey(ca: StoreCa): KeyObject {
  const caDer = createPrivateKey(ca.caKeyPem).export({ type: 'pkcs8', format: 'der' });
  const seed = Buffer.from(hkdfSync('sha256', caDer, Buffer.alloc(0), LABEL, 32));
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    wipe(seed, der, caDer);
  }
}

/** Its public half, SPKI DER base64 (the roster's encoding of signing keys). */
export function storeAuditPublicKey(ca: StoreCa): string {
  return createPublicKey(storeAuditPrivateKey(ca)).export({ type: 'spki', format: 'der' }).toString('base64');
}
