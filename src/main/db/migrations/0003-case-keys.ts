import type { Migration } from './types';

/**
 * Version 3: one random key per case (src/main/store/case-keys.ts). The audit writer seals a case's
 * audit details under it, and deleting the case deletes the key (crypto-shredding). No foreign key to
 * cases: the deletion removes the key row itself, in its own transaction.
 *
 * Rows already in audit_log stay exactly as they are (plain details): the log is append-only and
 * hash-chained, so they cannot be re-encrypted. Only what is recorded from this version on is sealed.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'case-keys',
  up(db) {
    db.exec(`
      CREATE TABLE case_keys (
        case_id TEXT PRIMARY KEY,
        key BLOB NOT NULL CHECK (length(key) = 32),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
