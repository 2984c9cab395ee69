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
import { Vault } from '../src/main/store/vault';
import { median, type Print, round } from './figures';
import { seedCases } from './store.bench';

/**
 * case_list_10k_query_ms: filter + sort + first page of 50, in SQL, over 10,000 cases; median of 20.
 * case_list_10k_derived_sort_ms: the slowest list query: all 10,000 sorted by a derived column.
 * case_list_10k_render_ms: in Debian's Chromium through the preview server, from a sort click on the
 * case list to the first rows of the new order painted (the query, IPC over HTTP, React render and the
 * next frame); median of 10. Needs a built renderer (`npm run build`).
 */
export async function run(print: Print): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fs-bench-list-'));
  const dataDir = join(root, 'data');
  const user = { username: 'bench', displayName: 'Bench', passphrase: 'bench passphrase long enough' };
  try {
    await Vault.initialise(dataDir, user, { kdfProfile: 'test' });
    const session = await new Vault(dataDir).unlock(user.username, user.passphrase);
    seedCases(session);
    const places = ['Ranong Port', 'Songkhla PIPO', 'Samut Sakhon PIPO'];
    let matches = 0;
    const query: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const result = listCases(session, {
        place: places[i % places.length] ?? 'Ranong',
        dateFrom: '2025-03-01',
        sort: { column: i % 2 ? 'reference' : 'screeningDate', direction: i % 4 < 2 ? 'asc' : 'desc' },
        limit: 50,
      });
      query.push(performance.now() - t0);
      matches = result.total;
    }
    // Worst case: no filter, sorted by a column computed per row (the first person's nationality or the
    // interview language are subqueries, not indexed columns), so SQLite evaluates it for all 10,000.
    const derived: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      listCases(session, {
        sort: { column: i % 2 ? 'nationality' : 'intervieweeLanguage', direction: 'asc' },
        limit: 50,
      });
      derived.push(performance.now() - t0);
    }
    session.lock('manual');
    print({
      name: 'case_list_10k_query_ms',
      value: round(median(query)),
      unit: 'ms',
      cases: 10_000,
      matches,
      samples: 20,
    });
    print({
      name: 'case_list_10k_derived_sort_ms',
      value: round(median(derived)),
      unit: 'ms',
      cases: 10_000,
      samples: 10,
      note: 'unfiltered, sorted by nationality / interviewee language (per-row subqueries)',
    });

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
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
