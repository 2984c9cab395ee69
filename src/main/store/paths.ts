import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { KEYRING_FILE } from '../keys/keyring';

/**
 * The data folder: `fieldscreen.db` (+ `-wal`, `-shm` while open) and `keyring.json`. Nothing else is
 * written there except dated copies kept by restore (`*.before-restore-<time>`), themselves encrypted.
 */
export const DB_FILE = 'fieldscreen.db';

export interface StorePaths {
  dir: string;
  db: string;
  wal: string;
  shm: string;
  keyring: string;
}

export function storePaths(dir: string): StorePaths {
  const db = join(dir, DB_FILE);
  return { dir, db, wal: `${db}-wal`, shm: `${db}-shm`, keyring: join(dir, KEYRING_FILE) };
}

/** A file-name-safe timestamp for dated copies, e.g. 20260521T081500Z. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Owner-only permissions for files we create (database, backups). The contents are encrypted anyway;
 * this only keeps other local accounts from copying them for offline guessing. No-op where chmod is
 * not meaningful (Windows).
 */
export function restrictToOwner(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Best effort.
  }
}
