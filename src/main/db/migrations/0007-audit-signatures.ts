import type { Migration } from './types';

/**
 * Version 7: signed audit rows (issue 12, part 4; src/main/audit/signer.ts). Each row may carry the
 * key id of the person (or recovery authority) who wrote it and an Ed25519 signature over its seq and
 * hash. Both or neither. Frozen SQL only.
 *
 * Rows already in audit_log stay as they are, unsigned (the table is append-only and a signature
 * cannot be made for someone after the fact): the first signed row commits to all of them through
 * its hash (see trail-check.ts).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'audit-signatures',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN signer_key TEXT
        CHECK (signer_key IS NULL OR (length(signer_key) = 64 AND signer_key NOT GLOB '*[^0-9a-f]*'));
      ALTER TABLE audit_log ADD COLUMN signature TEXT
        CHECK ((signature IS NULL) = (signer_key IS NULL)
          AND (signature IS NULL OR (length(signature) = 86 AND signature NOT GLOB '*[^A-Za-z0-9_-]*')));
    `);
  },
};
