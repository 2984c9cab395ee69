import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../src/main/store/settings';
import { referralContact, settingsSchema } from '../../src/shared/domain/settings';
import { contract } from '../../src/shared/ipc/contract';
import { codeOf } from '../helpers/errors';
import { OFFICER, SONGKHLA_SHELTER as SHELTER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The referral directory with provinces: stored settings from before the province existed still load,
 * and officers read the directory through its own narrow channel while changing it stays supervisor-only.
 */

const MDT = {
  id: '6f1c1c1e-8a3b-4c55-9d7e-0b7f3f3f0a02',
  name: 'Ranong MDT',
  kind: 'mdt',
  province: 'ระนอง',
  phone: '077 811 000',
  email: '',
  address: '',
} as const;

/** An entry as stored and read back: trust lists (issue 12) default to empty. */
const stored = <T extends object>(entry: T) => ({ ...entry, trustedCertificates: [], trustedStores: [] });

let app: TestApp;

beforeAll(async () => {
  app = createTestApp('fs-directory-');
  await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
}, 60_000);

afterAll(() => app.close());

describe('the province of a directory entry', () => {
  it('is optional: an entry saved before provinces existed parses with an empty province', () => {
    const { province: _, ...old } = SHELTER;
    expect(referralContact.parse(old).province).toBe('');
    const settings = settingsSchema.parse({ referralDirectory: [old] });
    expect(settings.referralDirectory[0]).toEqual(stored({ ...old, province: '' }));
  });

  it('is kept (trimmed, NFC) and limited to 100 characters', () => {
    expect(referralContact.parse({ ...SHELTER, province: '  สงขลา ' }).province).toBe('สงขลา');
    expect(referralContact.parse({ ...SHELTER, province: 'สงขลา'.normalize('NFD') }).province).toBe(
      'สงขลา'.normalize('NFC'),
    );
    expect(referralContact.safeParse({ ...SHELTER, province: 'x'.repeat(101) }).success).toBe(false);
  });

  it('an old stored directory (no province key) still loads from the store, and a save keeps provinces', () => {
    const session = app.ctx.sessions.require();
    const { province: _p, ...oldShelter } = SHELTER;
    const { province: _q, ...oldMdt } = MDT;
    // Written as an older version of the app wrote it: straight into the settings table.
    session.write((db, now) => {
      db.prepare(
        `INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES ('referralDirectory', ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
      ).run(JSON.stringify([oldShelter, oldMdt]), now.toISOString(), session.requireUser().id);
    });
    const loaded = getSettings(session).referralDirectory;
    expect(loaded).toEqual([stored({ ...oldShelter, province: '' }), stored({ ...oldMdt, province: '' })]);

    const saved = updateSettings(session, { referralDirectory: [SHELTER, MDT] });
    expect(saved.referralDirectory.map((c) => c.province)).toEqual(['สงขลา', 'ระนอง']);
    expect(getSettings(session).referralDirectory).toEqual([stored(SHELTER), stored(MDT)]);
  });
});

describe("the 'referral.directory' channel", () => {
  it('is open to any signed-in account and asks for nothing', () => {
    expect(contract['referral.directory'].access).toBe('signedIn');
    expect(contract['referral.directory'].request.safeParse({}).success).toBe(true);
    expect(contract['referral.directory'].request.safeParse({ caseId: SHELTER.id }).success).toBe(false);
  });

  it('lets an officer read the directory, with provinces and nothing but the directory', async () => {
    await app.signIn(SUPERVISOR);
    expect((await app.call('admin.settings.update', { referralDirectory: [SHELTER, MDT] })).ok).toBe(true);
    await app.signIn(OFFICER);
    const r = await app.call('referral.directory', {});
    expect(r.ok).toBe(true);
    const list = r.ok ? (r.value as unknown[]) : [];
    expect(list).toEqual([stored(SHELTER), stored(MDT)]);
    // No other setting (agency, auto-lock, languages) rides along.
    expect(JSON.stringify(list)).not.toContain('autoLockMinutes');
  });

  it('does not let an officer read the other settings or change the directory', async () => {
    await app.signIn(OFFICER);
    expect(await app.code('admin.settings.get', {})).toBe('FORBIDDEN_ROLE');
    expect(await app.code('admin.settings.update', { referralDirectory: [] })).toBe('FORBIDDEN_ROLE');
    expect(await app.code('admin.settings.update', { referralDirectory: [{ ...MDT, phone: '999' }] })).toBe(
      'FORBIDDEN_ROLE',
    );
    // The service refuses too, should a future channel reach it without the dispatcher's role check.
    const session = app.ctx.sessions.require();
    expect(codeOf(() => updateSettings(session, { referralDirectory: [] }))).toBe('FORBIDDEN_ROLE');
    const after = await app.call('referral.directory', {});
    expect(after.ok && after.value).toEqual([stored(SHELTER), stored(MDT)]);
  });

  it('lets the supervisor change it, and the officer then reads the change', async () => {
    await app.signIn(SUPERVISOR);
    const changed = { ...MDT, province: 'Ranong', phone: '077 811 999' };
    expect((await app.call('admin.settings.update', { referralDirectory: [SHELTER, changed] })).ok).toBe(
      true,
    );
    expect((await app.call('referral.directory', {})).ok).toBe(true);
    await app.signIn(OFFICER);
    const r = await app.call('referral.directory', {});
    expect(r.ok && r.value).toEqual([stored(SHELTER), stored(changed)]);
  });

  it('answers NOT_SIGNED_IN when locked, and VALIDATION for a malformed request', async () => {
    await app.call('session.lock', { reason: 'manual' });
    expect(await app.code('referral.directory', {})).toBe('NOT_SIGNED_IN');
    await app.signIn(OFFICER);
    expect(await app.code('referral.directory', { all: true })).toBe('VALIDATION');
    expect(await app.code('referral.directory', null)).toBe('VALIDATION');
  });
});
