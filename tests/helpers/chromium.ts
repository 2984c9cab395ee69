import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (never a browser Playwright downloads), started the same way by the end-to-end
 * tests (playwright.config.ts) and the benchmarks: headless, no network of its own, no sandbox (the
 * test machines run as root). CHROMIUM_PATH points elsewhere when it is not /usr/bin/chromium.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
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
};
