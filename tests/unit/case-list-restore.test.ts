import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import type { Db } from '../../src/main/db/driver';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { migration0006 } from '../../src/main/db/migrations/0006-case-list';
import { readDatabaseSalt } from '../../src/main/keys/database-key';
import { createBackup, restoreBackup } from '../../src/main/store/backup';
import { createCase, listCases, updatePerson } from '../../src/main/store/cases';
import { startInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import { Vault } from '../../src/main/store/vault';
import type { CaseListQuery } from '../../src/shared/domain/cases';
import { tempDir } from '../helpers/disk';
import { importCase } from '../helpers/imported-case';
import { INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

/**
 * A backup taken before migration 0006 is migrated when restored: the derived list columns and the
 * search index are built from its rows, and the list reads exactly as it did in the store it came from.
 */

/** The schema version just before the case-list migration. */
const BEFORE = migration0006.version - 1;

/** Which of someCases' named cases is imported with a second person. */
const IMPORTED = 3;

function someCases(s: Session): void {
  const names = ['မောင်အောင်', 'สมชาย ใจดี', 'Sokha', 'Nguyễn Văn An', 'Ko Aung'];
  names.forEach((name, i) => {
    const details = {
      place: { kind: 'port' as const, name: i % 2 ? 'Ranong Port' : 'ท่าเรือภูเก็ต' },
      vessel: { name: `Sea Star ${i}` },
      screeningDate: `2026-05-0${i + 1}`,
    };
    const person = {
      nameOrAlias: name,
      nationality: i % 2 ? 'Myanmar' : 'กัมพูชา',
      languages: i % 3 ? ['my'] : [],
    };
    // One case names two people: it came from another device (no local officer made it).
    const caseId =
      i === IMPORTED
        ? importCase(s, { ...details, persons: [person, { nameOrAlias: 'Second person' }] })
        : createCase(s, { ...details, person }).id;
    if (i % 2) startInterview(s, { ...INTERVIEW_INPUT, caseId, intervieweeLanguage: 'km' });
  });
  createCase(s, { place: { kind: 'other', name: 'Satun PIPO' }, screeningDate: '2026-05-09' });
}

/**
 * The same store as the app one schema version earlier would have backed it up: an empty database at
 * that version under the same key, filled with the backup's rows in the columns that version had.
 */
function asOlderBackup(backup: string, key: Buffer): string {
  const out = join(tempDir(), 'older.fsbak');
  const open = (file: string, create: boolean) =>
    openDatabase(file, key, {
      create,
      // The new file keeps the backup's salt, so the recovery key still derives this key for it.
      salt: create ? readDatabaseSalt(backup) : undefined,
      keyVerified: true,
      migrate: false,
      quickCheck: false,
      journalMode: 'memory',
    });
  const from = open(backup, false);
  const to = open(out, true);
  try {
    migrate(to, BEFORE);
    to.exec('CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    to.pragma('foreign_keys = OFF');
    const tables = to
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    to.transaction(() => {
      for (const table of tables) copyRows(from, to, table);
      const meta = JSON.parse(
        to.prepare("SELECT value FROM backup_meta WHERE key = 'meta'").pluck().get() as string,
      );
      // As that version wrote it: no audit anchor and no store identity (both came with later schemas;
      // the rows copied above lose their signatures the same way, having no columns for them).
      const { auditAnchor: _anchor, keyring, ...older } = meta;
      const { store: _store, roster: _roster, ...olderKeyring } = JSON.parse(keyring);
      to.prepare("UPDATE backup_meta SET value = ? WHERE key = 'meta'").run(
        JSON.stringify({ ...older, schemaVersion: BEFORE, keyring: JSON.stringify(olderKeyring) }),
      );
    })();
    expect(readSchemaVersion(to)).toBe(BEFORE);
  } finally {
    closeDatabase(from);
    closeDatabase(to);
  }
  return out;
}

function copyRows(from: Db, to: Db, table: string): void {
  const columns = (to.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const insert = to.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of from
    .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
    .raw()
    .iterate())
    insert.run(...(row as unknown[]));
}

const QUERIES: CaseListQuery[] = [
  {},
  { sort: { column: 'primaryPersonName', direction: 'asc' } },
  { sort: { column: 'nationality', direction: 'desc' } },
  { sort: { column: 'intervieweeLanguage', direction: 'asc' } },
  { sort: { column: 'officer', direction: 'asc' } },
  { search: 'ranong' },
  { search: 'မောင်' },
  { search: 'sea 3' },
  { place: 'ท่าเรือภูเก็ต', sort: { column: 'reference', direction: 'desc' } },
];

describe('restoring a backup from before the case-list migration', () => {
  it('migrates it: derived columns, search and sort read as in the store it came from, and keep up with changes', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    someCases(s);
    const before = QUERIES.map((q) => listCases(s, q));
    const backup = join(tempDir(), 'now.fsbak');
    await createBackup(s, backup);
    s.lock();
    const old = asOlderBackup(backup, store.databaseKey());

    const fresh = tempDir();
    const restored = await restoreBackup({ from: old, dir: fresh, recoveryKey: store.recoveryKey });
    expect(restored.backupSchemaVersion).toBe(BEFORE);
    const r = await new Vault(fresh, store.options).unlock(SUPERVISOR.username, SUPERVISOR.passphrase);
    expect(readSchemaVersion(r.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(QUERIES.map((q) => listCases(r, q))).toEqual(before);
    expect(listCases(r, { search: 'မောင်' }).rows.map((row) => row.primaryPersonName)).toEqual(['မောင်အောင်']);
    // By officer: the imported case (no local officer) first, every other the supervisor's.
    const officers = before[4]?.rows.map((row) => row.officer) ?? [];
    expect(officers).toEqual([null, ...officers.slice(1).map(() => SUPERVISOR.displayName)]);

    // The restored store's triggers keep the list up to date from here on.
    const [first] = listCases(r, { search: 'sokha' }).rows;
    const person = r.db.prepare('SELECT id FROM persons WHERE case_id = ?').pluck().get(first?.id) as string;
    updatePerson(r, { id: person, nameOrAlias: 'Sokha Chan', nationality: 'Cambodia' });
    expect(
      listCases(r, { search: 'chan' }).rows.map((row) => [row.id, row.primaryPersonName, row.nationality]),
    ).toEqual([[first?.id, 'Sokha Chan', 'Cambodia']]);
    r.lock();
  });
});
