import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openDatabase } from '../src/main/db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from '../src/main/db/migrations';
import { migration0006 } from '../src/main/db/migrations/0006-case-list';
import { createDispatcher } from '../src/main/ipc/dispatch';
import { handlers } from '../src/main/ipc/handlers';
import { startPreviewServer } from '../src/main/preview/server';
import { createAppContext } from '../src/main/services/app-context';
import { folderExportTarget } from '../src/main/services/folder-export';
import { insertUser } from '../src/main/store/accounts';
import { listCases } from '../src/main/store/cases';
import { Session } from '../src/main/store/session';
import { Vault } from '../src/main/store/vault';
import type { CaseListQuery } from '../src/shared/domain/cases';
import { CHROMIUM_LAUNCH_OPTIONS } from '../tests/helpers/chromium';
import { SEED_PLACES, type SeedResult, seedCaseLoad } from './case-seed';
import { median, type Print, round } from './figures';

/**
 * The case list at a laptop's scale (10,000 cases) and at a provincial office's (100,000), each store
 * seeded with direct SQL in one transaction (bench/case-seed.ts):
 *
 * - 10,000: a store made by this version, seeded through its triggers as the app writes
 *   (case_list_seed_10k_ms, with the CPU time, which a shared machine disturbs less);
 * - 100,000: an office store from the version before the case-list migration, seeded there
 *   (case_list_seed_100k_ms) and then upgraded as the app does at the first sign-in
 *   (case_list_upgrade_100k_ms: back-fill of the derived columns, sort indexes, search index).
 *
 * Then, per size:
 * - case_list_<n>_query_ms: place + date filter, sort, first page of 50 (the count included); median of 20.
 * - case_list_<n>_derived_sort_ms: unfiltered, sorted by a derived column (first person's name or
 *   nationality, interviewee language, officer), first page; the slowest column's median of 20.
 * - case_list_<n>_search_ms: one or two search words and a sort, first page; median of 20.
 * - case_list_<n>_query_worst_ms: the slowest of filters and sorts chosen against the page plans (a
 *   sort correlated with a narrow date window, so the matches sit at the far end of the sort index; a
 *   rare status and result; a page deep in the list, as when scrolling); each its median of 10.
 * - case_list_<n>_search_broad_ms: the slowest of searches that match most cases (a word in every PIPO
 *   place, a reference prefix, one letter; and the PIPO word at one place), first page; each its
 *   median of 10.
 * Each query figure also gives cpu_ms, the median CPU time of the process, which a shared machine
 * disturbs less than the wall time.
 * And at 10,000, case_list_10k_render_ms: in Debian's Chromium through the preview server, from a sort
 * click on the case list to the first rows of the new order painted (the query, IPC over HTTP, React
 * render and the next frame); median of 10. Needs a built renderer (`npm run build`).
 */
export async function run(print: Print): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fs-bench-list-'));
  try {
    await laptop(join(root, 'laptop'), print);
    office(join(root, 'office'), print);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function laptop(root: string, print: Print): Promise<void> {
  const cases = 10_000;
  mkdirSync(root);
  const dataDir = join(root, 'data');
  await Vault.initialise(dataDir, BENCH_USER, { kdfProfile: 'test' });
  const session = await new Vault(dataDir).unlock(BENCH_USER.username, BENCH_USER.passphrase);
  const [seeded, seedFigure] = measured(() =>
    seedCaseLoad(session.db, { cases, userId: session.requireUser().id }),
  );
  print({ name: 'case_list_seed_10k_ms', ...seedFigure, ...countsOf(seeded) });
  measureQueries(session, cases, seeded.lastDay, print);
  session.lock('manual');
  await measureRender(root, dataDir, print);
}

function office(root: string, print: Print): void {
  const cases = 100_000;
  mkdirSync(root);
  const key = randomBytes(32);
  const db = openDatabase(join(root, 'office.db'), key, { create: true, migrate: false, quickCheck: false });
  const before = migration0006.version - 1;
  migrate(db, before);
  const user = { id: randomUUID(), username: 'bench', displayName: 'Bench', role: 'supervisor' as const };
  insertUser(db, user, 'supervisor', new Date(), null);
  const [seeded, seedFigure] = measured(() => seedCaseLoad(db, { cases, userId: user.id }));
  print({ name: 'case_list_seed_100k_ms', ...seedFigure, ...countsOf(seeded), schemaVersion: before });
  const [, upgradeFigure] = measured(() => migrate(db));
  print({ name: 'case_list_upgrade_100k_ms', ...upgradeFigure, from: before, to: LATEST_SCHEMA_VERSION });
  const session = new Session({
    kind: 'user',
    user,
    dir: root,
    db,
    dbKey: key,
    clock: Date.now,
    kdfProfile: 'test',
  });
  measureQueries(session, cases, seeded.lastDay, print);
  session.lock('manual');
}

/** Runs fn once: its result, and its wall and CPU time as figure fields. */
function measured<T>(fn: () => T): [T, { value: number; unit: string; cpu_ms: number }] {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = fn();
  const cpu = process.cpuUsage(cpu0);
  return [
    result,
    { value: round(performance.now() - t0), unit: 'ms', cpu_ms: round((cpu.user + cpu.system) / 1000) },
  ];
}

const countsOf = (s: SeedResult) => ({ cases: s.cases, persons: s.persons, interviews: s.interviews });

const label = (cases: number) => `${cases / 1000}k`;
const BENCH_USER = { username: 'bench', displayName: 'Bench', passphrase: 'bench passphrase long enough' };

/**
 * Runs fn `samples` times: the median wall time, and the median CPU time of the process (which other
 * work on a shared machine disturbs less; above the wall time only when SQLite's threads add to it).
 */
function timed(samples: number, fn: (i: number) => unknown): { ms: number; cpu_ms: number } {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    ms.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: round(median(ms)), cpu_ms: round(median(cpu)) };
}

export function measureQueries(session: Session, cases: number, lastDay: string, print: Print): void {
  // The office looks at the last year or so of one place.
  const dateFrom = `${Number(lastDay.slice(0, 4)) - 1}${lastDay.slice(4)}`;
  let matches = 0;
  const query = timed(20, (i) => {
    matches = listCases(session, {
      place: SEED_PLACES[i % SEED_PLACES.length],
      dateFrom,
      sort: { column: i % 2 ? 'reference' : 'screeningDate', direction: i % 4 < 2 ? 'asc' : 'desc' },
      limit: 50,
    }).total;
  });
  print({
    name: `case_list_${label(cases)}_query_ms`,
    value: query.ms,
    cpu_ms: query.cpu_ms,
    unit: 'ms',
    cases,
    matches,
    samples: 20,
  });
  // The slowest of the derived columns (each its own median, both directions).
  const derivedColumns = ['primaryPersonName', 'nationality', 'intervieweeLanguage', 'officer'] as const;
  const perColumn = derivedColumns.map((column) => ({
    column,
    ...timed(20, (i) =>
      listCases(session, { sort: { column, direction: i % 2 ? 'asc' : 'desc' }, limit: 50 }),
    ),
  }));
  const slowest = perColumn.reduce((a, b) => (b.ms > a.ms ? b : a));
  print({
    name: `case_list_${label(cases)}_derived_sort_ms`,
    value: slowest.ms,
    cpu_ms: slowest.cpu_ms,
    unit: 'ms',
    cases,
    samples: 20,
    column: slowest.column,
    note: `unfiltered, first page; slowest of ${perColumn.map((c) => `${c.column} ${c.ms}`).join(', ')}`,
  });
  const searches = ['aung 12', 'ranong sea', 'မောင်အောင်', 'cambodia rn-'];
  const search = timed(20, (i) =>
    listCases(session, {
      search: searches[i % searches.length],
      sort: { column: 'screeningDate', direction: 'desc' },
      limit: 50,
    }),
  );
  print({
    name: `case_list_${label(cases)}_search_ms`,
    value: search.ms,
    cpu_ms: search.cpu_ms,
    unit: 'ms',
    cases,
    samples: 20,
  });
  const day = (minusDays: number) =>
    new Date(Date.parse(`${lastDay}T00:00:00Z`) - minusDays * 86_400_000).toISOString().slice(0, 10);
  printSlowest(session, print, `case_list_${label(cases)}_query_worst_ms`, cases, {
    'last 3 weeks by reference ascending': {
      dateFrom: day(20),
      sort: { column: 'reference', direction: 'asc' },
    },
    'first 3 weeks by creation, newest first': {
      dateTo: day(Math.round(cases / 100) - 21),
      sort: { column: 'createdAt', direction: 'desc' },
    },
    'place and last year by reference ascending': {
      place: SEED_PLACES[0],
      dateFrom: day(365),
      sort: { column: 'reference', direction: 'asc' },
    },
    'withdrawn and urgent by language': {
      status: 'consent_withdrawn',
      result: 'urgent',
      sort: { column: 'intervieweeLanguage', direction: 'asc' },
    },
    'by name, page 51 (scrolled)': { sort: { column: 'primaryPersonName', direction: 'asc' }, offset: 5000 },
  });
  printSlowest(session, print, `case_list_${label(cases)}_search_broad_ms`, cases, {
    pipo: { search: 'pipo', sort: { column: 'screeningDate', direction: 'desc' } },
    'reference prefix': {
      search: `fs-${lastDay.slice(0, 4)}`,
      sort: { column: 'screeningDate', direction: 'desc' },
    },
    'one letter': { search: 'a', sort: { column: 'screeningDate', direction: 'desc' } },
    'pipo at one place': {
      search: 'pipo',
      place: SEED_PLACES[1],
      sort: { column: 'primaryPersonName', direction: 'asc' },
    },
  });
}

/** Each query's median of 10 (first page of 50 unless it says otherwise); prints the slowest. */
function printSlowest(
  session: Session,
  print: Print,
  name: string,
  cases: number,
  queries: Record<string, CaseListQuery>,
): void {
  const each = Object.entries(queries).map(([what, query]) => {
    let matches = 0;
    const t = timed(10, () => {
      matches = listCases(session, { limit: 50, ...query }).total;
    });
    return { what, ...t, matches };
  });
  const slowest = each.reduce((a, b) => (b.ms > a.ms ? b : a));
  print({
    name,
    value: slowest.ms,
    cpu_ms: slowest.cpu_ms,
    unit: 'ms',
    cases,
    samples: 10,
    query: slowest.what,
    matches: slowest.matches,
    note: `slowest of ${each.map((e) => `${e.what} ${e.ms} (${e.matches})`).join(', ')}`,
  });
}

async function measureRender(root: string, dataDir: string, print: Print): Promise<void> {
  const user = BENCH_USER;
  const ctx = createAppContext({
    runtime: 'preview',
    dataDir,
    appVersion: 'bench',
    exportTarget: folderExportTarget(join(root, 'exports')),
  });
  const server = await startPreviewServer({
    rendererDir: join(__dirname, '..', 'out', 'renderer'),
    dispatch: createDispatcher(handlers, ctx),
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.getByTestId('unlock-username').fill(user.username);
    await page.getByTestId('unlock-passphrase').fill(user.passphrase);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('open-case').first().waitFor();
    const render: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const firstRef = () => document.querySelector('[data-testid="open-case"]')?.textContent ?? '';
            const before = firstRef();
            const button = document.querySelector<HTMLButtonElement>('[data-testid="sort-reference"]');
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (firstRef() !== before) {
                observer.disconnect();
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            button?.click();
          }),
      );
      render.push(ms);
    }
    print({
      name: 'case_list_10k_render_ms',
      value: round(median(render)),
      unit: 'ms',
      cases: 10_000,
      samples: 10,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
