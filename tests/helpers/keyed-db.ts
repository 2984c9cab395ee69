import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { auditRowHash, GENESIS_HASH } from '../../src/main/audit/chain';
import { type Db, openRawDatabase } from '../../src/main/db/driver';
import { migrate } from '../../src/main/db/migrations';
import { tempDir } from './disk';

/**
 * Raw SQLCipher databases for migration and audit tests: the same cipher settings as the store
 * (SQLCipher 4, raw 256-bit key), without the vault, so a test can seed any schema version by hand.
 */

/** An empty (version 0) encrypted database in a temporary folder, foreign keys on. */
export function keyedEmptyDb(): Db {
  const db = openRawDatabase(join(tempDir('fs-keyed-db-'), 'm.db'), { mustExist: false });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`);
  db.pragma('foreign_keys = ON');
  return db;
}

/** An encrypted database migrated up to `version` (to seed it as that version's writer did). */
export function dbAtVersion(version: number): Db {
  const db = keyedEmptyDb();
  migrate(db, version);
  return db;
}

export interface PlainAuditRow {
  at: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** Stored as plain JSON text, the way audit rows were written before schema version 3 sealed them. */
  details: unknown;
}

/** Appends a correctly chained audit row with plain JSON details; returns its seq. */
export function appendPlainAuditRow(db: Db, row: PlainAuditRow): number {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at: row.at,
    actorKind: row.actorKind,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    detailsJson: JSON.stringify(row.details),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash)
     VALUES (@seq, @at, @actorKind, @actorId, @action, @entityType, @entityId, @detailsJson, @prevHash, @hash)`,
  ).run({ ...content, prevHash, hash: auditRowHash(prevHash, content) });
  return content.seq;
}
