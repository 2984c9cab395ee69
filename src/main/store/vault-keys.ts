import { timingSafeEqual } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import type { RecoveryKeyIssued } from '../../shared/domain/users';
import { isAppError } from '../../shared/errors';
import { rekeyDatabase } from '../db/connection';
import type { Db } from '../db/driver';
import { deriveDatabaseKey, readDatabaseSalt } from '../keys/database-key';
import { dbKeyCheck } from '../keys/key-check';
import { isLegacyKeyring, type Keyring, newKeyring, readKeyring } from '../keys/keyring';
import { formatRecoveryKey } from '../keys/recovery-key';
import { fileStamp, storePaths } from './paths';
import type { Session } from './session';

/** The vault's keys and keyring file: recovery key to database key, rekeying, damaged keyrings. */

/**
 * The database key a typed recovery key stands for. Current stores: K = PBKDF2(R, the file's salt).
 * A version-1 keyring (before the upgrade) still takes the old recovery key, which was K itself;
 * nowhere else does a raw database key pass for a recovery key.
 */
export function databaseKeyFromRecoveryKey(
  dbFile: string,
  keyring: Keyring | null,
  recovery: Buffer,
): Buffer {
  if (keyring && isLegacyKeyring(keyring)) return Buffer.from(recovery);
  return deriveDatabaseKey(recovery, readDatabaseSalt(dbFile));
}

export function issuedRecoveryKey(recovery: Buffer): RecoveryKeyIssued {
  return { recoveryKey: formatRecoveryKey(recovery), recoveryKeyHex: recovery.toString('hex') };
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Re-encrypts every page under a new key and checkpoints, so no page under the old key is left in the
 * main file. (SQLite3 Multiple Ciphers writes all pages into the WAL in one transaction; it commits
 * whole or not at all.)
 */
export function rekey(db: Db, newKey: Buffer): void {
  rekeyDatabase(db, newKey);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** readKeyring, but a damaged file reads as null (recovery paths only). */
export function readKeyringTolerant(dir: string): Keyring | null {
  try {
    return readKeyring(dir);
  } catch (err) {
    if (isAppError(err) && err.code === 'DB_CORRUPT') return null;
    throw err;
  }
}

/**
 * A damaged or missing keyring can be rebuilt by a recovery session (the key is proven by the open
 * database). The damaged file is kept beside it under a dated name.
 */
export function rebuildKeyring(session: Session): Keyring {
  const paths = storePaths(session.dir);
  if (existsSync(paths.keyring)) {
    renameSync(paths.keyring, `${paths.keyring}.damaged-${fileStamp(session.now())}`);
  }
  return newKeyring(dbKeyCheck(session.dbKey), session.now());
}
