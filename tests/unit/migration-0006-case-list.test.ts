import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/driver';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { dbAtVersion, keyedEmptyDb } from '../helpers/keyed-db';

/** The derived list values as version 5 computed them at every list query (the oracle). */
const VERSION_5_LIST_SQL = `SELECT c.id,
  (SELECT p.name_or_alias FROM persons p WHERE p.case_id = c.id ORDER BY p.created_at, p.id LIMIT 1) AS person,
  (SELECT p.nationality FROM persons p WHERE p.case_id = c.id ORDER BY p.created_at, p.id LIMIT 1) AS nationality,
  coalesce(
    (SELECT i.interviewee_language FROM interviews i WHERE i.case_id = c.id ORDER BY i.started_at DESC, i.id DESC LIMIT 1),
    (SELECT json_extract(p.languages_json, '$[0]') FROM persons p WHERE p.case_id = c.id ORDER BY p.created_at, p.id LIMIT 1)
  ) AS language,
  (SELECT u.display_name FROM users u WHERE u.id = c.created_by) AS officer
  FROM cases c ORDER BY c.id`;
const STORED_LIST_SQL = `SELECT id, list_person_name AS person, list_nationality AS nationality,
  list_language AS language, list_officer AS officer FROM cases ORDER BY id`;

const T = '2026-05-21T08:00:00.000Z';
function seed(db: Db) {
  const user = db.prepare(
    `INSERT INTO users (id, username, username_key, display_name, role, created_at) VALUES (?, ?, ?, ?, 'officer', ?)`,
  );
  user.run('u1', 'somchai', 'somchai', 'Somchai P.', T);
  user.run('u2', 'wanida', 'wanida', 'วนิดา ก.', T);
  const kase = db.prepare(
    `INSERT INTO cases (id, reference, status, place_kind, place_name, vessel_name, screening_date, created_at,
       created_by, updated_at, updated_by, search_text)
     VALUES (?, ?, 'draft', 'port', ?, ?, '2026-01-01', ?, ?, ?, ?, ?)`,
  );
  const person = db.prepare(
    `INSERT INTO persons (id, case_id, name_or_alias, sex, minor, nationality, languages_json, created_at, created_by,
       updated_at)
     VALUES (?, ?, ?, 'unknown', 'unknown', ?, ?, ?, 'u1', ?)`,
  );
  const interview = db.prepare(
    `INSERT INTO interviews (id, case_id, instrument_id, instrument_version, tier, interviewee_language, state,
       started_at, started_by, updated_at)
     VALUES (?, ?, 'i', '1', 'short', ?, 'completed', ?, 'u1', ?)`,
  );
  // c1: two people at the same moment (the lower id is first), two interviews at the same moment (the
  // higher id is the latest).
  kase.run(
    'c1',
    'FS-20260101-AAAA',
    'Ranong Port',
    'Sea Star',
    T,
    'u1',
    T,
    'u1',
    'fs-20260101-aaaa\nranong port\nsea star\nmin thu\nma hnin',
  );
  person.run('p2', 'c1', 'Ma Hnin', 'Myanmar', '["my"]', T, T);
  person.run('p1', 'c1', 'Min Thu', null, '["shn","my"]', T, T);
  interview.run('i2', 'c1', 'km', T, T);
  interview.run('i1', 'c1', 'my', T, T);
  // c2: no interview (the first person's first language), opened by someone from another device.
  kase.run(
    'c2',
    'FS-20260101-BBBB',
    'ท่าเรือภูเก็ต',
    null,
    T,
    'ext:lek',
    T,
    'u2',
    'fs-20260101-bbbb\nท่าเรือภูเก็ต\nมะ ทีดา\nกัมพูชา',
  );
  person.run('p3', 'c2', 'มะ ทีดา', 'กัมพูชา', '["km"]', '2026-05-21T09:00:00.000Z', T);
  person.run('p4', 'c2', 'Dara', 'Cambodia', '[]', '2026-05-21T10:00:00.000Z', T);
  // c3: no person and no interview.
  kase.run(
    'c3',
    'FS-20260101-CCCC',
    'Songkhla PIPO',
    null,
    T,
    'u2',
    T,
    'u2',
    'fs-20260101-cccc\nsongkhla pipo',
  );
  // c4: a person whose languages are unknown, an interview in their language.
  kase.run(
    'c4',
    'FS-20260101-DDDD',
    'Ranong Port',
    null,
    T,
    'u1',
    T,
    'u1',
    'fs-20260101-dddd\nranong port\nko aung',
  );
  person.run('p5', 'c4', 'Ko Aung', null, '[]', T, T);
  interview.run('i3', 'c4', 'my', '2026-05-22T08:00:00.000Z', T);
}

const all = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
const keysMatching = (db: Db, phrase: string) =>
  db
    .prepare('SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(`"${phrase}"`);
const caseOfKey = (db: Db, key: unknown) =>
  db.prepare('SELECT id FROM cases WHERE search_key = ?').pluck().get(key);

describe('migration 0006 (case list)', () => {
  it('back-fills the derived list columns and the search index from a version-5 store', () => {
    const db = dbAtVersion(5);
    seed(db);
    const oracle = all(db, VERSION_5_LIST_SQL);

    expect(migrate(db, 6)).toBe(6);
    expect(readSchemaVersion(db)).toBe(6);
    expect(all(db, STORED_LIST_SQL)).toEqual(oracle);
    expect(oracle).toEqual([
      { id: 'c1', person: 'Min Thu', nationality: null, language: 'km', officer: 'Somchai P.' },
      { id: 'c2', person: 'มะ ทีดา', nationality: 'กัมพูชา', language: 'km', officer: null },
      { id: 'c3', person: null, nationality: null, language: null, officer: 'วนิดา ก.' },
      { id: 'c4', person: 'Ko Aung', nationality: null, language: 'my', officer: 'Somchai P.' },
    ]);
    // Every case has its own search key, and the search index holds its text.
    const keys = db.prepare('SELECT search_key FROM cases').pluck().all();
    expect(new Set(keys).size).toBe(4);
    expect(
      all(
        db,
        'SELECT c.search_text = t.text AS same FROM cases c JOIN case_search_text t ON t.key = c.search_key',
      ),
    ).toEqual(Array(4).fill({ same: 1 }));
    expect(keysMatching(db, 'ranong').map((k) => caseOfKey(db, k))).toEqual(['c1', 'c4']);
    expect(keysMatching(db, 'ภูเก็ต').map((k) => caseOfKey(db, k))).toEqual(['c2']);
    expect(keysMatching(db, 'ranong port\nko')).toHaveLength(1);
    db.close();
  });

  it('keeps the list columns and the search index right through every later write, whatever writes it', () => {
    const db = dbAtVersion(5);
    seed(db);
    migrate(db);
    const same = () => expect(all(db, STORED_LIST_SQL)).toEqual(all(db, VERSION_5_LIST_SQL));
    const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);

    run("UPDATE persons SET name_or_alias = 'Ma Hnin Wai' WHERE id = 'p2'");
    same();
    run("UPDATE persons SET created_at = '2026-05-22T00:00:00.000Z' WHERE id = 'p2'"); // p1 is first now
    same();
    run(`UPDATE persons SET languages_json = '["lo"]', nationality = 'Lao PDR' WHERE id = 'p3'`);
    same();
    run("UPDATE persons SET case_id = 'c3' WHERE id = 'p4'"); // moved: both cases change
    same();
    run("DELETE FROM persons WHERE id = 'p3'");
    same();
    run(
      `INSERT INTO interviews (id, case_id, instrument_id, instrument_version, tier, interviewee_language, state,
         started_at, started_by, updated_at) VALUES ('i4', 'c2', 'i', '1', 'short', 'vi', 'paused', ?, 'u1', ?)`,
      '2026-06-01T00:00:00.000Z',
      T,
    );
    same();
    run("UPDATE interviews SET interviewee_language = 'th' WHERE id = 'i1'");
    same();
    run("UPDATE interviews SET started_at = '2020-01-01T00:00:00.000Z' WHERE id = 'i1'"); // i2 is the latest now
    same();
    run("UPDATE interviews SET updated_at = '2026-07-01T00:00:00.000Z' WHERE id = 'i2'"); // not a source
    same();
    run("DELETE FROM interviews WHERE id = 'i3'");
    same();
    run("UPDATE users SET display_name = 'Somchai Prasert' WHERE id = 'u1'");
    same();
    run(
      `INSERT INTO users (id, username, username_key, display_name, role, created_at)
         VALUES ('ext:lek', 'lek', 'lek', 'Lek', 'officer', ?)`,
      T,
    );
    same();
    run("UPDATE cases SET created_by = 'u2' WHERE id = 'c1'");
    same();
    run("DELETE FROM users WHERE id = 'ext:lek'");
    same();
    expect(all(db, STORED_LIST_SQL)).toEqual([
      { id: 'c1', person: 'Min Thu', nationality: null, language: 'km', officer: 'วนิดา ก.' },
      { id: 'c2', person: null, nationality: null, language: 'vi', officer: null },
      { id: 'c3', person: 'Dara', nationality: 'Cambodia', language: null, officer: 'วนิดา ก.' },
      { id: 'c4', person: 'Ko Aung', nationality: null, language: null, officer: 'Somchai Prasert' },
    ]);

    // A new case gets the next search key and its text is searchable at once; a changed text replaces
    // the old one in the index; a deleted case leaves nothing there.
    run(
      `INSERT INTO cases (id, reference, status, place_kind, place_name, screening_date, created_at, created_by,
         updated_at, updated_by, search_text)
       VALUES ('c5', 'FS-20260102-EEEE', 'draft', 'port', 'Satun PIPO', '2026-01-02', ?, 'u1', ?, 'u1', ?)`,
      T,
      T,
      'fs-20260102-eeee\nsatun pipo\nnaw paw',
    );
    same();
    const c5 = db.prepare("SELECT search_key FROM cases WHERE id = 'c5'").pluck().get();
    expect(c5).toBe(5);
    expect(keysMatching(db, 'naw paw')).toEqual([c5]);
    run("UPDATE cases SET search_text = 'fs-20260102-eeee\nsatun pipo\nsaw htoo' WHERE id = 'c5'");
    expect(keysMatching(db, 'naw paw')).toEqual([]);
    expect(keysMatching(db, 'saw htoo')).toEqual([c5]);
    run("UPDATE cases SET status = 'screened' WHERE id = 'c5'"); // not the search text: index untouched
    expect(keysMatching(db, 'saw htoo')).toEqual([c5]);
    run("DELETE FROM cases WHERE id = 'c5'");
    expect(keysMatching(db, 'saw htoo')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM case_search_text').pluck().get()).toBe(4);
    // The external-content index agrees with its table (FTS5's own check).
    expect(() =>
      run("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    db.close();
  });

  it('replaces the old list indexes with one per sort column, each carrying the filter columns', () => {
    const db = keyedEmptyDb();
    migrate(db);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL",
      )
      .pluck()
      .all();
    expect(new Set(indexes)).toEqual(
      new Set([
        'cases_search_key',
        ...['reference', 'screening_date', 'created_at', 'updated_at', 'status', 'place', 'result']
          .concat(['person', 'nationality', 'language', 'officer'])
          .map((c) => `cases_list_${c}`),
      ]),
    );
    const columns = (index: string) =>
      (
        db.prepare(`PRAGMA index_xinfo(${index})`).all() as {
          name: string | null;
          coll: string;
          key: number;
        }[]
      )
        .filter((c) => c.key === 1 && c.name !== null)
        .map((c) => (c.coll === 'NOCASE' ? `${c.name} NOCASE` : c.name));
    expect(columns('cases_list_nationality')).toEqual([
      'list_nationality NOCASE',
      'id',
      'status',
      'screening_result',
      'place_name',
      'screening_date',
      'search_key',
    ]);
    expect(columns('cases_list_place')).toEqual([
      'place_name',
      'id',
      'status',
      'screening_result',
      'screening_date',
      'search_key',
    ]);
    expect(db.prepare("SELECT v FROM case_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    // Running again is a no-op.
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});
