import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/driver';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { dbAtVersion } from '../helpers/keyed-db';

/**
 * A released migration is frozen: the schema each version produces is recorded in
 * tests/fixtures/schema/NNNN-name.sql, and this test fails when running the migrations up to that
 * version gives anything else (a migration edited after release, or one that calls live code).
 *
 * A NEW migration has no snapshot yet; record it once, review the file, and commit it with the migration:
 *   UPDATE_SCHEMA_SNAPSHOTS=1 npx vitest run tests/unit/schema-snapshots.test.ts
 * That only writes missing snapshots; an existing one is never rewritten (delete it by hand only for
 * a migration that was never released, e.g. when renumbering yours on a rebase).
 */

const SNAPSHOTS = join(__dirname, '..', 'fixtures', 'schema');
const recordMissing = process.env.UPDATE_SCHEMA_SNAPSHOTS === '1';

const snapshotName = (m: { version: number; name: string }) =>
  `${String(m.version).padStart(4, '0')}-${m.name}.sql`;

/** Every table, index, view and trigger as SQLite stores its definition, in a stable order. */
function schemaText(db: Db): string {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' ORDER BY tbl_name, type, name`,
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const version = db.pragma('user_version', { simple: true });
  const parts = rows.map(
    (r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '(no SQL: automatic)'};\n`,
  );
  return `-- user_version ${String(version)}\n\n${parts.join('\n')}`;
}

describe('each migration still produces the schema it was released with', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))(
    'migration %i (%s)',
    (_version, _name, migration) => {
      const file = join(SNAPSHOTS, snapshotName(migration));
      const db = dbAtVersion(migration.version);
      const actual = schemaText(db);
      db.close();
      if (!existsSync(file)) {
        if (!recordMissing) {
          throw new Error(
            `No schema snapshot for migration ${migration.version} (${migration.name}). Record it with ` +
              'UPDATE_SCHEMA_SNAPSHOTS=1 npx vitest run tests/unit/schema-snapshots.test.ts, review and commit it.',
          );
        }
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(actual, `${snapshotName(migration)} changed: a released migration must not change`).toBe(
        readFileSync(file, 'utf8'),
      );
    },
  );

  it('has no snapshot left over from a migration that no longer exists (renumbered or removed)', () => {
    const expected = new Set(MIGRATIONS.map(snapshotName));
    const files = existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS) : [];
    expect(files.filter((f) => !expected.has(f))).toEqual([]);
  });

  it('notices a changed schema (the comparison is not blind)', () => {
    const db = dbAtVersion(1);
    const before = schemaText(db);
    db.exec('CREATE INDEX probe_index ON cases (reference)');
    expect(schemaText(db)).not.toBe(before);
    db.close();
  });
});
