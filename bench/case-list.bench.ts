import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createDispatcher } from '../src/main/ipc/dispatch';
import { handlers } from '../src/main/ipc/handlers';
import { startPreviewServer } from '../src/main/preview/server';
import { createAppContext } from '../src/main/services/app-context';
import { folderExportTarget } from '../src/main/services/folder-export';
import { listCases } from '../src/main/store/cases';
import type { Session } from '../src/main/store/session';
import { Vault } from '../src/main/store/vault';
import { SEED_PLACES, seedCaseLoad } from './case-seed';
import { median, type Print, round } from './figures';

/** The list's own figures at a laptop's scale and at a provincial office's. */
const SIZES = [10_000, 100_000] as const;
const label = (cases: number) => `${cases / 1000}k`;

/**
 * Per size, in a fresh store seeded with direct SQL (bench/case-seed.ts):
 * - case_list_seed_<n>_ms: seeding time (one transaction).
 * - case_list_<n>_query_ms: place + date filter, sort, first page of 50 (the count included); median of 20.
 * - case_list_<n>_derived_sort_ms: unfiltered, sorted by a derived column (first person's name or
 *   nationality, interviewee language, officer), first page; the slowest column's median of 20.
 * - case_list_<n>_search_ms: two search words and a sort, first page; median of 20.
 * Then, at 10,000 only, case_list_10k_render_ms: in Debian's Chromium through the preview server, from
 * a sort click on the case list to the first rows of the new order painted (the query, IPC over HTTP,
 * React render and the next frame); median of 10. Needs a built renderer (`npm run build`).
 */
export async function run(print: Print): Promise<void> {
  for (const cases of SIZES) {
    const root = mkdtempSync(join(tmpdir(), 'fs-bench-list-'));
    try {
      const dataDir = join(root, 'data');
      await Vault.initialise(dataDir, BENCH_USER, { kdfProfile: 'test' });
      const session = await new Vault(dataDir).unlock(BENCH_USER.username, BENCH_USER.passphrase);
      const user = session.requireUser();
      const t0 = performance.now();
      const seeded = seedCaseLoad(session.db, { cases, userId: user.id });
      print({
        name: `case_list_seed_${label(cases)}_ms`,
        value: round(performance.now() - t0),
        unit: 'ms',
        cases: seeded.cases,
        persons: seeded.persons,
        interviews: seeded.interviews,
        answers: seeded.answers,
      });
      measureQueries(session, cases, seeded.lastDay, print);
      if (cases === 10_000) {
        session.lock('manual');
        await measureRender(root, dataDir, print);
      } else session.lock('manual');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

const BENCH_USER = { username: 'bench', displayName: 'Bench', passphrase: 'bench passphrase long enough' };

function timed(samples: number, fn: (i: number) => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn(i);
    ms.push(performance.now() - t0);
  }
  return round(median(ms));
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
    value: query,
    unit: 'ms',
    cases,
    matches,
    samples: 20,
  });
  // The slowest of the derived columns (each its own median, both directions).
  const derivedColumns = ['primaryPersonName', 'nationality', 'intervieweeLanguage', 'officer'] as const;
  const perColumn = derivedColumns.map((column) => ({
    column,
    ms: timed(20, (i) =>
      listCases(session, { sort: { column, direction: i % 2 ? 'asc' : 'desc' }, limit: 50 }),
    ),
  }));
  const slowest = perColumn.reduce((a, b) => (b.ms > a.ms ? b : a));
  print({
    name: `case_list_${label(cases)}_derived_sort_ms`,
    value: slowest.ms,
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
  print({ name: `case_list_${label(cases)}_search_ms`, value: search, unit: 'ms', cases, samples: 20 });
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
