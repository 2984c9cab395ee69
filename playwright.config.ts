import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/helpers/chromium';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the real services through
 * the loopback preview server (the Electron binary cannot be downloaded on these machines).
 * `npm test` builds first; the server gets a fresh data folder and a known token per run.
 */
export const PREVIEW_PORT = Number(process.env.FIELDSCREEN_E2E_PORT ?? 5181);
export const PREVIEW_TOKEN = process.env.FIELDSCREEN_E2E_TOKEN ?? `e2e-${process.pid}-${Date.now()}`;
process.env.FIELDSCREEN_E2E_TOKEN = PREVIEW_TOKEN;
// The shared store's folders: made here once per run (workers inherit them through the environment)
// and removed by the global teardown, with the recovery key the specs keep beside the data folder.
// Folders named by the caller are the caller's and stay.
if (!process.env.FIELDSCREEN_E2E_DATA) {
  const made = mkdtempSync(join(tmpdir(), 'fieldscreen-e2e-'));
  process.env.FIELDSCREEN_E2E_DATA = made;
  process.env.FIELDSCREEN_E2E_REMOVE_AFTER = JSON.stringify([made, `${made}.recovery-key`]);
}
if (!process.env.FIELDSCREEN_E2E_EXPORTS) {
  const made = mkdtempSync(join(tmpdir(), 'fieldscreen-e2e-exports-'));
  process.env.FIELDSCREEN_E2E_EXPORTS = made;
  const listed = JSON.parse(process.env.FIELDSCREEN_E2E_REMOVE_AFTER ?? '[]') as string[];
  process.env.FIELDSCREEN_E2E_REMOVE_AFTER = JSON.stringify([...listed, made]);
}
const dataDir = process.env.FIELDSCREEN_E2E_DATA;
const exportDir = process.env.FIELDSCREEN_E2E_EXPORTS;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  // One retry in CI for timing on a loaded 2-core machine; a retried test is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: `node out/main/preview.js --port ${PREVIEW_PORT} --data ${dataDir} --export-dir ${exportDir}`,
    url: `http://127.0.0.1:${PREVIEW_PORT}/index.html`,
    env: { FIELDSCREEN_PREVIEW_TOKEN: PREVIEW_TOKEN },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
