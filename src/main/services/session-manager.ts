import type { InitialiseInput, SessionUser, SignInResult } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import type { KdfProfile } from '../keys/kdf';
import { IdleLock } from '../store/idle-lock';
import { withKeyringLock } from '../store/keyring-lock';
import type { LockReason, Session } from '../store/session';
import { getSettings } from '../store/settings';
import { Vault, type VaultOptions } from '../store/vault';

export type AppLockReason = LockReason | 'switch_user' | 'quick_hide';

/**
 * Holds the one unlocked session of this app instance (Electron window or preview) and locks it on
 * request, on idle and on system suspend. Locking drops the database key; the renderer is told so it
 * can drop its own state.
 */
export class SessionManager {
  readonly vault: Vault;
  #session: Session | null = null;
  #idle: IdleLock | null = null;
  readonly #onLocked: (reason: AppLockReason) => void;
  readonly #vaultOptions: VaultOptions;
  readonly #idleDelayMs: number | undefined;

  constructor(
    dataDir: string,
    options: {
      kdfProfile?: KdfProfile;
      onLocked?: (reason: AppLockReason) => void;
      idleDelayMs?: number;
      /** Test-only: the vault's clock (back-off waits), in epoch ms. */
      now?: () => number;
    } = {},
  ) {
    this.#vaultOptions = { kdfProfile: options.kdfProfile, ...(options.now ? { now: options.now } : {}) };
    this.#idleDelayMs = options.idleDelayMs;
    this.vault = new Vault(dataDir, this.#vaultOptions);
    this.#onLocked = options.onLocked ?? (() => {});
  }

  get dataDir(): string {
    return this.vault.dir;
  }

  isInitialised(): boolean {
    return Vault.isInitialised(this.vault.dir);
  }

  current(): Session | null {
    if (this.#session?.locked) this.#session = null;
    return this.#session;
  }

  /** The unlocked session, or LOCKED. */
  require(): Session {
    const s = this.current();
    if (!s) throw new AppError('LOCKED');
    return s;
  }

  user(): SessionUser | null {
    return this.current()?.user ?? null;
  }

  async initialise(
    input: InitialiseInput,
  ): Promise<{ recoveryKey: string; storeFingerprint: string | null; user: SessionUser }> {
    const issued = await Vault.initialise(this.vault.dir, input, this.#vaultOptions);
    const { newRecoveryKey: _none, ...user } = await this.unlock(input.username, input.passphrase);
    return { recoveryKey: issued.recoveryKey, storeFingerprint: issued.storeFingerprint ?? null, user };
  }

  async unlock(username: string, passphrase: string): Promise<SignInResult> {
    this.lock('switch_user');
    const session = await this.vault.unlock(username, passphrase);
    this.#session = session;
    this.#idle = new IdleLock({
      minutes: () => {
        try {
          return getSettings(session).autoLockMinutes;
        } catch {
          return 5;
        }
      },
      ...(this.#idleDelayMs !== undefined ? { delayMs: () => this.#idleDelayMs as number } : {}),
      onIdle: () => this.lock('idle'),
    });
    const user = session.requireUser();
    const upgraded = session.upgradeRecoveryKey;
    session.upgradeRecoveryKey = null;
    const mustChange = session.trust.mustChangePassphrase ? { mustChangePassphrase: true } : {};
    if (!upgraded) return { ...user, ...mustChange };
    const store = session.trust.storeFingerprint;
    return {
      ...user,
      ...mustChange,
      newRecoveryKey: upgraded.recoveryKey,
      ...(store ? { storeFingerprint: store } : {}),
    };
  }

  touch(): void {
    this.#idle?.touch();
  }

  lock(reason: AppLockReason): void {
    if (this.#close(reason === 'switch_user' || reason === 'quick_hide' ? 'manual' : reason))
      this.#onLocked(reason);
  }

  /** Drops the session: idle timer stopped, database closed, key wiped. True when one was open. */
  #close(reason: LockReason): boolean {
    const s = this.#session;
    this.#idle?.stop();
    this.#idle = null;
    this.#session = null;
    if (!s || s.locked) return false;
    s.lock(reason);
    return true;
  }

  /**
   * Swaps the store's files (a restore) with nothing holding them open: under the folder's keyring lock,
   * so no sign-in, recovery-key reset or first-run setup can start meanwhile, it locks `expected` (which
   * must still be the open session) and then runs swap. The lock is not announced here: on success the
   * caller says what happened; if swap fails the plain lock is announced, since the session is gone.
   */
  async replaceStore<T>(expected: Session, swap: () => T | Promise<T>): Promise<T> {
    return withKeyringLock(this.vault.dir, async () => {
      if (this.current() !== expected) throw new AppError('LOCKED');
      this.#close('restore');
      try {
        return await swap();
      } catch (err) {
        this.#onLocked('manual');
        throw err;
      }
    });
  }
}
