import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { wipe } from './wipe';

/**
 * The recovery key is not the database key. The database key K is what SQLCipher 4 derives from the
 * recovery key R when R is given as a passphrase: PBKDF2-HMAC-SHA512, 256,000 iterations, over the
 * 64 lower-case hex digits of R, salted with the first 16 bytes of the database file. So
 * `PRAGMA key = '<R as 64 hex digits>'` in any standard SQLCipher 4 tool opens the data, while the
 * app, the keyring and every account hold only K, from which R cannot be recovered. Whoever holds
 * only K (every account, necessarily) cannot pass for the holder of R.
 */
export const SQLCIPHER4_KDF_ITERATIONS = 256_000;
export const DATABASE_SALT_BYTES = 16;

/** The passphrase form SQLCipher is given: R as 64 lower-case hex digits. */
export function recoveryPassphrase(recoveryKey: Buffer): string {
  if (recoveryKey.length !== 32) throw new AppError('WRONG_RECOVERY_KEY');
  return recoveryKey.toString('hex');
}

/** K = PBKDF2-HMAC-SHA512(hex(R), salt, 256000, 32): SQLCipher 4's own derivation. */
export function deriveDatabaseKey(recoveryKey: Buffer, salt: Buffer): Buffer {
  if (salt.length !== DATABASE_SALT_BYTES) throw new AppError('DB_CORRUPT');
  return pbkdf2Sync(recoveryPassphrase(recoveryKey), salt, SQLCIPHER4_KDF_ITERATIONS, 32, 'sha512');
}

/** The salt SQLCipher keeps in the first 16 bytes of an encrypted database file. */
export function readDatabaseSalt(file: string): Buffer {
  const salt = Buffer.alloc(DATABASE_SALT_BYTES);
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, salt, 0, DATABASE_SALT_BYTES, 0);
    if (read !== DATABASE_SALT_BYTES) throw new AppError('DB_CORRUPT');
    return salt;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new AppError('NOT_INITIALISED');
    throw err;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export interface NewDatabaseKeys {
  recoveryKey: Buffer;
  salt: Buffer;
  dbKey: Buffer;
}

/** Fresh R and salt for a new store, and the K they give. Wipe all three when done. */
export function newDatabaseKeys(): NewDatabaseKeys {
  const recoveryKey = randomBytes(32);
  const salt = randomBytes(DATABASE_SALT_BYTES);
  return { recoveryKey, salt, dbKey: deriveDatabaseKey(recoveryKey, salt) };
}

export function wipeDatabaseKeys(keys: NewDatabaseKeys): void {
  wipe(keys.recoveryKey, keys.salt, keys.dbKey);
}
