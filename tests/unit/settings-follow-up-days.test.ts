import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../src/shared/domain/settings';
import { createTestApp, type TestApp } from '../helpers/test-app';

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

let app: TestApp;
let caseId: string;

beforeAll(async () => {
  app = createTestApp('fs-followup-days-');
  await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
  caseId = (
    await app.ok<{ id: string }>('cases.create', {
      place: { kind: 'port', name: 'Ranong fishing port' },
      screeningDate: '2026-11-20',
    })
  ).id;
}, 60_000);

afterAll(() => app.close());

describe('follow-up periods as device settings', () => {
  it('default to the brief’s 45 and 15 days', async () => {
    const got = await app.ok<{ settings: { followUpDays: unknown } }>('admin.settings.get', {});
    expect(got.settings.followUpDays).toEqual(DEFAULT_FOLLOW_UP_DAYS);
    expect(DEFAULT_FOLLOW_UP_DAYS).toEqual({ reflectionDays: 45, shelterDays: 15 });
  });

  it('a supervisor changes them with the other settings; the case page counts with the new days; audited', async () => {
    const saved = await app.ok<{ followUpDays: unknown; autoLockMinutes: number }>('admin.settings.update', {
      autoLockMinutes: 7,
      followUpDays: { reflectionDays: 30, shelterDays: 10 },
    });
    expect(saved.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
    expect(saved.autoLockMinutes).toBe(7);
    const counters = await app.ok<{ days: unknown }>('casework.followUps', { caseId });
    expect(counters.days).toEqual({ reflectionDays: 30, shelterDays: 10 });
    const audit = await app.ok<{ entityId: string | null; details: unknown }[]>('admin.audit.list', {
      action: 'settings.update',
      limit: 10,
    });
    const row = audit.find((r) => r.entityId === 'followUpDays');
    expect(row?.details).toEqual({
      old: DEFAULT_FOLLOW_UP_DAYS,
      new: { reflectionDays: 30, shelterDays: 10 },
    });
  });

  it('a bad value saves nothing of the same request (all or nothing)', async () => {
    const r = await app.call('admin.settings.update', {
      autoLockMinutes: 9,
      followUpDays: { reflectionDays: 0, shelterDays: 10 },
    });
    expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    const got = await app.ok<{ settings: { autoLockMinutes: number; followUpDays: unknown } }>(
      'admin.settings.get',
      {},
    );
    expect(got.settings.autoLockMinutes).toBe(7);
    expect(got.settings.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
  });

  it('an officer reads the counters but cannot change the days', async () => {
    await app.signIn(OFFICER);
    const counters = await app.ok<{ days: unknown }>('casework.followUps', { caseId });
    expect(counters.days).toEqual({ reflectionDays: 30, shelterDays: 10 });
    const r = await app.call('admin.settings.update', {
      followUpDays: { reflectionDays: 60, shelterDays: 20 },
    });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN_ROLE');
    await app.signIn(SUPERVISOR);
    const got = await app.ok<{ settings: { followUpDays: unknown } }>('admin.settings.get', {});
    expect(got.settings.followUpDays).toEqual({ reflectionDays: 30, shelterDays: 10 });
  });
});
