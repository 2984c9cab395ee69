import { describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH } from '../../src/main/audit/chain';
import { appendAudit } from '../../src/main/audit/log';
import { listAudit, verifyAudit } from '../../src/main/store/audit';
import { createCase, updateCase } from '../../src/main/store/cases';
import { CASE_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

describe('audit chain', () => {
  it('hashes each row over the previous hash and its own content', () => {
    const row = {
      seq: 1,
      at: '2026-05-21T08:00:00.000Z',
      actorKind: 'user',
      actorId: 'u1',
      action: 'case.view',
      entityType: 'case',
      entityId: 'c1',
      detailsJson: '{}',
    };
    const h = auditRowHash(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash(GENESIS_HASH, { ...row, detailsJson: '{"a":1}' })).not.toBe(h);
    expect(auditRowHash('1'.repeat(64), row)).not.toBe(h);
    // Field boundaries are unambiguous.
    expect(auditRowHash(GENESIS_HASH, { ...row, entityType: 'casec', entityId: '1' })).not.toBe(
      auditRowHash(GENESIS_HASH, { ...row, entityType: 'case', entityId: 'c1' }),
    );
  });

  it('verifies an intact chain and names the first row that was altered', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    updateCase(s, { id: c.id, expectedRevision: 1, officerAssessment: 'first' });
    const ok = verifyAudit(s);
    expect(ok.ok).toBe(true);
    const target = listAudit(s, { action: 'case.update' })[0];
    if (!target) throw new Error('no row');
    // An attacker with the key drops the trigger and edits history.
    s.db.exec('DROP TRIGGER audit_log_no_update');
    s.db
      .prepare('UPDATE audit_log SET details_json = ? WHERE seq = ?')
      .run('{"old":{},"new":{}}', target.seq);
    expect(verifyAudit(s)).toMatchObject({
      ok: false,
      firstBrokenSeq: target.seq,
      reason: 'hash_mismatch',
    });
    s.lock();
  });

  it('detects a deleted row and a re-hashed row', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    createCase(s, CASE_INPUT);
    createCase(s, CASE_INPUT);
    const rows = listAudit(s).reverse();
    const middle = rows[Math.floor(rows.length / 2)];
    if (!middle) throw new Error('no row');
    s.db.exec('DROP TRIGGER audit_log_no_delete');
    s.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(middle.seq);
    expect(verifyAudit(s)).toMatchObject({
      ok: false,
      firstBrokenSeq: middle.seq + 1,
      reason: 'sequence_gap',
    });
    s.lock();

    const other = await createTestStore();
    const t = await other.unlock();
    createCase(t, CASE_INPUT);
    const last = listAudit(t)[0];
    const second = listAudit(t).reverse()[1];
    if (!last || !second) throw new Error('no rows');
    // Rewriting one row and its own hash still breaks the link from the next row.
    t.db.exec('DROP TRIGGER audit_log_no_update');
    const r = t.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(second.seq) as Record<
      string,
      string | number | null
    >;
    const forged = '{"forged":true}';
    const newHash = auditRowHash(String(r.prev_hash), {
      seq: Number(r.seq),
      at: String(r.at),
      actorKind: String(r.actor_kind),
      actorId: r.actor_id === null ? null : String(r.actor_id),
      action: String(r.action),
      entityType: r.entity_type === null ? null : String(r.entity_type),
      entityId: r.entity_id === null ? null : String(r.entity_id),
      detailsJson: forged,
    });
    t.db
      .prepare('UPDATE audit_log SET details_json = ?, hash = ? WHERE seq = ?')
      .run(forged, newHash, second.seq);
    // The row's own signature no longer matches its new hash (and the next row no longer links to it).
    expect(verifyAudit(t)).toMatchObject({
      ok: false,
      firstBrokenSeq: second.seq,
      reason: 'bad_signature',
    });
    expect(last.seq).toBeGreaterThan(second.seq);
    t.lock();
  });

  it('refuses to append outside a transaction, and rolls back with the change it records', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    expect(() =>
      appendAudit(s.db, { kind: 'system', id: null }, new Date(), { action: 'case.view' }),
    ).toThrow();
    const before = listAudit(s).length;
    expect(() =>
      s.write((db, now) => {
        s.audit(db, now, { action: 'case.view', entityId: 'x' });
        throw new Error('the change fails');
      }),
    ).toThrow();
    expect(listAudit(s).length).toBe(before);
    expect(verifyAudit(s).ok).toBe(true);
    s.lock();
  });
});
