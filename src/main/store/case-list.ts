import {
  type CASE_SORT_COLUMNS,
  type CaseListQuery,
  type CaseListResult,
  type CaseSummary,
  caseListQuery,
} from '../../shared/domain/cases';
import type { Db } from '../db/driver';
import { searchCheckSql, searchKeysSql, searchTerms } from '../db/search-text';
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
 *   after the page (cost grows with offset + limit, not with the number of cases; at worst, matches
 *   at the far end of the order, the whole index: still entries of one index, no rows);
 * - few: let SQLite start from the most selective filter and sort those few (walking the sort
 *   index would pass over most of the cases before finding them).
 * Every way gives the same rows in the same order; tests run every query every way.
 *
 * A search is found once per list as the matching cases' search keys (a JSON array built in SQL), which
 * the filters and the page then look up. When a search matches so many cases that listing them costs
 * more than the page needs, each case passed is checked against the words instead (its search text
 * looked up by key); when the matches turn out to sit far along the order, the walk gives up for the
 * key list.
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

/** The cases matching every search word: the words, how many cases, and their search keys (JSON). */
interface SearchHits {
  terms: string[];
  count: number;
  keys: string;
}

/** Found once per list, in SQL (no array of keys through JS); null without search. */
function searchHits(db: Db, search: string | undefined): SearchHits | null {
  const terms = searchTerms(search);
  if (terms.length === 0) return null;
  const { sql, params } = searchKeysSql(terms);
  const found = db
    .prepare(`SELECT count(*) AS count, json_group_array(key) AS keys FROM (${sql})`)
    .get(...params) as { count: number; keys: string };
  return { terms, ...found };
}

export type SearchPlan = 'key-list' | 'check-each';

/**
 * Checking one case against the words (a lookup of its search text) costs about as much as this many
 * entries of the key list (which SQLite turns into a temporary index before it can look anything up);
 * measured at 100,000 cases.
 */
const CHECK_COST = 4;

/**
 * Pure: how a search is applied. Checking each case pays when it passes fewer cases than a
 * CHECK_COST-th of the key list's entries:
 * - with other filters, when fewer cases pass them (`unsearched`) than that: the count and the page
 *   then check only those;
 * - without, when the walk to the end of the page passes about that few (rowsNeeded × unsearched /
 *   hits, with the matches spread along the sort order); the count is the hits.
 */
function chooseSearchPlan(a: {
  hits: number;
  filtered: boolean;
  unsearched: number;
  rowsNeeded: number;
}): SearchPlan {
  if (a.hits <= FEW_MATCHES) return 'key-list';
  const affordable = a.hits / CHECK_COST;
  if (a.filtered) return a.unsearched <= affordable ? 'check-each' : 'key-list';
  return (a.rowsNeeded * a.unsearched) / a.hits <= affordable ? 'check-each' : 'key-list';
}

/** Matches may sit this many times further along the sort order than an even spread would put them. */
const SPREAD = 4;

/**
 * Pure: how many entries of the sort index a walk checking each case against the search words may pass
 * before it gives up for the key list: SPREAD times what an even spread of the matches needs for the
 * page (rowsNeeded × cases / total), and no more than the key list would cost. Matches bunched far
 * along the order (a reference year, newest first) would otherwise make the walk check most cases.
 * Undefined (no limit) with other filters: then only the cases passing them, fewer than that, are checked.
 */
function checkBudget(a: {
  total: number;
  cases: number;
  rowsNeeded: number;
  hits: number;
  filtered: boolean;
}): number | undefined {
  if (a.filtered) return undefined;
  return Math.ceil(Math.min((SPREAD * a.rowsNeeded * a.cases) / a.total, a.hits / CHECK_COST));
}

/**
 * The filters, and the search's key list as a condition on the case's search key: with few matches
 * SQLite may start from them (through cases_search_key); otherwise unary + leaves them a check on each
 * case the chosen index yields (every list index carries search_key).
 */
function conditionOf(filters: Condition, hits: SearchHits | null): Condition {
  if (hits === null) return filters;
  const key = hits.count <= FEW_MATCHES ? 'c.search_key' : '+c.search_key';
  return {
    where: [...filters.where, `${key} IN (SELECT value FROM json_each(?))`],
    params: [...filters.params, hits.keys],
  };
}

const whereSql = (where: string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

/** The condition with the search's words checked on each case. */
function checkedConditionOf(filters: Condition, hits: SearchHits): Condition {
  const check = searchCheckSql(hits.terms, 'c.search_key');
  return { where: [...filters.where, check.sql], params: [...filters.params, ...check.params] };
}

function countMatches(db: Db, filters: Condition, hits: SearchHits | null, plan: SearchPlan): number {
  if (hits !== null && (hits.count === 0 || filters.where.length === 0)) return hits.count;
  const c =
    hits !== null && plan === 'check-each' ? checkedConditionOf(filters, hits) : conditionOf(filters, hits);
  return db
    .prepare(`SELECT count(*) FROM cases c ${whereSql(c.where)}`)
    .pluck()
    .get(...c.params) as number;
}

export interface ListOptions {
  /** Tests force each plan to prove every way gives the same page (a forced walk goes to the end). */
  plan?: ListPlan;
  search?: SearchPlan;
  /** The most index entries a walk passes before walking on with the search's key list. */
  walkBudget?: number;
}

interface PageQuery {
  filters: Condition;
  sort: (typeof SORTS)[SortColumn];
  direction: 'ASC' | 'DESC';
  walk: boolean;
  limit: number;
  offset: number;
}

/** ORDER BY for a value (with the sort's collation) and an id, both in the list's direction. */
function orderSql(p: PageQuery, value: string, id: string): string {
  const key = p.sort.collate ? `${value} COLLATE ${p.sort.collate}` : value;
  return `ORDER BY ${key} ${p.direction}, ${id} ${p.direction}`;
}

/** The page's rowids, in order, with the condition checked on each case (filters and key list). */
function pageByCondition(db: Db, p: PageQuery, c: Condition): number[] {
  // Unary + keeps SQLite from answering ORDER BY with the sort index when sorting the matches.
  const value = p.walk ? p.sort.column : `(+${p.sort.column})`;
  return db
    .prepare(
      `SELECT c.rowid FROM cases c ${p.walk ? `INDEXED BY ${p.sort.index}` : ''} ${whereSql(c.where)}
       ${orderSql(p, value, 'c.id')} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...c.params, p.limit, p.offset) as number[];
}

/**
 * The page's rowids walking the sort index at most `budget` entries, each checked against the
 * condition; null when those were not enough to fill the page (`expected` rows). The walk is a
 * co-routine whose order (the index's, with the sort's collation on the value) answers the outer ORDER
 * BY, so it stops at the end of the page. (Not for the filters alone: when such a walk gives up, sorting
 * the matches instead means looking up each one's row, which costs far more than walking on when they
 * are spread over the table.)
 */
function pageByWalking(
  db: Db,
  p: PageQuery,
  c: Condition,
  budget: number,
  expected: number,
): number[] | null {
  const value = p.sort.collate ? `${p.sort.column} COLLATE ${p.sort.collate}` : p.sort.column;
  const rowids = db
    .prepare(
      `SELECT x.rowid FROM (
         SELECT c.rowid AS rowid, ${value} AS value, c.id AS id, (${c.where.join(' AND ') || '1'}) AS ok
         FROM cases c INDEXED BY ${p.sort.index} ${orderSql(p, p.sort.column, 'c.id')} LIMIT ?) x
       WHERE x.ok ORDER BY x.value ${p.direction}, x.id ${p.direction} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...c.params, budget, p.limit, p.offset) as number[];
  return rowids.length === expected ? rowids : null;
}

export function listCases(
  session: Session,
  query: CaseListQuery = {},
  options: ListOptions = {},
): CaseListResult {
  session.require('cases.read');
  const q = parseInput(caseListQuery, query);
  const filters = filtersOf(q);
  return session.read((db) =>
    db.transaction(() => {
      const hits = searchHits(db, q.search);
      const filtered = filters.where.length > 0;
      const search: SearchPlan =
        hits === null
          ? 'key-list'
          : (options.search ??
            chooseSearchPlan({
              hits: hits.count,
              filtered,
              unsearched: hits.count <= FEW_MATCHES ? 0 : countMatches(db, filters, null, 'key-list'),
              rowsNeeded: q.offset + q.limit,
            }));
      const total = countMatches(db, filters, hits, search);
      if (q.offset >= total) return { total, rows: [] };
      const p: PageQuery = {
        filters,
        sort: SORTS[q.sort.column],
        direction: q.sort.direction === 'asc' ? 'ASC' : 'DESC',
        walk: (options.plan ?? chooseListPlan(total)) === 'walk-sort-index',
        limit: q.limit,
        offset: q.offset,
      };
      const c =
        hits !== null && search === 'check-each'
          ? checkedConditionOf(filters, hits)
          : conditionOf(filters, hits);
      const budget =
        options.walkBudget ??
        (options.plan || hits === null || search !== 'check-each'
          ? undefined
          : checkBudget({
              total,
              cases: db.prepare('SELECT count(*) FROM cases').pluck().get() as number,
              rowsNeeded: q.offset + q.limit,
              hits: hits.count,
              filtered,
            }));
      const rowids =
        (p.walk && budget !== undefined
          ? pageByWalking(db, p, c, budget, Math.min(q.limit, total - q.offset))
          : pageByCondition(db, p, c)) ?? pageByCondition(db, p, conditionOf(filters, hits));
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
