import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, listCases, setCaseStatus } from '../../src/main/store/cases';
import { startInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import type { CaseDetail, CaseListQuery, CaseSummary } from '../../src/shared/domain/cases';
import { SUPERVISOR } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/**
 * The case list over 10,000 cases: every filter, search and sort runs in SQL, one page at a time.
 * Each query's page is compared with the same query computed in plain JS over the generated cases.
 */
const N = 10_000;
const PLACES = [
  'Songkhla PIPO',
  'Ranong fishing port',
  'ศูนย์ PIPO สมุทรสาคร',
  'Pattani PIPO',
  'Chumphon port',
  'Trat PIPO',
  'ท่าเรือภูเก็ต',
  'Satun PIPO',
] as const;
const LANGUAGES = ['my', 'km', 'lo', 'vi', 'th'] as const;
const RESULTS = ['not_screened', 'no_indicators', 'indicators_found', 'urgent'] as const;
const NAMES = [
  'Ko Aung',
  'Ma Hnin',
  'Sokha',
  'Dara',
  'Somchai',
  'Nguyen Van An',
  'Bounmy',
  'Min Thu',
] as const;

/** A small seeded generator, so a failure can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  summary: CaseSummary;
  province: string | null;
  vesselName: string | null;
  vesselRegistration: string | null;
  nationality: string | null;
}

let session: Session;
const cases: Generated[] = [];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function isoDay(base: string, plusDays: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** The row as the list should show it; the derived columns come from what the test generated. */
function toSummary(
  d: CaseDetail,
  derived: Pick<CaseSummary, 'nationality' | 'intervieweeLanguage' | 'officer'>,
): CaseSummary {
  return {
    ...derived,
    id: d.id,
    reference: d.reference,
    status: d.status,
    placeKind: d.placeKind,
    placeName: d.placeName,
    vesselName: d.vesselName,
    primaryPersonName: d.primaryPersonName,
    screeningDate: d.screeningDate,
    screeningResult: d.screeningResult,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    revision: d.revision,
  };
}

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
  session = await store.unlock();
  const rand = mulberry32(20260521);
  // One outer transaction: each service call's own transaction becomes a savepoint inside it, so
  // 10,000 cases cost one commit (one fsync) instead of 20,000.
  session.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      store.clock.advance(1 + Math.floor(rand() * 90_000));
      const place = pick(rand, PLACES);
      const province = rand() < 0.5 ? pick(rand, ['Songkhla', 'Ranong', 'Samut Sakhon', 'Phuket']) : null;
      const onVessel = rand() < 0.6;
      const vesselName = onVessel ? `Sea Star ${Math.floor(rand() * 400)}` : null;
      const vesselRegistration = onVessel ? `SK-${1000 + Math.floor(rand() * 9000)}` : null;
      const nationality = rand() < 0.8 ? pick(rand, ['Myanmar', 'Cambodia', 'Lao PDR', 'Viet Nam']) : null;
      const language = pick(rand, LANGUAGES);
      let detail = createCase(session, {
        place: {
          kind: place.includes('PIPO') ? 'pipo_centre' : 'port',
          name: place,
          ...(province ? { province } : {}),
        },
        ...(vesselName && vesselRegistration
          ? { vessel: { name: vesselName, registration: vesselRegistration } }
          : {}),
        screeningDate: isoDay('2025-01-01', Math.floor(rand() * 500)),
        ...(nationality
          ? { person: { nameOrAlias: `${pick(rand, NAMES)} ${i}`, nationality, languages: [language] } }
          : {}),
      });
      // Some people are interviewed in another language than the first one recorded: the list shows
      // the interview's language.
      let interviewLanguage: string | null = null;
      if (rand() < 0.1) {
        store.clock.advance(1 + Math.floor(rand() * 1000));
        interviewLanguage = pick(rand, LANGUAGES);
        startInterview(session, {
          caseId: detail.id,
          instrumentId: 'test',
          instrumentVersion: '1',
          tier: 'short',
          intervieweeLanguage: interviewLanguage,
        });
      }
      const result = pick(rand, RESULTS);
      // Results and "screened" come from completed interviews in main; a list test sets them directly.
      if (result !== 'not_screened') {
        session.db.prepare('UPDATE cases SET screening_result = ? WHERE id = ?').run(result, detail.id);
        detail = { ...detail, screeningResult: result };
      }
      const r = rand();
      if (r < 0.3) {
        session.db.prepare("UPDATE cases SET status = 'screened' WHERE id = ?").run(detail.id);
        detail = { ...detail, status: 'screened' };
      } else if (r < 0.35) {
        store.clock.advance(1 + Math.floor(rand() * 1000));
        detail = setCaseStatus(session, {
          id: detail.id,
          status: 'closed',
          reason: 'Screened, no follow-up',
        });
      }
      cases.push({
        summary: toSummary(detail, {
          nationality,
          intervieweeLanguage: interviewLanguage ?? (nationality ? language : null),
          officer: SUPERVISOR.displayName,
        }),
        province,
        vesselName,
        vesselRegistration,
        nationality,
      });
    }
  })();
}, 300_000);
afterAll(() => {
  session.lock('manual');
  store.remove();
});

// ---- the same query, computed in JS ----

type SortColumn =
  | 'reference'
  | 'screeningDate'
  | 'createdAt'
  | 'updatedAt'
  | 'status'
  | 'placeName'
  | 'screeningResult'
  | 'primaryPersonName'
  | 'nationality'
  | 'intervieweeLanguage'
  | 'officer';

/**
 * SQLite's BINARY collation compares UTF-8 bytes; for these (BMP-only) strings that is code unit order.
 * NULL sorts before any text; NOCASE columns compare ASCII case-folded.
 */
function cmp(a: string | null, b: string | null, nocase = false): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const x = nocase ? a.toLowerCase() : a;
  const y = nocase ? b.toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

function haystack(c: Generated): string {
  return [
    c.summary.reference,
    c.summary.placeName,
    c.province,
    c.vesselName,
    c.vesselRegistration,
    c.summary.primaryPersonName,
    c.nationality,
  ]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('\n')
    .toLowerCase();
}

function expected(query: {
  search?: string;
  status?: CaseSummary['status'];
  place?: string;
  result?: CaseSummary['screeningResult'];
  dateFrom?: string;
  dateTo?: string;
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}): { total: number; ids: string[] } {
  const terms = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matching = cases.filter((c) => {
    const s = c.summary;
    if (query.status && s.status !== query.status) return false;
    if (query.place && s.placeName !== query.place) return false;
    if (query.result && s.screeningResult !== query.result) return false;
    if (query.dateFrom && s.screeningDate < query.dateFrom) return false;
    if (query.dateTo && s.screeningDate > query.dateTo) return false;
    const text = haystack(c);
    return terms.every((t) => text.includes(t));
  });
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const column = query.sort.column;
  const nocase = column === 'nationality' || column === 'officer' || column === 'primaryPersonName';
  const sorted = [...matching].sort(
    (a, b) => sign * (cmp(a.summary[column], b.summary[column], nocase) || cmp(a.summary.id, b.summary.id)),
  );
  return {
    total: matching.length,
    ids: sorted.slice(query.offset, query.offset + query.limit).map((c) => c.summary.id),
  };
}

function actual(query: CaseListQuery): { total: number; ids: string[] } {
  const page = listCases(session, query);
  return { total: page.total, ids: page.rows.map((r) => r.id) };
}

describe('the case list over 10,000 cases', () => {
  it('generated what the test expects (every filter value occurs)', () => {
    expect(cases).toHaveLength(N);
    expect(listCases(session, {}).total).toBe(N);
    for (const place of PLACES) expect(cases.some((c) => c.summary.placeName === place)).toBe(true);
    for (const result of RESULTS) expect(cases.some((c) => c.summary.screeningResult === result)).toBe(true);
    expect(new Set(cases.map((c) => c.summary.status))).toEqual(new Set(['draft', 'screened', 'closed']));
  });

  const queries: { name: string; query: Parameters<typeof expected>[0] }[] = [
    {
      name: 'default order (last change, newest first), first page',
      query: { sort: { column: 'updatedAt', direction: 'desc' }, offset: 0, limit: 50 },
    },
    {
      name: 'one place, by screening date ascending (many ties, broken by id), a middle page',
      query: {
        place: 'ศูนย์ PIPO สมุทรสาคร',
        sort: { column: 'screeningDate', direction: 'asc' },
        offset: 200,
        limit: 150,
      },
    },
    {
      name: 'result and date range, by reference descending',
      query: {
        result: 'indicators_found',
        dateFrom: '2025-03-01',
        dateTo: '2025-08-31',
        sort: { column: 'reference', direction: 'desc' },
        offset: 0,
        limit: 500,
      },
    },
    {
      name: 'status, by place ascending, last page',
      query: {
        status: 'screened',
        sort: { column: 'placeName', direction: 'asc' },
        offset: 2900,
        limit: 500,
      },
    },
    {
      name: 'search two words (name and number) with a place, by creation time',
      query: {
        search: 'Aung 1',
        place: 'Songkhla PIPO',
        sort: { column: 'createdAt', direction: 'asc' },
        offset: 0,
        limit: 500,
      },
    },
    {
      name: 'search by nationality and vessel words, result, by status then id descending',
      query: {
        search: 'cambodia star',
        result: 'urgent',
        sort: { column: 'status', direction: 'desc' },
        offset: 10,
        limit: 100,
      },
    },
    {
      name: 'every filter at once, by screening result',
      query: {
        search: 'sea',
        status: 'draft',
        place: 'Trat PIPO',
        result: 'no_indicators',
        dateFrom: '2025-02-01',
        dateTo: '2026-01-31',
        sort: { column: 'screeningResult', direction: 'asc' },
        offset: 0,
        limit: 500,
      },
    },
  ];

  queries.push(
    {
      name: 'by nationality ascending (cases without a person first), a middle page',
      query: { sort: { column: 'nationality', direction: 'asc' }, offset: 1900, limit: 300 },
    },
    {
      name: 'one status, by interviewee language descending (interview language over first language)',
      query: {
        status: 'draft',
        sort: { column: 'intervieweeLanguage', direction: 'desc' },
        offset: 1000,
        limit: 500,
      },
    },
    {
      name: 'one place, by person name descending (names repeat with numbers; no person last)',
      query: {
        place: 'Satun PIPO',
        sort: { column: 'primaryPersonName', direction: 'desc' },
        offset: 0,
        limit: 500,
      },
    },
    {
      name: 'by officer (all one officer: ties broken by id), last page',
      query: { sort: { column: 'officer', direction: 'asc' }, offset: 9800, limit: 500 },
    },
  );

  it.each(queries)('$name', ({ query }) => {
    const want = expected(query);
    expect(want.ids.length).toBeGreaterThan(0);
    expect(actual(query)).toEqual(want);
  });

  it('paging through a whole filtered, sorted list returns every matching case exactly once, in order', () => {
    const base = {
      result: 'urgent' as const,
      sort: { column: 'screeningDate' as const, direction: 'desc' as const },
    };
    const all = expected({ ...base, offset: 0, limit: N });
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 333) {
      const page = actual({ ...base, offset, limit: 333 });
      expect(page.total).toBe(all.total);
      seen.push(...page.ids);
    }
    expect(seen).toEqual(all.ids);
    expect(new Set(seen).size).toBe(all.total);
  });

  it('an offset past the end gives an empty page with the right total', () => {
    expect(actual({ place: 'Satun PIPO', offset: N, limit: 50 })).toEqual({
      total: cases.filter((c) => c.summary.placeName === 'Satun PIPO').length,
      ids: [],
    });
  });
});
