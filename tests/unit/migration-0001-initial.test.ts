import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { dbAtVersion, keyedEmptyDb } from '../helpers/keyed-db';

describe('migration 0001 (initial)', () => {
  it('turns an empty database (version 0) into version 1 with every table', () => {
    const db = keyedEmptyDb();
    expect(readSchemaVersion(db)).toBe(0);
    expect(migrate(db, 1)).toBe(1);
    expect(readSchemaVersion(db)).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toContain('audit_log');
    expect(tables).toContain('answer_history');
    db.close();
  });

  it('enforces STRICT types, checks and foreign keys', () => {
    const db = dbAtVersion(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (id, username, username_key, display_name, role, created_at) VALUES ('u', 'a', 'a', 'A', 'admin', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO persons (id, case_id, name_or_alias, sex, minor, created_at, created_by, updated_at) VALUES ('p', 'missing', 'n', 'male', 'unknown', 't', 'u', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES ('k', x'00', 't', 'u')",
        )
        .run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('keeps the audit log append-only', () => {
    const db = dbAtVersion(1);
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor_kind, action, details_json, prev_hash, hash) VALUES (1, 't', 'system', 'x', '{}', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
