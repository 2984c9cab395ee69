import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const TOKEN = process.env.FIELDSCREEN_E2E_TOKEN ?? '';
export const DATA_DIR = process.env.FIELDSCREEN_E2E_DATA ?? '';
export const EXPORT_DIR = process.env.FIELDSCREEN_E2E_EXPORTS ?? '';
const RECOVERY_KEY_FILE = `${DATA_DIR}.recovery-key`;

/** The recovery key of this run's store (whichever spec file set it up). */
export function recoveryKeyOfRun(): string {
  return readFileSync(RECOVERY_KEY_FILE, 'utf8').trim();
}

/** Opens the app the way the preview's printed URL does: token in the fragment. */
export async function openApp(page: Page) {
  await page.goto(`/#token=${TOKEN}`);
  await expect(page.locator('.app-header')).toBeVisible();
}

/** Waits until every bundled font face the page uses has loaded (no fallback, no boxes). */
export async function fontsReady(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

export function shotPath(name: string) {
  return `test-results/screenshots/${name}.png`;
}

export const SUPERVISOR = { name: 'Somchai Jaidee', user: 'somchai', pass: 'correct horse battery staple' };

/**
 * All spec files share one preview server and data folder: whichever runs first sets the store up.
 * This signs in as the supervisor from either state and returns the recovery key when it was shown.
 */
export async function ensureSignedIn(page: Page): Promise<string | null> {
  await expect(
    page
      .locator('[data-testid="setup-username"], [data-testid="unlock-username"], [data-testid="who"]')
      .first(),
  ).toBeVisible();
  if (await page.getByTestId('who').isVisible()) return null;
  if (await page.getByTestId('setup-username').isVisible()) {
    await page.getByTestId('setup-display-name').fill(SUPERVISOR.name);
    await page.getByTestId('setup-username').fill(SUPERVISOR.user);
    await page.getByTestId('setup-passphrase').fill(SUPERVISOR.pass);
    await page.getByTestId('setup-confirm').fill(SUPERVISOR.pass);
    await page.screenshot({ path: shotPath('setup') });
    await page.getByTestId('setup-submit').click();
    const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').replace(/[^0-9a-f]/gi, '');
    expect(key).toMatch(/^[0-9a-f]{64}$/i);
    await page.screenshot({ path: shotPath('recovery-key') });
    // The key is shown once; the officer must confirm it is written down before going on.
    await expect(page.getByTestId('recovery-continue')).toBeDisabled();
    await page.getByTestId('recovery-stored').check();
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('who')).toBeVisible();
    // Later spec files in this run need the key to read the store directly (test-only file in /tmp).
    writeFileSync(RECOVERY_KEY_FILE, key, { mode: 0o600 });
    return key;
  }
  await page.getByTestId('unlock-username').fill(SUPERVISOR.user);
  await page.getByTestId('unlock-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('who')).toBeVisible();
  return null;
}

/** Elements of the main containers whose content is wider than their box (clipped or overflowing). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors =
      '.app-header, .app-main, .panel, .question, .interview-bar, .field, .choices, .row, table, button, label';
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      bad.push(`document ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors))) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 2) {
        const id = el.getAttribute('data-testid') ?? el.className ?? el.tagName;
        bad.push(`${el.tagName.toLowerCase()}.${id}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return bad;
  });
}
