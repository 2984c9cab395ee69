import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 of a fixed label under the database key. Stored in the keyring so a recovery key (or an
 * unwrapped key) is checked before SQLite opens the file: a mismatch is a wrong key, while a matching
 * key that SQLite cannot use means a damaged file. Reveals nothing about a 256-bit random key.
 */
export function dbKeyCheck(dbKey: Buffer): string {
  return createHmac('sha256', dbKey).update('fieldscreen/db-key-check/v1').digest('hex');
}

export function matchesDbKeyCheck(dbKey: Buffer, expectedHex: string): boolean {
  const actual = Buffer.from(dbKeyCheck(dbKey), 'hex');
  const expected = Buffer.from(expectedHex, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
