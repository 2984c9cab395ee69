import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../src/main/ipc/handlers';
import type { AppContext } from '../../src/main/services/context';
import { listAudit } from '../../src/main/store/audit';
import { FREE_RECOVERY_ATTEMPTS, recoveryBackoffSeconds } from '../../src/main/store/backoff';
import { addUser } from '../../src/main/store/users';
import { Vault } from '../../src/main/store/vault';
import { log } from '../../src/main/util/log';
import { OFFICER as OFFICER_ACCOUNT, SUPERVISOR } from '../helpers/samples';
import { createTestApp, createTestStore, type TestApp, testClock } from '../helpers/test-app';

/**
 * Passphrase reset with the recovery key: by a supervisor on the Users screen (admin channel), and by
 * anyone on the unlock screen (public channel, so wrong keys meet a back-off). Both audited; the key
 * never appears in a reply or a log line.
 */

const OFFICER = { ...OFFICER_ACCOUNT, role: 'officer' as const };

let app: TestApp;
let ctx: AppContext;
let recoveryKey: string;
let officerId: string;
const logLines: string[] = [];

const ok = <T = unknown>(channel: string, payload: unknown) => app.ok<T>(channel, payload);
const reply = (channel: string, payload: unknown) => app.call(channel, payload);
const code = (channel: string, payload: unknown) => app.code(channel, payload);
const otherKey = (key: string) => key.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));

beforeEach(async () => {
  // The vault's back-off runs on a test clock: a busy machine never outwaits a wait.
  app = createTestApp('fs-reset-', { now: testClock().now });
  ctx = app.ctx;
  recoveryKey = await app.initialise(SUPERVISOR);
  officerId = (await app.enrol(OFFICER)).id;
  logLines.length = 0;
  log.setSink((line) => logLines.push(line));
});

afterEach(() => {
  ctx.sessions.lock('manual');
  log.resetSink();
  // Nothing of the key in any log line written during the test.
  const hex = recoveryKey.replace(/-/g, '');
  for (const line of logLines) {
    expect(line).not.toContain(hex.slice(0, 16));
    expect(line).not.toContain(recoveryKey.slice(0, 19));
  }
});

describe('a supervisor resets a passphrase from the Users screen', () => {
  it('needs the recovery key; the old passphrase stops working, the new one works; audited', async () => {
    expect(
      await code('admin.users.resetPassphrase', {
        userId: officerId,
        recoveryKey: otherKey(recoveryKey),
        newPassphrase: 'a new officer passphrase',
      }),
    ).toBe('WRONG_RECOVERY_KEY');
    const summary = await ok<{ id: string; username: string }>('admin.users.resetPassphrase', {
      userId: officerId,
      recoveryKey: recoveryKey.toUpperCase().replace(/-/g, ' '),
      newPassphrase: 'a new officer passphrase',
    });
    expect(summary).toMatchObject({ id: officerId, username: OFFICER.username });
    const sup = ctx.sessions.require();
    const audit = listAudit(sup, { action: 'user.passphrase_reset' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'user', actorId: sup.requireUser().id, entityId: officerId });
    expect(JSON.stringify(audit)).not.toContain(recoveryKey);

    await ok('session.lock', { reason: 'switch_user' });
    expect(await code('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    );
    await ok('session.unlock', {
      username: SUPERVISOR.username,
      passphrase: SUPERVISOR.passphrase,
    });
    await ok('session.lock', { reason: 'switch_user' });
  });

  it('works for the new passphrase at the next sign-in', async () => {
    await ok('admin.users.resetPassphrase', {
      userId: officerId,
      recoveryKey,
      newPassphrase: 'a new officer passphrase',
    });
    await ok('session.lock', { reason: 'switch_user' });
    const user = await ok<{ username: string }>('session.unlock', {
      username: OFFICER.username,
      passphrase: 'a new officer passphrase',
    });
    expect(user.username).toBe(OFFICER.username);
  });

  it('refuses an officer (channel and service), a malformed key, a short passphrase, a disabled account', async () => {
    await ok('session.lock', { reason: 'switch_user' });
    await ok('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    const request = { userId: officerId, recoveryKey, newPassphrase: 'officer sets own' };
    expect(await code('admin.users.resetPassphrase', request)).toBe('FORBIDDEN_ROLE');
    await expect(
      Promise.resolve().then(() => handlers['admin.users.resetPassphrase'](request, ctx)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await ok('session.lock', { reason: 'switch_user' });
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    expect(await code('admin.users.resetPassphrase', { ...request, recoveryKey: 'not a key' })).toBe(
      'VALIDATION',
    );
    expect(await code('admin.users.resetPassphrase', { ...request, newPassphrase: 'short' })).toBe(
      'VALIDATION',
    );
    await ok('admin.users.disable', { userId: officerId });
    expect(await code('admin.users.resetPassphrase', request)).toBe('ACCOUNT_DISABLED');
  });
});

describe('“Forgot passphrase” on the unlock screen (public channel)', () => {
  beforeEach(async () => {
    await ok('session.lock', { reason: 'manual' });
  });

  it('sets a new passphrase with the right key: the old one fails, the new one works; audited', async () => {
    const r = await reply('vault.resetPassphrase', {
      username: OFFICER.username,
      recoveryKey,
      newPassphrase: 'reset at the unlock screen',
    });
    expect(r).toEqual({ ok: true, value: { reset: true } });
    expect(JSON.stringify(r)).not.toContain(recoveryKey);
    // Still locked: a reset is not a sign-in.
    expect(ctx.session()).toBeNull();
    await ok('session.unlock', { username: OFFICER.username, passphrase: 'reset at the unlock screen' });
    await ok('session.lock', { reason: 'manual' });
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    const audit = listAudit(ctx.sessions.require(), { action: 'user.passphrase_reset' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'recovery', entityId: officerId });
    await ok('session.lock', { reason: 'manual' });
    expect(await code('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('a wrong key changes nothing; an unknown name is told only after a right key', async () => {
    const wrong = await reply('vault.resetPassphrase', {
      username: OFFICER.username,
      recoveryKey: otherKey(recoveryKey),
      newPassphrase: 'attacker passphrase',
    });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'WRONG_RECOVERY_KEY', messageKey: 'errors.wrongRecoveryKey' },
    });
    expect(
      await code('vault.resetPassphrase', {
        username: 'nobody',
        recoveryKey: otherKey(recoveryKey),
        newPassphrase: 'x'.repeat(10),
      }),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(
      await code('vault.resetPassphrase', { username: 'nobody', recoveryKey, newPassphrase: 'x'.repeat(10) }),
    ).toBe('NOT_FOUND');
    await ok('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    // The failed attempts are in the audit log (written at this unlock), without the key.
    await ok('session.lock', { reason: 'manual' });
    await ok('session.unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
    const failed = listAudit(ctx.sessions.require(), { action: 'auth.login_failed' });
    expect(failed.map((f) => (f.details as { method: string }).method)).toEqual([
      'recovery_key',
      'recovery_key',
    ]);
  });

  it('cannot be hammered: after a few wrong keys every try waits, even with the right key', async () => {
    const attempt = (key: string) =>
      reply('vault.resetPassphrase', {
        username: OFFICER.username,
        recoveryKey: key,
        newPassphrase: 'hammer time!',
      });
    for (let i = 0; i < FREE_RECOVERY_ATTEMPTS + 1; i++) {
      expect((await attempt(otherKey(recoveryKey))) as unknown).toMatchObject({
        error: { code: 'WRONG_RECOVERY_KEY' },
      });
    }
    const refused = await attempt(recoveryKey);
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    const seconds = refused.ok ? 0 : (refused.error.retryAfterSeconds ?? 0);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(recoveryBackoffSeconds(FREE_RECOVERY_ATTEMPTS + 1));
    // Sign-in with a passphrase is a separate count: not slowed down by the recovery-key attempts.
    await ok('session.unlock', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  });
});

describe('the recovery-key back-off in the vault (with a test clock)', () => {
  it('is free for the first few, then doubles up to the cap, and clears after a right key', async () => {
    expect([1, 2, 3, 4, 5, 6].map(recoveryBackoffSeconds)).toEqual([0, 0, 0, 2, 4, 8]);
    expect(recoveryBackoffSeconds(100)).toBe(300);
    const store = await createTestStore();
    const wrong = otherKey(store.recoveryKey);
    const attempt = (key: string) =>
      store.vault.resetPassphraseWithRecoveryKey(key, SUPERVISOR.username, 'new passphrase 1');
    for (let i = 0; i < FREE_RECOVERY_ATTEMPTS; i++)
      await expect(attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(attempt(store.recoveryKey)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: 2,
    });
    store.clock.advance(2_000);
    await expect(attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(attempt(store.recoveryKey)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: 4,
    });
    store.clock.advance(4_000);
    await attempt(store.recoveryKey);
    // Cleared: the free attempts are back.
    await expect(attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await attempt(store.recoveryKey);
  });

  it('trying many unknown names does not reset the recovery-key back-off', async () => {
    const store = await createTestStore();
    const wrong = otherKey(store.recoveryKey);
    for (let i = 0; i <= FREE_RECOVERY_ATTEMPTS; i++)
      await expect(store.vault.unlockWithRecoveryKey(wrong)).rejects.toMatchObject({
        code: 'WRONG_RECOVERY_KEY',
      });
    // More unknown names than the keyring keeps slots for.
    for (let i = 0; i < 70; i++)
      await expect(store.vault.unlock(`stranger${i}`, 'guess')).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
      });
    await expect(store.vault.unlockWithRecoveryKey(store.recoveryKey)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    store.clock.advance(2_000);
    (await store.vault.unlockWithRecoveryKey(store.recoveryKey)).lock();
  });

  it('a signed-in supervisor proving the key meets the same back-off', async () => {
    const store = await createTestStore();
    const session = await store.unlock();
    const officer = await addUser(session, { ...OFFICER });
    const { resetPassphraseAsSupervisor } = await import('../../src/main/store/passphrases');
    const wrong = otherKey(store.recoveryKey);
    const reset = (key: string) =>
      resetPassphraseAsSupervisor(session, {
        userId: officer.id,
        recoveryKey: key,
        newPassphrase: 'new officer pass',
      });
    for (let i = 0; i <= FREE_RECOVERY_ATTEMPTS; i++)
      await expect(reset(wrong)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(reset(store.recoveryKey)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    store.clock.advance(2_000);
    await reset(store.recoveryKey);
    session.lock();
    const again = await new Vault(store.dir, store.options).unlock(OFFICER.username, 'new officer pass');
    again.lock();
  });
});
