import Database from 'better-sqlite3-multiple-ciphers';

/**
 * The one place that loads the SQLCipher-capable SQLite build (SQLite3 Multiple Ciphers inside
 * better-sqlite3). CommonJS package; the default import is its module.exports.
 */
export type Db = Database.Database;
export type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;

export function openRawDatabase(file: string, options: { mustExist: boolean; readonly?: boolean }): Db {
  return new Database(file, {
    fileMustExist: options.mustExist,
    readonly: options.readonly ?? false,
    // Wait for another connection (e.g. the CLI taking a backup) instead of failing at once.
    timeout: 5000,
  });
}
