import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { type AppContextOptions, createAppContext } from '../../src/main/services/app-context';
import type { AppContext } from '../../src/main/services/context';
import { folderExportTarget } from '../../src/main/services/folder-export';

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; messageKey: string } };

export interface Account {
  username: string;
  displayName: string;
  passphrase: string;
}

/**
 * The app as the renderer sees it: the real services behind the real dispatcher (zod at the boundary,
 * role checks), on a fresh data folder, with exports going to a folder. For tests that go through IPC.
 */
export interface TestApp {
  root: string;
  exportDir: string;
  ctx: AppContext;
  dispatch: Dispatch;
  /** The reply as it would reach the renderer. */
  call(channel: string, payload: unknown): Promise<Reply>;
  /** The value of a call that must succeed. */
  ok<T = unknown>(channel: string, payload: unknown): Promise<T>;
  /** The error code of a call, or null when it succeeded. */
  code(channel: string, payload: unknown): Promise<string | null>;
  /** Locks (as "switch user") and signs in as someone else. */
  signIn(who: Pick<Account, 'username' | 'passphrase'>): Promise<void>;
  close(): void;
}

export function createTestApp(prefix: string, options: Partial<AppContextOptions> = {}): TestApp {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const exportDir = join(root, 'exports');
  const ctx = createAppContext({
    runtime: 'test',
    dataDir: join(root, 'data'),
    appVersion: 'test',
    kdfProfile: 'test',
    exportTarget: folderExportTarget(exportDir),
    ...options,
  });
  const dispatch = createDispatcher(handlers, ctx);
  const call = async (channel: string, payload: unknown) => (await dispatch(channel, payload)) as Reply;
  return {
    root,
    exportDir,
    ctx,
    dispatch,
    call,
    async ok<T>(channel: string, payload: unknown): Promise<T> {
      const r = await call(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value as T;
    },
    async code(channel: string, payload: unknown) {
      const r = await call(channel, payload);
      return r.ok ? null : r.error.code;
    },
    async signIn(who) {
      await call('session.lock', { reason: 'switch_user' });
      const r = await call('session.unlock', { username: who.username, passphrase: who.passphrase });
      expect(r.ok, `unlock ${who.username}`).toBe(true);
    },
    close() {
      ctx.sessions.lock('manual');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
