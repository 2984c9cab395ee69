import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  type InitialiseInput,
  initialiseInput,
  newPassphrase as newPassphraseSchema,
  normaliseUsername,
  type RecoveryKeyIssued,
  type SessionUser,
  unlockInput,
} from '../../shared/domain/users';
import { AppError, isAppError } from '../../shared/errors';
import { type AuditActor, appendAudit } from '../audit/log';
import { type AuditSigner, bindAuditSigner } from '../audit/signer';
import { closeDatabase, openDatabase, rekeyDatabase } from '../db/connection';
import type { Db } from '../db/driver';
import { toStoreError } from '../db/errors';
import { deriveDatabaseKey, newDatabaseKeys, readDatabaseSalt, wipeDatabaseKeys } from '../keys/database-key';
import type { KdfProfile } from '../keys/kdf';
import { dbKeyCheck, matchesDbKeyCheck } from '../keys/key-check';
import {
  type AccountEntry,
  afterFailure,
  BACKOFF_CAP_SECONDS,
  type BackoffState,
  createAccountEntry,
  isLegacyKeyring,
  KEYRING_VERSION,
  type Keyring,
  MAX_PENDING_FAILED_LOGINS,
  MAX_UNKNOWN_ATTEMPT_ENTRIES,
  newKeyring,
  type OpenedEntry,
  openAccountEntry,
  openEntryBundle,
  openSealedForEntry,
  readKeyring,
  retryAfterSeconds,
  rewrapEntry,
  sealDbKeyForEntry,
  spendDecoyDerivation,
  usernameLookup,
  writeKeyring,
} from '../keys/keyring';
import { newPersonBundle, proveKeyChange, publicKeysOf, signingKeyOf } from '../keys/person-keys';
import { formatRecoveryKey, parseRecoveryKey } from '../keys/recovery-key';
import { signRoster } from '../keys/roster';
import type { StoreCa } from '../keys/store-identity';
import { openStoreSecrets, sealStoreSecrets } from '../keys/store-recovery';
import { wipe } from '../keys/wipe';
import { fsyncDir } from '../util/atomic-file';
import { withKeyringLock } from './keyring-lock';
import { fileStamp, restrictToOwner, storePaths } from './paths';
import { Session } from './session';
import { mayReceiveRotatedKey, trustedSignIn } from './sign-in-trust';
import {
  endorsePendingKeys,
  establishTrust,
  keyringWithRosterAccount,
  newStoreIdentity,
  requireStoreCa,
  rosterOf,
  TRUST_AUDIT,
} from './trust';
import { parseInput } from './validate';

export interface VaultOptions {
  /**
   * Argon2id cost for passphrases set through this vault (first run, new accounts, changes, resets).
   * Defaults to 'strong'; 'test' exists for the unit tests only. Unlocking always uses the parameters
   * stored with each wrapped key.
   */
  kdfProfile?: KdfProfile;
  /** Clock in epoch ms (tests move time to check the back-off). */
  now?: () => number;
  /**
   * The audit signer to bind at sign-in (src/main/audit/signer.ts), by account id (null: the recovery
   * key). Tests give in-memory Ed25519 keys here until per-person keys (issue 12) bind the real ones.
   */
  auditSigner?: (accountId: string | null) => AuditSigner | undefined;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: 'supervisor' | 'officer';
  disabled_at: string | null;
}

/**
 * The encrypted store in one data folder: first-run setup, sign-in with a passphrase or the recovery
 * key, and the key-management operations that need the keyring. Everything else goes through a
 * Session and the service modules.
 */
export class Vault {
  readonly dir: string;
  readonly #options: VaultOptions;

  constructor(dir: string, options: VaultOptions = {}) {
    this.dir = dir;
    this.#options = options;
  }

  /** True when the folder holds a store (database or keyring): never initialise over it. */
  static isInitialised(dir: string): boolean {
    const p = storePaths(dir);
    return existsSync(p.db) || existsSync(p.keyring) || existsSync(p.wal);
  }

  /**
   * First run: a random 256-bit database key, the database with its first supervisor, and the keyring.
   * Returns the recovery key to show once (the database key is derived from it: database-key.ts). The database is built under a
   * temporary (hidden) name and renamed into place last, so a crash before the keyring is written
   * leaves only an orphan temp file and a retry works. (A crash in the instant between writing the
   * keyring and the rename leaves a keyring without database: isInitialised reports true and the
   * folder needs a person; nothing had been recorded yet.)
   */
  static async initialise(
    dir: string,
    input: InitialiseInput,
    options: VaultOptions = {},
  ): Promise<RecoveryKeyIssued> {
    const parsed = parseInput(initialiseInput, input);
    // Under the folder's keyring lock: a restore swapping files in this folder is never mistaken
    // for an empty folder.
    return withKeyringLock(dir, () => Vault.#initialiseLocked(dir, parsed, options));
  }

  static async #initialiseLocked(
    dir: string,
    parsed: InitialiseInput,
    options: VaultOptions,
  ): Promise<RecoveryKeyIssued> {
    const now = new Date((options.now ?? Date.now)());
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw toStoreError(err);
    }
    if (Vault.isInitialised(dir)) throw new AppError('ALREADY_INITIALISED');
    const paths = storePaths(dir);
    const keys = newDatabaseKeys();
    const dbKey = keys.dbKey;
    const tmpDb = join(dir, `.fieldscreen.db.init-${randomBytes(6).toString('hex')}`);
    try {
      const userId = randomUUID();
      const identity = newStoreIdentity({
        recoveryKey: keys.recoveryKey,
        supervisor: { id: userId, displayName: parsed.displayName },
        agency: '',
        now,
      });
      const keyring: Keyring = {
        ...newKeyring(dbKeyCheck(dbKey), now),
        store: identity.store,
        roster: signRoster(identity.ca, identity.roster),
      };
      keyring.accounts.push(
        await createAccountEntry({
          keyring,
          accountId: userId,
          username: parsed.username,
          passphrase: parsed.passphrase,
          dbKey,
          bundle: identity.bundle,
          profile: options.kdfProfile,
        }),
      );
      const db = openDatabase(tmpDb, dbKey, {
        create: true,
        keyVerified: true,
        quickCheck: false,
        salt: keys.salt,
      });
      restrictToOwner(tmpDb);
      try {
        db.transaction(() => {
          insertUser(
            db,
            { id: userId, username: parsed.username, displayName: parsed.displayName },
            'supervisor',
            now,
            null,
          );
          const actor: AuditActor = { kind: 'user', id: userId };
          appendAudit(db, actor, now, { action: 'vault.initialise', details: {} });
          appendAudit(db, actor, now, {
            action: 'user.create',
            entityType: 'user',
            entityId: userId,
            details: { role: 'supervisor' },
          });
        }).immediate();
      } finally {
        closeDatabase(db);
      }
      fsyncFile(tmpDb);
      if (Vault.isInitialised(dir)) throw new AppError('ALREADY_INITIALISED');
      writeKeyring(dir, keyring);
      renameSync(tmpDb, paths.db);
      fsyncDir(dir);
      return { ...issuedRecoveryKey(keys.recoveryKey), storeFingerprint: identity.fingerprint };
    } catch (err) {
      throw toStoreError(err);
    } finally {
      wipeDatabaseKeys(keys);
    }
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #readKeyringOrFail(): Keyring {
    const keyring = readKeyring(this.dir);
    if (!keyring) {
      throw new AppError(existsSync(storePaths(this.dir).db) ? 'DB_CORRUPT' : 'NOT_INITIALISED');
    }
    return keyring;
  }

  /**
   * Sign in. A wrong passphrase and an unknown username look the same (WRONG_PASSPHRASE, same Argon2id
   * cost) and both start a growing back-off: the attempt after the n-th consecutive failure is refused
   * with TOO_MANY_ATTEMPTS until 2^(n-1) s have passed (at most 5 min). Nothing is ever deleted for
   * failing. Failures are kept in the keyring and written to the audit log at the next unlock.
   */
  async unlock(username: string, passphrase: string): Promise<Session> {
    const input = parseInput(unlockInput, { username, passphrase });
    return withKeyringLock(this.dir, async () => {
      let keyring = this.#readKeyringOrFail();
      const nowMs = this.#now();
      const lookup = usernameLookup(keyring, input.username);
      const entry = keyring.accounts.find((a) => a.usernameLookup === lookup) ?? null;
      const state = entry ?? keyring.unknownAttempts.find((u) => u.usernameLookup === lookup);
      const wait = state ? retryAfterSeconds(state, nowMs) : 0;
      if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });

      let opened: OpenedEntry | null = null;
      if (entry) opened = await openAccountEntry(entry, input.passphrase);
      else await spendDecoyDerivation(keyring, input.passphrase);
      if (!entry || !opened) {
        writeKeyring(this.dir, recordFailure(keyring, entry, lookup, nowMs, 'passphrase'));
        throw new AppError('WRONG_PASSPHRASE');
      }

      let db: Db | null = null;
      try {
        const resolved = this.#resolveKey(keyring, entry, opened, nowMs);
        keyring = resolved.keyring;
        db = resolved.db;
        const user = readUserRow(db, entry.accountId);
        if (!user) {
          // A keyring entry without its account (an interrupted addUser): behave like a wrong passphrase.
          closeDatabase(db);
          db = null;
          writeKeyring(this.dir, recordFailure(keyring, entry, lookup, nowMs, 'passphrase'));
          throw new AppError('WRONG_PASSPHRASE');
        }
        if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
        // With a store identity, who this is (role, keys, enabled) comes from the signed roster; the
        // users table is only what it says about names.
        const trusted = keyring.store ? trustedSignIn(keyring, entry, opened.kek) : null;
        if (trusted?.entryChanged) {
          const changed = trusted.entry;
          keyring = {
            ...keyring,
            accounts: keyring.accounts.map((a) => (a.accountId === changed.accountId ? changed : a)),
          };
        }
        const sessionUser = { ...toSessionUser(user), role: trusted?.role ?? user.role };
        const now = new Date(nowMs);
        const openDb = db;
        const signer = this.#options.auditSigner?.(sessionUser.id);
        if (signer) bindAuditSigner(openDb, signer);
        const endorsement = trusted?.storeCa
          ? endorsePendingKeys(openDb, keyring, trusted.storeCa, now)
          : null;
        if (endorsement) keyring = endorsement.keyring;
        openDb
          .transaction(() => {
            flushPendingFailedLogins(openDb, keyring, now);
            appendAudit(openDb, { kind: 'user', id: sessionUser.id }, now, {
              action: 'auth.login',
              entityType: 'user',
              entityId: sessionUser.id,
            });
            const actor = { kind: 'user' as const, id: sessionUser.id };
            if (trusted && trusted.role !== user.role)
              appendAudit(openDb, actor, now, {
                action: TRUST_AUDIT.roleMismatch,
                entityType: 'user',
                entityId: sessionUser.id,
                details: { roster: trusted.role, usersTable: user.role },
              });
            for (const id of endorsement?.report.endorsed ?? [])
              appendAudit(openDb, actor, now, {
                action: TRUST_AUDIT.endorsed,
                entityType: 'user',
                entityId: id,
              });
            if (endorsement && endorsement.report.unlisted > 0)
              appendAudit(openDb, actor, now, {
                action: TRUST_AUDIT.unlisted,
                details: { entries: endorsement.report.unlisted },
              });
          })
          .immediate();
        const updated = afterSuccess(keyring, trusted?.entry ?? entry, opened);
        if (updated !== keyring || trusted?.entryChanged || endorsement?.report.endorsed.length)
          writeKeyring(this.dir, updated);
        const rosterNow = trusted && endorsement ? rosterOf(updated) : trusted?.roster;
        const session = new Session({
          kind: 'user',
          user: sessionUser,
          dir: this.dir,
          db: openDb,
          dbKey: opened.dbKey,
          clock: () => this.#now(),
          kdfProfile: this.#options.kdfProfile,
          trust: trusted
            ? {
                person: trusted.bundle,
                referralCertificatePem:
                  rosterNow?.accounts.find((a) => a.accountId === sessionUser.id)?.referralCertificatePem ??
                  null,
                storeCa: trusted.storeCa,
                storeFingerprint: keyring.store?.fingerprint ?? null,
                storeCaCertificatePem: keyring.store?.caCertificatePem ?? null,
                mustChangePassphrase: trusted.mustChangePassphrase,
                signingKeyPending: trusted.signingKeyPending,
              }
            : undefined,
        });
        db = null;
        if (!keyring.store && sessionUser.role === 'supervisor') {
          // A store from before the store identity (and, with keyring v1, before the recovery key was
          // split from the database key: its recovery key is the key every account holds). The first
          // supervisor to sign in moves it to a new recovery key (a rotation, shown once like at first
          // run) and makes the store identity and roster, trusting the users table this once.
          try {
            session.upgradeRecoveryKey = rotateLocked(
              session,
              readKeyring(this.dir) ?? updated,
              sessionUser.id,
              opened,
              'vault.upgrade',
              (final, recovery) => {
                const supervisorEntry = final.accounts.find((a) => a.accountId === sessionUser.id);
                if (!supervisorEntry || !opened) throw new AppError('DB_CORRUPT');
                const made = establishTrust({
                  db: session.db,
                  keyring: final,
                  supervisorEntry,
                  kek: opened.kek,
                  recoveryKey: recovery,
                  now,
                });
                const roster = rosterOf(made.keyring);
                session.trust = {
                  person: made.bundle,
                  referralCertificatePem:
                    roster?.accounts.find((a) => a.accountId === sessionUser.id)?.referralCertificatePem ??
                    null,
                  storeCa: made.ca,
                  storeFingerprint: made.keyring.store?.fingerprint ?? null,
                  storeCaCertificatePem: made.ca.caCertificatePem,
                  mustChangePassphrase: false,
                  signingKeyPending: false,
                };
                return made.keyring;
              },
            );
            session.write((wdb, at) =>
              session.audit(wdb, at, {
                action: TRUST_AUDIT.established,
                details: { storeFingerprint: session.trust.storeFingerprint },
              }),
            );
          } catch (err) {
            session.lock('manual');
            throw err;
          }
        }
        return session;
      } catch (err) {
        if (db) closeDatabase(db);
        throw toStoreError(err);
      } finally {
        wipe(opened.kek, opened.dbKey);
      }
    });
  }

  /**
   * Checks the unwrapped key and opens the database. Also finishes a key rotation that was interrupted
   * between PRAGMA rekey and the final keyring write (see rotateDatabaseKey): whichever key the file
   * is under, the store ends up under the key the keyring holds, with rotation cleared.
   */
  #resolveKey(
    keyring: Keyring,
    entry: AccountEntry,
    opened: OpenedEntry,
    nowMs: number,
  ): { keyring: Keyring; db: Db } {
    const paths = storePaths(this.dir);
    if (!matchesDbKeyCheck(opened.dbKey, keyring.dbKeyCheck)) {
      // The entry opened but holds a key that is not this store's: the keyring is inconsistent.
      throw new AppError('DB_CORRUPT');
    }
    if (!keyring.rotation) {
      return { keyring, db: openDatabase(paths.db, opened.dbKey, { keyVerified: true }) };
    }
    const cleared: Keyring = { ...keyring, rotation: null };
    try {
      const db = openDatabase(paths.db, opened.dbKey, { keyVerified: false });
      writeKeyring(this.dir, cleared);
      return { keyring: cleared, db };
    } catch (err) {
      if (!isAppError(err) || err.code !== 'WRONG_RECOVERY_KEY') throw err;
    }
    const sealed = keyring.rotation.sealed[entry.accountId];
    const newKey = sealed ? openSealedForEntry(entry, opened.kek, sealed) : null;
    if (!newKey || !matchesDbKeyCheck(newKey, keyring.rotation.newDbKeyCheck))
      throw new AppError('DB_CORRUPT');
    try {
      const db = openDatabase(paths.db, newKey, { keyVerified: true });
      rekey(db, opened.dbKey);
      db.transaction(() => {
        appendAudit(db, { kind: 'system', id: null }, new Date(nowMs), {
          action: 'vault.rotate_key_rolled_back',
        });
      }).immediate();
      writeKeyring(this.dir, cleared);
      return { keyring: cleared, db };
    } finally {
      wipe(newKey);
    }
  }

  /**
   * Supervisor recovery: the recovery key opens the store without any account. The session can reset
   * passphrases, take backups and verify the audit trail; it acts as "recovery" in the audit log.
   * Wrong keys are counted like wrong passphrases (see recordRecoveryFailure): a few typing mistakes are
   * free, then each further attempt waits longer.
   */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<Session> {
    return withKeyringLock(this.dir, () => this.#openWithRecoveryKey(recoveryKey));
  }

  /** unlockWithRecoveryKey without taking the keyring lock (the caller holds it). */
  async #openWithRecoveryKey(recoveryKey: string): Promise<Session> {
    const paths = storePaths(this.dir);
    const nowMs = this.#now();
    const keyring = readKeyringTolerant(this.dir);
    if (keyring) assertRecoveryAttemptAllowed(keyring, nowMs);
    const recovery = parseRecoveryKeyOrRecord(this.dir, keyring, recoveryKey, nowMs);
    let dbKey: Buffer;
    let storeCa: StoreCa | null = null;
    try {
      dbKey = databaseKeyFromRecoveryKey(paths.db, keyring, recovery);
      if (keyring?.store && matchesDbKeyCheck(dbKey, keyring.dbKeyCheck)) {
        // R also opens the store's secrets: a recovery session can reset, endorse and rotate.
        storeCa = openStoreSecrets(recovery, keyring.store.recoveryBox, keyring.store.caCertificatePem);
        if (!storeCa) throw new AppError('STORE_IDENTITY_CHANGED');
      }
    } finally {
      wipe(recovery);
    }
    try {
      if (keyring && !matchesDbKeyCheck(dbKey, keyring.dbKeyCheck)) {
        writeKeyring(this.dir, recordRecoveryFailure(keyring, nowMs));
        throw new AppError('WRONG_RECOVERY_KEY');
      }
      if (!keyring && !existsSync(paths.db)) throw new AppError('NOT_INITIALISED');
      const db = openDatabase(paths.db, dbKey, { keyVerified: keyring !== null });
      try {
        const now = new Date(nowMs);
        const signer = this.#options.auditSigner?.(null);
        if (signer) bindAuditSigner(db, signer);
        db.transaction(() => {
          if (keyring) flushPendingFailedLogins(db, keyring, now);
          appendAudit(db, { kind: 'recovery', id: null }, now, { action: 'auth.recovery_unlock' });
        }).immediate();
        if (keyring) {
          const cleared = afterRecoverySuccess(keyring, true);
          if (cleared !== keyring) writeKeyring(this.dir, cleared);
        }
      } catch (err) {
        closeDatabase(db);
        throw err;
      }
      return new Session({
        kind: 'recovery',
        user: null,
        dir: this.dir,
        db,
        dbKey,
        clock: () => this.#now(),
        kdfProfile: this.#options.kdfProfile,
        trust: {
          person: null,
          referralCertificatePem: null,
          storeCa,
          storeFingerprint: keyring?.store?.fingerprint ?? null,
          storeCaCertificatePem: keyring?.store?.caCertificatePem ?? null,
          mustChangePassphrase: false,
          signingKeyPending: false,
        },
      });
    } catch (err) {
      throw toStoreError(err);
    } finally {
      wipe(dbKey);
    }
  }

  /**
   * Opens the vault with the recovery key, resets one account's passphrase, and locks again. Holds the
   * keyring lock throughout, so its own connection is closed before anything else (a restore) may
   * touch the folder.
   */
  async resetPassphraseWithRecoveryKey(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
  ): Promise<void> {
    const next = parseInput(newPassphraseSchema, newPassphrase);
    await withKeyringLock(this.dir, async () => {
      const session = await this.#openWithRecoveryKey(recoveryKey);
      try {
        const user = session.read((db) =>
          db.prepare('SELECT id FROM users WHERE username_key = ?').get(normaliseUsername(username)),
        ) as { id: string } | undefined;
        if (!user) throw new AppError('NOT_FOUND');
        await writeAccountPassphrase(session, user.id, next, 'user.passphrase_reset');
      } finally {
        session.lock('manual');
      }
    });
  }
}

/** Convenience form of Vault#resetPassphraseWithRecoveryKey. */
export async function resetPassphraseWithRecoveryKey(
  dir: string,
  recoveryKey: string,
  username: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<void> {
  await new Vault(dir, options).resetPassphraseWithRecoveryKey(recoveryKey, username, newPassphrase);
}

/**
 * Gives an account a new passphrase, and new keys in the enrolment state (a reset with the recovery
 * key, by a recovery session or a supervisor who proved it), under the keyring lock. Replaces the
 * account's keyring entry, clears its back-off, and audits the reset. Disabled accounts stay disabled.
 */
async function writeAccountPassphrase(
  session: Session,
  userId: string,
  passphrase: string,
  action: 'user.passphrase_reset' | 'user.passphrase_change',
): Promise<void> {
  const user = session.read((db) =>
    db.prepare('SELECT id, username, display_name, role, disabled_at FROM users WHERE id = ?').get(userId),
  ) as UserRow | undefined;
  if (!user) throw new AppError('NOT_FOUND');
  if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
  const existing = readKeyringTolerant(session.dir);
  const keyring = existing ?? rebuildKeyring(session);
  // Whoever sets this passphrase knows it: the account gets new keys in the enrolment state, signs
  // nothing with them, and makes its own at its first sign-in (FirstPassphrase).
  const ca = keyring.store ? requireStoreCa(session) : null;
  const roster = rosterOf(keyring);
  const listed = roster?.accounts.find((a) => a.accountId === user.id);
  const role = listed?.role ?? user.role;
  const bundle = newPersonBundle(
    keyring.store?.fingerprint ?? null,
    role === 'supervisor' && ca ? ca.caKeyPem : null,
  );
  const entry = await createAccountEntry({
    keyring,
    accountId: user.id,
    username: user.username,
    passphrase,
    dbKey: session.dbKey,
    bundle,
    profile: session.kdfProfile,
  });
  let next: Keyring = {
    ...keyring,
    accounts: [...keyring.accounts.filter((a) => a.accountId !== user.id), entry],
    unknownAttempts: keyring.unknownAttempts.filter((u) => u.usernameLookup !== entry.usernameLookup),
  };
  if (ca && roster) {
    const keys = publicKeysOf(bundle);
    next = keyringWithRosterAccount(
      next,
      ca,
      {
        accountId: user.id,
        role,
        enabled: true,
        keyState: 'enrolment',
        signingPublicKey: keys.signingPublicKey,
        sealingPublicKey: keys.sealingPublicKey,
        referralCertificatePem: null,
      },
      session.now(),
    );
  }
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
 * A damaged or missing keyring can be rebuilt by a recovery session (the key is proven by the open
 * database). The damaged file is kept beside it under a dated name.
 */
function rebuildKeyring(session: Session): Keyring {
  const paths = storePaths(session.dir);
  if (existsSync(paths.keyring)) {
    renameSync(paths.keyring, `${paths.keyring}.damaged-${fileStamp(session.now())}`);
  }
  return newKeyring(dbKeyCheck(session.dbKey), session.now());
}

/** readKeyring, but a damaged file reads as null (recovery paths only). */
function readKeyringTolerant(dir: string): Keyring | null {
  try {
    return readKeyring(dir);
  } catch (err) {
    if (isAppError(err) && err.code === 'DB_CORRUPT') return null;
    throw err;
  }
}

function parseRecoveryKeyOrRecord(dir: string, keyring: Keyring | null, text: string, nowMs: number): Buffer {
  try {
    return parseRecoveryKey(text);
  } catch (err) {
    if (keyring) writeKeyring(dir, recordRecoveryFailure(keyring, nowMs));
    throw err;
  }
}

/**
 * Re-encrypts every page under a new key and checkpoints, so no page under the old key is left in the
 * main file. (SQLite3 Multiple Ciphers writes all pages into the WAL in one transaction; it commits
 * whole or not at all.)
 */
export function rekey(db: Db, newKey: Buffer): void {
  rekeyDatabase(db, newKey);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * New recovery key and database key. Needs the supervisor's passphrase again. Other accounts keep
 * working without a reset: the new key is sealed to each account's X25519 public key and taken up at
 * their next sign-in. Disabled accounts have no entry and get nothing, so rotation also cuts off
 * anyone holding the old key or an old keyring copy. Backups taken before stay under the old key:
 * keep the old recovery key with them.
 */
export async function rotateDatabaseKey(
  session: Session,
  currentPassphrase: string,
): Promise<RecoveryKeyIssued> {
  const user = session.require('vault.rotateKey');
  return withKeyringLock(session.dir, async () => {
    const keyring = readKeyring(session.dir);
    if (!keyring) throw new AppError('DB_CORRUPT');
    const entry = keyring.accounts.find((a) => a.accountId === user.id);
    if (!entry) throw new AppError('WRONG_PASSPHRASE');
    const opened = await openAccountEntry(entry, currentPassphrase);
    if (!opened) {
      writeKeyring(
        session.dir,
        recordFailure(keyring, entry, entry.usernameLookup, session.now().getTime(), 'passphrase'),
      );
      throw new AppError('WRONG_PASSPHRASE');
    }
    try {
      const ca = keyring.store ? requireStoreCa(session) : null;
      return rotateLocked(session, keyring, user.id, opened, 'vault.rotate_key', (final, recovery) =>
        final.store && ca
          ? { ...final, store: { ...final.store, recoveryBox: sealStoreSecrets(recovery, ca) } }
          : final,
      );
    } finally {
      wipe(opened.kek, opened.dbKey);
    }
  });
}

/**
 * The rotation itself, under the keyring lock, for the supervisor whose entry `opened` is. A new
 * recovery key R' gives the new database key K' = PBKDF2(R', the file's salt); PRAGMA rekey keeps the
 * salt (WAL mode), so R' opens the file in any SQLCipher 4 tool. Also the upgrade of a version-1
 * store (whose recovery key was the database key itself): the keyring ends at the current version.
 *
 * Order (crash-safe): 1) keyring gains `rotation` (new key sealed to all); 2) PRAGMA rekey + checkpoint;
 * 3) keyring switches to the new key. A crash between 1 and 3 is resolved at the next sign-in by
 * returning to the old key (the new recovery key was never shown).
 */
function rotateLocked(
  session: Session,
  keyring: Keyring,
  userId: string,
  opened: OpenedEntry,
  action: 'vault.rotate_key' | 'vault.upgrade',
  /** Last changes to the keyring before it is written (the store secrets under the new recovery key). */
  finish: (final: Keyring, newRecovery: Buffer) => Keyring,
): RecoveryKeyIssued {
  const newRecovery = randomBytes(32);
  let newKey: Buffer | null = null;
  try {
    if (!sameKey(opened.dbKey, session.dbKey)) throw new AppError('DB_CORRUPT');
    newKey = deriveDatabaseKey(newRecovery, readDatabaseSalt(storePaths(session.dir).db));
    const key = newKey;
    // Only accounts the signed roster lists as enabled, with the sealing key it endorsed (or one the
    // person proved), receive the new key: an entry planted in keyring.json gets nothing.
    const roster = rosterOf(keyring);
    const sealed: Record<string, ReturnType<typeof sealDbKeyForEntry>> = {};
    for (const a of keyring.accounts)
      if (a.accountId !== userId && (!roster || mayReceiveRotatedKey(roster, a)))
        sealed[a.accountId] = sealDbKeyForEntry(a, key);
    writeKeyring(session.dir, { ...keyring, rotation: { newDbKeyCheck: dbKeyCheck(key), sealed } });
    try {
      rekey(session.db, key);
    } catch (err) {
      writeKeyring(session.dir, { ...keyring, rotation: null });
      throw err;
    }
    session.replaceDbKey(key);
    const final: Keyring = finish(
      {
        ...keyring,
        version: KEYRING_VERSION,
        dbKeyCheck: dbKeyCheck(key),
        rotation: null,
        accounts: keyring.accounts.map((a) =>
          a.accountId === userId
            ? { ...rewrapEntry(a, opened.kek, key), failedAttempts: 0, nextAttemptAt: null }
            : { ...a, wrappedDbKey: null, rotatedDbKey: sealed[a.accountId] ?? null },
        ),
      },
      newRecovery,
    );
    writeKeyring(session.dir, final);
    const delivered = Object.keys(sealed).length + 1;
    session.write((db, now) =>
      session.audit(db, now, {
        action,
        details: { accounts: delivered, excluded: keyring.accounts.length - delivered },
      }),
    );
    return issuedRecoveryKey(newRecovery);
  } catch (err) {
    throw toStoreError(err);
  } finally {
    wipe(newRecovery, newKey);
  }
}

/**
 * The database key a typed recovery key stands for. Current stores: K = PBKDF2(R, the file's salt).
 * A version-1 keyring (before the upgrade) still takes the old recovery key, which was K itself;
 * nowhere else does a raw database key pass for a recovery key.
 */
export function databaseKeyFromRecoveryKey(
  dbFile: string,
  keyring: Keyring | null,
  recovery: Buffer,
): Buffer {
  if (keyring && isLegacyKeyring(keyring)) return Buffer.from(recovery);
  return deriveDatabaseKey(recovery, readDatabaseSalt(dbFile));
}

function issuedRecoveryKey(recovery: Buffer): RecoveryKeyIssued {
  return { recoveryKey: formatRecoveryKey(recovery), recoveryKeyHex: recovery.toString('hex') };
}

/**
 * Re-checks a signed-in user's passphrase (for sensitive actions and passphrase changes). Counts a
 * wrong passphrase like a failed sign-in.
 */
export async function verifyOwnPassphrase(session: Session, passphrase: string): Promise<void> {
  const user = session.requireUser();
  await withKeyringLock(session.dir, async () => {
    const keyring = readKeyring(session.dir);
    const entry = keyring?.accounts.find((a) => a.accountId === user.id);
    if (!keyring || !entry) throw new AppError('WRONG_PASSPHRASE');
    const nowMs = session.now().getTime();
    const wait = retryAfterSeconds(entry, nowMs);
    if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
    const opened = await openAccountEntry(entry, passphrase);
    if (!opened) {
      writeKeyring(session.dir, recordFailure(keyring, entry, entry.usernameLookup, nowMs, 'passphrase'));
      throw new AppError('WRONG_PASSPHRASE');
    }
    wipe(opened.kek, opened.dbKey);
  });
}

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
    const keyring = readKeyring(session.dir);
    const entry = keyring?.accounts.find((a) => a.accountId === user.id);
    if (!keyring || !entry) throw new AppError('WRONG_PASSPHRASE');
    const nowMs = session.now().getTime();
    const wait = retryAfterSeconds(entry, nowMs);
    if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
    const opened = await openAccountEntry(entry, currentPassphrase);
    if (!opened) {
      writeKeyring(session.dir, recordFailure(keyring, entry, entry.usernameLookup, nowMs, 'passphrase'));
      throw new AppError('WRONG_PASSPHRASE');
    }
    try {
      const old = openEntryBundle(entry, opened.kek);
      const fingerprint = keyring.store?.fingerprint ?? null;
      let bundle = old && old.storeFingerprint === fingerprint ? old : null;
      let pending = entry.pending;
      const firstOwn = keyring.store !== undefined && session.trust.mustChangePassphrase;
      if (firstOwn) {
        if (!old) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
        bundle = newPersonBundle(fingerprint, old.storeCaKeyPem);
        const keys = publicKeysOf(bundle);
        pending = { ...keys, proof: proveKeyChange(signingKeyOf(old), user.id, keys) };
      } else if (!bundle) {
        if (keyring.store) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
        bundle = newPersonBundle(null, null);
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

function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---- keyring bookkeeping (pure) ----

function recordFailure(
  keyring: Keyring,
  entry: AccountEntry | null,
  lookup: string | null,
  nowMs: number,
  method: 'passphrase' | 'recovery_key',
  next: (state: BackoffState, nowMs: number) => BackoffState = afterFailure,
): Keyring {
  const pending = [
    ...keyring.pendingFailedLogins,
    { at: new Date(nowMs).toISOString(), accountId: entry?.accountId ?? null, method },
  ].slice(-MAX_PENDING_FAILED_LOGINS);
  if (entry) {
    return {
      ...keyring,
      pendingFailedLogins: pending,
      accounts: keyring.accounts.map((a) =>
        a.accountId === entry.accountId ? { ...a, ...afterFailure(a, nowMs) } : a,
      ),
    };
  }
  if (lookup === null) return { ...keyring, pendingFailedLogins: pending };
  const previous = keyring.unknownAttempts.find((u) => u.usernameLookup === lookup) ?? {
    usernameLookup: lookup,
    failedAttempts: 0,
    nextAttemptAt: null,
    lastAttemptAt: nowMs,
  };
  // The recovery-key bucket is never evicted: trying many unknown names must not reset its back-off.
  const pinned = recoveryLookup(keyring);
  const kept = keyring.unknownAttempts.filter(
    (u) => u.usernameLookup !== lookup && u.usernameLookup === pinned,
  );
  const others = keyring.unknownAttempts
    .filter((u) => u.usernameLookup !== lookup && u.usernameLookup !== pinned)
    .sort((x, y) => y.lastAttemptAt - x.lastAttemptAt)
    .slice(0, MAX_UNKNOWN_ATTEMPT_ENTRIES - 1 - kept.length);
  return {
    ...keyring,
    pendingFailedLogins: pending,
    unknownAttempts: [...kept, ...others, { ...previous, ...next(previous, nowMs), lastAttemptAt: nowMs }],
  };
}

// ---- recovery-key back-off (pure) ----

/** Wrong recovery keys that are free (a 64-character key is easy to mistype) before waits begin. */
export const FREE_RECOVERY_ATTEMPTS = 3;

/** Wait after the n-th consecutive wrong recovery key: none for the first few, then 2 s, 4 s, … 5 min. */
export function recoveryBackoffSeconds(failedAttempts: number): number {
  const over = failedAttempts - FREE_RECOVERY_ATTEMPTS;
  if (over <= 0) return 0;
  return Math.min(2 ** over, BACKOFF_CAP_SECONDS);
}

function afterRecoveryFailure(state: BackoffState, nowMs: number): BackoffState {
  const failedAttempts = state.failedAttempts + 1;
  const wait = recoveryBackoffSeconds(failedAttempts);
  return { failedAttempts, nextAttemptAt: wait > 0 ? nowMs + wait * 1000 : null };
}

/**
 * The keyring slot that counts recovery-key attempts. It lives among the unknown-name slots (the
 * keyring format has no other place) under an HMAC input no username can produce: 0xff never occurs
 * in UTF-8 text.
 */
function recoveryLookup(keyring: Pick<Keyring, 'lookupSalt'>): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64'))
    .update(Buffer.from([0xff]))
    .update('fieldscreen/recovery-key')
    .digest('hex');
}

function assertRecoveryAttemptAllowed(keyring: Keyring, nowMs: number): void {
  const lookup = recoveryLookup(keyring);
  const state = keyring.unknownAttempts.find((u) => u.usernameLookup === lookup);
  const wait = state ? retryAfterSeconds(state, nowMs) : 0;
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
}

function recordRecoveryFailure(keyring: Keyring, nowMs: number): Keyring {
  return recordFailure(keyring, null, recoveryLookup(keyring), nowMs, 'recovery_key', afterRecoveryFailure);
}

/**
 * After a right recovery key its back-off is cleared; pending failures too when they were just
 * written to the audit log (flushed), else they wait for the next unlock.
 */
function afterRecoverySuccess(keyring: Keyring, flushed: boolean): Keyring {
  const lookup = recoveryLookup(keyring);
  const hasBucket = keyring.unknownAttempts.some((u) => u.usernameLookup === lookup);
  const clearPending = flushed && keyring.pendingFailedLogins.length > 0;
  if (!hasBucket && !clearPending) return keyring;
  return {
    ...keyring,
    pendingFailedLogins: clearPending ? [] : keyring.pendingFailedLogins,
    unknownAttempts: keyring.unknownAttempts.filter((u) => u.usernameLookup !== lookup),
  };
}

/** After a good sign-in: clear back-off and the flushed failures; take up a rotated key. */
function afterSuccess(keyring: Keyring, entry: AccountEntry, opened: OpenedEntry): Keyring {
  const current = keyring.accounts.find((a) => a.accountId === entry.accountId) ?? entry;
  const needsChange =
    current.failedAttempts > 0 ||
    current.nextAttemptAt !== null ||
    keyring.pendingFailedLogins.length > 0 ||
    opened.fromRotation;
  if (!needsChange) return keyring;
  const reset = { ...current, failedAttempts: 0, nextAttemptAt: null };
  const updated = opened.fromRotation ? rewrapEntry(reset, opened.kek, opened.dbKey) : reset;
  return {
    ...keyring,
    pendingFailedLogins: [],
    accounts: keyring.accounts.map((a) => (a.accountId === entry.accountId ? updated : a)),
  };
}

function flushPendingFailedLogins(db: Db, keyring: Keyring, now: Date): void {
  for (const f of keyring.pendingFailedLogins) {
    appendAudit(db, { kind: 'system', id: null }, now, {
      action: 'auth.login_failed',
      entityType: f.accountId ? 'user' : undefined,
      entityId: f.accountId ?? undefined,
      details: { attemptedAt: f.at, method: f.method, knownAccount: f.accountId !== null },
    });
  }
}

// ---- users table helpers shared with the users service ----

export function insertUser(
  db: Db,
  user: { id: string; username: string; displayName: string },
  role: 'supervisor' | 'officer',
  now: Date,
  createdBy: string | null,
): void {
  db.prepare(
    `INSERT INTO users (id, username, username_key, display_name, role, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.username,
    normaliseUsername(user.username),
    user.displayName,
    role,
    now.toISOString(),
    createdBy,
  );
}

function readUserRow(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT id, username, display_name, role, disabled_at FROM users WHERE id = ?').get(id) as
    | UserRow
    | undefined;
}

function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
