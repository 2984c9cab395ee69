import type { AuditAction, AuditActorKind, AuditEntry, AuditVerifyResult } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { type AuditRowContent, auditRowHash, GENESIS_HASH } from './chain';

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  /** JSON-serialisable; for changes: { old, new }. Stays inside the encrypted database. */
  details?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one hash-chained row. Must run inside the caller's transaction so the record of a change
 * commits (or rolls back) with the change itself. The write lock held by that transaction also
 * serialises seq allocation across connections.
 */
export function appendAudit(db: Db, actor: AuditActor, at: Date, event: AuditEvent): number {
  if (!db.inTransaction)
    throw new AppError('INTERNAL', { cause: new Error('appendAudit outside a transaction') });
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row: AuditRowContent = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    detailsJson: JSON.stringify(event.details ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.seq,
    row.at,
    row.actorKind,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.detailsJson,
    prevHash,
    auditRowHash(prevHash, row),
  );
  return row.seq;
}

/**
 * Walks the chain from the first row. Reports the first row whose sequence, link to the previous
 * hash, or own hash does not check out.
 */
export function verifyAuditChain(db: Db): AuditVerifyResult {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const r of rows) {
    count++;
    const broken = (reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap'): AuditVerifyResult => ({
      ok: false,
      rows: count,
      firstBrokenSeq: r.seq,
      reason,
    });
    if (r.seq !== expectedSeq) return broken('sequence_gap');
    if (r.prev_hash !== prevHash) return broken('prev_hash_mismatch');
    const hash = auditRowHash(prevHash, {
      seq: r.seq,
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      detailsJson: r.details_json,
    });
    if (hash !== r.hash) return broken('hash_mismatch');
    prevHash = r.hash;
    expectedSeq++;
  }
  return { ok: true, rows: count };
}

export interface AuditFilter {
  action?: AuditAction;
  entityId?: string;
  actorId?: string;
  beforeSeq?: number;
  limit: number;
}

/** Newest first. */
export function listAuditRows(db: Db, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.action) {
    where.push('action = ?');
    params.push(filter.action);
  }
  if (filter.entityId) {
    where.push('entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.actorId) {
    where.push('actor_id = ?');
    params.push(filter.actorId);
  }
  if (filter.beforeSeq) {
    where.push('seq < ?');
    params.push(filter.beforeSeq);
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, filter.limit) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorKind: r.actor_kind as AuditActorKind,
    actorId: r.actor_id,
    action: r.action as AuditAction,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: JSON.parse(r.details_json),
    hash: r.hash,
  }));
}
