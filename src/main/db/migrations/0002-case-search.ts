import { refreshCaseSearchText } from '../search-text';
import type { Migration } from './types';

/**
 * Version 2: case search and sorting in SQL. Adds cases.search_text (folded reference, place, vessel
 * and people's names; maintained by the case services) and back-fills it for existing cases, plus the
 * indexes behind the case list's filters and sort columns.
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
    for (const id of ids) refreshCaseSearchText(db, id);
  },
};
