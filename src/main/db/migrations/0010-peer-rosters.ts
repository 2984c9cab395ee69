import type { Migration } from './types';

/**
 * Version 10: the newest roster seen of each other store (src/main/store/peer-rosters.ts).
 *
 * A handover package or a receipt carries its signer's roster as it was when sealed. A signer whose
 * agency disabled them afterwards still shows as enabled in the roster their old files hold; once this
 * store has seen a newer roster of that store (in any package or receipt it accepted), older ones are
 * judged by the newer. Kept as the exact signed text (checked against the store's CA on every read),
 * with its serial and the package or receipt it came in.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'peer-rosters',
  up(db) {
    db.exec(`
      CREATE TABLE peer_rosters (
        store_fingerprint TEXT PRIMARY KEY,
        serial INTEGER NOT NULL CHECK (serial >= 1),
        roster_json TEXT NOT NULL,
        learned_at TEXT NOT NULL,
        learned_from TEXT NOT NULL
      ) STRICT;
    `);
  },
};
