import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { runScriptedInterview } from '../../src/main/demo/seed';
import { deleteCase } from '../../src/main/store/case-deletion';
import { type ListPlan, listCases } from '../../src/main/store/case-list';
import { createCase, getCase, setCaseStatus, updateCase, updatePerson } from '../../src/main/store/cases';
import type { Session } from '../../src/main/store/session';
import {
  CASE_SORT_COLUMNS,
  type CaseListQuery,
  type CaseStatus,
  type ScreeningResult,
} from '../../src/shared/domain/cases';
import { answer } from '../../src/shared/instrument';
import { importCase } from '../helpers/imported-case';
import { mulberry32 } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/**
 * The list's sort and filter columns stored on cases (status, result, place, date, and the first person's
 * name and nationality, the interview language and the officer that triggers keep in the same statement as
 * their source) follow each write made through the services the app uses: answers and a completed
 * interview (result, status, and the person's nationality and languages filled from the answers), person
 * details, status changes, case details, deletion. After each change, every sort column in both
 * directions, with and without each filter, both ways the list finds a page, must equal the same list
 * computed from the source tables at that moment (the derived values as version 5 computed them at every
 * query).
 */

const PLACES = ['Songkhla PIPO', 'Ranong fishing port', 'ท่าเรือภูเก็ต', 'Pattani PIPO'] as const;
const NAMES = ['Ko Aung', 'ma hnin', 'Sokha', 'สมชาย', 'မောင်အောင်', 'Bounmy', 'dara', 'Min Thu'] as const;
const NATIONALITIES = ['Myanmar', 'cambodia', 'Lao PDR', 'เมียนมา', null] as const;
const LANGUAGES = ['my', 'km', 'lo', 'vi', 'th'] as const;
const CASES = 150;

/** Every list-relevant value, computed from the source rows (not from the stored list columns). */
const SOURCE_SQL = `SELECT c.id, c.reference, c.status, c.place_name AS placeName, c.screening_date AS screeningDate,
  c.screening_result AS screeningResult, c.created_at AS createdAt, c.updated_at AS updatedAt,
  (SELECT p.name_or_alias FROM persons p WHERE p.case_id = c.id ORDER BY p.created_at, p.id LIMIT 1)
    AS primaryPersonName,
  (SELECT p.nationality FROM persons p WHERE p.case_id = c.id ORDER BY p.created_at, p.id LIMIT 1) AS nationality,
  coalesce(
    (SELECT i.interviewee_language FROM interviews i WHERE i.case_id = c.id
       ORDER BY i.started_at DESC, i.id DESC LIMIT 1),
    (SELECT json_extract(p.languages_json, '$[0]') FROM persons p WHERE p.case_id = c.id
       ORDER BY p.created_at, p.id LIMIT 1)) AS intervieweeLanguage,
  (SELECT u.display_name FROM users u WHERE u.id = c.created_by) AS officer
  FROM cases c`;

type SortColumn = (typeof CASE_SORT_COLUMNS)[number];
type SourceRow = { id: string } & Record<SortColumn, string | null>;
type Filters = Pick<CaseListQuery, 'status' | 'place' | 'result' | 'dateFrom' | 'dateTo'>;

const NOCASE: ReadonlySet<SortColumn> = new Set(['primaryPersonName', 'nationality', 'officer']);

/** SQLite's order: NULL first; BINARY compares code units for these strings; NOCASE folds ASCII only. */
function cmp(a: string | null, b: string | null, nocase: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const fold = (s: string) => (nocase ? s.replace(/[A-Z]/g, (ch) => ch.toLowerCase()) : s);
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function expectedIds(rows: SourceRow[], f: Filters, column: SortColumn, direction: 'asc' | 'desc'): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .filter(
      (r) =>
        (!f.status || r.status === f.status) &&
        (!f.place || r.placeName === f.place) &&
        (!f.result || r.screeningResult === f.result) &&
        (!f.dateFrom || (r.screeningDate ?? '') >= f.dateFrom) &&
        (!f.dateTo || (r.screeningDate ?? '') <= f.dateTo),
    )
    .sort((a, b) => sign * (cmp(a[column], b[column], NOCASE.has(column)) || cmp(a.id, b.id, false)))
    .map((r) => r.id);
}

let store: TestStore;
let s: Session;
const caseIds: string[] = [];
let rand: () => number;

const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** The list equals the source computation for every sort, with no filter and with each of `filters`. */
function expectListFollowsSources(filters: Filters[]): void {
  const rows = s.db.prepare(SOURCE_SQL).all() as SourceRow[];
  for (const f of [{}, ...filters]) {
    for (const column of CASE_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const want = expectedIds(rows, f, column, direction);
        for (const plan of ['walk-sort-index', 'sort-matches'] as ListPlan[]) {
          const page = listCases(s, { ...f, sort: { column, direction }, limit: 500 }, { plan });
          expect(page.total, `${JSON.stringify(f)} ${column} ${direction} ${plan}`).toBe(want.length);
          expect(
            page.rows.map((r) => r.id),
            `${JSON.stringify(f)} ${column} ${direction} ${plan}`,
          ).toEqual(want);
        }
      }
    }
  }
}

/** Where a case stands in the list sorted by one column (ascending). */
const positionBy = (column: SortColumn, id: string) =>
  listCases(s, { sort: { column, direction: 'asc' }, limit: 500 }).rows.findIndex((r) => r.id === id);

const inList = (query: CaseListQuery, id: string) =>
  listCases(s, { ...query, limit: 500 }).rows.some((r) => r.id === id);

beforeAll(async () => {
  rand = mulberry32(20261203);
  store = await createTestStore();
  s = await store.unlock();
  s.db.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      store.clock.advance(1 + Math.floor(rand() * 60_000));
      const withPerson = rand() < 0.85;
      const nationality = pick(NATIONALITIES);
      const c = createCase(s, {
        place: { kind: 'port', name: pick(PLACES) },
        screeningDate: `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`,
        ...(withPerson
          ? {
              person: {
                nameOrAlias: `${pick(NAMES)} ${i}`,
                ...(nationality ? { nationality } : {}),
                languages: rand() < 0.8 ? [pick(LANGUAGES)] : [],
              },
            }
          : {}),
      });
      caseIds.push(c.id);
    }
  })();
}, 120_000);

afterAll(() => {
  s.lock();
  store.remove();
});

describe('the case list follows the writes to what it shows', () => {
  it('starts equal to the source tables', () => {
    expectListFollowsSources([{ status: 'draft' }, { result: 'not_screened' }, { place: PLACES[0] }]);
  });

  it('answers: a completed interview moves result, status, nationality and language, and the list follows', () => {
    const target = caseIds[3] as string;
    const before = getCase(s, target);
    const personId = before.persons[0]?.id;
    expect([before.status, before.screeningResult]).toEqual(['draft', 'not_screened']);
    const oldNationalityPosition = positionBy('nationality', target);
    // Violence, no pay, no way off the vessel; the person says they are from Viet Nam, in Vietnamese.
    const scenario = DEMO_SCENARIOS[1] as (typeof DEMO_SCENARIOS)[number];
    runScriptedInterview(
      s,
      { ...scenario, lang: 'vi', answers: { ...scenario.answers, id_nationality: answer.single('vietnam') } },
      { caseId: target, personId, tier: 'short' },
    );
    const after = getCase(s, target);
    expect(after.status).toBe('screened');
    expect(after.screeningResult).not.toBe('not_screened');
    expect(after.intervieweeLanguage).toBe('vi');
    expect(after.nationality).toBe('vietnam');
    // The filters that used to find it no longer do; the new ones do.
    expect(inList({ status: 'draft' }, target)).toBe(false);
    expect(inList({ result: 'not_screened' }, target)).toBe(false);
    expect(inList({ status: 'screened', result: after.screeningResult }, target)).toBe(true);
    expect(positionBy('nationality', target)).not.toBe(oldNationalityPosition);
    // A second case answered neutrally: screened, and a result of its own.
    const neutral = caseIds[4] as string;
    runScriptedInterview(
      s,
      { lang: 'km', interpreter: null, answers: {} },
      { caseId: neutral, personId: getCase(s, neutral).persons[0]?.id, tier: 'short' },
    );
    expect(getCase(s, neutral).status).toBe('screened');
    expectListFollowsSources([
      { status: 'draft' },
      { status: 'screened' },
      { result: after.screeningResult },
      { result: getCase(s, neutral).screeningResult },
      { result: 'not_screened', place: after.placeName },
    ]);
  });

  it('person details: renaming, a changed or cleared nationality, changed languages and a case with two people', () => {
    const renamed = caseIds[10] as string;
    const first = getCase(s, renamed).persons[0];
    if (!first) throw new Error('the test expects a person on this case');
    store.clock.advance(1000);
    // "AAA" sorts first among the named (cases without anyone, NULL, come before); the nationality
    // becomes unknown.
    updatePerson(s, { id: first.id, nameOrAlias: 'AAA renamed', nationality: null, languages: ['lo'] });
    const byName = listCases(s, { sort: { column: 'primaryPersonName', direction: 'asc' }, limit: 500 }).rows;
    expect(byName.find((r) => r.primaryPersonName !== null)?.id).toBe(renamed);
    expect(getCase(s, renamed).intervieweeLanguage).toBe('lo');
    // A case imported with two people: the first one's name, nationality and language fill the columns;
    // the second, written after it (and sorting first by name), does not change who is first.
    store.clock.advance(1000);
    const two = importCase(s, {
      place: { kind: 'port', name: PLACES[1] },
      screeningDate: '2026-03-15',
      at: new Date(store.clock.now()),
      persons: [
        { nameOrAlias: 'zzz first', nationality: 'Viet Nam', languages: ['vi'] },
        { nameOrAlias: 'AAAA second', languages: ['th'] },
      ],
    });
    expect(getCase(s, two)).toMatchObject({
      primaryPersonName: 'zzz first',
      nationality: 'Viet Nam',
      intervieweeLanguage: 'vi',
    });
    expectListFollowsSources([{ place: PLACES[1] }]);
  });

  it('status: referred, closed and withdrawn through the workflow move the case between status filters', () => {
    const moves: [string, CaseStatus][] = [
      [caseIds[3] as string, 'referred'],
      [caseIds[20] as string, 'closed'],
      [caseIds[21] as string, 'consent_withdrawn'],
    ];
    for (const [id, status] of moves) {
      store.clock.advance(1000);
      setCaseStatus(s, { id, status, reason: 'Handed to the shelter' });
      expect(inList({ status }, id)).toBe(true);
    }
    expectListFollowsSources([{ status: 'referred' }, { status: 'closed' }, { status: 'consent_withdrawn' }]);
  });

  it('case details: a new place and screening date move the case between place and date filters', () => {
    const moved = caseIds[30] as string;
    const before = getCase(s, moved);
    const place = before.placeName === PLACES[2] ? PLACES[3] : PLACES[2];
    store.clock.advance(1000);
    updateCase(s, {
      id: moved,
      expectedRevision: before.revision,
      place: { kind: 'port', name: place },
      screeningDate: '2026-12-01',
    });
    expect(inList({ place: before.placeName }, moved)).toBe(false);
    expect(inList({ place, dateFrom: '2026-12-01' }, moved)).toBe(true);
    expect(listCases(s, { sort: { column: 'screeningDate', direction: 'desc' }, limit: 1 }).rows[0]?.id).toBe(
      moved,
    );
    expect(listCases(s, { sort: { column: 'updatedAt', direction: 'desc' }, limit: 1 }).rows[0]?.id).toBe(
      moved,
    );
    expectListFollowsSources([
      { place: before.placeName },
      { place },
      { dateFrom: '2026-06-01', dateTo: '2026-12-31' },
      { place, dateFrom: '2026-12-01', dateTo: '2026-12-01' },
    ]);
  });

  it('results: every result filter equals the source after interviews on more cases', () => {
    const results = new Set<ScreeningResult>();
    for (const [k, id] of caseIds.slice(40, 46).entries()) {
      const scenario = DEMO_SCENARIOS[k % DEMO_SCENARIOS.length] as (typeof DEMO_SCENARIOS)[number];
      runScriptedInterview(s, scenario, {
        caseId: id,
        personId: getCase(s, id).persons[0]?.id,
        tier: 'short',
      });
      results.add(getCase(s, id).screeningResult);
    }
    expect(results.size).toBeGreaterThan(1);
    expectListFollowsSources([...results].map((result) => ({ result })));
  });

  it('deletion: a deleted case leaves every list at once', () => {
    const gone = caseIds[50] as string;
    deleteCase(s, { caseId: gone, reason: 'Entered twice' });
    expect(inList({}, gone)).toBe(false);
    expectListFollowsSources([{ status: 'draft' }]);
  });
});
