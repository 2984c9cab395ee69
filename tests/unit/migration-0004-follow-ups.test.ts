import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/driver';
import { migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { dbAtVersion } from '../helpers/keyed-db';

const insert = (db: Db, values: Record<string, unknown>) => {
  const row = {
    id: `f-${Math.random()}`,
    case_id: 'c1',
    what: 'Call the shelter',
    due_on: '2026-06-01',
    done_at: null,
    done_by: null,
    created_at: '2026-05-21T08:00:00.000Z',
    created_by: 'u',
    ...values,
  };
  db.prepare(
    `INSERT INTO follow_ups (id, case_id, what, due_on, done_at, done_by, created_at, created_by)
     VALUES (@id, @case_id, @what, @due_on, @done_at, @done_by, @created_at, @created_by)`,
  ).run(row);
};

/** Seeds a version-3 database with a case, upgrades it, and checks the new table's rules. */
describe('migration 0004 (follow-ups)', () => {
  it('adds a STRICT follow_ups table tied to cases, and leaves existing rows alone', () => {
    const db = dbAtVersion(3);
    db.prepare(
      `INSERT INTO cases (id, reference, status, place_kind, place_name, screening_date, created_at, created_by, updated_at, updated_by)
       VALUES ('c1', 'FS-20260101-AAAA', 'draft', 'port', 'Ranong Port', '2026-01-01', 't', 'u', 't', 'u')`,
    ).run();
    const casesBefore = db.prepare('SELECT * FROM cases').all();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'follow_ups'").pluck().get()).toBe(0);

    expect(migrate(db, 4)).toBe(4);
    expect(readSchemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT * FROM cases').all()).toEqual(casesBefore);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'follow_ups'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT\s*$/);
    expect(
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'follow_ups'")
        .pluck()
        .all(),
    ).toContain('follow_ups_case');

    // A good row, open and done.
    insert(db, { id: 'f1' });
    insert(db, { id: 'f2', due_on: '2024-02-29', done_at: '2026-05-22T01:00:00.000Z', done_by: 'u' });
    expect(db.prepare('SELECT id FROM follow_ups ORDER BY id').pluck().all()).toEqual(['f1', 'f2']);

    // The table's own rules, whatever path tries to write.
    const refused = (values: Record<string, unknown>) => () => insert(db, values);
    expect(refused({ case_id: 'no-such-case' })).toThrow(/FOREIGN KEY/);
    expect(refused({ what: '' })).toThrow(/CHECK/);
    expect(refused({ what: 'x'.repeat(501) })).toThrow(/CHECK/);
    for (const due_on of ['2026-02-30', '2026-13-01', '2026-04-31', '26-05-01', '2026-5-1', 'soon', '']) {
      expect(refused({ due_on }), due_on).toThrow(/CHECK/);
    }
    expect(refused({ done_at: '2026-05-22T01:00:00.000Z' })).toThrow(/CHECK/);
    expect(refused({ done_by: 'u' })).toThrow(/CHECK/);
    expect(refused({ what: Buffer.from('Call the shelter') })).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
    // A case with follow-ups cannot be deleted on its own (the deletion removes them first).
    expect(() => db.prepare("DELETE FROM cases WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);

    // Running again is a no-op.
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(2);
    db.close();
  });
});
