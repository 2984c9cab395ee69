import { randomBytes } from 'node:crypto';
import type { Db, Statement } from '../db/driver';

/**
 * One random 256-bit key per case (table case_keys, migration 0003), inside the encrypted database.
 * The audit writer seals the case's audit details under it; deleting the case deletes the key, and
 * with it every way to read those details (crypto-shredding). Keys never leave the main process.
 */
export const CASE_KEY_BYTES = 32;

interface CaseKeyStatements {
  read: Statement<[string], Buffer | undefined>;
  insert: Statement<[string, Buffer, string]>;
  remove: Statement<[string]>;
}

/** Prepared once per connection: an answer save looks its case key up on every call. */
const statements = new WeakMap<Db, CaseKeyStatements>();

function prepared(db: Db): CaseKeyStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      read: db.prepare<[string], Buffer | undefined>('SELECT key FROM case_keys WHERE case_id = ?').pluck(),
      insert: db.prepare<[string, Buffer, string]>(
        'INSERT INTO case_keys (case_id, key, created_at) VALUES (?, ?, ?)',
      ),
      remove: db.prepare<[string]>('DELETE FROM case_keys WHERE case_id = ?'),
    };
    statements.set(db, s);
  }
  return s;
}

/** The case's key, or null once it was shredded (or never made). The caller wipes it after use. */
export function readCaseKey(db: Db, caseId: string): Buffer | null {
  const key = prepared(db).read.get(caseId);
  return Buffer.isBuffer(key) && key.length === CASE_KEY_BYTES ? key : null;
}

/**
 * The case's key, made on first use. Must run in the caller's write transaction, so a key made for a
 * change that rolls back rolls back with it. The caller wipes it after use.
 */
export function caseKeyForWrite(db: Db, caseId: string, at: Date): Buffer {
  const existing = readCaseKey(db, caseId);
  if (existing) return existing;
  const key = randomBytes(CASE_KEY_BYTES);
  prepared(db).insert.run(caseId, key, at.toISOString());
  return key;
}

/**
 * Shreds the case's key (secure_delete overwrites the freed cell). Run in the deletion's transaction;
 * the WAL checkpoint after COMMIT removes the old page copy. True when there was a key.
 */
export function deleteCaseKey(db: Db, caseId: string): boolean {
  return prepared(db).remove.run(caseId).changes > 0;
}
