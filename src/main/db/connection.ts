import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { rawKeyLiteral } from '../keys/raw-key';
import { wipe } from '../keys/wipe';
import { type Db, openRawDatabase } from './driver';
import { sqliteCode, toStoreError } from './errors';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations';

/** SQLCipher 4 page size; every SQLCipher 4 database file is a whole number of these. */
export const SQLCIPHER_PAGE_SIZE = 4096;

export interface OpenOptions {
  /** Create a new, empty database (first run, restore target). Never used for an existing file. */
  create?: boolean;
  /**
   * For a new file: the 16-byte salt SQLCipher writes into it. The database key was derived from the
   * recovery key with this salt (database-key.ts), so the recovery key opens the file as a passphrase.
   */
  salt?: Buffer;
  readonly?: boolean;
  /**
   * True when the key was already checked against the keyring's key check: a key that fails to decrypt
   * then means the file is damaged (DB_CORRUPT), not that the key is wrong.
   */
  keyVerified?: boolean;
  /** Bring the schema up to date (default true for writable connections). */
  migrate?: boolean;
  /** Run PRAGMA quick_check after opening (default true): find damage now, not mid-interview. */
  quickCheck?: boolean;
  /**
   * 'wal' for the live store (default). 'memory' for throw-away work copies (backup being written,
   * restore being checked): no journal file is written at all, and a crash simply discards the copy.
   */
  journalMode?: 'wal' | 'memory';
}

/**
 * Opens the store with the raw 256-bit database key, SQLCipher 4 compatible:
 * `PRAGMA cipher='sqlcipher'; PRAGMA legacy=4; PRAGMA key="x'…'"`. A raw hex key skips SQLCipher's own
 * PBKDF2 (the key is random, not a password). `key === null` opens plain SQLite with the same pragmas;
 * only the benchmark's baseline does that.
 *
 * Invariants: an existing file is never recreated or overwritten because it failed to open; a database
 * written by a newer app version is refused before anything is written to it.
 */
export function openDatabase(file: string, key: Buffer | null, options: OpenOptions = {}): Db {
  const create = options.create ?? false;
  if (!create) assertLooksLikeDatabase(file, key !== null);
  let db: Db;
  try {
    db = openRawDatabase(file, { mustExist: !create, readonly: options.readonly });
  } catch (err) {
    throw toStoreError(err);
  }
  try {
    if (key) applyKey(db, key, options.keyVerified ?? false, create ? options.salt : undefined);
    applyPragmas(db, options.readonly ?? false, options.journalMode ?? 'wal');
    const version = readSchemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('DB_NEWER_THAN_APP');
    // An existing file at version 0 would be silently re-created by the first migration: refuse.
    if (!create && version === 0) throw new AppError('DB_CORRUPT');
    if (options.quickCheck ?? true) assertQuickCheck(db);
    if (!options.readonly && (options.migrate ?? true)) migrate(db);
    return db;
  } catch (err) {
    safeClose(db);
    throw toStoreError(err);
  }
}

/** Set the key and prove it at once: with a wrong key SQLite only fails at the first statement. */
function applyKey(db: Db, key: Buffer, keyVerified: boolean, salt?: Buffer): void {
  if (key.length !== 32 || (salt && salt.length !== 16)) throw new AppError('INTERNAL');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  // As PRAGMA key = "x'<key><salt>'", but from a Buffer wiped at once: no JS string ever holds the key.
  const literal = salt ? rawKeyLiteral(key, salt) : rawKeyLiteral(key);
  try {
    db.key(literal);
  } finally {
    wipe(literal);
  }
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    const code = sqliteCode(err);
    if (code.startsWith('SQLITE_NOTADB')) {
      throw new AppError(keyVerified ? 'DB_CORRUPT' : 'WRONG_RECOVERY_KEY', { cause: err });
    }
    throw err;
  }
}

function applyPragmas(db: Db, readonly: boolean, journalMode: 'wal' | 'memory'): void {
  if (!readonly) db.pragma(`journal_mode = ${journalMode === 'wal' ? 'WAL' : 'MEMORY'}`);
  // Commit returns only after the WAL is on disk: an acknowledged answer survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros instead of lingering in free pages.
  db.pragma('secure_delete = ON');
  // Sorts and temporary tables stay in memory: no unencrypted temp files next to the data.
  db.pragma('temp_store = MEMORY');
}

function assertQuickCheck(db: Db): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw new AppError('DB_CORRUPT');
}

/**
 * Cheap checks before SQLite touches the file: an encrypted SQLCipher file is whole pages and never
 * starts with the plain SQLite header. Catches truncation and an unencrypted file in our place.
 */
function assertLooksLikeDatabase(file: string, encrypted: boolean): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    if (sqliteCode(err) === 'ENOENT') throw new AppError('DB_CORRUPT', { cause: err });
    throw toStoreError(err);
  }
  // A brand-new database can be empty on disk with everything still in its WAL.
  if (size === 0 && walSize(file) === 0) throw new AppError('DB_CORRUPT');
  if (encrypted && size % SQLCIPHER_PAGE_SIZE !== 0) throw new AppError('DB_CORRUPT');
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** Checkpoint the WAL into the main file and close; leaves a single self-contained file on disk. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Closing still checkpoints when possible; a failed checkpoint loses nothing (the WAL stays).
  }
  safeClose(db);
}

function safeClose(db: Db): void {
  try {
    db.close();
  } catch {
    // Already closed or never fully opened.
  }
}

export { LATEST_SCHEMA_VERSION };

/**
 * Re-encrypts under a new raw key (PRAGMA rekey = "x'…'"), from a Buffer wiped at once: no JS string
 * ever holds the key.
 */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  const literal = rawKeyLiteral(newKey);
  try {
    db.rekey(literal);
  } finally {
    wipe(literal);
  }
}
