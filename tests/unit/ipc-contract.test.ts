import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../src/main/ipc/handlers';
import { CHANNEL_NAMES, contract } from '../../src/shared/ipc/contract';
import { replySchema } from '../../src/shared/ipc/reply';
import { createTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeEach(() => {
  app = createTestApp('fs-ipc-');
});
afterEach(() => app.close());
const dispatch = (channel: unknown, payload: unknown) => app.dispatch(channel, payload);

const MALFORMED: unknown[] = [null, 42, 'text', [], { __proto__: { polluted: true } }, { extra: 1 }, true];

describe('the IPC contract', () => {
  it('has a handler for every channel and a channel for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('rejects malformed payloads on %s with a typed error', async (channel) => {
    for (const payload of MALFORMED) {
      const reply = await dispatch(channel, payload);
      const parsed = replySchema(z.unknown()).parse(reply);
      if (contract[channel].request.safeParse(payload).success) continue;
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(['VALIDATION', 'NOT_SIGNED_IN', 'FORBIDDEN_ROLE']).toContain(parsed.error.code);
        expect(parsed.error.messageKey).toMatch(/^errors\./);
      }
    }
  });

  it('refuses a channel that is not in the contract, including prototype names', async () => {
    for (const name of ['fs.readFile', '__proto__', 'constructor', 'toString', '', 7, null]) {
      const reply = await dispatch(name, {});
      expect(reply).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' },
      });
    }
  });

  it('answers app.info under plain Node without Electron', async () => {
    const reply = await dispatch('app.info', {});
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      const info = reply.value as { runtime: string; electronVersion: string | null; locales: string[] };
      expect(info.runtime).toBe('test');
      expect(info.electronVersion).toBeNull();
      expect(info.locales).toEqual(['th', 'my', 'km', 'lo', 'vi', 'en']);
    }
  });

  it('stores the two language preferences separately and keeps them across restarts', async () => {
    const set = await dispatch('prefs.set', { uiLanguage: 'km', intervieweeLanguage: 'vi' });
    expect(set).toEqual({ ok: true, value: { uiLanguage: 'km', intervieweeLanguage: 'vi' } });
    const partial = await dispatch('prefs.set', { intervieweeLanguage: 'lo' });
    expect(partial).toEqual({ ok: true, value: { uiLanguage: 'km', intervieweeLanguage: 'lo' } });
    const again = createTestApp('fs-ipc-again-', { dataDir: app.dataDir });
    expect(await again.call('prefs.get', {})).toEqual({
      ok: true,
      value: { uiLanguage: 'km', intervieweeLanguage: 'lo' },
    });
  });

  it('turns an unexpected handler failure into INTERNAL without leaking its message', async () => {
    const leaky = createTestApp('fs-ipc-leaky-', {
      handlers: {
        'app.info': () => {
          throw new Error('secret passphrase hunter2 and a name');
        },
      },
    });
    const reply = await leaky.call('app.info', {});
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    expect(JSON.stringify(reply)).not.toContain('hunter2');
  });

  it('refuses a response that does not match its schema', async () => {
    const wrong = createTestApp('fs-ipc-wrong-', {
      handlers: { 'prefs.get': () => ({ uiLanguage: 'xx', intervieweeLanguage: 'en' }) as never },
    });
    const reply = await wrong.call('prefs.get', {});
    expect(reply.ok).toBe(false);
  });
});
