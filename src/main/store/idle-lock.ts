/**
 * Locks after a period without activity. The shell calls touch() on input and IPC calls, and lock()
 * directly on suspend or screen lock (power events live in the Electron shell). Minutes are read at
 * every touch so a settings change applies at once.
 */
export interface IdleLockOptions {
  minutes: () => number;
  /** Overrides `minutes` with an exact delay (the preview's test-only --idle-seconds). */
  delayMs?: () => number;
  onIdle: () => void;
  timers?: {
    set: (fn: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
  };
}

export class IdleLock {
  readonly #options: IdleLockOptions;
  #handle: unknown = null;
  #stopped = false;

  constructor(options: IdleLockOptions) {
    this.#options = options;
    this.touch();
  }

  touch(): void {
    if (this.#stopped) return;
    const timers = this.#options.timers ?? {
      set: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    if (this.#handle !== null) timers.clear(this.#handle);
    const ms = this.#options.delayMs?.() ?? Math.max(1, this.#options.minutes()) * 60_000;
    this.#handle = timers.set(() => {
      this.#handle = null;
      this.#stopped = true;
      this.#options.onIdle();
    }, ms);
  }

  stop(): void {
    if (this.#handle !== null)
      (this.#options.timers?.clear ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(
        this.#handle,
      );
    this.#handle = null;
    this.#stopped = true;
  }
}
