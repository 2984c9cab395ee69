import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { createAppContext } from '../../src/main/services/app-context';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../src/shared/domain/settings';

/**
 * The reflection-period and shelter-day counts are device settings like the others: one save with the
 * rest (all or nothing), supervisors only, audited, and read by the case page's follow-up counters.
 */
const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai Jaidee',
  passphrase: 'supervisor passphrase 1',
};
const OFFICER = { username: 'malee', displayName: 'Malee Officer', passphrase: 'officer passphrase 1' };

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; messageKey: string } };
let root: string;
let ctx: ReturnType<typeof createAppContext>;
let dispatch: Dispatch;
const callAs = async (channel: string, payload: unknown) => (await dispatch(channel, payload)) as Reply;
const value = <T>(r: Reply): T => {
  if (!r.ok) throw new Error(`call failed: ${r.error.code}`);
  return r.value as T;
};

async function signIn(who: { username: string; passphrase: string }) {
  await callAs('session.lock', { reason: 'switch_user' });
  expect((await callAs('session.unlock', { username: who.username, passphrase: who.passphrase })).ok).toBe(
    true,
  );
}

let caseId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-followup-days-'));
  ctx = createAppContext({
    runtime: 'test',
    dataDir: join(root, 'data'),
    appVersion: 'test',
    kdfProfile: 'test',
    exportTarget: folderExportTarget(join(root, 'exports')),
  });
  dispatch = createDispatcher(handlers, ctx);
  expect((await callAs('vault.initialise', SUPERVISOR)).ok).toBe(true);
  expect((await callAs('admin.users.add', { ...OFFICER, role: 'officer' })).ok).toBe(true);
  caseId = value<{ id: string }>(
    await callAs('cases.create', {
      place: { kind: 'port', name: 'Ranong fishing port' },
      screeningDate: '2026-11-20',
    }),
  ).id;
}, 60_000);

afterAll(() => {
  ctx.sessions.lock('manual');
  rmSync(root, { recursive: true, force: true });
});

describe('follow-up periods as device settings', () => {
  it('default to the brief’s 45 and 15 days', async () => {
    const got = value<{ settings: { followUpDays: unknown } }>(await callAs('admin.settings.get', {}));
    expect(got.settings.followUpDays).toEqual(DEFAULT_FOLLOW_UP_DAYS);
    expect(DEFAULT_FOLLOW_UP_DAYS).toEqual({ reflectionDays: 45, shelterDays: 15 });
  });

  it('a supervisor changes them with the other settings; the case page counts with the new days; audited', async () => {
    const saved = value<{ followUpDays: unknown; autoLockMinutes: number }>(
      await callAs('admin.settings.update', {
        autoLockMinutes: 7,
        followUpDays: { reflectionDays: 30, shelterDays: 10 },
      }),
    );
    expect(saved.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
    expect(saved.autoLockMinutes).toBe(7);
    const counters = value<{ days: unknown }>(await callAs('casework.followUps', { caseId }));
    expect(counters.days).toEqual({ reflectionDays: 30, shelterDays: 10 });
    const audit = value<{ entityId: string | null; details: unknown }[]>(
      await callAs('admin.audit.list', { action: 'settings.update', limit: 10 }),
    );
    const row = audit.find((r) => r.entityId === 'followUpDays');
    expect(row?.details).toEqual({
      old: DEFAULT_FOLLOW_UP_DAYS,
      new: { reflectionDays: 30, shelterDays: 10 },
    });
  });

  it('a bad value saves nothing of the same request (all or nothing)', async () => {
    const r = await callAs('admin.settings.update', {
      autoLockMinutes: 9,
      followUpDays: { reflectionDays: 0, shelterDays: 10 },
    });
    expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    const got = value<{ settings: { autoLockMinutes: number; followUpDays: unknown } }>(
      await callAs('admin.settings.get', {}),
    );
    expect(got.settings.autoLockMinutes).toBe(7);
    expect(got.settings.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
  });

  it('an officer reads the counters but cannot change the days', async () => {
    await signIn(OFFICER);
    const counters = value<{ days: unknown }>(await callAs('casework.followUps', { caseId }));
    expect(counters.days).toEqual({ reflectionDays: 30, shelterDays: 10 });
    const r = await callAs('admin.settings.update', {
      followUpDays: { reflectionDays: 60, shelterDays: 20 },
    });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN_ROLE');
    await signIn(SUPERVISOR);
    const got = value<{ settings: { followUpDays: unknown } }>(await callAs('admin.settings.get', {}));
    expect(got.settings.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
  });
});
