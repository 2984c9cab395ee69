import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, SQLCIPHER_PAGE_SIZE } from '../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { listAudit, verifyAudit } from '../../src/main/store/audit';
import { createBackup, restoreBackup } from '../../src/main/store/backup';
import { createCase, getCase, listCases } from '../../src/main/store/cases';
import { storePaths } from '../../src/main/store/paths';
import { Vault } from '../../src/main/store/vault';
import { tempDir } from '../helpers/disk';
import { codeOfAsync } from '../helpers/errors';
import { CASE_INPUT, SUPERVISOR } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = readFileSync(join(dir, name)).toString('base64');
  return out;
}

describe('backup', () => {
  it('takes a consistent encrypted copy from a second connection while the app keeps working', async () => {
    const store = await createTestStore();
    const app = await store.unlock();
    const c1 = createCase(app, CASE_INPUT);
    // The committed case sits in the WAL; a CLI process opens its own connection with the recovery key.
    const cli = await new Vault(store.dir, store.options).unlockWithRecoveryKey(store.recoveryKey);
    const out = join(tempDir(), 'backup.fsbak');
    const result = await createBackup(cli, out);
    cli.lock();
    const c2 = createCase(app, CASE_INPUT); // the app carries on
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(statSync(out).size % SQLCIPHER_PAGE_SIZE).toBe(0);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(listAudit(app, { action: 'backup.create' })).toHaveLength(1);
    app.lock();

    // Restore into an empty folder (a new laptop): passphrases from backup time work.
    const fresh = tempDir();
    const restored = await restoreBackup({ from: out, dir: fresh, recoveryKey: store.recoveryKey });
    expect(restored).toMatchObject({
      previousDatabase: null,
      keyringRestored: true,
      backupSchemaVersion: LATEST_SCHEMA_VERSION,
    });
    const s = await new Vault(fresh, store.options).unlock(SUPERVISOR.username, SUPERVISOR.passphrase);
    const ids = listCases(s).rows.map((r) => r.id);
    expect(ids).toContain(c1.id);
    expect(ids).not.toContain(c2.id);
    expect(listAudit(s, { action: 'backup.restore' })).toHaveLength(1);
    expect(verifyAudit(s).ok).toBe(true);
    s.lock();
  });

  it('never overwrites an existing file', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const out = join(tempDir(), 'exists.fsbak');
    writeFileSync(out, 'precious');
    expect(await codeOfAsync(createBackup(s, out))).toBe('CONFLICT');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    s.lock();
  });
});

describe('restore', () => {
  it('replaces the store only after checking the backup, keeping the old database as a dated file', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const before = createCase(s, CASE_INPUT);
    const out = join(tempDir(), 'b.fsbak');
    await createBackup(s, out);
    const after = createCase(s, CASE_INPUT);
    s.lock();

    const result = await restoreBackup({
      from: out,
      dir: store.dir,
      recoveryKey: store.recoveryKey,
      now: store.clock.now,
    });
    expect(result.previousDatabase).toMatch(/fieldscreen\.db\.before-restore-20260521T080000Z$/);
    expect(existsSync(result.previousDatabase ?? '')).toBe(true);
    expect(readdirSync(store.dir).sort()).toEqual(
      [
        'fieldscreen.db',
        'fieldscreen.db.before-restore-20260521T080000Z',
        'keyring.json',
        'keyring.json.before-restore-20260521T080000Z',
      ].sort(),
    );
    const restored = await store.unlock();
    expect(getCase(restored, before.id).id).toBe(before.id);
    expect(listCases(restored).rows.map((r) => r.id)).not.toContain(after.id);
    restored.lock();
    // Nothing lost: the replaced database still opens with its key and holds the later case.
    const old = openDatabase(result.previousDatabase ?? '', store.databaseKey(), {
      keyVerified: true,
    });
    expect(old.prepare('SELECT count(*) FROM cases WHERE id = ?').pluck().get(after.id)).toBe(1);
    closeDatabase(old);
  });

  it('refuses files that are not backups and leaves the data folder untouched', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    createCase(s, CASE_INPUT);
    const good = join(tempDir(), 'good.fsbak');
    await createBackup(s, good);
    s.lock();
    const untouched = snapshot(store.dir);
    const dir = tempDir();

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some text, certainly not a backup\n');
    const plain = join(dir, 'plain.db');
    closeDatabase(openDatabase(plain, null, { create: true, quickCheck: false }));
    const truncated = join(dir, 'truncated.fsbak');
    copyFileSync(good, truncated);
    truncateSync(truncated, statSync(good).size - 1000);
    const liveCopy = join(dir, 'live-copy.db');
    copyFileSync(storePaths(store.dir).db, liveCopy);
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');

    for (const from of [text, plain, truncated, liveCopy, empty]) {
      expect({
        from,
        code: await codeOfAsync(restoreBackup({ from, dir: store.dir, recoveryKey: store.recoveryKey })),
      }).toEqual({
        from,
        code: 'NOT_A_BACKUP',
      });
    }
    // Random whole pages cannot be told apart from a backup under another key: by design of the cipher.
    const noise = join(dir, 'noise.bin');
    writeFileSync(noise, randomBytes(SQLCIPHER_PAGE_SIZE * 4));
    expect(
      await codeOfAsync(restoreBackup({ from: noise, dir: store.dir, recoveryKey: store.recoveryKey })),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(
      await codeOfAsync(
        restoreBackup({ from: join(dir, 'missing'), dir: store.dir, recoveryKey: store.recoveryKey }),
      ),
    ).toBe('NOT_FOUND');
    expect(snapshot(store.dir)).toEqual(untouched);
  });

  it('needs the recovery key the backup was made under', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const out = join(tempDir(), 'b.fsbak');
    await createBackup(s, out);
    s.lock();
    const untouched = snapshot(store.dir);
    expect(
      await codeOfAsync(
        restoreBackup({ from: out, dir: store.dir, recoveryKey: randomBytes(32).toString('hex') }),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(await codeOfAsync(restoreBackup({ from: out, dir: store.dir, recoveryKey: 'nonsense' }))).toBe(
      'WRONG_RECOVERY_KEY',
    );
    expect(snapshot(store.dir)).toEqual(untouched);
  });

  it('refuses a backup from a newer app version, and a damaged backup', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    for (let i = 0; i < 20; i++) createCase(s, CASE_INPUT);
    const newer = join(tempDir(), 'newer.fsbak');
    await createBackup(s, newer);
    const damaged = join(tempDir(), 'damaged.fsbak');
    await createBackup(s, damaged);
    s.lock();
    const key = store.databaseKey();
    const db = openDatabase(newer, key, { keyVerified: true, migrate: false, journalMode: 'memory' });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    closeDatabase(db);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, randomBytes(100), 0, 100, SQLCIPHER_PAGE_SIZE * 3 + 500);
    closeSync(fd);
    const untouched = snapshot(store.dir);
    expect(
      await codeOfAsync(restoreBackup({ from: newer, dir: store.dir, recoveryKey: store.recoveryKey })),
    ).toBe('DB_NEWER_THAN_APP');
    expect(
      await codeOfAsync(restoreBackup({ from: damaged, dir: store.dir, recoveryKey: store.recoveryKey })),
    ).toBe('DB_CORRUPT');
    expect(snapshot(store.dir)).toEqual(untouched);
  });
});
