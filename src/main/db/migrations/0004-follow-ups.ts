import type { Migration } from './types';

/**
 * Version 4: follow-up tasks an officer sets on a case, each due on a calendar day
 * (src/main/store/follow-ups.ts). The checks repeat the service's rules so a bad row cannot be stored
 * by any path: text of 1 to 500 characters, a due day that SQLite reads back as the same real date,
 * and "done" recorded with both its time and who, or neither.
 *
 * Deleting a case deletes its follow-ups first (src/main/store/case-deletion.ts); the foreign key
 * makes a deletion that forgot them fail instead of leaving them behind.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'follow-ups',
  up(db) {
    db.exec(`
      CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
        due_on TEXT NOT NULL
          CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due_on) IS due_on),
        done_at TEXT,
        done_by TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((done_at IS NULL) = (done_by IS NULL))
      ) STRICT;
      CREATE INDEX follow_ups_case ON follow_ups (case_id, due_on);
    `);
  },
};
