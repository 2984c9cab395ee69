import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDispatcher, type Dispatch, type Handlers } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { deriveDatabaseKey, readDatabaseSalt } from '../../src/main/keys/database-key';
import { type AppContextOptions, createAppContext } from '../../src/main/services/app-context';
import type { AppContext } from '../../src/main/services/context';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { folderImportSource } from '../../src/main/services/folder-import';
import type { Session } from '../../src/main/store/session';
import { Vault, type VaultOptions } from '../../src/main/store/vault';
import type { ErrorCode } from '../../src/shared/errors';
import type { Reply as SharedReply } from '../../src/shared/ipc/reply';
import { tempDir } from './disk';
import { SUPERVISOR } from './samples';

/**
 * The one test fixture: a real SQLCipher store in a fresh temporary folder, either behind the real
 * dispatcher and handlers (`createTestApp`, for everything the renderer can do) or as a signed-in
 * store session (`createTestStore`, for store functions and the vault itself). Cheap Argon2 ('test'
 * profile); nothing global is registered by importing this module.
 */

/** The reply as it reaches the renderer. */
export type Reply = SharedReply<unknown>;

/** The passphrase a supervisor gives a new account (the person replaces it at first sign-in). */
export const givenPassphrase = (own: string) => `given to me: ${own}`;

export interface Account {
  username: string;
  displayName: string;
  passphrase: string;
}

/** The app as the renderer sees it: zod at the boundary, role checks, exports going to a folder. */
export interface TestApp {
  root: string;
  dataDir: string;
  exportDir: string;
  ctx: AppContext;
  dispatch: Dispatch;
  /** The reply as it would reach the renderer. */
  call(channel: string, payload: unknown): Promise<Reply>;
  /** The value of a call that must succeed. */
  ok<T = unknown>(channel: string, payload: unknown): Promise<T>;
  /** The error code of a call, or null when it succeeded. */
  code(channel: string, payload: unknown): Promise<ErrorCode | null>;
  /** Creates the store with its first supervisor (signed in afterwards); returns the recovery key. */
  initialise(account?: Account): Promise<string>;
  /**
   * A new account as it comes to work: the signed-in supervisor adds it with a passphrase they chose,
   * the person signs in and chooses their own (`account.passphrase`), which makes their own keys, and
   * the supervisor's next sign-in endorses them. Ends signed in as the supervisor (`by`, default the
   * founding supervisor).
   */
  enrol(
    account: Account,
    role?: 'officer' | 'supervisor',
    by?: Pick<Account, 'username' | 'passphrase'>,
  ): Promise<{ id: string }>;
  /** Locks (as "switch user") and signs in as someone else. */
  signIn(who: Pick<Account, 'username' | 'passphrase'>): Promise<void>;
  /** The signed-in store session, to seed data below the IPC layer. */
  session(): Session;
  /** A second dispatcher over the same app with some handlers replaced (the dispatcher's own guarantees). */
  dispatchWith(replaced: Partial<Handlers>): Dispatch;
  /** Locks and removes the folder (needed only for an app made in beforeAll; see tempDir). */
  close(): void;
}

export interface TestAppOptions extends Partial<AppContextOptions> {
  /** Replaces some real handlers (tests of the dispatcher's own guarantees). */
  handlers?: Partial<Handlers>;
}

export function createTestApp(prefix = 'fs-app-', options: TestAppOptions = {}): TestApp {
  const { handlers: replaced, ...contextOptions } = options;
  const root = tempDir(prefix);
  const dataDir = options.dataDir ?? join(root, 'data');
  const exportDir = join(root, 'exports');
  const ctx = createAppContext({
    runtime: 'test',
    appVersion: 'test',
    kdfProfile: 'test',
    // As in the preview: exports go to a folder, and files to import are offered from the same folder.
    exportTarget: folderExportTarget(exportDir),
    importSource: folderImportSource(exportDir),
    ...contextOptions,
    dataDir,
  });
  const dispatch = createDispatcher({ ...handlers, ...replaced }, ctx);
  const call = (channel: string, payload: unknown): Promise<Reply> => dispatch(channel, payload);
  let founder: Pick<Account, 'username' | 'passphrase'> = SUPERVISOR;
  const signIn = async (username: string, passphrase: string) => {
    await call('session.lock', { reason: 'switch_user' });
    const r = await call('session.unlock', { username, passphrase });
    expect(r.ok, `unlock ${username}`).toBe(true);
  };
  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = await call(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as T;
  };
  return {
    root,
    dataDir,
    exportDir,
    ctx,
    dispatch,
    call,
    ok,
    async code(channel, payload) {
      const r = await call(channel, payload);
      return r.ok ? null : r.error.code;
    },
    async initialise(account = SUPERVISOR) {
      const { recoveryKey } = await ok<{ recoveryKey: string }>('vault.initialise', account);
      founder = account;
      return recoveryKey;
    },
    async enrol(account, role = 'officer', by = founder) {
      const given = givenPassphrase(account.passphrase);
      const { id } = await ok<{ id: string }>('admin.users.add', { ...account, role, passphrase: given });
      await signIn(account.username, given);
      await ok('account.changePassphrase', { currentPassphrase: given, newPassphrase: account.passphrase });
      await signIn(by.username, by.passphrase);
      return { id };
    },
    signIn: (who) => signIn(who.username, who.passphrase),
    session: () => ctx.sessions.require(),
    dispatchWith: (replacedNow) => createDispatcher({ ...handlers, ...replaced, ...replacedNow }, ctx),
    close() {
      ctx.sessions.lock('manual');
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function testClock(start = Date.parse('2026-05-21T08:00:00.000Z')): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A store without the app around it: the vault (with a controllable clock) and its first supervisor. */
export interface TestStore {
  dir: string;
  vault: Vault;
  recoveryKey: string;
  recoveryKeyHex: string;
  /** The database key SQLite is given (derived from the recovery key: what every account holds). */
  databaseKey: () => Buffer;
  options: VaultOptions;
  clock: TestClock;
  /** Signs the first supervisor in. */
  unlock: () => Promise<Session>;
  /** Removes the folder (needed only for a store made in beforeAll; see tempDir). */
  remove: () => void;
}

/** K for a store folder, from its recovery key (hex) and the database file's salt. */
export function databaseKeyOf(dir: string, recoveryKeyHex: string): Buffer {
  return deriveDatabaseKey(Buffer.from(recoveryKeyHex, 'hex'), readDatabaseSalt(join(dir, 'fieldscreen.db')));
}

export async function createTestStore(
  dir = tempDir('fs-store-'),
  extra: Partial<VaultOptions> = {},
): Promise<TestStore> {
  const clock = testClock();
  const options: VaultOptions = { kdfProfile: 'test', now: clock.now, ...extra };
  const issued = await Vault.initialise(dir, SUPERVISOR, options);
  const vault = new Vault(dir, options);
  return {
    dir,
    vault,
    options,
    clock,
    recoveryKey: issued.recoveryKey,
    recoveryKeyHex: issued.recoveryKeyHex,
    databaseKey: () => databaseKeyOf(dir, issued.recoveryKeyHex),
    unlock: () => vault.unlock(SUPERVISOR.username, SUPERVISOR.passphrase),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
