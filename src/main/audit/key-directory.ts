import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Db } from '../db/driver';
import type { Keyring } from '../keys/keyring';
import { rosterAccountOf, verifyRoster } from '../keys/roster';
import { STORE_AUDIT_ACCOUNT } from '../keys/store-audit-key';
import { storeFingerprint } from '../keys/store-identity';
import { pendingKeysProven } from '../store/sign-in-trust';
import { type AuditKeyEntry, type AuditKeyLookup, auditKeyId, NO_AUDIT_KEYS } from './signer';

/** Where a store's signing keys are found: its database and its keyring (a backup: its snapshot). */
export interface AuditKeySource {
  db: Db;
  keyring: Keyring | null;
  /**
   * The store the verifier already trusts (a signed-in person's bundle names it): a keyring whose store
   * identity is another one vouches for no key. Omitted: the keyring's own identity is taken as is.
   */
  expectedStoreFingerprint?: string | null;
}

function ed25519FromSpki(b64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * The public keys that may sign this store's audit rows, by key id, as the store identity endorsed
 * them: the verified roster's current keys of every account, every key it ever endorsed, the enrolment
 * keys it retired (valid only until the person's own key took over), the store's own audit key (recovery
 * sessions), and keys still waiting for a supervisor's endorsement that their enrolment key proved (in
 * the keyring entry). It also names the accounts the roster lists as disabled. A keyring without a store identity, with a roster whose signature fails, or of
 * another store than expected knows no key: every signed row then reports an unknown key.
 */
export function storeAuditKeys(source: AuditKeySource): AuditKeyLookup {
  const { keyring } = source;
  const store = keyring?.store;
  if (!keyring || !store || !keyring.roster) return NO_AUDIT_KEYS;
  if (storeFingerprint(store.caCertificatePem) !== store.fingerprint) return NO_AUDIT_KEYS;
  if (source.expectedStoreFingerprint && source.expectedStoreFingerprint !== store.fingerprint)
    return NO_AUDIT_KEYS;
  const roster = verifyRoster(keyring.roster, store.caCertificatePem, store.fingerprint);
  if (!roster) return NO_AUDIT_KEYS;

  const byId = new Map<string, AuditKeyEntry>();
  const add = (accountId: string, spki: string, extra: Partial<AuditKeyEntry> = {}) => {
    const publicKey = ed25519FromSpki(spki);
    if (!publicKey) return;
    const id = auditKeyId(publicKey);
    // The same key listed twice (current and endorsed): the more trusting listing wins.
    const known = byId.get(id);
    if (known && known.accountId === accountId && !known.retiresOnNextKey) return;
    byId.set(id, { accountId, publicKey, ...extra });
  };
  for (const k of roster.formerKeys ?? []) add(k.accountId, k.signingPublicKey, { retiresOnNextKey: true });
  for (const a of roster.accounts) {
    if (a.signingPublicKey === '') continue;
    add(a.accountId, a.signingPublicKey, a.keyState === 'enrolment' ? { retiresOnNextKey: true } : {});
  }
  for (const k of roster.endorsedKeys) add(k.accountId, k.signingPublicKey);
  if (roster.storeAuditKey) add(STORE_AUDIT_ACCOUNT, roster.storeAuditKey);
  for (const entry of keyring.accounts) {
    const pending = entry.pending;
    const account = rosterAccountOf(roster, entry.accountId);
    if (!pending || !account?.enabled || pending.signingPublicKey !== entry.signingPublicKey) continue;
    if (pendingKeysProven(account, entry)) add(entry.accountId, pending.signingPublicKey);
  }
  const lookup: AuditKeyLookup = (keyId) => byId.get(keyId);
  if (roster.auditSignedFrom !== undefined) lookup.signaturesRequiredFrom = roster.auditSignedFrom;
  lookup.disabledAccounts = new Set(roster.accounts.filter((a) => !a.enabled).map((a) => a.accountId));
  return lookup;
}
