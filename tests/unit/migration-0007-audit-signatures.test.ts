import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/audit/log';
import { migrate } from '../../src/main/db/migrations';
import { appendPlainAuditRow, dbAtVersion } from '../helpers/keyed-db';

describe('migration 0007 (audit signatures)', () => {
  it('adds signer_key and signature, both or neither, leaving older rows unsigned and the chain intact', () => {
    const db = dbAtVersion(6);
    for (const action of ['vault.initialise', 'auth.login'])
      appendPlainAuditRow(db, {
        at: '2026-05-21T08:00:00.000Z',
        actorKind: 'system',
        actorId: null,
        action,
        entityType: null,
        entityId: null,
        details: {},
      });
    const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    expect(migrate(db, 7)).toBe(7);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(
      before.map((r) => ({ ...(r as object), signer_key: null, signature: null })),
    );
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });

    db.exec('DROP TRIGGER audit_log_no_update');
    const set = (key: string | null, sig: string | null) =>
      db.prepare('UPDATE audit_log SET signer_key = ?, signature = ? WHERE seq = 1').run(key, sig);
    expect(() => set('a'.repeat(64), null)).toThrow(/CHECK/);
    expect(() => set(null, 'A'.repeat(86))).toThrow(/CHECK/);
    expect(() => set('A'.repeat(64), 'A'.repeat(86))).toThrow(/CHECK/);
    expect(() => set('a'.repeat(64), 'A+'.repeat(43))).toThrow(/CHECK/);
    expect(() => set('a'.repeat(64), 'A-'.repeat(43))).not.toThrow();
    db.close();
  });
});
