import { describe, expect, it } from 'vitest';
import { appendAudit, listAuditRows, verifyAuditChain } from '../../src/main/audit/log';
import { migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { deleteCaseKey } from '../../src/main/store/case-keys';
import { appendPlainAuditRow, dbAtVersion } from '../helpers/keyed-db';

/** Seeds a version-2 database with a case, its person and audit rows as the version-2 writer stored them. */
describe('migration 0003 (case keys)', () => {
  it('adds case_keys, leaves existing audit rows as they were, and later rows of the case are sealed', () => {
    const db = dbAtVersion(2);
    db.prepare(
      `INSERT INTO cases (id, reference, status, place_kind, place_name, vessel_name, screening_date, created_at, created_by, updated_at, updated_by)
       VALUES ('c1', 'FS-20260101-AAAA', 'draft', 'port', 'Ranong Port', 'Ocean Queen', '2026-01-01', 't', 'u', 't', 'u')`,
    ).run();
    db.prepare(
      `INSERT INTO persons (id, case_id, name_or_alias, sex, minor, created_at, created_by, updated_at)
       VALUES ('p1', 'c1', 'Ma Thida', 'female', 'unknown', 't', 'u', 't')`,
    ).run();
    const legacy = [
      {
        action: 'case.create',
        entityType: 'case',
        entityId: 'c1',
        details: { new: { vessel: 'Ocean Queen' } },
      },
      {
        action: 'person.create',
        entityType: 'person',
        entityId: 'p1',
        details: { caseId: 'c1', new: { nameOrAlias: 'Ma Thida' } },
      },
      { action: 'auth.login', entityType: null, entityId: null, details: {} },
    ];
    for (const e of legacy) {
      appendPlainAuditRow(db, { at: '2026-01-01T00:00:00.000Z', actorKind: 'user', actorId: 'u', ...e });
    }
    const auditBefore = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();

    expect(migrate(db, 3)).toBe(3);
    expect(readSchemaVersion(db)).toBe(3);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'case_keys'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT\s*$/);
    // Nothing is made for existing cases, and existing audit rows are byte for byte what they were.
    expect(db.prepare('SELECT count(*) FROM case_keys').pluck().get()).toBe(0);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(auditBefore);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
    expect(db.prepare("SELECT count(*) FROM cases WHERE vessel_name = 'Ocean Queen'").pluck().get()).toBe(1);

    // STRICT types and the key length are enforced.
    expect(() =>
      db.prepare("INSERT INTO case_keys (case_id, key, created_at) VALUES ('c9', 'text', 't')").run(),
    ).toThrow(/cannot store TEXT value in BLOB column/);
    expect(() =>
      db.prepare("INSERT INTO case_keys (case_id, key, created_at) VALUES ('c9', x'00', 't')").run(),
    ).toThrow(/CHECK/);

    // The next event of the old case makes its key and is sealed; the old rows stay plain.
    db.transaction(() =>
      appendAudit(db, { kind: 'user', id: 'u' }, new Date('2026-02-01T00:00:00.000Z'), {
        action: 'person.update',
        entityType: 'person',
        entityId: 'p1',
        details: { old: { nameOrAlias: 'Ma Thida' }, new: { nameOrAlias: 'Thida' } },
      }),
    ).immediate();
    expect(db.prepare('SELECT case_id FROM case_keys').pluck().all()).toEqual(['c1']);
    const stored = db.prepare('SELECT details_json FROM audit_log WHERE seq = 4').pluck().get() as string;
    expect(stored).not.toContain('Thida');
    expect(JSON.parse(stored)).toMatchObject({ enc: 'v1', caseId: 'c1' });
    expect(listAuditRows(db, { limit: 10 }).map((e) => e.details)).toEqual([
      { old: { nameOrAlias: 'Ma Thida' }, new: { nameOrAlias: 'Thida' } },
      {},
      { caseId: 'c1', new: { nameOrAlias: 'Ma Thida' } },
      { new: { vessel: 'Ocean Queen' } },
    ]);

    // Shredding the key erases what was sealed; the rows from before the upgrade keep their details.
    db.transaction(() => deleteCaseKey(db, 'c1')).immediate();
    expect(listAuditRows(db, { limit: 10 }).map((e) => e.details)).toEqual([
      { erased: true, caseId: 'c1' },
      {},
      { caseId: 'c1', new: { nameOrAlias: 'Ma Thida' } },
      { new: { vessel: 'Ocean Queen' } },
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 4 });
    // Running again is a no-op.
    expect(migrate(db, 3)).toBe(3);
    db.close();
  });
});
