import type { Migration } from './types';

/**
 * Version 6: the case list at a provincial office's scale (100,000 cases). Frozen SQL only.
 *
 * 1. Derived list columns on cases, kept by triggers in the same statement as every write to their
 *    source, whichever code path writes (services, imports, restores, deletions):
 *    list_person_name / list_nationality: the case's first person (by created_at, then id);
 *    list_language: the latest interview's interviewee language (by started_at, then id), else the
 *    first person's first recorded language; list_officer: the display name of the user who opened
 *    the case (NULL for people from another device). ANY keeps json_extract's value type, as before.
 * 2. One index per sort column, ordered like the list (column, then id) and carrying every filter
 *    column, so a filtered, sorted page is read from the index alone and stops after the page.
 * 3. Search: cases.search_text (still written by the services, format of search-text.ts) is copied by
 *    triggers into the narrow case_search_text and indexed there by an FTS5 trigram table (exact
 *    substrings of 3 or more characters; case_sensitive because the text is already folded). Both are
 *    keyed by cases.search_key, a stored integer given to each case on insert: unlike a rowid it never
 *    changes (VACUUM may renumber rowids), and every sort index carries it, so matches are checked
 *    inside the index walk. 'secure-delete' makes FTS5 remove a deleted or changed case's entries
 *    from its index at once instead of leaving them until a merge.
 */
const FIRST_PERSON = (expression: string) =>
  `(SELECT ${expression} FROM persons p WHERE p.case_id = cases.id ORDER BY p.created_at, p.id LIMIT 1)`;
const LANGUAGE = `coalesce(
    (SELECT i.interviewee_language FROM interviews i WHERE i.case_id = cases.id
       ORDER BY i.started_at DESC, i.id DESC LIMIT 1),
    ${FIRST_PERSON("json_extract(p.languages_json, '$[0]')")})`;
const OFFICER = '(SELECT u.display_name FROM users u WHERE u.id = cases.created_by)';
const SET_PERSON = `list_person_name = ${FIRST_PERSON('p.name_or_alias')},
    list_nationality = ${FIRST_PERSON('p.nationality')}, list_language = ${LANGUAGE}`;
const SET_ALL = `${SET_PERSON}, list_officer = ${OFFICER}`;

/** Every filter column of the list, carried by each sort index. */
const FILTERS = ['status', 'screening_result', 'place_name', 'screening_date'];
const SORT_INDEXES: [name: string, column: string][] = [
  ['reference', 'reference'],
  ['screening_date', 'screening_date'],
  ['created_at', 'created_at'],
  ['updated_at', 'updated_at'],
  ['status', 'status'],
  ['place', 'place_name'],
  ['result', 'screening_result'],
  ['person', 'list_person_name COLLATE NOCASE'],
  ['nationality', 'list_nationality COLLATE NOCASE'],
  ['language', 'list_language'],
  ['officer', 'list_officer COLLATE NOCASE'],
];
const sortIndexSql = ([name, column]: [string, string]) => {
  const carried = FILTERS.filter((f) => !column.startsWith(f));
  return `CREATE INDEX cases_list_${name} ON cases (${[column, 'id', ...carried, 'search_key'].join(', ')});`;
};

export const migration0006: Migration = {
  version: 6,
  name: 'case-list',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN list_person_name TEXT;
      ALTER TABLE cases ADD COLUMN list_nationality TEXT;
      ALTER TABLE cases ADD COLUMN list_language ANY;
      ALTER TABLE cases ADD COLUMN list_officer TEXT;
      ALTER TABLE cases ADD COLUMN search_key INTEGER;
      UPDATE cases SET ${SET_ALL}, search_key = rowid;
      CREATE UNIQUE INDEX cases_search_key ON cases (search_key);

      CREATE TABLE case_search_text (key INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
      CREATE VIRTUAL TABLE case_search USING fts5(
        text, content = 'case_search_text', content_rowid = 'key',
        tokenize = 'trigram case_sensitive 1'
      );
      INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER case_search_text_insert AFTER INSERT ON case_search_text BEGIN
        INSERT INTO case_search (rowid, text) VALUES (NEW.key, NEW.text);
      END;
      CREATE TRIGGER case_search_text_update AFTER UPDATE ON case_search_text BEGIN
        INSERT INTO case_search (case_search, rowid, text) VALUES ('delete', OLD.key, OLD.text);
        INSERT INTO case_search (rowid, text) VALUES (NEW.key, NEW.text);
      END;
      CREATE TRIGGER case_search_text_delete AFTER DELETE ON case_search_text BEGIN
        INSERT INTO case_search (case_search, rowid, text) VALUES ('delete', OLD.key, OLD.text);
      END;
      INSERT INTO case_search_text (key, text) SELECT search_key, search_text FROM cases;

      -- A new case: its derived columns, its search key (never reused while the case exists), its text.
      CREATE TRIGGER cases_list_case_insert AFTER INSERT ON cases BEGIN
        UPDATE cases SET ${SET_ALL}, search_key = (SELECT coalesce(max(search_key), 0) + 1 FROM cases)
          WHERE id = NEW.id;
        INSERT INTO case_search_text (key, text) SELECT search_key, search_text FROM cases WHERE id = NEW.id;
      END;
      CREATE TRIGGER cases_list_case_update AFTER UPDATE OF id, created_by ON cases BEGIN
        UPDATE cases SET ${SET_ALL} WHERE id = NEW.id;
      END;
      CREATE TRIGGER case_search_case_update AFTER UPDATE OF search_text ON cases
        WHEN NEW.search_text IS NOT OLD.search_text BEGIN
        UPDATE case_search_text SET text = NEW.search_text WHERE key = NEW.search_key;
      END;
      CREATE TRIGGER case_search_case_delete AFTER DELETE ON cases BEGIN
        DELETE FROM case_search_text WHERE key = OLD.search_key;
      END;
      CREATE TRIGGER cases_list_person_insert AFTER INSERT ON persons BEGIN
        UPDATE cases SET ${SET_PERSON} WHERE id = NEW.case_id;
      END;
      CREATE TRIGGER cases_list_person_update
        AFTER UPDATE OF id, case_id, name_or_alias, nationality, languages_json, created_at ON persons BEGIN
        UPDATE cases SET ${SET_PERSON} WHERE id IN (OLD.case_id, NEW.case_id);
      END;
      CREATE TRIGGER cases_list_person_delete AFTER DELETE ON persons BEGIN
        UPDATE cases SET ${SET_PERSON} WHERE id = OLD.case_id;
      END;
      CREATE TRIGGER cases_list_interview_insert AFTER INSERT ON interviews BEGIN
        UPDATE cases SET list_language = ${LANGUAGE} WHERE id = NEW.case_id;
      END;
      CREATE TRIGGER cases_list_interview_update
        AFTER UPDATE OF id, case_id, interviewee_language, started_at ON interviews BEGIN
        UPDATE cases SET list_language = ${LANGUAGE} WHERE id IN (OLD.case_id, NEW.case_id);
      END;
      CREATE TRIGGER cases_list_interview_delete AFTER DELETE ON interviews BEGIN
        UPDATE cases SET list_language = ${LANGUAGE} WHERE id = OLD.case_id;
      END;
      -- Users are added or renamed rarely: a scan of cases then is fine.
      CREATE TRIGGER cases_list_user_insert AFTER INSERT ON users BEGIN
        UPDATE cases SET list_officer = ${OFFICER} WHERE created_by = NEW.id;
      END;
      CREATE TRIGGER cases_list_user_update AFTER UPDATE OF id, display_name ON users BEGIN
        UPDATE cases SET list_officer = ${OFFICER} WHERE created_by IN (OLD.id, NEW.id);
      END;
      CREATE TRIGGER cases_list_user_delete AFTER DELETE ON users BEGIN
        UPDATE cases SET list_officer = NULL WHERE created_by = OLD.id;
      END;

      DROP INDEX cases_updated_at;
      DROP INDEX cases_status_updated;
      DROP INDEX cases_place_name;
      DROP INDEX cases_screening_date;
      DROP INDEX cases_screening_result;
      DROP INDEX cases_created_at;
      ${SORT_INDEXES.map(sortIndexSql).join('\n      ')}
    `);
  },
};
