import type { AuditAction, AuditActorKind, AuditEntry, AuditVerifyResult } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import type { Db, Statement } from '../db/driver';
import { wipe } from '../keys/wipe';
import { caseKeyForWrite, readCaseKey } from '../store/case-keys';
import { type AuditAnchor, makeAnchor } from './anchor';
import { auditCaseId } from './case-scope';
import { type AuditRowContent, auditRowHash, auditRowValues, GENESIS_HASH } from './chain';
import {
  asSealed,
  type ErasedDetails,
  openSealed,
  sealDetails,
  type UnreadableDetails,
} from './sealed-details';
import { type AuditKeyLookup, boundAuditSigner, NO_AUDIT_KEYS, rowSignatureMessage } from './signer';
import { checkTrail, ROW_PROBLEMS, type TrailReport, type TrailRow, type TriggerDef } from './trail-check';

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

/** An audit_log row as SQLite returns it (`SELECT *`); toTrailRow is its one mapping. */
export interface StoredAuditRow {
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
  /** Absent in a store (or backup) from before schema version 7. */
  signer_key?: string | null;
  signature?: string | null;
}

interface AppendStatements {
  last: Statement<[], { seq: number; hash: string } | undefined>;
  insert: Statement<unknown[]>;
  /** With signer_key and signature (schema version 7); prepared on the first signed row. */
  insertSigned?: Statement<unknown[]>;
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
 *
 * When a signer is bound to the connection (signer.ts: the signed-in person's key), the row carries
 * its key id and an Ed25519 signature over (seq, hash), whoever the actor is.
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
  const hash = auditRowHash(prevHash, row);
  const values = [...auditRowValues(row), prevHash, hash];
  const signer = boundAuditSigner(db);
  let written: { changes: number };
  if (signer) {
    stmts.insertSigned ??= db.prepare(
      `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash, signer_key, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const signature = signer.sign(rowSignatureMessage(seq, hash)).toString('base64url');
    written = stmts.insertSigned.run(...values, signer.keyId, signature);
  } else {
    written = stmts.insert.run(...values);
  }
  // A trigger planted on audit_log could drop the insert silently (RAISE(IGNORE)): refuse the change.
  if (written.changes !== 1)
    throw new AppError('DB_CORRUPT', { cause: new Error('audit row was not written') });
  return row.seq;
}

export function toTrailRow(r: StoredAuditRow): TrailRow {
  return {
    seq: r.seq,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detailsJson: r.details_json,
    prevHash: r.prev_hash,
    hash: r.hash,
    signerKey: r.signer_key ?? null,
    signature: r.signature ?? null,
  };
}

/** The stored rows in seq order, read lazily (a trail may hold millions). */
export function* readTrailRows(db: Db): Generator<TrailRow> {
  const rows = db
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<StoredAuditRow>;
  for (const r of rows) yield toTrailRow(r);
}

/** Every trigger on audit_log, and every other trigger whose SQL names it. */
export function auditTriggersIn(db: Db): TriggerDef[] {
  return db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'trigger' AND (tbl_name = 'audit_log' OR sql LIKE '%audit_log%') ORDER BY name`,
    )
    .all() as TriggerDef[];
}

/** The last row's seq and hash (seq 0 and the genesis hash for an empty trail). */
export function auditHead(db: Db): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

/** The current head, signed by the signer bound to this connection (unsigned without one). */
export function currentAnchor(db: Db): AuditAnchor {
  return makeAnchor(auditHead(db), boundAuditSigner(db));
}

/** The full check of this database's trail (trail-check.ts): chain, signatures, triggers, anchors. */
export function checkAuditTrail(
  db: Db,
  lookup: AuditKeyLookup,
  anchors: readonly AuditAnchor[] = [],
): TrailReport {
  return checkTrail({ rows: readTrailRows(db), lookup, triggers: auditTriggersIn(db), anchors });
}

/** The first problem of a report, in the shape the supervisor's screen shows. */
export function toVerifyResult(report: TrailReport): AuditVerifyResult {
  const first = report.problems.find((p) => ROW_PROBLEMS.has(p.kind)) ?? report.problems[0];
  if (!first) {
    return report.signedFromSeq === null
      ? { ok: true, rows: report.rows }
      : { ok: true, rows: report.rows, signedFromSeq: report.signedFromSeq };
  }
  return 'seq' in first
    ? { ok: false, rows: report.rows, firstBrokenSeq: first.seq, reason: first.kind }
    : { ok: false, rows: report.rows, reason: first.kind };
}

/**
 * Walks the chain from the first row (and checks signatures and triggers). Reports the first row
 * whose sequence, link, hash or signature does not check out.
 */
export function verifyAuditChain(db: Db, lookup: AuditKeyLookup = NO_AUDIT_KEYS): AuditVerifyResult {
  return toVerifyResult(checkAuditTrail(db, lookup));
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
  const rows = db.prepare(sql).all(...params, filter.limit) as StoredAuditRow[];
  const reader = new AuditDetailsReader(db);
  try {
    return rows.map(toTrailRow).map((r) => ({
      seq: r.seq,
      at: r.at,
      actorKind: r.actorKind as AuditActorKind,
      actorId: r.actorId,
      action: r.action as AuditAction,
      entityType: r.entityType,
      entityId: r.entityId,
      details: reader.details(r) as AuditEntry['details'],
      hash: r.hash,
    }));
  } finally {
    reader.close();
  }
}
