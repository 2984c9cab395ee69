import type { Db } from '../driver';
import type { Migration } from './types';

/**
 * Version 2: case search and sorting in SQL. Adds cases.search_text (folded reference, place, vessel
 * and people's names; maintained by the case services) and back-fills it for existing cases, plus the
 * indexes behind the case list's filters and sort columns.
 *
 * The back-fill is a frozen copy of the version-2 search text (db/search-text.ts as released): a
 * migration must not call live code, or changing that code would silently change this migration.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'case-search',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      CREATE INDEX cases_status_updated ON cases (status, updated_at);
      CREATE INDEX cases_place_name ON cases (place_name);
      CREATE INDEX cases_screening_date ON cases (screening_date);
      CREATE INDEX cases_screening_result ON cases (screening_result, updated_at);
      CREATE INDEX cases_created_at ON cases (created_at);
    `);
    const ids = db.prepare('SELECT id FROM cases').pluck().all() as string[];
    for (const id of ids) backfillSearchTextV2(db, id);
  },
};

const foldV2 = (text: string) => text.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();

function backfillSearchTextV2(db: Db, caseId: string): void {
  const row = db
    .prepare(
      'SELECT reference, place_name, place_province, vessel_name, vessel_registration FROM cases WHERE id = ?',
    )
    .get(caseId) as Record<string, string | null>;
  const people = db
    .prepare('SELECT name_or_alias, nationality FROM persons WHERE case_id = ? ORDER BY created_at')
    .all(caseId) as { name_or_alias: string; nationality: string | null }[];
  const parts = [
    row.reference,
    row.place_name,
    row.place_province,
    row.vessel_name,
    row.vessel_registration,
    ...people.flatMap((p) => [p.name_or_alias, p.nationality]),
  ];
  const text = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(foldV2)
    .join('\n');
  db.prepare('UPDATE cases SET search_text = ? WHERE id = ?').run(text, caseId);
}
