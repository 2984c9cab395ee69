import { AppError } from '../../shared/errors';
import { unseal } from '../keys/aead';
import type { AccountEntry, Keyring } from '../keys/keyring';
import { openEntryBundle, withBundle } from '../keys/keyring';
import { keyChangeProven, newPersonBundle, type PersonBundle, publicKeysOf } from '../keys/person-keys';
import { type RosterAccount, type RosterBody, rosterAccountOf, verifyRoster } from '../keys/roster';
import { caKeyMatches, type StoreCa, storeFingerprint } from '../keys/store-identity';
import { wipe } from '../keys/wipe';

export type Role = 'supervisor' | 'officer';

/**
 * What sign-in may trust once the passphrase opened an entry (store with an identity). The entry's
 * role comes from the roster, not the users table (every account can write the database). Throws:
 * STORE_IDENTITY_CHANGED when the store identity is not the one this person's bundle was made for,
 * TRUST_BROKEN when the roster's signature does not hold, ACCOUNT_KEYS_UNTRUSTED for an entry the
 * roster does not list or whose keys it did not endorse, ACCOUNT_DISABLED when the roster says so.
 */
export interface TrustedSignIn {
  role: Role;
  roster: RosterBody;
  account: RosterAccount;
  bundle: PersonBundle;
  /** The entry, changed when an account from before per-person keys made its own just now. */
  entry: AccountEntry;
  entryChanged: boolean;
  /** Keys set by someone else (a supervisor, a recovery-key reset): change the passphrase first. */
  mustChangePassphrase: boolean;
  /** The person's own keys wait for a supervisor's endorsement (no referral signing yet). */
  signingKeyPending: boolean;
  /** Supervisors: the store CA (from their bundle). */
  storeCa: StoreCa | null;
}

export function trustedSignIn(keyring: Keyring, entry: AccountEntry, kek: Buffer): TrustedSignIn {
  const store = keyring.store;
  const signedRoster = keyring.roster;
  if (!store || !signedRoster) throw new AppError('TRUST_BROKEN');
  if (storeFingerprint(store.caCertificatePem) !== store.fingerprint)
    throw new AppError('STORE_IDENTITY_CHANGED');
  let bundle = openEntryBundle(entry, kek);
  if (entry.bundle && !bundle) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  // Keys made before the store had an identity (a passphrase change then) count as none.
  if (bundle && bundle.storeFingerprint === null) bundle = null;
  if (bundle && bundle.storeFingerprint !== store.fingerprint) throw new AppError('STORE_IDENTITY_CHANGED');
  const roster = verifyRoster(signedRoster, store.caCertificatePem, store.fingerprint);
  if (!roster) throw new AppError('TRUST_BROKEN');
  const account = rosterAccountOf(roster, entry.accountId);
  if (!account) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  if (!account.enabled) throw new AppError('ACCOUNT_DISABLED');

  let current = entry;
  let entryChanged = false;
  let mustChangePassphrase = false;
  let signingKeyPending = false;
  if (account.keyState === 'endorsed') {
    if (
      !bundle ||
      entry.signingPublicKey !== account.signingPublicKey ||
      entry.keyPair.publicKey !== account.sealingPublicKey
    )
      throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  } else if (account.signingPublicKey === '') {
    // An account from before per-person keys: its passphrase was only ever its own, so it makes its
    // own keys now (keeping its sealing key, to which a rotation may have sealed) and waits for a
    // supervisor to endorse them.
    if (!bundle) {
      const sealingKey = unsealEntryPrivateKey(entry, kek);
      bundle = newPersonBundle(store.fingerprint, null, sealingKey);
      wipe(sealingKey);
      const keys = publicKeysOf(bundle);
      current = { ...withBundle(entry, kek, bundle), pending: { ...keys, proof: null } };
      entryChanged = true;
    } else if (!entry.pending || entry.pending.signingPublicKey !== entry.signingPublicKey) {
      throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
    }
    signingKeyPending = true;
  } else if (bundle && entry.signingPublicKey === account.signingPublicKey) {
    mustChangePassphrase = true;
  } else if (
    bundle &&
    entry.pending &&
    entry.pending.signingPublicKey === entry.signingPublicKey &&
    entry.pending.proof !== null &&
    keyChangeProven(account.signingPublicKey, entry.accountId, entry.pending, entry.pending.proof)
  ) {
    signingKeyPending = true;
  } else {
    throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  }
  if (!bundle) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');

  let storeCa: StoreCa | null = null;
  if (account.role === 'supervisor' && bundle.storeCaKeyPem) {
    const ca = { caKeyPem: bundle.storeCaKeyPem, caCertificatePem: store.caCertificatePem };
    if (!caKeyMatches(ca)) throw new AppError('STORE_IDENTITY_CHANGED');
    storeCa = ca;
  }
  return {
    role: account.role,
    roster,
    account,
    bundle,
    entry: current,
    entryChanged,
    mustChangePassphrase,
    signingKeyPending,
    storeCa,
  };
}

function unsealEntryPrivateKey(entry: AccountEntry, kek: Buffer): Buffer {
  const key = unseal(
    kek,
    entry.keyPair.wrappedPrivateKey,
    `fieldscreen/keyring/v1/private-key/${entry.accountId}`,
  );
  if (!key) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  return key;
}

/**
 * Whether a rotation may seal the new database key to this entry: listed and enabled in the roster,
 * with the sealing key the roster endorsed, or the pending one the person proved.
 */
export function mayReceiveRotatedKey(roster: RosterBody, entry: AccountEntry): boolean {
  const account = rosterAccountOf(roster, entry.accountId);
  if (!account?.enabled) return false;
  if (entry.keyPair.publicKey === account.sealingPublicKey) return true;
  return entry.pending?.sealingPublicKey === entry.keyPair.publicKey && pendingKeysProven(account, entry);
}

/**
 * Whether the entry's pending keys are the person's own, waiting for endorsement: proven by the
 * enrolment key the roster lists, or, for an account from before per-person keys (no key listed),
 * made by it at sign-in with nothing to prove them. Sign-in's rotation, the audit key directory and
 * the Users screen all ask this.
 */
export function pendingKeysProven(account: RosterAccount, entry: AccountEntry): boolean {
  const pending = entry.pending;
  if (!pending || account.keyState !== 'enrolment') return false;
  if (account.signingPublicKey === '') return pending.proof === null;
  return (
    pending.proof !== null &&
    keyChangeProven(account.signingPublicKey, entry.accountId, pending, pending.proof)
  );
}
