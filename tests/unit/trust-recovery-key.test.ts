import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { openAccountEntry, readKeyring, usernameLookup } from '../../src/main/keys/keyring';
import { formatRecoveryKey } from '../../src/main/keys/recovery-key';
import { createBackup, restoreBackup } from '../../src/main/store/backup';
import { listCases } from '../../src/main/store/case-list';
import { resetPassphraseAsSupervisor } from '../../src/main/store/passphrases';
import { storePaths } from '../../src/main/store/paths';
import { addUser } from '../../src/main/store/users';
import { Vault } from '../../src/main/store/vault';
import { captureIo, lineValue } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { codeOfAsync } from '../helpers/errors';
import { OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, createTestStore, databaseKeyOf } from '../helpers/test-app';

/**
 * The attacker: an officer with their own account and the data folder's files. Their passphrase
 * unwraps the database key from keyring.json (every account must hold it to open the store). That key
 * must not act as the recovery key anywhere: unlock screen, passphrase reset (IPC and CLI), supervisor
 * reset, restore.
 */
async function officerDerivedKey(dir: string, passphrase: string, username: string): Promise<Buffer> {
  const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
  const entry = keyring.accounts.find(
    (a: { usernameLookup: string }) => a.usernameLookup === usernameLookup(keyring, username),
  );
  const opened = await openAccountEntry(entry, passphrase);
  if (!opened) throw new Error('the officer could not open their own entry');
  return opened.dbKey;
}

describe('the recovery key is not the database key', () => {
  it('an officer-derived database key opens the database, and is refused as recovery key everywhere', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    await addUser(s, { ...OFFICER, role: 'officer' });
    const backup = join(tempDir(), 'b.fsbak');
    await createBackup(s, backup);
    s.lock();

    const k = await officerDerivedKey(store.dir, OFFICER.passphrase, OFFICER.username);
    // It is the database key (that cannot be hidden: records are readable with it) ...
    closeDatabase(openDatabase(storePaths(store.dir).db, k, { keyVerified: true }));
    expect(k.equals(store.databaseKey())).toBe(true);
    // ... but not the recovery key, nor its text form.
    const asRecovery = formatRecoveryKey(k);
    expect(asRecovery.replace(/-/g, '')).not.toBe(store.recoveryKeyHex);

    expect(await codeOfAsync(store.vault.unlockWithRecoveryKey(asRecovery))).toBe('WRONG_RECOVERY_KEY');
    expect(
      await codeOfAsync(
        store.vault.resetPassphraseWithRecoveryKey(asRecovery, SUPERVISOR.username, 'taken over 1234'),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    // (Wrong recovery keys meet a back-off after three: let the clock move on between the attempts.)
    store.clock.advance(600_000);
    expect(
      await codeOfAsync(restoreBackup({ from: backup, dir: join(tempDir(), 'x'), recoveryKey: asRecovery })),
    ).toBe('WRONG_RECOVERY_KEY');
    store.clock.advance(600_000);
    const sup = await store.unlock();
    const officerId = (readKeyring(store.dir)?.accounts ?? []).find(
      (a) =>
        a.usernameLookup !==
        usernameLookup(readKeyring(store.dir) ?? { lookupSalt: '' }, SUPERVISOR.username),
    )?.accountId;
    expect(
      await codeOfAsync(
        resetPassphraseAsSupervisor(sup, {
          userId: officerId ?? '',
          recoveryKey: asRecovery,
          newPassphrase: 'x'.repeat(16),
        }),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    sup.lock();

    // The CLI, as the attacker would run it.
    store.clock.advance(600_000);
    const cli = createStoreCommands({ kdfProfile: 'test', now: store.clock.now });
    const reset = cli.find((c) => c.name === 'reset-passphrase');
    const io = captureIo({
      FIELDSCREEN_RECOVERY_KEY: asRecovery,
      FIELDSCREEN_NEW_PASSPHRASE: 'taken over 1234',
    });
    expect(await reset?.run(['--data', store.dir, '--user', SUPERVISOR.username], io)).not.toBe(0);
    expect(io.err.join('\n')).toContain('WRONG_RECOVERY_KEY');

    store.clock.advance(600_000);
    // The supervisor's own passphrase still works: nothing was taken over.
    (await store.unlock()).lock();
    // And the real recovery key does reset (the path itself works).
    await store.vault.resetPassphraseWithRecoveryKey(
      store.recoveryKey,
      OFFICER.username,
      'officer new pass 1',
    );
    (await store.vault.unlock(OFFICER.username, 'officer new pass 1')).lock();
  });

  it('the IPC reset on the unlock screen refuses the officer-derived key too', async () => {
    const app = await createTestApp();
    await app.initialise();
    await app.enrol(OFFICER);
    const k = await officerDerivedKey(app.dataDir, OFFICER.passphrase, OFFICER.username);
    await app.ok('session.lock', { reason: 'manual' });
    expect(
      await app.code('vault.resetPassphrase', {
        username: SUPERVISOR.username,
        recoveryKey: formatRecoveryKey(k),
        newPassphrase: 'taken over 1234',
      }),
    ).toBe('WRONG_RECOVERY_KEY');
    app.close();
  });
});

describe('a store made by the release before (keyring v1)', () => {
  const FIXTURE = join(__dirname, '../fixtures/store-v1');
  const facts = JSON.parse(readFileSync(join(FIXTURE, 'fixture.json'), 'utf8'));

  function copyFixture(): string {
    const dir = join(tempDir(), 'store');
    cpSync(FIXTURE, dir, { recursive: true });
    return dir;
  }

  it('is upgraded at the first supervisor sign-in: new recovery key, old one refused, nothing lost', async () => {
    const dir = copyFixture();
    const vault = new Vault(dir, { kdfProfile: 'test' });
    // An officer signing in first changes nothing about the keys.
    const o = await vault.unlock('officer', facts.accounts.officer);
    const casesBefore = listCases(o).total;
    expect(casesBefore).toBeGreaterThan(0);
    expect(o.upgradeRecoveryKey).toBeNull();
    o.lock();
    expect(readKeyring(dir)?.version).toBe(1);

    const io = captureIo({ FIELDSCREEN_PASSPHRASE: facts.accounts.supervisor });
    const verify = createStoreCommands({ kdfProfile: 'test' }).find((c) => c.name === 'audit-verify');
    expect(await verify?.run(['--data', dir, '--user', 'supervisor'], io)).toBe(0);
    const newKey = lineValue(io.out, 'recovery-key') ?? '';
    expect(newKey).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    expect(io.out.join('\n')).toContain('upgraded');
    expect(readKeyring(dir)?.version).toBe(2);

    // The old recovery key was the database key every account held: it no longer opens anything.
    expect(await codeOfAsync(vault.unlockWithRecoveryKey(facts.recoveryKey))).toBe('WRONG_RECOVERY_KEY');
    (await vault.unlockWithRecoveryKey(newKey)).lock();
    // The database key is now derived from the new recovery key (SQLCipher's passphrase form).
    closeDatabase(
      openDatabase(storePaths(dir).db, databaseKeyOf(dir, newKey.replace(/-/g, '')), { keyVerified: true }),
    );

    // Everyone keeps working, data intact; the disabled account stays out.
    const again = await vault.unlock('officer', facts.accounts.officer);
    expect(listCases(again).total).toBe(casesBefore);
    again.lock();
    const sup = await vault.unlock('supervisor', facts.accounts.supervisor);
    expect(sup.upgradeRecoveryKey).toBeNull();
    sup.lock();
    expect(await codeOfAsync(vault.unlock('leaver', 'fixture leaver passphrase'))).toBe('WRONG_PASSPHRASE');
  });

  it('before the upgrade, its old recovery key still resets and restores (it is the only one there is)', async () => {
    const dir = copyFixture();
    const vault = new Vault(dir, { kdfProfile: 'test' });
    await vault.resetPassphraseWithRecoveryKey(facts.recoveryKey, 'officer', 'officer reset pass 1');
    (await vault.unlock('officer', 'officer reset pass 1')).lock();
  });
});
