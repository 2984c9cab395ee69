import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type AuditRowContent, auditRowHash, GENESIS_HASH } from '../../src/main/audit/chain';
import { type StoredAuditRow, toTrailRow } from '../../src/main/audit/log';
import { type AuditSigner, boundAuditSigner, rowSignatureMessage } from '../../src/main/audit/signer';
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

export interface PlainAuditRow extends Omit<AuditRowContent, 'seq' | 'detailsJson'> {
  /** Stored as plain JSON text, the way audit rows were written before schema version 3 sealed them. */
  details: unknown;
}

/**
 * Appends a correctly chained audit row with plain JSON details; returns its seq. Signed, like any row,
 * when a signer is bound to the connection (a store's session).
 */
export function appendPlainAuditRow(db: Db, row: PlainAuditRow): number {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const { details, ...rest } = row;
  const content: AuditRowContent = {
    seq: (last?.seq ?? 0) + 1,
    ...rest,
    detailsJson: JSON.stringify(details),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditRowHash(prevHash, content);
  const signer = boundAuditSigner(db);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash${signer ? ', signer_key, signature' : ''})
     VALUES (@seq, @at, @actorKind, @actorId, @action, @entityType, @entityId, @detailsJson, @prevHash, @hash${signer ? ', @signerKey, @signature' : ''})`,
  ).run({
    ...content,
    prevHash,
    hash,
    ...(signer
      ? {
          signerKey: signer.keyId,
          signature: signer.sign(rowSignatureMessage(content.seq, hash)).toString('base64url'),
        }
      : {}),
  });
  return content.seq;
}

/**
 * An existing store file opened the way an insider with the shared database key can: any SQL, no
 * app in between (the attacker tests of the audit trail).
 */
export function openKeyedFile(file: string, key: Buffer): Db {
  const db = openRawDatabase(file, { mustExist: true });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  return db;
}

export function dropAuditTriggers(db: Db): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
}

/** Puts the append-only triggers back exactly as migration 0001 made them (covering one's tracks). */
export function recreateAuditTriggers(db: Db): void {
  db.exec(`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}

/**
 * Recomputes prev_hash and hash of every row from `fromSeq` on, as an attacker does after changing
 * or removing rows (triggers dropped first). `resign` decides each such row's signature: a signer
 * (the attacker's own key), null (strip it), or undefined (leave the old one).
 */
export function rechainAudit(
  db: Db,
  fromSeq: number,
  resign: (row: StoredAuditRow) => AuditSigner | null | undefined = () => undefined,
): void {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
    .all(fromSeq) as StoredAuditRow[];
  let prevHash =
    (db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(fromSeq) as
      | string
      | undefined) ?? GENESIS_HASH;
  const update = db.prepare(
    'UPDATE audit_log SET prev_hash = ?, hash = ?, signer_key = ?, signature = ? WHERE seq = ?',
  );
  for (const r of rows) {
    const hash = auditRowHash(prevHash, toTrailRow(r));
    const signer = resign(r);
    let signerKey = r.signer_key;
    let signature = r.signature;
    if (signer === null) {
      signerKey = null;
      signature = null;
    } else if (signer) {
      signerKey = signer.keyId;
      signature = signer.sign(rowSignatureMessage(r.seq, hash)).toString('base64url');
    }
    update.run(prevHash, hash, signerKey, signature, r.seq);
    prevHash = hash;
  }
}
