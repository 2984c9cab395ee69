import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { dbAtVersion } from '../helpers/keyed-db';

/** Seeds a version-1 database with the SQL of version 1, then migrates it to version 2. */
describe('migration 0002 (case search)', () => {
  it('adds search_text, back-fills it from existing cases and people, and adds the list indexes', () => {
    const db = dbAtVersion(1);
    const insertCase = db.prepare(
      `INSERT INTO cases (id, reference, status, place_kind, place_name, vessel_name, screening_date, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'draft', 'port', ?, ?, '2026-01-01', 't', 'u', 't', 'u')`,
    );
    insertCase.run('c1', 'FS-20260101-AAAA', 'Ranong Port', 'Ocean QUEEN');
    insertCase.run('c2', 'FS-20260101-BBBB', 'สงขลา', null);
    db.prepare(
      `INSERT INTO persons (id, case_id, name_or_alias, sex, minor, nationality, created_at, created_by, updated_at)
       VALUES ('p1', 'c2', 'Ma Thida', 'female', 'unknown', 'Myanmar', 't', 'u', 't')`,
    ).run();

    expect(migrate(db, 2)).toBe(2);
    expect(readSchemaVersion(db)).toBe(2);
    const rows = db.prepare('SELECT id, search_text FROM cases ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'c1', search_text: 'fs-20260101-aaaa\nranong port\nocean queen' },
      { id: 'c2', search_text: 'fs-20260101-bbbb\nสงขลา\nma thida\nmyanmar' },
    ]);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'cases_status_updated',
        'cases_place_name',
        'cases_screening_date',
        'cases_screening_result',
      ]),
    );
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE place_name = 'x' ORDER BY place_name")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('cases_place_name');
    // Running again is a no-op.
    expect(migrate(db, 2)).toBe(2);
    db.close();
  });
});
