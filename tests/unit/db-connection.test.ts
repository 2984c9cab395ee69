import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, SQLCIPHER_PAGE_SIZE } from '../../src/main/db/connection';
import { toStoreError } from '../../src/main/db/errors';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { storePaths } from '../../src/main/store/paths';
import { tempDir } from '../helpers/disk';
import { codeOf } from '../helpers/errors';
import { createTestStore } from '../helpers/test-app';

/** The code opening fails with, or null (the database is closed again at once). */
const openError = (open: () => ReturnType<typeof openDatabase>) => codeOf(() => closeDatabase(open()));

function newDb(): { file: string; key: Buffer } {
  const file = join(tempDir(), 'x.db');
  const key = randomBytes(32);
  closeDatabase(openDatabase(file, key, { create: true, quickCheck: false }));
  return { file, key };
}

describe('openDatabase', () => {
  it('applies the durability and safety pragmas and builds STRICT tables', () => {
    const { file, key } = newDb();
    const db = openDatabase(file, key, { keyVerified: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The app's own tables; the FTS5 search index (a virtual table and the shadow tables SQLite
    // keeps for it) is SQLite's, not STRICT.
    const tables = db
      .prepare("SELECT name, type, strict FROM pragma_table_list WHERE schema = 'main'")
      .all() as {
      name: string;
      type: string;
      strict: number;
    }[];
    const own = tables.filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'));
    expect(own.map((t) => t.name).sort()).toEqual(
      [
        'agency_keys',
        'answer_history',
        'answers',
        'attachments',
        'audit_log',
        'case_keys',
        'case_search_text',
        'cases',
        'follow_ups',
        'handovers',
        'interviews',
        'notes',
        'peer_rosters',
        'persons',
        'referrals',
        'settings',
        'signing_identities',
        'users',
      ].sort(),
    );
    for (const t of own) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
    expect(
      tables
        .filter((t) => t.type !== 'table')
        .map((t) => `${t.type} ${t.name}`)
        .sort(),
    ).toEqual([
      'shadow case_search_config',
      'shadow case_search_data',
      'shadow case_search_docsize',
      'shadow case_search_idx',
      'virtual case_search',
    ]);
    closeDatabase(db);
  });

  it('says WRONG_RECOVERY_KEY for an unverified wrong key, DB_CORRUPT when the key was verified', () => {
    const { file } = newDb();
    expect(openError(() => openDatabase(file, randomBytes(32)))).toBe('WRONG_RECOVERY_KEY');
    expect(openError(() => openDatabase(file, randomBytes(32), { keyVerified: true }))).toBe('DB_CORRUPT');
  });

  it('refuses a truncated file without touching it', () => {
    const { file, key } = newDb();
    const size = statSync(file).size;
    truncateSync(file, size - 100);
    const before = readFileSync(file);
    expect(openError(() => openDatabase(file, key, { keyVerified: true }))).toBe('DB_CORRUPT');
    truncateSync(file, 0);
    expect(openError(() => openDatabase(file, key, { keyVerified: true }))).toBe('DB_CORRUPT');
    expect(statSync(file).size).toBe(0);
    expect(before.length).toBe(size - 100);
  });

  it('refuses a file truncated to whole pages (lost tail) and a corrupted page', () => {
    const { file, key } = newDb();
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(SQLCIPHER_PAGE_SIZE * 4);
    truncateSync(file, SQLCIPHER_PAGE_SIZE * 2);
    expect(openError(() => openDatabase(file, key, { keyVerified: true }))).toBe('DB_CORRUPT');

    const other = newDb();
    const fd = openSync(other.file, 'r+');
    writeSync(fd, randomBytes(64), 0, 64, SQLCIPHER_PAGE_SIZE * 3 + 100);
    closeSync(fd);
    expect(openError(() => openDatabase(other.file, other.key, { keyVerified: true }))).toBe('DB_CORRUPT');
    // Page 1 damaged: the key check passes but SQLite cannot read the header.
    const third = newDb();
    const fd3 = openSync(third.file, 'r+');
    writeSync(fd3, randomBytes(32), 0, 32, 200);
    closeSync(fd3);
    expect(openError(() => openDatabase(third.file, third.key, { keyVerified: true }))).toBe('DB_CORRUPT');
  });

  it('refuses a database written by a newer version and leaves it unchanged', () => {
    const { file, key } = newDb();
    const db = openDatabase(file, key, { keyVerified: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    closeDatabase(db);
    const before = readFileSync(file);
    expect(openError(() => openDatabase(file, key, { keyVerified: true }))).toBe('DB_NEWER_THAN_APP');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('never creates a database where one is expected', () => {
    const file = join(tempDir(), 'missing.db');
    expect(openError(() => openDatabase(file, randomBytes(32)))).toBe('DB_CORRUPT');
    expect(() => statSync(file)).toThrow();
  });

  it('refuses an unencrypted SQLite file in place of the store', () => {
    const file = join(tempDir(), 'plain.db');
    closeDatabase(openDatabase(file, null, { create: true, quickCheck: false }));
    expect(openError(() => openDatabase(file, randomBytes(32), { keyVerified: true }))).toBe('DB_CORRUPT');
  });

  it('the vault reports a damaged store and never replaces it', async () => {
    const store = await createTestStore();
    const paths = storePaths(store.dir);
    const garbage = randomBytes(SQLCIPHER_PAGE_SIZE * 3);
    writeFileSync(paths.db, garbage);
    await expect(store.unlock()).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(readFileSync(paths.db).equals(garbage)).toBe(true);
  });
});

describe('toStoreError', () => {
  const cases: Array<[string, string]> = [
    ['SQLITE_FULL', 'DISK_FULL'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['SQLITE_READONLY', 'READ_ONLY'],
    ['SQLITE_READONLY_DBMOVED', 'READ_ONLY'],
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
    ['EPERM', 'READ_ONLY'],
    ['SQLITE_NOTADB', 'DB_CORRUPT'],
    ['SQLITE_CORRUPT', 'DB_CORRUPT'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'CONFLICT'],
    ['SQLITE_IOERR_SHORT_READ', 'IO_ERROR'],
    ['SQLITE_BUSY', 'IO_ERROR'],
    ['SOMETHING_ELSE', 'INTERNAL'],
  ];
  it.each(cases)('maps %s to %s', (code, expected) => {
    const err = Object.assign(new Error('x'), { code });
    const mapped = toStoreError(err);
    expect(mapped.code).toBe(expected);
    expect(mapped.message).toBe(expected);
  });
});
