import type { Migration } from './types';

/**
 * Version 1: every table of the store. STRICT tables (types enforced), foreign keys, and an audit log
 * that triggers keep append-only. Attribution columns (*_by) hold a user id, or "ext:<username>" for
 * people from another device (imported cases); they are not foreign keys so imported history survives.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        username_key TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('supervisor', 'officer')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        disabled_at TEXT,
        disabled_by TEXT
      ) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL
          CHECK (status IN ('draft', 'screened', 'referred', 'closed', 'consent_withdrawn')),
        status_reason TEXT,
        place_kind TEXT NOT NULL,
        place_name TEXT NOT NULL,
        place_province TEXT,
        vessel_name TEXT,
        vessel_registration TEXT,
        vessel_flag TEXT,
        screening_date TEXT NOT NULL,
        screening_result TEXT NOT NULL DEFAULT 'not_screened'
          CHECK (screening_result IN ('not_screened', 'no_indicators', 'indicators_found', 'urgent')),
        officer_assessment TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX cases_updated_at ON cases (updated_at);

      CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        name_or_alias TEXT NOT NULL,
        sex TEXT NOT NULL,
        age_years INTEGER,
        minor TEXT NOT NULL,
        age_assessment TEXT,
        nationality TEXT,
        languages_json TEXT NOT NULL DEFAULT '[]',
        dialect TEXT,
        documents_location TEXT,
        preferred_interviewer_gender TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX persons_case ON persons (case_id, created_at);

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        person_id TEXT REFERENCES persons (id),
        instrument_id TEXT NOT NULL,
        instrument_version TEXT NOT NULL,
        tier TEXT NOT NULL,
        interviewee_language TEXT NOT NULL,
        officer_language TEXT,
        interpreter_json TEXT,
        state TEXT NOT NULL CHECK (state IN ('in_progress', 'paused', 'completed', 'stopped')),
        state_reason TEXT,
        position TEXT,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX interviews_case ON interviews (case_id, started_at);

      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id),
        question_id TEXT NOT NULL,
        value_json TEXT NOT NULL,
        revision INTEGER NOT NULL,
        client_seq INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        answered_by TEXT NOT NULL,
        UNIQUE (interview_id, question_id)
      ) STRICT;

      -- Every saved version of every answer; the old value is never lost.
      CREATE TABLE answer_history (
        id INTEGER PRIMARY KEY,
        answer_id TEXT NOT NULL REFERENCES answers (id),
        revision INTEGER NOT NULL,
        old_value_json TEXT,
        new_value_json TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        UNIQUE (answer_id, revision)
      ) STRICT;

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        interview_id TEXT REFERENCES interviews (id),
        body TEXT NOT NULL,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_case ON notes (case_id, created_at);

      -- File contents live here, encrypted with the rest of the database.
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_case ON attachments (case_id, created_at);

      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        receiving_agency TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        attachment_id TEXT REFERENCES attachments (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_case ON referrals (case_id, created_at);

      -- An officer's PKCS#12 (certificate + private key) and its password, only ever inside this file.
      CREATE TABLE signing_identities (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        label TEXT NOT NULL,
        p12 BLOB NOT NULL,
        p12_password TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        subject TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        replaced_at TEXT
      ) STRICT;
      CREATE INDEX signing_identities_user ON signing_identities (user_id, replaced_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Hash-chained: hash = SHA-256(prev_hash, own content). See src/main/audit/chain.ts.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'recovery', 'system')),
        actor_id TEXT,
        action TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
