import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the real services through
 * the loopback preview server (the Electron binary cannot be downloaded on these machines).
 * `npm test` builds first; the server gets a fresh data folder and a known token per run.
 */
export const PREVIEW_PORT = Number(process.env.FIELDSCREEN_E2E_PORT ?? 5181);
export const PREVIEW_TOKEN = process.env.FIELDSCREEN_E2E_TOKEN ?? `e2e-${process.pid}-${Date.now()}`;
process.env.FIELDSCREEN_E2E_TOKEN = PREVIEW_TOKEN;
const dataDir = process.env.FIELDSCREEN_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'fieldscreen-e2e-'));
process.env.FIELDSCREEN_E2E_DATA = dataDir;
const exportDir =
  process.env.FIELDSCREEN_E2E_EXPORTS ?? mkdtempSync(join(tmpdir(), 'fieldscreen-e2e-exports-'));
process.env.FIELDSCREEN_E2E_EXPORTS = exportDir;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry in CI for timing on a loaded 2-core machine; a retried test is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
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
    },
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
