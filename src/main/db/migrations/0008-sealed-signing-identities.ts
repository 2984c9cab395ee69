import type { Migration } from './types';

/**
 * Version 8: a person's imported signing identity (agency PKCS#12 and its password) is sealed under a
 * key only that person's passphrase opens (src/main/keys/person-keys.ts), no longer stored next to
 * its password under the shared database key. `sealed = 1` marks such rows. The identities stored
 * before were readable by every account, so they are retired here and their secrets overwritten
 * (secure_delete is on): the facts (fingerprint, subject, validity) stay for the record. Referrals are
 * signed from now on with the person's own key certified by the store (or an identity imported again).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sealed-signing-identities',
  up(db) {
    db.exec(`
      ALTER TABLE signing_identities ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1));
      UPDATE signing_identities
        SET p12 = x'', p12_password = '',
            replaced_at = COALESCE(replaced_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        WHERE sealed = 0;
    `);
  },
};
