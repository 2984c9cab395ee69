import type { AuditAction, AuditActorKind, AuditEntry, AuditVerifyResult } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import type { Db, Statement } from '../db/driver';
import { wipe } from '../keys/wipe';
import { caseKeyForWrite, readCaseKey } from '../store/case-keys';
import { auditCaseId } from './case-scope';
import { type AuditRowContent, auditRowHash, GENESIS_HASH } from './chain';
import {
  asSealed,
  type ErasedDetails,
  openSealed,
  sealDetails,
  type UnreadableDetails,
} from './sealed-details';

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  /**
   * JSON-serialisable; for changes: { old, new }. Stays inside the encrypted database; when the event
   * belongs to a case (see case-scope.ts) it is also sealed under that case's key, which deleting the
   * case destroys.
   */
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

interface AppendStatements {
  last: Statement<[], { seq: number; hash: string } | undefined>;
  insert: Statement<unknown[]>;
}

/** Prepared once per connection: every answer save appends a row. */
const appendStatements = new WeakMap<Db, AppendStatements>();

function appendPrepared(db: Db): AppendStatements {
  let s = appendStatements.get(db);
  if (!s) {
    s = {
      last: db.prepare<[], { seq: number; hash: string } | undefined>(
        'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    appendStatements.set(db, s);
  }
  return s;
}

/**
 * Appends one hash-chained row. Must run inside the caller's transaction so the record of a change
 * commits (or rolls back) with the change itself. The write lock held by that transaction also
 * serialises seq allocation across connections.
 *
 * Details of a case's events are stored sealed under the case key (made here on first use, in the same
 * transaction); the hash covers the stored, sealed text, so the chain verifies without any case key.
 */
export function appendAudit(db: Db, actor: AuditActor, at: Date, event: AuditEvent): number {
  if (!db.inTransaction)
    throw new AppError('INTERNAL', { cause: new Error('appendAudit outside a transaction') });
  const stmts = appendPrepared(db);
  const last = stmts.last.get();
  const seq = (last?.seq ?? 0) + 1;
  const entityType = event.entityType ?? null;
  const entityId = event.entityId ?? null;
  const plainJson = JSON.stringify(event.details ?? {});
  const caseId = auditCaseId(db, { action: event.action, entityType, entityId, details: event.details });
  let detailsJson = plainJson;
  if (caseId) {
    const key = caseKeyForWrite(db, caseId, at);
    try {
      detailsJson = sealDetails(key, { seq, action: event.action, entityType, entityId, caseId }, plainJson);
    } finally {
      wipe(key);
    }
  }
  const row: AuditRowContent = {
    seq,
    at: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    action: event.action,
    entityType,
    entityId,
    detailsJson,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  stmts.insert.run(
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

/**
 * Opens the sealed details of rows read in one go. Case keys are looked up once per case and wiped
 * when the read is done. A shredded key (deleted case) reads as { erased: true, caseId }; a box that
 * does not open under its key (an altered row: the chain check names it) as { unreadable: true, caseId }.
 */
class AuditDetailsReader {
  readonly #db: Db;
  readonly #keys = new Map<string, Buffer | null>();

  constructor(db: Db) {
    this.#db = db;
  }

  details(row: {
    seq: number;
    action: string;
    entityType: string | null;
    entityId: string | null;
    detailsJson: string;
  }): unknown {
    const stored: unknown = JSON.parse(row.detailsJson);
    const sealed = asSealed(stored);
    if (!sealed) return stored;
    let key = this.#keys.get(sealed.caseId);
    if (key === undefined) {
      key = readCaseKey(this.#db, sealed.caseId);
      this.#keys.set(sealed.caseId, key);
    }
    if (!key) return { erased: true, caseId: sealed.caseId } satisfies ErasedDetails;
    const opened = openSealed(key, row, sealed);
    if (opened === null) return { unreadable: true, caseId: sealed.caseId } satisfies UnreadableDetails;
    return JSON.parse(opened) as unknown;
  }

  /** Wipes the case keys read so far. */
  close(): void {
    for (const key of this.#keys.values()) wipe(key);
    this.#keys.clear();
  }
}

/** Newest first, with case details opened (or shown as erased once the case was deleted). */
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
  const reader = new AuditDetailsReader(db);
  try {
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorKind: r.actor_kind as AuditActorKind,
      actorId: r.actor_id,
      action: r.action as AuditAction,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: reader.details({
        seq: r.seq,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        detailsJson: r.details_json,
      }) as AuditEntry['details'],
      hash: r.hash,
    }));
  } finally {
    reader.close();
  }
}
