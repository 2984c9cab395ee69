import type { Db } from '../db/driver';
import type { Keyring } from '../keys/keyring';
import { type AuditKeyLookup, NO_AUDIT_KEYS } from './signer';

/** Where a store's signing keys are found: its database and its keyring (a backup: its snapshot). */
export interface AuditKeySource {
  db: Db;
  keyring: Keyring | null;
}

/**
 * The public keys that may sign this store's audit rows, by key id: the endorsed roster of per-person
 * keys (and the recovery authority). Per-person keys are issue 12 parts 2–3 (the lead's): until they
 * land, nothing in the app binds a signer, no row is signed and this knows no key. The roster
 * replaces this body; callers (verifyAudit, audit-verify, restore) already go through it, and tests
 * pass their own lookup.
 */
export function storeAuditKeys(_source: AuditKeySource): AuditKeyLookup {
  return NO_AUDIT_KEYS;
}
