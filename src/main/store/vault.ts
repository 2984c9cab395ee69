import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  type InitialiseInput,
  initialiseInput,
  newPassphrase as newPassphraseSchema,
  type RecoveryKeyIssued,
  unlockInput,
} from '../../shared/domain/users';
import { AppError, isAppError } from '../../shared/errors';
import { type AuditActor, appendAudit } from '../audit/log';
import { closeDatabase, openDatabase } from '../db/connection';
import type { Db } from '../db/driver';
import { toStoreError } from '../db/errors';
import { newDatabaseKeys, wipeDatabaseKeys } from '../keys/database-key';
import type { KdfProfile } from '../keys/kdf';
import { dbKeyCheck, matchesDbKeyCheck } from '../keys/key-check';
import {
  type AccountEntry,
  createAccountEntry,
  type Keyring,
  newKeyring,
  type OpenedEntry,
  openAccountEntry,
  openSealedForEntry,
  readKeyring,
  retryAfterSeconds,
  spendDecoyDerivation,
  usernameLookup,
  writeKeyring,
} from '../keys/keyring';
import type { PersonBundle } from '../keys/person-keys';
import { parseRecoveryKey } from '../keys/recovery-key';
import { type RosterBody, signRoster } from '../keys/roster';
import type { StoreCa } from '../keys/store-identity';
import { openStoreSecrets } from '../keys/store-recovery';
import { wipe } from '../keys/wipe';
import { fsyncDir } from '../util/atomic-file';
import { insertUser, readUserRow, readUserRowByUsername, toSessionUser } from './accounts';
import { bindSignerFor } from './audit-signing';
import {
  afterRecoverySuccess,
  afterSuccess,
  assertRecoveryAttemptAllowed,
  flushPendingFailedLogins,
  recordFailure,
  recordRecoveryFailure,
} from './backoff';
import { rotateLocked } from './key-rotation';
import { withKeyringLock } from './keyring-lock';
import { writeAccountPassphrase } from './passphrases';
import { restrictToOwner, storePaths } from './paths';
import { Session, type SessionTrust } from './session';
import { trustedSignIn } from './sign-in-trust';
import { endorsePendingKeys, establishTrust, newStoreIdentityAsync, rosterOf, TRUST_AUDIT } from './trust';
import { parseInput } from './validate';
import { databaseKeyFromRecoveryKey, issuedRecoveryKey, readKeyringTolerant, rekey } from './vault-keys';

export interface VaultOptions {
  /**
   * Argon2id cost for passphrases set through this vault (first run, new accounts, changes, resets).
   * Defaults to 'strong'; 'test' exists for the unit tests only. Unlocking always uses the parameters
   * stored with each wrapped key.
   */
  kdfProfile?: KdfProfile;
  /** Clock in epoch ms (tests move time to check the back-off). */
  now?: () => number;
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
      const identity = await newStoreIdentityAsync({
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
      // The founding supervisor's own key signs the store's first rows (the roster says signing begins at 1).
      bindSignerFor(db, { accountId: userId, person: identity.bundle, storeCa: null });
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
        // Every row from here on carries the person's own signature (their passphrase opened the key).
        bindSignerFor(openDb, { accountId: sessionUser.id, person: trusted?.bundle ?? null, storeCa: null });
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
            ? sessionTrust({
                person: trusted.bundle,
                roster: rosterNow,
                accountId: sessionUser.id,
                storeCa: trusted.storeCa,
                store: keyring.store,
                mustChangePassphrase: trusted.mustChangePassphrase,
                signingKeyPending: trusted.signingKeyPending,
              })
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
                session.trust = sessionTrust({
                  person: made.bundle,
                  roster: rosterOf(made.keyring),
                  accountId: sessionUser.id,
                  storeCa: made.ca,
                  store: made.keyring.store,
                  mustChangePassphrase: false,
                  signingKeyPending: false,
                });
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
      const person = bundleForRollbackRow(keyring, entry, opened);
      const db = openDatabase(paths.db, newKey, { keyVerified: true });
      rekey(db, opened.dbKey);
      bindSignerFor(db, { accountId: entry.accountId, person, storeCa: null });
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
        // Rows of a recovery session are signed with the store's own key, which R opened with the store CA.
        bindSignerFor(db, { accountId: null, person: null, storeCa });
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
        const user = session.read((db) => readUserRowByUsername(db, username));
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

function parseRecoveryKeyOrRecord(dir: string, keyring: Keyring | null, text: string, nowMs: number): Buffer {
  try {
    return parseRecoveryKey(text);
  } catch (err) {
    if (keyring) writeKeyring(dir, recordRecoveryFailure(keyring, nowMs));
    throw err;
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The person's own keys, to sign the row recording a rolled-back rotation. It is written before the
 * rest of sign-in, so the roster is checked here first: when it does not hold, sign-in fails before
 * the database is touched (never an unsigned row in a signed trail).
 */
function bundleForRollbackRow(
  keyring: Keyring,
  entry: AccountEntry,
  opened: OpenedEntry,
): PersonBundle | null {
  return keyring.store ? trustedSignIn(keyring, entry, opened.kek).bundle : null;
}

/** What a person's session holds of the store's trust, from their keys and the verified roster. */
function sessionTrust(args: {
  person: PersonBundle;
  roster: RosterBody | null | undefined;
  accountId: string;
  storeCa: StoreCa | null;
  store: Keyring['store'];
  mustChangePassphrase: boolean;
  signingKeyPending: boolean;
}): SessionTrust {
  return {
    person: args.person,
    referralCertificatePem:
      args.roster?.accounts.find((a) => a.accountId === args.accountId)?.referralCertificatePem ?? null,
    storeCa: args.storeCa,
    storeFingerprint: args.store?.fingerprint ?? null,
    storeCaCertificatePem: args.store?.caCertificatePem ?? null,
    mustChangePassphrase: args.mustChangePassphrase,
    signingKeyPending: args.signingKeyPending,
  };
}
