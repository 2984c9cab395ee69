import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/main/ipc/handlers';
import type { AppContext } from '../../src/main/services/context';
import { listAudit } from '../../src/main/store/audit';
import { prepareRestore } from '../../src/main/store/backup';
import { createCase, listCases } from '../../src/main/store/cases';
import { storePaths } from '../../src/main/store/paths';
import type { AppEvent } from '../../src/shared/ipc/api';
import { dropAuditTriggers, openKeyedFile, recreateAuditTriggers } from '../helpers/keyed-db';
import { CASE_INPUT, OFFICER as OFFICER_ACCOUNT, SUPERVISOR } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Restore from the supervisor screen, through the dispatcher, with a real store: main lists and picks
 * the backup (the renderer only names one from main's list), checks it with its recovery key while
 * everyone stays signed in, then locks, swaps the files and announces it.
 */

const OFFICER = { ...OFFICER_ACCOUNT, role: 'officer' as const };

let app: TestApp;
let dataDir: string;
let exportDir: string;
let ctx: AppContext;
let events: AppEvent[];
let recoveryKey: string;

const ok = <T = unknown>(channel: string, payload: unknown) => app.ok<T>(channel, payload);
const code = (channel: string, payload: unknown) => app.code(channel, payload);

/** Names and sizes of the data folder's files (the database may still be written by the open session). */
const dataFiles = () => readdirSync(dataDir).sort();

/** Files this process holds open under the data folder (Linux: /proc/self/fd). */
function openFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      if (target.startsWith(dir)) out.push(target);
    } catch {
      // Closed meanwhile.
    }
  }
  return out;
}

beforeEach(async () => {
  events = [];
  app = createTestApp('fs-restore-', { emit: (e) => events.push(e) });
  ({ dataDir, exportDir, ctx } = app);
  mkdirSync(exportDir);
  recoveryKey = await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
  events = [];
});

afterEach(() => {
  ctx.sessions.lock('manual');
  vi.useRealTimers();
});

/** One case, a backup of it, then a second case the backup does not have. */
async function caseBackupCase() {
  const first = createCase(ctx.sessions.require(), CASE_INPUT);
  const backup = await ok<{ fileName: string }>('admin.backup.create', {});
  const second = createCase(ctx.sessions.require(), CASE_INPUT);
  return { first: first.id, second: second.id, fileName: backup.fileName };
}

async function pick(name: string | null) {
  return (await ok<{ picked: { id: string; file: { name: string } } | null }>('admin.backup.pick', { name }))
    .picked;
}

describe('restore from the supervisor screen', () => {
  it('restores: session locked, files swapped, old passphrases work, the data is the backup’s', async () => {
    const { first, second, fileName } = await caseBackupCase();
    // A passphrase changed after the backup: the restore brings back the one of backup time.
    const sup = ctx.sessions.require().requireUser();
    await ok('admin.users.resetPassphrase', {
      userId: sup.id,
      recoveryKey,
      newPassphrase: 'changed after backup',
    });

    const sources = await ok<{ mode: string; files: { name: string }[] }>('admin.backup.restoreSources', {});
    expect(sources.mode).toBe('list');
    expect(sources.files.map((f) => f.name)).toEqual([fileName]);
    const picked = await pick(fileName);
    expect(picked?.file.name).toBe(fileName);
    // Only a name and an opaque id reach the renderer, never the folder.
    expect(JSON.stringify(picked)).not.toContain(exportDir);

    const result = await ok<{ backupCreatedAt: string; keyringRestored: boolean }>('admin.backup.restore', {
      pickedId: picked?.id,
      recoveryKey,
    });
    expect(result.keyringRestored).toBe(true);
    expect(events).toEqual([{ type: 'restored', ...result }]);
    expect(ctx.session()).toBeNull();
    expect(await code('cases.list', {})).toBe('NOT_SIGNED_IN');
    // Nothing in this process still holds the replaced database (or any file of the folder) open.
    expect(openFilesUnder(dataDir)).toEqual([]);
    // The replaced database and keyring are kept beside the restored ones.
    const kept = dataFiles().filter((f) => f.includes('.before-restore-'));
    expect(kept.some((f) => /^fieldscreen\.db\.before-restore-\d{8}T\d{6}Z$/.test(f))).toBe(true);
    expect(kept.some((f) => /^keyring\.json\.before-restore-/.test(f))).toBe(true);
    expect(dataFiles().filter((f) => f.startsWith('.restore-'))).toEqual([]);

    // Sign in against the restored file with the passphrase of backup time; the data is the backup's.
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    const session = ctx.sessions.require();
    const ids = listCases(session).rows.map((r) => r.id);
    expect(ids).toContain(first);
    expect(ids).not.toContain(second);
    const restoreRows = listAudit(session, { action: 'backup.restore' });
    expect(restoreRows).toHaveLength(1);
    expect(restoreRows[0]).toMatchObject({ actorKind: 'user', actorId: sup.id });
    // The pick was used up.
    expect(await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey })).toBe('NOT_FOUND');
    ctx.sessions.lock('manual');
    // The passphrase set after the backup is gone with everything else from after it.
    expect(
      await code('session.unlock', { username: SUPERVISOR.username, passphrase: 'changed after backup' }),
    ).toBe('WRONG_PASSPHRASE');
    await ok('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  });

  it('a wrong key, a file that is no backup, or a damaged one: clear error, nothing changed, still signed in', async () => {
    const { second, fileName } = await caseBackupCase();
    writeFileSync(join(exportDir, 'not-a-backup.db'), 'just text, certainly not a backup\n'.repeat(200));
    const damaged = 'damaged.db';
    copyFileSync(join(exportDir, fileName), join(exportDir, damaged));
    const fd = openSync(join(exportDir, damaged), 'r+');
    writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, Math.floor(statSync(join(exportDir, damaged)).size / 2));
    closeSync(fd);
    const before = dataFiles();
    const wrongKey = recoveryKey.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));

    const attempts: [string, string, string[]][] = [
      [fileName, wrongKey, ['WRONG_RECOVERY_KEY']],
      ['not-a-backup.db', recoveryKey, ['NOT_A_BACKUP']],
      [damaged, recoveryKey, ['DB_CORRUPT']],
    ];
    for (const [name, key, expected] of attempts) {
      const picked = await pick(name);
      expect(picked, name).not.toBeNull();
      expect(expected, name).toContain(
        await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey: key }),
      );
      expect(ctx.session(), name).not.toBeNull();
      expect(
        listCases(ctx.sessions.require()).rows.map((r) => r.id),
        name,
      ).toContain(second);
      expect(dataFiles(), name).toEqual(before);
    }
    expect(events).toEqual([]);
    // The same pick can be retried with the right key.
    const picked = await pick(fileName);
    expect(await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey: wrongKey })).toBe(
      'WRONG_RECOVERY_KEY',
    );
    expect(await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey })).toBeNull();
  });

  it('a backup whose audit trail was rewritten or unprotected: BACKUP_UNTRUSTED, nothing changed, still signed in', async () => {
    const { second, fileName } = await caseBackupCase();
    const dbKey = Buffer.from(ctx.sessions.require().dbKey);
    const tampered = (name: string, attack: (db: ReturnType<typeof openKeyedFile>) => void) => {
      copyFileSync(join(exportDir, fileName), join(exportDir, name));
      const db = openKeyedFile(join(exportDir, name), dbKey);
      try {
        attack(db);
      } finally {
        db.close();
      }
      return name;
    };
    const names = [
      tampered('rewritten.db', (db) => {
        dropAuditTriggers(db);
        db.prepare("UPDATE audit_log SET action = 'case.view' WHERE seq = 2").run();
        recreateAuditTriggers(db);
      }),
      tampered('unprotected.db', dropAuditTriggers),
    ];
    const before = dataFiles();
    for (const name of names) {
      const picked = await pick(name);
      const reply = await app.call('admin.backup.restore', { pickedId: picked?.id, recoveryKey });
      expect(reply.ok ? null : reply.error, name).toMatchObject({
        code: 'BACKUP_UNTRUSTED',
        messageKey: 'errors.backupUntrusted',
      });
      expect(ctx.session(), name).not.toBeNull();
      expect(listCases(ctx.sessions.require()).rows.map((r) => r.id)).toContain(second);
      expect(dataFiles(), name).toEqual(before);
    }
    expect(events).toEqual([]);
  });

  it('picks only files main listed: no paths, no traversal, no links out of the folder, no other kinds', async () => {
    const { fileName } = await caseBackupCase();
    const outside = join(app.root, 'outside.db');
    copyFileSync(join(exportDir, fileName), outside);
    symlinkSync(outside, join(exportDir, 'link.db'));
    writeFileSync(join(exportDir, 'referral.pdf'), '%PDF-1.7\n');
    writeFileSync(join(exportDir, '.hidden.db'), 'x');
    const listed = await ok<{ files: { name: string }[] }>('admin.backup.restoreSources', {});
    expect(listed.files.map((f) => f.name)).toEqual([fileName]);
    for (const name of ['../outside.db', outside, `sub/${fileName}`, '..', '.', 'a\\b.db', 'a\0.db']) {
      expect(await code('admin.backup.pick', { name }), name).toBe('VALIDATION');
    }
    for (const name of ['link.db', 'referral.pdf', '.hidden.db', 'missing.db', fileName.toUpperCase()]) {
      expect(await pick(name), name).toBeNull();
    }
    // An id that main never handed out, or one from before a lock, opens nothing.
    expect(await code('admin.backup.restore', { pickedId: 'a'.repeat(32), recoveryKey })).toBe('NOT_FOUND');
    const picked = await pick(fileName);
    await ok('session.lock', { reason: 'manual' });
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    expect(await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey })).toBe('NOT_FOUND');
  });

  it('an officer is refused, by the channel and by the handler itself', async () => {
    const { fileName } = await caseBackupCase();
    const picked = await pick(fileName);
    await ok('session.lock', { reason: 'switch_user' });
    await ok('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    expect(await code('admin.backup.restoreSources', {})).toBe('FORBIDDEN_ROLE');
    expect(await code('admin.backup.pick', { name: fileName })).toBe('FORBIDDEN_ROLE');
    expect(await code('admin.backup.restore', { pickedId: picked?.id, recoveryKey })).toBe('FORBIDDEN_ROLE');
    // Past the dispatcher's access check, the handler checks the role again.
    await expect(
      Promise.resolve().then(() =>
        handlers['admin.backup.restore']({ pickedId: picked?.id ?? '', recoveryKey }, ctx),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(ctx.sessions.user()?.username).toBe(OFFICER.username);
  });

  it('leaves no idle timer of the old session behind; the new session gets its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fileName } = await caseBackupCase();
    const picked = await pick(fileName);
    await ok('admin.backup.restore', { pickedId: picked?.id, recoveryKey });
    vi.advanceTimersByTime(60 * 60_000);
    expect(events.map((e) => e.type)).toEqual(['restored']);
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    vi.advanceTimersByTime(60 * 60_000);
    expect(events).toEqual([
      expect.objectContaining({ type: 'restored' }),
      { type: 'locked', reason: 'idle' },
    ]);
  });

  it('a switch of user while the backup is being checked cancels the restore; nothing is swapped', async () => {
    const { second, fileName } = await caseBackupCase();
    const picked = await pick(fileName);
    const before = dataFiles();
    // Both calls start at once: the restore checks its copy, the sign-in locks the supervisor out first.
    const restoring = app.dispatch('admin.backup.restore', { pickedId: picked?.id, recoveryKey });
    const signIn = app.dispatch('session.unlock', {
      username: OFFICER.username,
      passphrase: OFFICER.passphrase,
    });
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await signIn).ok).toBe(true);
    expect(listCases(ctx.sessions.require()).rows.map((r) => r.id)).toContain(second);
    expect(dataFiles()).toEqual(before);
  });

  it('a sign-in that starts while the files are swapped waits, then opens the restored store', async () => {
    const { first, second, fileName } = await caseBackupCase();
    const session = ctx.sessions.require();
    const prepared = await prepareRestore({ from: join(exportDir, fileName), dir: dataDir, recoveryKey });
    let signIn: Promise<unknown> | null = null;
    await ctx.sessions.replaceStore(session, () => {
      // Holding the folder's keyring lock: this sign-in must wait for the swap.
      signIn = ctx.sessions.unlock(OFFICER.username, OFFICER.passphrase);
      return prepared.commit();
    });
    await signIn;
    const ids = listCases(ctx.sessions.require()).rows.map((r) => r.id);
    expect(ids).toContain(first);
    expect(ids).not.toContain(second);
    expect(
      openFilesUnder(dataDir).every((f) => f.startsWith(storePaths(dataDir).db) && !f.includes('before')),
    ).toBe(true);
  });

  it('a swap that fails half-way puts the replaced files back and says the session is locked', async () => {
    const { second, fileName } = await caseBackupCase();
    const session = ctx.sessions.require();
    const prepared = await prepareRestore({ from: join(exportDir, fileName), dir: dataDir, recoveryKey });
    const staged = dataFiles().filter((f) => f.startsWith('.restore-'));
    expect(staged).toHaveLength(1);
    // The checked copy disappears before it can be moved into place (a disk error, say).
    unlinkSync(join(dataDir, staged[0] ?? ''));
    const before = dataFiles().filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'));
    await expect(ctx.sessions.replaceStore(session, () => prepared.commit())).rejects.toMatchObject({
      name: 'AppError',
    });
    expect(events).toEqual([{ type: 'locked', reason: 'manual' }]);
    expect(dataFiles().filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(before);
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    expect(listCases(ctx.sessions.require()).rows.map((r) => r.id)).toContain(second);
  });
});
