import { AppError } from '../../shared/errors';

/**
 * The recovery key is the raw 256-bit database key itself, so a supervisor can open the data with any
 * SQLCipher 4 tool (`PRAGMA key = "x'<64 hex>'"`) even without this app. Shown once, as 16 groups of
 * four hex digits separated by dashes: easy to read aloud, print and copy as one shell word.
 */
export function formatRecoveryKey(dbKey: Buffer): string {
  const hex = dbKey.toString('hex');
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}

/** Accepts any case, spaces, dashes and line breaks; returns the 32-byte key. */
export function parseRecoveryKey(text: string): Buffer {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('WRONG_RECOVERY_KEY');
  return Buffer.from(hex, 'hex');
}
