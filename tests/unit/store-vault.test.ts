import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { KDF_PROFILES } from '../../src/main/keys/kdf';
import { dbKeyCheck } from '../../src/main/keys/key-check';
import { readKeyring, sealDbKeyForEntry, writeKeyring } from '../../src/main/keys/keyring';
import { listAudit } from '../../src/main/store/audit';
import { rotateDatabaseKey } from '../../src/main/store/key-rotation';
import { storePaths } from '../../src/main/store/paths';
import { addUser, changeOwnPassphrase, disableUser } from '../../src/main/store/users';
import { resetPassphraseWithRecoveryKey, Vault } from '../../src/main/store/vault';
import { rekey } from '../../src/main/store/vault-keys';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/disk';
import { SUPERVISOR } from '../helpers/samples';
import { createTestStore, databaseKeyOf } from '../helpers/test-app';

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe('Vault.initialise', () => {
  it('creates an encrypted database and a keyring, and returns the recovery key once', async () => {
    const store = await createTestStore();
    const paths = storePaths(store.dir);
    expect(existsSync(paths.db)).toBe(true);
    expect(existsSync(paths.keyring)).toBe(true);
    expect(readFileSync(paths.db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(store.recoveryKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(store.recoveryKey).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    expect(store.recoveryKey.replace(/-/g, '')).toBe(store.recoveryKeyHex);
    // The keyring never holds the key itself, only a check value and wrapped copies.
    const keyringText = readFileSync(paths.keyring, 'utf8');
    expect(keyringText).not.toContain(store.recoveryKeyHex);
    expect(keyringText.toLowerCase()).not.toContain(SUPERVISOR.username);
    // The database key is derived from the recovery key (SQLCipher's passphrase form), never equal to it.
    const dbKey = store.databaseKey();
    expect(dbKey.toString('hex')).not.toBe(store.recoveryKeyHex);
    expect(keyringText).not.toContain(dbKey.toString('hex'));
    expect(readKeyring(store.dir)?.dbKeyCheck).toBe(dbKeyCheck(dbKey));
    expect(readKeyring(store.dir)?.dbKeyCheck).not.toBe(dbKeyCheck(Buffer.from(store.recoveryKeyHex, 'hex')));
    if (process.platform !== 'win32') {
      expect(statSync(paths.db).mode & 0o777).toBe(0o600);
      expect(statSync(paths.keyring).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses to initialise a folder that already holds a store', async () => {
    const store = await createTestStore();
    await expectCode(Vault.initialise(store.dir, SUPERVISOR, store.options), 'ALREADY_INITIALISED');
    expect(Vault.isInitialised(store.dir)).toBe(true);
    expect(Vault.isInitialised(tempDir())).toBe(false);
  });

  it('uses the strong Argon2id profile unless told otherwise', async () => {
    expect(KDF_PROFILES.strong).toEqual({ memoryKiB: 262144, iterations: 3, parallelism: 1 });
    const dir = tempDir();
    await Vault.initialise(dir, SUPERVISOR);
    const kdf = readKeyring(dir)?.accounts[0]?.kdf;
    expect(kdf).toMatchObject({
      alg: 'argon2id',
      version: 19,
      memoryKiB: 262144,
      iterations: 3,
      parallelism: 1,
    });
    expect(Buffer.from(kdf?.salt ?? '', 'base64')).toHaveLength(16);
  });

  it('rejects a passphrase shorter than the minimum', async () => {
    await expectCode(
      Vault.initialise(tempDir(), { ...SUPERVISOR, passphrase: 'short' }, { kdfProfile: 'test' }),
      'VALIDATION',
    );
  });
});

describe('Vault.unlock', () => {
  it('signs the supervisor in and records the login', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    expect(session.user).toMatchObject({ username: SUPERVISOR.username, role: 'supervisor' });
    const actions = listAudit(session).map((e) => e.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('vault.initialise');
    session.lock();
  });

  it('accepts the username in any case', async () => {
    const store = await createTestStore();
    const session = await store.vault.unlock(SUPERVISOR.username.toUpperCase(), SUPERVISOR.passphrase);
    expect(session.user?.username).toBe(SUPERVISOR.username);
    session.lock();
  });

  it('answers a wrong passphrase with WRONG_PASSPHRASE, then a doubling back-off capped at 5 minutes', async () => {
    const store = await createTestStore();
    await expectCode(store.vault.unlock(SUPERVISOR.username, 'wrong passphrase'), 'WRONG_PASSPHRASE');
    const waited = await expectCode(
      store.vault.unlock(SUPERVISOR.username, SUPERVISOR.passphrase),
      'TOO_MANY_ATTEMPTS',
    );
    expect(waited.retryAfterSeconds).toBe(1);
    const expected = [2, 4, 8, 16, 32, 64, 128, 256, 300, 300];
    for (const seconds of expected) {
      store.clock.advance(300_000);
      await expectCode(store.vault.unlock(SUPERVISOR.username, 'wrong again'), 'WRONG_PASSPHRASE');
      const e = await expectCode(
        store.vault.unlock(SUPERVISOR.username, SUPERVISOR.passphrase),
        'TOO_MANY_ATTEMPTS',
      );
      expect(e.retryAfterSeconds).toBe(seconds);
    }
    store.clock.advance(300_000);
    const session = await store.unlock();
    // Failures happened while the database was closed; they reach the audit log at this unlock.
    const failed = listAudit(session, { action: 'auth.login_failed' });
    expect(failed).toHaveLength(11);
    expect(readKeyring(store.dir)?.accounts[0]).toMatchObject({ failedAttempts: 0, nextAttemptAt: null });
    expect(readKeyring(store.dir)?.pendingFailedLogins).toEqual([]);
    session.lock();
  });

  it('treats an unknown username exactly like a wrong passphrase', async () => {
    const store = await createTestStore();
    await expectCode(store.vault.unlock('nobody', 'some passphrase'), 'WRONG_PASSPHRASE');
    const e = await expectCode(store.vault.unlock('nobody', 'some passphrase'), 'TOO_MANY_ATTEMPTS');
    expect(e.retryAfterSeconds).toBe(1);
    // The real account is not slowed down by someone guessing other names.
    const session = await store.unlock();
    session.lock();
  });

  it('never deletes or changes data after many failures', async () => {
    const store = await createTestStore();
    const before = readFileSync(storePaths(store.dir).db);
    for (let i = 0; i < 5; i++) {
      store.clock.advance(600_000);
      await expectCode(store.vault.unlock(SUPERVISOR.username, `guess ${i}`), 'WRONG_PASSPHRASE');
    }
    expect(readFileSync(storePaths(store.dir).db).equals(before)).toBe(true);
    store.clock.advance(600_000);
    (await store.unlock()).lock();
  });

  it('refuses a folder without a store', async () => {
    await expectCode(new Vault(tempDir(), { kdfProfile: 'test' }).unlock('a', 'b'), 'NOT_INITIALISED');
  });
});

describe('Session.lock', () => {
  it('closes the database, drops the key and records the lock', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const reasons: string[] = [];
    session.onLock((r) => reasons.push(r));
    session.lock('idle');
    expect(session.locked).toBe(true);
    expect(reasons).toEqual(['idle']);
    expect(() => session.db).toThrow(AppError);
    expect(() => session.dbKey).toThrow(AppError);
    const again = await store.unlock();
    const lock = listAudit(again, { action: 'auth.lock' })[0];
    expect(lock?.details).toEqual({ reason: 'idle' });
    again.lock();
  });
});

describe('passphrases and the recovery key', () => {
  it('changes the own passphrase by re-wrapping the same database key', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const dbBefore = readFileSync(storePaths(store.dir).db);
    session.lock();
    const again = await store.unlock();
    await expectCode(
      changeOwnPassphrase(again, { currentPassphrase: 'not it', newPassphrase: 'a brand new passphrase' }),
      'WRONG_PASSPHRASE',
    );
    store.clock.advance(10_000);
    await changeOwnPassphrase(again, {
      currentPassphrase: SUPERVISOR.passphrase,
      newPassphrase: 'a brand new passphrase',
    });
    again.lock();
    await expectCode(store.unlock(), 'WRONG_PASSPHRASE');
    store.clock.advance(10_000);
    const third = await store.vault.unlock(SUPERVISOR.username, 'a brand new passphrase');
    expect(listAudit(third, { action: 'user.passphrase_change' })).toHaveLength(1);
    third.lock();
    // Same database key: the recovery key still opens it.
    const recovery = await store.vault.unlockWithRecoveryKey(store.recoveryKey);
    recovery.lock();
    expect(dbBefore.length).toBeGreaterThan(0);
  });

  it('rejects a wrong or malformed recovery key', async () => {
    const store = await createTestStore();
    await expectCode(
      store.vault.unlockWithRecoveryKey(randomBytes(32).toString('hex')),
      'WRONG_RECOVERY_KEY',
    );
    await expectCode(store.vault.unlockWithRecoveryKey('not a key'), 'WRONG_RECOVERY_KEY');
    await expectCode(
      resetPassphraseWithRecoveryKey(
        store.dir,
        randomBytes(32).toString('hex'),
        SUPERVISOR.username,
        'whatever passphrase',
        store.options,
      ),
      'WRONG_RECOVERY_KEY',
    );
    // The failures are audited at the next unlock.
    const session = await store.unlock();
    const failed = listAudit(session, { action: 'auth.login_failed' });
    expect(failed.map((f) => (f.details as { method: string }).method)).toEqual([
      'recovery_key',
      'recovery_key',
      'recovery_key',
    ]);
    session.lock();
  });

  it('lets a supervisor reset a forgotten passphrase with the recovery key (accepts spaces and upper case)', async () => {
    const store = await createTestStore();
    const typed = store.recoveryKey.toUpperCase().replace(/-/g, ' ');
    await resetPassphraseWithRecoveryKey(
      store.dir,
      typed,
      SUPERVISOR.username,
      'reset by recovery key',
      store.options,
    );
    await expectCode(store.unlock(), 'WRONG_PASSPHRASE');
    store.clock.advance(5_000);
    const session = await store.vault.unlock(SUPERVISOR.username, 'reset by recovery key');
    const reset = listAudit(session, { action: 'user.passphrase_reset' })[0];
    expect(reset?.actorKind).toBe('recovery');
    session.lock();
  });

  it('rebuilds a lost keyring with the recovery key, keeping the damaged file', async () => {
    const store = await createTestStore();
    const paths = storePaths(store.dir);
    renameSync(paths.keyring, join(store.dir, 'lost.json'));
    await expectCode(store.unlock(), 'DB_CORRUPT');
    await resetPassphraseWithRecoveryKey(
      store.dir,
      store.recoveryKey,
      SUPERVISOR.username,
      'after keyring loss',
      store.options,
    );
    const session = await store.vault.unlock(SUPERVISOR.username, 'after keyring loss');
    expect(session.user?.role).toBe('supervisor');
    session.lock();
  });
});

describe('accounts', () => {
  it('lets a supervisor add an officer who can sign in; officers cannot add accounts', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const officer = await addUser(session, {
      username: 'malee',
      displayName: 'Malee K.',
      role: 'officer',
      passphrase: 'officer first passphrase',
    });
    expect(officer.role).toBe('officer');
    await expectCode(
      addUser(session, {
        username: 'MALEE',
        displayName: 'dup',
        role: 'officer',
        passphrase: 'another passphrase',
      }),
      'CONFLICT',
    );
    session.lock();
    const officerSession = await store.vault.unlock('malee', 'officer first passphrase');
    expect(officerSession.user?.role).toBe('officer');
    await expectCode(
      addUser(officerSession, {
        username: 'x1',
        displayName: 'x',
        role: 'officer',
        passphrase: 'yet another one',
      }),
      'FORBIDDEN_ROLE',
    );
    officerSession.lock();
  });

  it('disabling an account removes its key: its passphrase no longer opens anything', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const officer = await addUser(session, {
      username: 'niran',
      displayName: 'Niran',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    await disableUser(session, officer.id);
    await expectCode(disableUser(session, session.user?.id ?? ''), 'CONFLICT');
    session.lock();
    expect(readKeyring(store.dir)?.accounts.map((a) => a.accountId)).not.toContain(officer.id);
    await expectCode(store.vault.unlock('niran', 'officer passphrase'), 'WRONG_PASSPHRASE');
  });
});

describe('rotateDatabaseKey', () => {
  it('re-encrypts under a new key, issues a new recovery key, and keeps every account working', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    await addUser(session, {
      username: 'malee',
      displayName: 'Malee',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    await expectCode(rotateDatabaseKey(session, 'wrong'), 'WRONG_PASSPHRASE');
    store.clock.advance(5_000);
    const issued = await rotateDatabaseKey(session, SUPERVISOR.passphrase);
    expect(issued.recoveryKeyHex).not.toBe(store.recoveryKeyHex);
    expect(listAudit(session, { action: 'vault.rotate_key' })).toHaveLength(1);
    session.lock();

    // The old key no longer opens the file; the new one does.
    const paths = storePaths(store.dir);
    const oldKeyError = (() => {
      try {
        closeDatabase(openDatabase(paths.db, databaseKeyOf(store.dir, store.recoveryKeyHex)));
        return null;
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(oldKeyError?.code).toBe('WRONG_RECOVERY_KEY');
    closeDatabase(
      openDatabase(paths.db, databaseKeyOf(store.dir, issued.recoveryKeyHex), { keyVerified: true }),
    );
    await expectCode(store.vault.unlockWithRecoveryKey(store.recoveryKey), 'WRONG_RECOVERY_KEY');
    (await store.vault.unlockWithRecoveryKey(issued.recoveryKey)).lock();

    // The officer was not there, yet signs in: the new key was sealed to their account.
    expect(readKeyring(store.dir)?.accounts.find((a) => a.rotatedDbKey !== null)).toBeDefined();
    const officer = await store.vault.unlock('malee', 'officer passphrase');
    officer.lock();
    expect(
      readKeyring(store.dir)?.accounts.every((a) => a.wrappedDbKey !== null && a.rotatedDbKey === null),
    ).toBe(true);
    (await store.unlock()).lock();
  });

  it('rolls an interrupted rotation back at the next sign-in (crash between rekey and keyring)', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const keyring = readKeyring(store.dir);
    if (!keyring) throw new Error('no keyring');
    const newKey = randomBytes(32);
    const sealed = Object.fromEntries(
      keyring.accounts.map((a) => [a.accountId, sealDbKeyForEntry(a, newKey)]),
    );
    writeKeyring(store.dir, { ...keyring, rotation: { newDbKeyCheck: dbKeyCheck(newKey), sealed } });
    rekey(session.db, newKey);
    // "Crash": the connection goes away without the final keyring write.
    closeDatabase(session.db);

    const again = await store.unlock();
    expect(listAudit(again, { action: 'vault.rotate_key_rolled_back' })).toHaveLength(1);
    again.lock();
    expect(readKeyring(store.dir)?.rotation).toBeNull();
    // Back under the original key: the recovery key the supervisor holds still works.
    (await store.vault.unlockWithRecoveryKey(store.recoveryKey)).lock();
  });
});
