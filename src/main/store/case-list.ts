import {
  type CASE_SORT_COLUMNS,
  type CaseListQuery,
  type CaseListResult,
  type CaseSummary,
  caseListQuery,
} from '../../shared/domain/cases';
import type { Db } from '../db/driver';
import { searchKeysSql, searchTerms } from '../db/search-text';
import type { Session } from './session';
import { parseInput } from './validate';

/**
 * The case list: filters, search, sort and paging in SQL, fast at a provincial office's 100,000 cases
 * (migration 0006: derived list columns kept by triggers, one index per sort column carrying the
 * filter columns, an FTS5 trigram index for search). Lists are not audited as views; opening a case is.
 *
 * A page is found in two steps: the ids of the page in order (from indexes only), then their rows.
 * How the first step runs depends on how many cases match (counted first, from indexes):
 * - many: walk the sort column's index in order, checking the filters inside the index, and stop
 *   after the page (cost grows with offset + limit, not with the number of cases);
 * - few: let SQLite start from the most selective filter and sort those few (walking the sort
 *   index would pass over most of the cases before finding them).
 * Both give the same rows in the same order; tests run every query both ways.
 */

export type ListRow = {
  id: string;
  reference: string;
  status: CaseSummary['status'];
  place_kind: CaseSummary['placeKind'];
  place_name: string;
  vessel_name: string | null;
  screening_date: string;
  screening_result: CaseSummary['screeningResult'];
  created_at: string;
  updated_at: string;
  revision: number;
  primary_person_name: string | null;
  nationality: string | null;
  interviewee_language: string | null;
  officer: string | null;
};

/** The derived columns a list row shows, as stored by migration 0006's triggers. */
export const DERIVED_COLUMNS_SQL = `c.list_person_name AS primary_person_name, c.list_nationality AS nationality,
  c.list_language AS interviewee_language, c.list_officer AS officer`;
const LIST_COLUMNS_SQL = `c.id, c.reference, c.status, c.place_kind, c.place_name, c.vessel_name, c.screening_date,
  c.screening_result, c.created_at, c.updated_at, c.revision, ${DERIVED_COLUMNS_SQL}`;

export function summaryFromRow(r: ListRow): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    placeKind: r.place_kind,
    placeName: r.place_name,
    vesselName: r.vessel_name,
    primaryPersonName: r.primary_person_name,
    nationality: r.nationality,
    intervieweeLanguage: r.interviewee_language,
    officer: r.officer,
    screeningDate: r.screening_date,
    screeningResult: r.screening_result,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

type SortColumn = (typeof CASE_SORT_COLUMNS)[number];

/** Each sort column: its value (with the collation the list sorts by) and the index ordered by it. */
const SORTS: Record<SortColumn, { column: string; collate?: 'NOCASE'; index: string }> = {
  reference: { column: 'c.reference', index: 'cases_list_reference' },
  screeningDate: { column: 'c.screening_date', index: 'cases_list_screening_date' },
  createdAt: { column: 'c.created_at', index: 'cases_list_created_at' },
  updatedAt: { column: 'c.updated_at', index: 'cases_list_updated_at' },
  status: { column: 'c.status', index: 'cases_list_status' },
  placeName: { column: 'c.place_name', index: 'cases_list_place' },
  screeningResult: { column: 'c.screening_result', index: 'cases_list_result' },
  primaryPersonName: { column: 'c.list_person_name', collate: 'NOCASE', index: 'cases_list_person' },
  nationality: { column: 'c.list_nationality', collate: 'NOCASE', index: 'cases_list_nationality' },
  intervieweeLanguage: { column: 'c.list_language', index: 'cases_list_language' },
  officer: { column: 'c.list_officer', collate: 'NOCASE', index: 'cases_list_officer' },
};

/**
 * At most this many matching cases are sorted directly; above it the sort index is walked. Near the
 * crossing point both cost about the same (a few thousand index entries); measured at 100,000 cases.
 */
const FEW_MATCHES = 2000;

export type ListPlan = 'walk-sort-index' | 'sort-matches';

/** Pure: which way finds the page. */
function chooseListPlan(total: number): ListPlan {
  return total > FEW_MATCHES ? 'walk-sort-index' : 'sort-matches';
}

interface Condition {
  where: string[];
  params: unknown[];
}

function filtersOf(q: ReturnType<typeof caseListQuery.parse>): Condition {
  const out: Condition = { where: [], params: [] };
  const add = (condition: string, value: unknown) => {
    out.where.push(condition);
    out.params.push(value);
  };
  if (q.status) add('c.status = ?', q.status);
  if (q.place) add('c.place_name = ?', q.place);
  if (q.result) add('c.screening_result = ?', q.result);
  if (q.dateFrom) add('c.screening_date >= ?', q.dateFrom);
  if (q.dateTo) add('c.screening_date <= ?', q.dateTo);
  return out;
}

/** The search keys of the cases matching every search word, found once per list; null without search. */
function searchKeys(db: Db, search: string | undefined): number[] | null {
  const terms = searchTerms(search);
  if (terms.length === 0) return null;
  const { sql, params } = searchKeysSql(terms);
  return db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];
}

/**
 * The filters, and the search as a condition on the case's search key. With few matches SQLite may
 * start from them (through cases_search_key); otherwise unary + leaves them a check on each case the
 * chosen index yields (every list index carries search_key).
 */
function conditionOf(filters: Condition, keys: number[] | null): Condition {
  if (keys === null) return filters;
  const key = keys.length <= FEW_MATCHES ? 'c.search_key' : '+c.search_key';
  return {
    where: [...filters.where, `${key} IN (SELECT value FROM json_each(?))`],
    params: [...filters.params, JSON.stringify(keys)],
  };
}

const whereSql = (where: string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

function countMatches(db: Db, filters: Condition, keys: number[] | null): number {
  if (keys !== null && (keys.length === 0 || filters.where.length === 0)) return keys.length;
  const c = conditionOf(filters, keys);
  return db
    .prepare(`SELECT count(*) FROM cases c ${whereSql(c.where)}`)
    .pluck()
    .get(...c.params) as number;
}

export interface ListOptions {
  /** Tests force each plan to prove both give the same page. */
  plan?: ListPlan;
}

export function listCases(
  session: Session,
  query: CaseListQuery = {},
  options: ListOptions = {},
): CaseListResult {
  session.require('cases.read');
  const q = parseInput(caseListQuery, query);
  const filters = filtersOf(q);
  const sort = SORTS[q.sort.column];
  const direction = q.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return session.read((db) =>
    db.transaction(() => {
      const keys = searchKeys(db, q.search);
      const total = countMatches(db, filters, keys);
      if (q.offset >= total) return { total, rows: [] };
      const walk = (options.plan ?? chooseListPlan(total)) === 'walk-sort-index';
      const c = conditionOf(filters, keys);
      // Unary + keeps SQLite from answering ORDER BY with the sort index when sorting the matches.
      const value = walk ? sort.column : `(+${sort.column})`;
      const key = sort.collate ? `${value} COLLATE ${sort.collate}` : value;
      const rowids = db
        .prepare(
          `SELECT c.rowid FROM cases c ${walk ? `INDEXED BY ${sort.index}` : ''} ${whereSql(c.where)}
           ORDER BY ${key} ${direction}, c.id ${direction} LIMIT ? OFFSET ?`,
        )
        .pluck()
        .all(...c.params, q.limit, q.offset) as number[];
      const row = db.prepare(`SELECT ${LIST_COLUMNS_SQL} FROM cases c WHERE c.rowid = ?`);
      return { total, rows: rowids.map((rowid) => summaryFromRow(row.get(rowid) as ListRow)) };
    })(),
  );
}

/** Distinct place names, for the list's place filter: one index seek per place, not a scan of cases. */
export function listPlaces(session: Session): string[] {
  session.require('cases.read');
  return session.read(
    (db) =>
      db
        .prepare(
          `WITH RECURSIVE place (name) AS (
             SELECT min(place_name) FROM cases
             UNION ALL
             SELECT (SELECT min(place_name) FROM cases WHERE place_name > place.name) FROM place
             WHERE place.name IS NOT NULL)
           SELECT name FROM place WHERE name IS NOT NULL`,
        )
        .pluck()
        .all() as string[],
  );
}
