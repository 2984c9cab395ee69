import type { Migration } from './types';

/**
 * Version 9: handover packages between FieldScreen stores (src/main/store/handover*.ts).
 *
 * `agency_keys`: the agency key files a supervisor imported into the referral directory, one per
 * directory entry (its id) and per store identity: the sealing key packages to that agency are sealed
 * to, and the store CA certificate its packages and receipts are checked against.
 *
 * `handovers`: each package sent from here or received here (the same package id can be both only
 * when a store hands a case to itself), with the other side's agency and store, the package's SHA-256,
 * the sending officer as their store certified them, and for a received one the sender's audit rows
 * (verified) as its appendix. A receipt, once issued (received side) or imported (sent side), is kept
 * with its time and whoever it names. Deleting a case deletes its rows first (case-deletion.ts); the
 * foreign key makes a deletion that forgot them fail.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'handover',
  up(db) {
    db.exec(`
      CREATE TABLE agency_keys (
        agency_id TEXT PRIMARY KEY,
        store_fingerprint TEXT NOT NULL UNIQUE,
        sealing_public_key TEXT NOT NULL,
        ca_certificate_pem TEXT NOT NULL,
        key_file_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE handovers (
        package_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        case_id TEXT NOT NULL REFERENCES cases (id),
        agency_id TEXT,
        agency_name TEXT NOT NULL,
        other_store_fingerprint TEXT NOT NULL,
        package_sha256 TEXT NOT NULL CHECK (length(package_sha256) = 64),
        officer_name TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        appendix_json TEXT,
        receipt_json TEXT,
        receipt_at TEXT,
        receipt_by TEXT,
        PRIMARY KEY (package_id, direction)
      ) STRICT;
      CREATE INDEX handovers_case ON handovers (case_id, recorded_at);
    `);
  },
};
