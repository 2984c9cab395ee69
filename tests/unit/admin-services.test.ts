import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportTarget } from '../../src/main/referral/service';
import { listAudit, listAuditForViewer } from '../../src/main/store/audit';
import { restoreBackup } from '../../src/main/store/backup';
import { exportBackup } from '../../src/main/store/backup-export';
import { createCase, listCases } from '../../src/main/store/cases';
import type { Session } from '../../src/main/store/session';
import { getDeviceSettings, getReferralDirectory, updateSettings } from '../../src/main/store/settings';
import { addUser } from '../../src/main/store/users';
import { Vault } from '../../src/main/store/vault';
import { tempDir } from '../helpers/disk';
import { codeOf, codeOfAsync } from '../helpers/errors';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/** The services behind the supervisor's screens (the handlers only call them). */

async function withOfficer(store: TestStore, supervisor: Session): Promise<Session> {
  await addUser(supervisor, { ...OFFICER, role: 'officer' });
  return store.vault.unlock(OFFICER.username, OFFICER.passphrase);
}

/** An export target that keeps what it was given (or cancels, like a closed save dialog). */
function memoryTarget(cancel = false): ExportTarget & { written: { name: string; bytes: Buffer }[] } {
  const written: { name: string; bytes: Buffer }[] = [];
  return {
    written,
    async write(name, bytes) {
      if (cancel) return null;
      written.push({ name, bytes: Buffer.from(bytes) });
      return name;
    },
  };
}

/** What the data folder holds besides the store itself (staging folders would show here). */
const strayEntries = (dir: string) =>
  readdirSync(dir).filter((n) => !/^(fieldscreen\.db(-wal|-shm)?|keyring\.json)$/.test(n));

describe('audit viewer', () => {
  it('names local accounts by username, newest first, and pages with beforeSeq', async () => {
    const store = await createTestStore();
    const sup = await store.unlock();
    const officer = await withOfficer(store, sup);
    const created = createCase(officer, CASE_INPUT);
    const page = listAuditForViewer(sup, { limit: 500 });
    const create = page.find((e) => e.action === 'case.create' && e.entityId === created.id);
    expect(create).toMatchObject({ actorKind: 'user', actor: OFFICER.username, entityType: 'case' });
    // The officer's account was made by the supervisor (the first account by the system or itself).
    expect(page.find((e) => e.action === 'user.create')?.actor).toBe(SUPERVISOR.username);
    // Same rows as the plain reader, in the same order, without the stored id and hash.
    const raw = listAudit(sup, { limit: 500 });
    expect(page.map((e) => e.seq)).toEqual(raw.map((e) => e.seq));
    expect(page.every((e) => !('hash' in e) && !('actorId' in e))).toBe(true);
    const older = listAuditForViewer(sup, { beforeSeq: page[1]?.seq, limit: 1 });
    expect(older.map((e) => e.seq)).toEqual([page[2]?.seq]);
    const filtered = listAuditForViewer(sup, { action: 'case.create' });
    expect(filtered.map((e) => e.entityId)).toEqual([created.id]);
    officer.lock();
    sup.lock();
  });
});

describe('backup export', () => {
  it('hands a dated, restorable backup to the target and leaves no staging folder', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    createCase(s, CASE_INPUT);
    const target = memoryTarget();
    const result = await exportBackup(s, target);
    expect(result.fileName).toBe('fieldscreen-backup-20260521T080000Z.db');
    expect(target.written).toHaveLength(1);
    expect(result.bytes).toBe(target.written[0]?.bytes.byteLength);
    expect(result.createdAt).toBe('2026-05-21T08:00:00.000Z');
    expect(strayEntries(store.dir)).toEqual([]);
    expect(listAudit(s, { action: 'backup.create' })).toHaveLength(1);
    s.lock();
    // What the target got is a real backup: it restores into a new folder.
    const file = join(tempDir('fs-backup-out-'), 'copy.db');
    writeFileSync(file, target.written[0]?.bytes ?? Buffer.alloc(0));
    const restoredDir = tempDir('fs-restored-');
    await restoreBackup({ from: file, dir: restoredDir, recoveryKey: store.recoveryKey });
    const again = await new Vault(restoredDir, store.options).unlock(
      SUPERVISOR.username,
      SUPERVISOR.passphrase,
    );
    expect(listCases(again, {}).total).toBe(1);
    again.lock();
  });

  it('refuses a backup larger than the cap without handing anything on, and cleans up', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const target = memoryTarget();
    let error: unknown;
    try {
      await exportBackup(s, target, 1024);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'IO_ERROR', messageKey: 'admin.backup.tooLarge' });
    expect(target.written).toEqual([]);
    expect(strayEntries(store.dir)).toEqual([]);
    s.lock();
  });

  it('reports a cancelled save dialog as no file, and cleans up', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const result = await exportBackup(s, memoryTarget(true));
    expect(result.fileName).toBeNull();
    expect(strayEntries(store.dir)).toEqual([]);
    s.lock();
  });
});

describe('an officer', () => {
  it('is refused the audit viewer, the device settings and a backup (before a staging folder is made)', async () => {
    const store = await createTestStore();
    const sup = await store.unlock();
    const officer = await withOfficer(store, sup);
    expect(codeOf(() => listAuditForViewer(officer))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => getDeviceSettings(officer))).toBe('FORBIDDEN_ROLE');
    const target = memoryTarget();
    expect(await codeOfAsync(exportBackup(officer, target))).toBe('FORBIDDEN_ROLE');
    expect(target.written).toEqual([]);
    expect(strayEntries(store.dir)).toEqual([]);
    officer.lock();
    sup.lock();
  });
});

describe('settings readers', () => {
  it('give the device settings to a supervisor and the referral directory to an officer', async () => {
    const store = await createTestStore();
    const sup = await store.unlock();
    const contact = {
      id: '7d4f4c2e-8f7c-4b7e-9a51-3f3f0b1d2a10',
      name: 'Songkhla shelter',
      kind: 'mdt' as const,
    };
    updateSettings(sup, { referralDirectory: [{ ...contact, province: 'Songkhla' }] });
    const officer = await withOfficer(store, sup);
    expect(getDeviceSettings(sup).referralDirectory).toHaveLength(1);
    expect(getReferralDirectory(officer).map((c) => c.province)).toEqual(['Songkhla']);
    officer.lock();
    sup.lock();
  });
});
