import { randomBytes } from 'node:crypto';
import type { PickedFile } from './import-source';

/** How long a picked file waits for the next step (typing the recovery key, confirming). */
export const PICK_TTL_MS = 30 * 60_000;

/**
 * Files main picked for a later step (restore: pick the file, then type the key, then confirm). The
 * renderer gets only an opaque random id; the path stays here. One pick at a time: a new pick replaces
 * the last, and locking forgets it.
 */
export class PickedFiles {
  #current: { id: string; file: PickedFile; at: number } | null = null;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  hold(file: PickedFile): string {
    const id = randomBytes(16).toString('hex');
    this.#current = { id, file, at: this.#now() };
    return id;
  }

  get(id: string): PickedFile | null {
    const c = this.#current;
    if (!c || c.id !== id) return null;
    if (this.#now() - c.at > PICK_TTL_MS) {
      this.#current = null;
      return null;
    }
    return c.file;
  }

  clear(): void {
    this.#current = null;
  }
}
