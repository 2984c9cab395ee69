import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountEntry, readKeyring } from '../../src/main/keys/keyring';
import { storePaths } from '../../src/main/store/paths';
import { openKeyedFile } from '../helpers/keyed-db';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, databaseKeyOf, type TestApp, testClock } from '../helpers/test-app';

/**
 * Administration → Users → "Change the database key" (admin.vault.rotateKey), played by the insider it
 * is for: an officer who kept a copy of keyring.json, then was disabled. Before the change their kept
 * entry still opens the database file; after it, it opens nothing, while everyone still enabled signs in
 * as before and the new recovery key opens the file.
 */
const STAYER = { username: 'stayer', displayName: 'Stays Officer', passphrase: 'stayer own passphrase' };

let app: TestApp;
const clock = testClock();
let leaverId: string;
/** The leaver's entry as their kept copy of keyring.json holds it. */
let keptDbKey: Buffer;

const opensDatabase = (key: Buffer): boolean => {
  try {
    openKeyedFile(storePaths(app.dataDir).db, key).close();
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  app = createTestApp('fs-rotate-', { now: clock.now });
  await app.initialise(SUPERVISOR);
  leaverId = (await app.enrol(OFFICER)).id;
  await app.enrol(STAYER);
  const kept = readKeyring(app.dataDir)?.accounts.find((a) => a.accountId === leaverId);
  const opened = kept ? await openAccountEntry(kept, OFFICER.passphrase) : null;
  if (!opened) throw new Error('the leaver cannot open their own entry');
  keptDbKey = opened.dbKey;
}, 120_000);
afterAll(() => app.close());

describe('changing the database key after disabling someone', () => {
  it('is for supervisors only', async () => {
    await app.signIn(STAYER);
    expect(await app.code('admin.vault.rotateKey', { currentPassphrase: STAYER.passphrase })).toBe(
      'FORBIDDEN_ROLE',
    );
    await app.signIn(SUPERVISOR);
  });

  it('a disabled officer with a kept keyring copy still opens the file until the key changes', async () => {
    await app.ok('admin.users.disable', { userId: leaverId });
    expect(opensDatabase(keptDbKey)).toBe(true);
    expect(await app.code('admin.vault.rotateKey', { currentPassphrase: 'not my passphrase' })).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(opensDatabase(keptDbKey)).toBe(true);
    // A wrong passphrase counts like a failed sign-in: the next try waits.
    expect(await app.code('admin.vault.rotateKey', { currentPassphrase: SUPERVISOR.passphrase })).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    clock.advance(2_000);
    expect(await app.code('admin.vault.rotateKey', {})).toBe('VALIDATION');
  });

  it('after the change the kept copy opens nothing; the supervisor works on, the others sign in as before', async () => {
    const issued = await app.ok<{ recoveryKey: string; recoveryKeyHex: string }>('admin.vault.rotateKey', {
      currentPassphrase: SUPERVISOR.passphrase,
    });
    expect(issued.recoveryKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(opensDatabase(keptDbKey)).toBe(false);
    expect(opensDatabase(databaseKeyOf(app.dataDir, issued.recoveryKeyHex))).toBe(true);
    // The supervisor's session goes on, on the re-keyed file.
    await app.ok('cases.create', CASE_INPUT);
    await app.signIn(STAYER);
    await app.ok('cases.create', CASE_INPUT);
    await app.signIn(SUPERVISOR);
    const verdict = await app.ok<{ ok: boolean }>('admin.audit.verify', {});
    expect(verdict.ok).toBe(true);
    const rows = await app.ok<{ action: string }[]>('admin.audit.list', { action: 'vault.rotate_key' });
    expect(rows).toHaveLength(1);
  });
});
