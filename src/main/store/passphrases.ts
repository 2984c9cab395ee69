import { newPassphrase as newPassphraseSchema } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import {
  type AccountEntry,
  createAccountEntry,
  type Keyring,
  type OpenedEntry,
  openAccountEntry,
  openEntryBundle,
  readKeyring,
  retryAfterSeconds,
  writeKeyring,
} from '../keys/keyring';
import { newPersonBundleAsync, proveKeyChange, publicKeysOf, signingKeyOf } from '../keys/person-keys';
import { parseRecoveryKey } from '../keys/recovery-key';
import { wipe } from '../keys/wipe';
import { readUserRow } from './accounts';
import {
  afterRecoverySuccess,
  assertRecoveryAttemptAllowed,
  recordFailure,
  recordRecoveryFailure,
} from './backoff';
import { withKeyringLock } from './keyring-lock';
import { storePaths } from './paths';
import type { Session } from './session';
import { keyringWithRosterAccount, requireStoreCa, rosterOf } from './trust';
import { parseInput } from './validate';
import { databaseKeyFromRecoveryKey, readKeyringTolerant, rebuildKeyring, sameKey } from './vault-keys';

/**
 * Passphrases of accounts: the person's own change (and re-check), and resets with the recovery key
 * (by a recovery session or a supervisor who proves it).
 */

/**
 * The signed-in person changes their own passphrase (proving the current one). Their keys stay the
 * same, re-wrapped under the new passphrase, except at the first change after someone else set the
 * passphrase (enrolment, reset): then the person makes new keys nobody else has seen, proves them with
 * the enrolment key, and they wait for a supervisor's endorsement (no referral signing until then).
 */
export async function changeOwnPassphrase(
  session: Session,
  currentPassphrase: string,
  newPassphrase: string,
): Promise<void> {
  const user = session.requireUser();
  const next = parseInput(newPassphraseSchema, newPassphrase);
  // Keeping the passphrase someone else chose would leave them able to sign in as this person.
  if (next === currentPassphrase) throw new AppError('PASSPHRASE_UNCHANGED');
  await withKeyringLock(session.dir, async () => {
    const { keyring, entry, opened } = await openOwnEntry(session, user.id, currentPassphrase);
    try {
      const old = openEntryBundle(entry, opened.kek);
      const fingerprint = keyring.store?.fingerprint ?? null;
      let bundle = old && old.storeFingerprint === fingerprint ? old : null;
      let pending = entry.pending;
      const firstOwn = keyring.store !== undefined && session.trust.mustChangePassphrase;
      if (firstOwn) {
        if (!old) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
        bundle = await newPersonBundleAsync(fingerprint, old.storeCaKeyPem);
        const keys = publicKeysOf(bundle);
        pending = { ...keys, proof: proveKeyChange(signingKeyOf(old), user.id, keys) };
      } else if (!bundle) {
        if (keyring.store) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
        bundle = await newPersonBundleAsync(null, null);
      }
      const fresh = await createAccountEntry({
        keyring,
        accountId: user.id,
        username: user.username,
        passphrase: next,
        dbKey: opened.dbKey,
        bundle,
        profile: session.kdfProfile,
      });
      const replaced = { ...fresh, ...(pending ? { pending } : {}) };
      writeKeyring(session.dir, {
        ...keyring,
        accounts: keyring.accounts.map((a) => (a.accountId === user.id ? replaced : a)),
      });
      session.write((db, now) =>
        session.audit(db, now, { action: 'user.passphrase_change', entityType: 'user', entityId: user.id }),
      );
      if (firstOwn)
        session.trust = {
          ...session.trust,
          person: bundle,
          referralCertificatePem: null,
          mustChangePassphrase: false,
          signingKeyPending: true,
        };
    } finally {
      wipe(opened.kek, opened.dbKey);
    }
  });
}

/**
 * Gives an account a new passphrase, and new keys in the enrolment state (a reset with the recovery
 * key, by a recovery session or a supervisor who proved it), under the keyring lock. Replaces the
 * account's keyring entry, clears its back-off, and audits the reset. Disabled accounts stay disabled.
 */
export async function writeAccountPassphrase(
  session: Session,
  userId: string,
  passphrase: string,
  action: 'user.passphrase_reset' | 'user.passphrase_change',
): Promise<void> {
  const user = session.read((db) => readUserRow(db, userId));
  if (!user) throw new AppError('NOT_FOUND');
  if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
  const existing = readKeyringTolerant(session.dir);
  const keyring = existing ?? rebuildKeyring(session);
  // Whoever sets this passphrase knows it: the account gets new keys in the enrolment state, signs
  // nothing with them, and makes its own at its first sign-in (FirstPassphrase).
  const listed = rosterOf(keyring)?.accounts.find((a) => a.accountId === user.id);
  const { entry, enrol } = await enrolmentEntry(session, keyring, {
    accountId: user.id,
    username: user.username,
    role: listed?.role ?? user.role,
    passphrase,
  });
  const next = enrol({
    ...keyring,
    accounts: [...keyring.accounts.filter((a) => a.accountId !== user.id), entry],
    unknownAttempts: keyring.unknownAttempts.filter((u) => u.usernameLookup !== entry.usernameLookup),
  });
  writeKeyring(session.dir, next);
  session.write((db, now) => session.audit(db, now, { action, entityType: 'user', entityId: user.id }));
}

/**
 * A signed-in supervisor resets someone's passphrase and proves the recovery key for it (the second
 * thing a supervisor must have, so a supervisor session left open is not enough). Wrong keys count
 * towards the same back-off as on the unlock screen. Audited as user.passphrase_reset by the supervisor.
 */
export async function resetPassphraseAsSupervisor(
  session: Session,
  args: { userId: string; recoveryKey: string; newPassphrase: string },
): Promise<void> {
  session.require('users.manage');
  const next = parseInput(newPassphraseSchema, args.newPassphrase);
  await withKeyringLock(session.dir, async () => {
    checkRecoveryKeyLocked(session, args.recoveryKey);
    await writeAccountPassphrase(session, args.userId, next, 'user.passphrase_reset');
  });
}

/** Compares a typed recovery key with the open session's key, with the recovery back-off. */
function checkRecoveryKeyLocked(session: Session, recoveryKey: string): void {
  const keyring = readKeyringTolerant(session.dir);
  const nowMs = session.now().getTime();
  if (keyring) assertRecoveryAttemptAllowed(keyring, nowMs);
  let key: Buffer | null = null;
  try {
    const recovery = parseRecoveryKey(recoveryKey);
    try {
      key = databaseKeyFromRecoveryKey(storePaths(session.dir).db, keyring, recovery);
    } finally {
      wipe(recovery);
    }
  } catch {
    key = null;
  }
  try {
    if (!key || !sameKey(key, session.dbKey)) {
      if (keyring) writeKeyring(session.dir, recordRecoveryFailure(keyring, nowMs));
      throw new AppError('WRONG_RECOVERY_KEY');
    }
    if (keyring) {
      const cleared = afterRecoverySuccess(keyring, false);
      if (cleared !== keyring) writeKeyring(session.dir, cleared);
    }
  } finally {
    wipe(key);
  }
}

/**
 * Under the keyring lock: the signed-in person's keyring entry opened with `passphrase`, behind the
 * back-off; a wrong passphrase counts like a failed sign-in. The caller wipes the opened keys.
 */
export async function openOwnEntry(
  session: Session,
  userId: string,
  passphrase: string,
): Promise<{ keyring: Keyring; entry: AccountEntry; opened: OpenedEntry }> {
  const keyring = readKeyring(session.dir);
  const entry = keyring?.accounts.find((a) => a.accountId === userId);
  if (!keyring || !entry) throw new AppError('WRONG_PASSPHRASE');
  const nowMs = session.now().getTime();
  const wait = retryAfterSeconds(entry, nowMs);
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
  const opened = await openAccountEntry(entry, passphrase);
  if (!opened) {
    writeKeyring(session.dir, recordFailure(keyring, entry, entry.usernameLookup, nowMs, 'passphrase'));
    throw new AppError('WRONG_PASSPHRASE');
  }
  return { keyring, entry, opened };
}

/**
 * A keyring entry in the enrolment state, for an account whose passphrase someone else sets (a new
 * account, a reset): new keys that sign nothing (the person makes their own at the first sign-in); a
 * supervisor's bundle carries the store key. `enrol` lists the account with these keys in the signed
 * roster, when the store has one.
 */
export async function enrolmentEntry(
  session: Session,
  keyring: Keyring,
  account: { accountId: string; username: string; role: 'supervisor' | 'officer'; passphrase: string },
): Promise<{ entry: AccountEntry; enrol: (next: Keyring) => Keyring }> {
  const ca = keyring.store ? requireStoreCa(session) : null;
  const bundle = await newPersonBundleAsync(
    keyring.store?.fingerprint ?? null,
    account.role === 'supervisor' && ca ? ca.caKeyPem : null,
  );
  const entry = await createAccountEntry({
    keyring,
    accountId: account.accountId,
    username: account.username,
    passphrase: account.passphrase,
    dbKey: session.dbKey,
    bundle,
    profile: session.kdfProfile,
  });
  const listed = ca && rosterOf(keyring) ? ca : null;
  const keys = publicKeysOf(bundle);
  const enrol = (next: Keyring) =>
    listed
      ? keyringWithRosterAccount(
          next,
          listed,
          {
            accountId: account.accountId,
            role: account.role,
            enabled: true,
            keyState: 'enrolment',
            signingPublicKey: keys.signingPublicKey,
            sealingPublicKey: keys.sealingPublicKey,
            referralCertificatePem: null,
          },
          session.now(),
        )
      : next;
  return { entry, enrol };
}
