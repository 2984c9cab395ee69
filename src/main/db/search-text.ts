import type { Db } from './driver';

/**
 * The lower-cased, NFC-normalised text a case is found by (reference, place, vessel, people's names).
 * SQLite's lower() and LIKE only fold ASCII, so folding happens here, in JS, for Thai, Burmese, Khmer,
 * Lao and Vietnamese alike. If this format changes, add a migration that rebuilds cases.search_text
 * (triggers of migration 0006 copy it into case_search_text and its FTS5 index, case_search).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(foldForSearch)
    .join('\n');
}

/** Search words from a query: each must occur somewhere in search_text. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return foldForSearch(query)
    .split(' ')
    .filter((t) => t !== '')
    .slice(0, 8);
}

/** The trigram index only knows substrings of 3 or more characters; shorter words are looked for by instr. */
const TRIGRAM = 3;

/**
 * SQL for the search keys (cases.search_key, as column `key`, ascending) of the cases whose search text
 * contains every term, as exact substrings of the folded text like instr finds them: terms of 3 or more
 * characters through the FTS5 trigram index, each a quoted phrase; shorter terms with instr over the
 * narrow case_search_text.
 */
export function searchKeysSql(terms: readonly string[]): { sql: string; params: string[] } {
  const long = terms.filter((t) => [...t].length >= TRIGRAM);
  const short = terms.filter((t) => [...t].length < TRIGRAM);
  const instr = short.map(() => ' AND instr(text, ?) > 0').join('');
  if (long.length === 0) return { sql: `SELECT key FROM case_search_text WHERE 1${instr}`, params: short };
  return {
    sql: `SELECT rowid AS key FROM case_search WHERE case_search MATCH ?${instr}`,
    params: [long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND '), ...short],
  };
}

/**
 * The same test for one case, as an SQL condition on its search key (`keyColumn`): its search text
 * contains every term (instr, as the index finds them). For checking the few cases a list walks past,
 * one lookup each, instead of finding every match first.
 */
export function searchCheckSql(
  terms: readonly string[],
  keyColumn: string,
): { sql: string; params: string[] } {
  if (terms.length === 0) throw new Error('searchCheckSql needs a term');
  const all = terms.map(() => 'instr(t.text, ?) > 0').join(' AND ');
  return {
    sql: `coalesce((SELECT ${all} FROM case_search_text t WHERE t.key = ${keyColumn}), 0)`,
    params: [...terms],
  };
}

/** Loads the parts of one case's search text and stores it; call inside the transaction that changed it. */
export function refreshCaseSearchText(db: Db, caseId: string): void {
  const row = db
    .prepare(
      'SELECT reference, place_name, place_province, vessel_name, vessel_registration FROM cases WHERE id = ?',
    )
    .get(caseId) as
    | {
        reference: string;
        place_name: string;
        place_province: string | null;
        vessel_name: string | null;
        vessel_registration: string | null;
      }
    | undefined;
  if (!row) return;
  const people = db
    .prepare('SELECT name_or_alias, nationality FROM persons WHERE case_id = ? ORDER BY created_at')
    .all(caseId) as { name_or_alias: string; nationality: string | null }[];
  const text = buildSearchText([
    row.reference,
    row.place_name,
    row.place_province,
    row.vessel_name,
    row.vessel_registration,
    ...people.flatMap((p) => [p.name_or_alias, p.nationality]),
  ]);
  db.prepare('UPDATE cases SET search_text = ? WHERE id = ?').run(text, caseId);
}
