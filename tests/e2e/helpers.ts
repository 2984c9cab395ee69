import { expect, type Page } from '@playwright/test';

export const TOKEN = process.env.FIELDSCREEN_E2E_TOKEN ?? '';
export const DATA_DIR = process.env.FIELDSCREEN_E2E_DATA ?? '';
export const EXPORT_DIR = process.env.FIELDSCREEN_E2E_EXPORTS ?? '';

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
