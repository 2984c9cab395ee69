import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCase } from '../../src/main/store/case-deletion';
import { exportCaseDocument, importCaseDocument } from '../../src/main/store/case-document';
import { type ListOptions, listCases } from '../../src/main/store/case-list';
import { createCase, getCase, setCaseStatus, updatePerson } from '../../src/main/store/cases';
import { startInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import { addUser } from '../../src/main/store/users';
import {
  CASE_SORT_COLUMNS,
  type CaseDetail,
  type CaseListQuery,
  type CaseSummary,
} from '../../src/shared/domain/cases';
import type { Person } from '../../src/shared/domain/persons';
import { importCase } from '../helpers/imported-case';
import { mulberry32, SUPERVISOR } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/**
 * The case list over 10,000 cases: every filter, search and sort runs in SQL, one page at a time.
 * Each query's page is compared with the same query computed in plain JS over a model of what the test
 * wrote, run both ways the list can find a page (walking the sort index, or sorting the matches).
 * Most cases are made on this device with at most one person; some come from another device with two
 * (imported documents: the only way a case names more than one). After that, people are renamed (the
 * first or the second), interviews started, cases deleted and re-imported with their people in another
 * order, and an officer renamed: the derived columns (first person, interview language, officer) must
 * follow every one of those writes.
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
  'မောင်အောင်',
  'สมชาย',
] as const;
const NATIONALITIES = ['Myanmar', 'Cambodia', 'Lao PDR', 'Viet Nam', 'เมียนมา'] as const;
const OFFICER = { username: 'wanida', displayName: 'Wanida K.', passphrase: 'officer passphrase long' };

const rand = mulberry32(20260521);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

function isoDay(base: string, plusDays: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);
}

// ---- the model: what the test wrote, and the list row it implies ----

interface ModelPerson {
  id: string;
  createdAt: string;
  name: string;
  nationality: string | null;
  languages: string[];
}
interface ModelCase {
  summary: Omit<CaseSummary, 'primaryPersonName' | 'nationality' | 'intervieweeLanguage' | 'officer'>;
  province: string | null;
  vesselRegistration: string | null;
  createdBy: string;
  persons: ModelPerson[];
  interviews: { id: string; startedAt: string; language: string }[];
}

const model = new Map<string, ModelCase>();
/** Display names by user id; people named by an imported case document have none (no local account). */
const officers = new Map<string, string>();
let store: TestStore;
let session: Session;
/** Cases re-imported with their two people's order swapped. */
let reordered = 0;

const byKey =
  <T>(key: (x: T) => string[]) =>
  (a: T, b: T) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return 0;
  };

/** The first person by creation time, then id; the latest interview by start time, then id. */
function derived(
  m: ModelCase,
): Pick<CaseSummary, 'primaryPersonName' | 'nationality' | 'intervieweeLanguage' | 'officer'> {
  const first = [...m.persons].sort(byKey((p) => [p.createdAt, p.id]))[0];
  const latest = [...m.interviews].sort(byKey((i) => [i.startedAt, i.id])).at(-1);
  return {
    primaryPersonName: first?.name ?? null,
    nationality: first?.nationality ?? null,
    intervieweeLanguage: latest?.language ?? first?.languages[0] ?? null,
    officer: officers.get(m.createdBy) ?? null,
  };
}
const summaryOf = (m: ModelCase): CaseSummary => ({ ...m.summary, ...derived(m) });

const personOf = (p: Person): ModelPerson => ({
  id: p.id,
  createdAt: p.createdAt,
  name: p.nameOrAlias,
  nationality: p.nationality,
  languages: p.languages,
});

function remember(
  d: CaseDetail,
  extra: { province: string | null; vesselRegistration: string | null; createdBy: string },
): void {
  const { primaryPersonName, nationality, intervieweeLanguage, officer, ...summary } = d;
  model.set(d.id, {
    summary: {
      id: summary.id,
      reference: summary.reference,
      status: summary.status,
      placeKind: summary.placeKind,
      placeName: summary.placeName,
      vesselName: summary.vesselName,
      screeningDate: summary.screeningDate,
      screeningResult: summary.screeningResult,
      createdAt: summary.createdAt,
      updatedAt: summary.updatedAt,
      revision: summary.revision,
    },
    ...extra,
    persons: d.persons.map(personOf),
    interviews: [],
  });
}

function makeCase(s: Session, i: number): void {
  store.clock.advance(1 + Math.floor(rand() * 90_000));
  const place = pick(PLACES);
  const province = rand() < 0.5 ? pick(['Songkhla', 'Ranong', 'Samut Sakhon', 'Phuket']) : null;
  const onVessel = rand() < 0.6;
  const vesselName = onVessel ? `Sea Star ${Math.floor(rand() * 400)}` : null;
  const vesselRegistration = onVessel ? `SK-${1000 + Math.floor(rand() * 9000)}` : null;
  const details = {
    place: {
      kind: place.includes('PIPO') ? ('pipo_centre' as const) : ('port' as const),
      name: place,
      ...(province ? { province } : {}),
    },
    ...(vesselName && vesselRegistration
      ? { vessel: { name: vesselName, registration: vesselRegistration } }
      : {}),
    screeningDate: isoDay('2025-01-01', Math.floor(rand() * 500)),
  };
  const person = (name: string) => ({
    nameOrAlias: name,
    nationality: pick(NATIONALITIES),
    languages: rand() < 0.9 ? [pick(LANGUAGES)] : [],
  });
  // A case names two people only when its document comes from another device (a supervisor imports it).
  const people = rand() < 0.2 ? 0 : s === session && rand() < 0.06 ? 2 : 1;
  const result = pick(RESULTS);
  const r = rand();
  const status = r < 0.3 ? 'screened' : r < 0.35 ? 'closed' : 'draft';
  if (people === 2) {
    const id = importCase(s, {
      ...details,
      persons: [person(`${pick(NAMES)} ${i}`), person(`${pick(NAMES)} ${i} second`)],
      status,
      screeningResult: result,
      ...(status === 'closed' ? { statusReason: 'Screened, no follow-up' } : {}),
      at: new Date(store.clock.now()),
    });
    const createdBy = s.db.prepare('SELECT created_by FROM cases WHERE id = ?').pluck().get(id) as string;
    remember(getCase(s, id), { province, vesselRegistration, createdBy });
    return;
  }
  let detail = createCase(s, { ...details, ...(people ? { person: person(`${pick(NAMES)} ${i}`) } : {}) });
  // Results and "screened" come from completed interviews in main; a list test sets them directly.
  if (result !== 'not_screened') {
    s.db.prepare('UPDATE cases SET screening_result = ? WHERE id = ?').run(result, detail.id);
    detail = { ...detail, screeningResult: result };
  }
  if (status === 'screened') {
    s.db.prepare("UPDATE cases SET status = 'screened' WHERE id = ?").run(detail.id);
    detail = { ...detail, status: 'screened' };
  } else if (status === 'closed') {
    store.clock.advance(1 + Math.floor(rand() * 1000));
    detail = setCaseStatus(s, { id: detail.id, status: 'closed', reason: 'Screened, no follow-up' });
  }
  remember(detail, { province, vesselRegistration, createdBy: s.requireUser().id });
}

/** Changes after creation, each through the service that makes it in the app. */
function changeCases(kind: 'edits' | 'deletions', cases: ModelCase[]): void {
  for (const m of cases) {
    // Every case with two people among the deletions is re-imported (its people's order swapped).
    const choice = kind === 'edits' ? rand() * 0.8 : m.persons.length > 1 ? 0.95 : 0.8 + rand() * 0.2;
    store.clock.advance(1 + Math.floor(rand() * 1000));
    const someone = m.persons.length ? pick(m.persons) : undefined;
    if (choice < 0.4 && someone) {
      // Rename a person (the first or, on a case with two, sometimes the second), change the
      // nationality (sometimes to unknown) and the languages.
      const p = updatePerson(session, {
        id: someone.id,
        nameOrAlias: `${pick(NAMES)} renamed ${m.summary.reference.slice(-4)}`,
        nationality: rand() < 0.3 ? null : pick(NATIONALITIES),
        languages: rand() < 0.3 ? [] : [pick(LANGUAGES), pick(LANGUAGES)],
      });
      m.persons = m.persons.map((x) => (x.id === p.id ? personOf(p) : x));
    } else if (choice < 0.8) {
      const iv = startInterview(session, {
        caseId: m.summary.id,
        instrumentId: 'test',
        instrumentVersion: '1',
        tier: 'short',
        intervieweeLanguage: pick(LANGUAGES),
      });
      m.interviews.push({ id: iv.id, startedAt: iv.startedAt, language: iv.intervieweeLanguage });
    } else if (choice < 0.9) {
      deleteCase(session, { caseId: m.summary.id, reason: 'Entered twice' });
      model.delete(m.summary.id);
    } else {
      // Deleted and imported again from its own document, the people's creation times swapped (the
      // second person becomes the first). An import never credits a local account: no officer name.
      const doc = exportCaseDocument(session, m.summary.id);
      deleteCase(session, { caseId: m.summary.id, reason: 'Re-imported from the shelter copy' });
      const [a, b] = doc.persons;
      if (a && b) {
        [a.createdAt, b.createdAt] = [b.createdAt, a.createdAt];
        reordered++;
      }
      importCaseDocument(session, doc);
      m.persons = doc.persons.map((p) => ({
        id: p.id,
        createdAt: p.createdAt,
        name: p.nameOrAlias,
        nationality: p.nationality,
        languages: p.languages,
      }));
      m.createdBy = session.db
        .prepare('SELECT created_by FROM cases WHERE id = ?')
        .pluck()
        .get(m.summary.id) as string;
    }
  }
}

/** Plain case columns (time of the last change, revision) as stored: not what this test is about. */
function refreshPlainColumns(): void {
  const rows = session.db
    .prepare('SELECT id, status, screening_result, updated_at, revision FROM cases')
    .all() as {
    id: string;
    status: CaseSummary['status'];
    screening_result: CaseSummary['screeningResult'];
    updated_at: string;
    revision: number;
  }[];
  for (const r of rows) {
    const m = model.get(r.id);
    if (!m) continue;
    Object.assign(m.summary, {
      status: r.status,
      screeningResult: r.screening_result,
      updatedAt: r.updated_at,
      revision: r.revision,
    });
  }
}

beforeAll(async () => {
  store = await createTestStore();
  session = await store.unlock();
  officers.set(session.requireUser().id, SUPERVISOR.displayName);
  const officer = await addUser(session, { ...OFFICER, role: 'officer' });
  officers.set(officer.id, OFFICER.displayName);
  // One outer transaction: each service call's own transaction becomes a savepoint inside it, so
  // 10,000 cases cost one commit (one fsync) instead of 20,000.
  session.db.transaction(() => {
    for (let i = 0; i < N - 500; i++) makeCase(session, i);
  })();
  // Some cases opened by a second officer, on their own connection.
  const other = await store.vault.unlock(OFFICER.username, OFFICER.passphrase);
  other.db.transaction(() => {
    for (let i = N - 500; i < N; i++) makeCase(other, i);
  })();
  other.lock();
  const open = [...model.values()].filter((m) => !['closed', 'consent_withdrawn'].includes(m.summary.status));
  session.db.transaction(() => changeCases('edits', open.slice(0, 1200)))();
  // A deletion checkpoints the WAL after its commit: no outer transaction.
  changeCases('deletions', open.slice(1200, 1500));
  // No screen renames a user yet; the list must follow when one does.
  session.db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run('Anong W.', officer.id);
  officers.set(officer.id, 'Anong W.');
  refreshPlainColumns();
}, 600_000);

afterAll(() => {
  session.lock();
  store.remove();
});

// ---- the same query, computed in JS ----

type SortColumn = NonNullable<CaseListQuery['sort']>['column'];

/**
 * SQLite's BINARY collation compares UTF-8 bytes; for these (BMP-only) strings that is code unit order.
 * NULL sorts before any text; NOCASE columns compare ASCII case-folded.
 */
function cmp(a: string | null, b: string | null, nocase = false): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const fold = (s: string) => (nocase ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function haystack(m: ModelCase): string {
  return [
    m.summary.reference,
    m.summary.placeName,
    m.province,
    m.summary.vesselName,
    m.vesselRegistration,
    ...m.persons.flatMap((p) => [p.name, p.nationality]),
  ]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('\n')
    .toLowerCase();
}

interface Query {
  search?: string;
  status?: CaseSummary['status'];
  place?: string;
  result?: CaseSummary['screeningResult'];
  dateFrom?: string;
  dateTo?: string;
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A query sorted as `order` says ("column direction"), on the first page of 500 unless `rest` says. */
function listQuery(order: `${SortColumn} ${'asc' | 'desc'}`, rest: Partial<Omit<Query, 'sort'>> = {}): Query {
  const [column, direction] = order.split(' ') as [SortColumn, 'asc' | 'desc'];
  return { sort: { column, direction }, offset: 0, limit: 500, ...rest };
}

function expected(query: Query): { total: number; ids: string[] } {
  const terms = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matching = [...model.values()]
    .map((m) => ({ m, s: summaryOf(m) }))
    .filter(({ m, s }) => {
      if (query.status && s.status !== query.status) return false;
      if (query.place && s.placeName !== query.place) return false;
      if (query.result && s.screeningResult !== query.result) return false;
      if (query.dateFrom && s.screeningDate < query.dateFrom) return false;
      if (query.dateTo && s.screeningDate > query.dateTo) return false;
      const text = haystack(m);
      return terms.every((t) => text.includes(t));
    });
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const column = query.sort.column;
  const nocase = column === 'nationality' || column === 'officer' || column === 'primaryPersonName';
  const sorted = matching.sort(
    (a, b) => sign * (cmp(a.s[column], b.s[column], nocase) || cmp(a.s.id, b.s.id)),
  );
  return {
    total: matching.length,
    ids: sorted.slice(query.offset, query.offset + query.limit).map((x) => x.s.id),
  };
}

function actual(query: CaseListQuery, plan: ListOptions = {}): { total: number; ids: string[] } {
  const page = listCases(session, query, plan);
  return { total: page.total, ids: page.rows.map((r) => r.id) };
}

/** Every way the list can find a page: as it chooses, each page plan, and each way of applying a search. */
const PLANS: ListOptions[] = [
  {},
  { plan: 'walk-sort-index' },
  { plan: 'sort-matches' },
  { plan: 'walk-sort-index', search: 'check-each' },
  { plan: 'sort-matches', search: 'check-each' },
  // Walks that give up after a few cases (the page is then found by sorting the matches, or by walking
  // on with the search's key list).
  { plan: 'walk-sort-index', walkBudget: 60 },
  { plan: 'walk-sort-index', search: 'check-each', walkBudget: 60 },
  { search: 'key-list' },
];

describe('the case list over 10,000 cases', () => {
  it('generated what the test expects (every filter value and derived case occurs)', () => {
    expect(model.size).toBeGreaterThan(N - 400);
    expect(listCases(session, {}).total).toBe(model.size);
    const all = [...model.values()];
    for (const place of PLACES) expect(all.some((m) => m.summary.placeName === place)).toBe(true);
    for (const result of RESULTS) expect(all.some((m) => m.summary.screeningResult === result)).toBe(true);
    expect(new Set(all.map((m) => m.summary.status))).toEqual(new Set(['draft', 'screened', 'closed']));
    expect(all.filter((m) => m.persons.length >= 2).length).toBeGreaterThan(100);
    expect(reordered).toBeGreaterThan(5);
    expect(all.filter((m) => m.interviews.length > 0).length).toBeGreaterThan(100);
    expect(all.filter((m) => !officers.has(m.createdBy)).length).toBeGreaterThan(10);
    expect(new Set(all.map((m) => derived(m).officer))).toEqual(
      new Set([SUPERVISOR.displayName, 'Anong W.', null]),
    );
  });

  it('every list row equals the model, derived columns included', () => {
    let seen = 0;
    for (let offset = 0; offset < model.size; offset += 500) {
      const { rows } = listCases(session, {
        offset,
        limit: 500,
        sort: { column: 'reference', direction: 'asc' },
      });
      for (const row of rows) expect(row).toEqual(summaryOf(model.get(row.id) as ModelCase));
      seen += rows.length;
    }
    expect(seen).toBe(model.size);
  });

  const queries: { name: string; query: Query }[] = [
    {
      name: 'default order (last change, newest first), first page',
      query: listQuery('updatedAt desc', { limit: 50 }),
    },
    {
      name: 'one place, by screening date ascending (many ties, broken by id), a middle page',
      query: listQuery('screeningDate asc', { place: 'ศูนย์ PIPO สมุทรสาคร', offset: 200, limit: 150 }),
    },
    {
      name: 'result and date range, by reference descending',
      query: listQuery('reference desc', {
        result: 'indicators_found',
        dateFrom: '2025-03-01',
        dateTo: '2025-08-31',
      }),
    },
    {
      name: 'status, by place ascending, last page',
      query: listQuery('placeName asc', { status: 'screened', offset: 2700 }),
    },
    {
      name: 'search two words (name and number) with a place, by creation time',
      query: listQuery('createdAt asc', { search: 'Aung 1', place: 'Songkhla PIPO' }),
    },
    {
      name: 'search by nationality and vessel words, result, by status then id descending',
      query: listQuery('status desc', { search: 'cambodia star', result: 'urgent', offset: 10, limit: 100 }),
    },
    {
      name: 'every filter at once, by screening result',
      query: listQuery('screeningResult asc', {
        search: 'sea',
        status: 'draft',
        place: 'Trat PIPO',
        result: 'no_indicators',
        dateFrom: '2025-02-01',
        dateTo: '2026-01-31',
      }),
    },
    {
      name: 'by nationality ascending (cases without a person first), a middle page',
      query: listQuery('nationality asc', { offset: 1900, limit: 300 }),
    },
    {
      name: 'one status, by interviewee language descending (interview language over first language)',
      query: listQuery('intervieweeLanguage desc', { status: 'draft', offset: 1000 }),
    },
    {
      name: 'one place, by person name descending (names repeat with numbers; no person last)',
      query: listQuery('primaryPersonName desc', { place: 'Satun PIPO' }),
    },
    {
      name: 'by officer (two officers and people from elsewhere; ties broken by id), a late page',
      query: listQuery('officer asc', { offset: 9000 }),
    },
    {
      name: 'search a renamed person and a Burmese name, by nationality descending',
      query: listQuery('nationality desc', { search: 'renamed' }),
    },
    {
      name: 'search Burmese and Thai words, by person name',
      query: listQuery('primaryPersonName asc', { search: 'မောင် အောင်' }),
    },
    {
      name: 'search short words only (instr, not the trigram index), a place, by officer',
      query: listQuery('officer desc', { search: 'สม 7', place: 'Trat PIPO' }),
    },
    {
      name: 'search matching about half the cases, nothing else filtered, by person name (each case checked)',
      query: listQuery('primaryPersonName asc', { search: 'pipo', limit: 50 }),
    },
    {
      name: 'the same search, a deep page by reference descending',
      query: listQuery('reference desc', { search: 'pipo', offset: 3000 }),
    },
    {
      name: 'one letter in almost every case, by officer (short word, each case checked)',
      query: listQuery('officer asc', { search: 'a', offset: 100, limit: 100 }),
    },
    {
      name: 'search words that look like FTS syntax are plain text',
      query: listQuery('reference asc', { search: 'star or' }),
    },
  ];

  it.each(queries)('$name', ({ query }) => {
    const want = expected(query);
    expect(want.ids.length).toBeGreaterThan(0);
    for (const plan of PLANS) expect(actual(query, plan), JSON.stringify(plan)).toEqual(want);
  });

  it('searches that match nothing, including FTS syntax and quotes, find nothing and do not fail', () => {
    for (const search of [
      '"',
      'sea"star',
      'NEAR(sea star)',
      'sea*',
      'ko AND',
      '(aung',
      'zzqq',
      '-',
      '^sea',
    ]) {
      const query = listQuery('reference asc', { search, limit: 50 });
      const want = expected(query);
      for (const plan of PLANS)
        expect(actual(query, plan), `${search} ${JSON.stringify(plan)}`).toEqual(want);
    }
  });

  it('random substrings of cases as searches, with random filters and sorts, equal the model', () => {
    const all = [...model.values()];
    for (let i = 0; i < 60; i++) {
      const text = haystack(pick(all)).replace(/\s+/g, ' ');
      const length = 1 + Math.floor(rand() * 6);
      const start = Math.floor(rand() * Math.max(1, text.length - length));
      const word = text.slice(start, start + length).trim();
      const query: Query = {
        ...(word ? { search: word } : {}),
        ...(rand() < 0.3 ? { status: pick(['draft', 'screened', 'closed'] as const) } : {}),
        ...(rand() < 0.3 ? { place: pick(PLACES) } : {}),
        ...(rand() < 0.2 ? { dateFrom: isoDay('2025-01-01', Math.floor(rand() * 400)) } : {}),
        sort: { column: pick(CASE_SORT_COLUMNS), direction: rand() < 0.5 ? 'asc' : 'desc' },
        offset: Math.floor(rand() * 3) * 20,
        limit: 1 + Math.floor(rand() * 100),
      };
      const want = expected(query);
      for (const plan of PLANS) expect(actual(query, plan), JSON.stringify({ ...query, plan })).toEqual(want);
    }
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
      total: [...model.values()].filter((m) => m.summary.placeName === 'Satun PIPO').length,
      ids: [],
    });
  });
});
