const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * SQLCipher's raw-key form `x'<hex>'` (the key, optionally followed by the file's salt) as bytes,
 * written digit by digit so the key never becomes a JS string (strings cannot be wiped; this Buffer
 * can, and must be, once SQLite has it). SQLite3 Multiple Ciphers accepts it through
 * sqlite3_key/sqlite3_rekey (better-sqlite3's db.key and db.rekey) exactly as `PRAGMA key = "x'…'"`.
 */
export function rawKeyLiteral(...parts: Buffer[]): Buffer {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const out = Buffer.alloc(3 + length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  let at = 2;
  for (const part of parts) {
    for (const byte of part) {
      out[at++] = HEX_DIGITS[byte >> 4] ?? 0;
      out[at++] = HEX_DIGITS[byte & 15] ?? 0;
    }
  }
  out[at] = 0x27; // '
  return out;
}
