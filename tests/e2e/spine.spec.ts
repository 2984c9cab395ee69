import { expect, test } from '@playwright/test';
import { LOCALES } from '../../src/shared/i18n/locales';
import { fontsReady, openApp, shotPath, TOKEN } from './helpers';

const FONT_FOR: Record<string, string> = {
  th: 'FS Noto Sans Thai',
  my: 'FS Noto Sans Myanmar',
  km: 'FS Noto Sans Khmer',
  lo: 'FS Noto Sans Lao',
  vi: 'FS Noto Sans',
  en: 'FS Noto Sans',
};

test('the app loads and each of the six UI languages changes the visible text', async ({ page }) => {
  await openApp(page);
  const seen = new Set<string>();
  for (const lng of LOCALES) {
    await page.getByTestId('ui-language').selectOption(lng);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    // Setup or unlock, whichever this data folder needs: its heading is in the chosen language.
    const heading = (await page.locator('main h1').first().textContent()) ?? '';
    const tagline = (await page.locator('.brand-tagline').textContent()) ?? '';
    expect(tagline.length).toBeGreaterThan(10);
    seen.add(`${heading}|${tagline}`);
    await fontsReady(page);
    // The locale's own bundled font is loaded and used: no system font, no boxes.
    const loaded = await page.evaluate(
      (family) => document.fonts.check(`16px "${family}"`, document.body.textContent ?? ''),
      FONT_FOR[lng],
    );
    expect(loaded, `font ${FONT_FOR[lng]} loaded for ${lng}`).toBe(true);
    await page.screenshot({ path: shotPath(`spine-home-${lng}`), fullPage: true });
  }
  // Six languages, six different texts.
  expect(seen.size).toBe(LOCALES.length);
});

test('officer and interviewee languages are separate settings', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('ui-language').selectOption('th');
  await page.getByTestId('interviewee-language').selectOption('my');
  await expect(page.locator('.brand-tagline')).toHaveText(/[\u0E00-\u0E7F]/);
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  // The choice survives a reload (stored by main, not in the page).
  await page.reload();
  await expect(page.getByTestId('ui-language')).toHaveValue('th');
  await expect(page.getByTestId('interviewee-language')).toHaveValue('my');
});

test('the preview server refuses calls without the token, from other origins or hosts, and unknown channels', async ({
  request,
  baseURL,
}) => {
  const url = `${baseURL}/api/app.info`;
  const headers = { 'content-type': 'application/json', 'x-fieldscreen-token': TOKEN };
  const good = await request.post(url, { headers, data: {} });
  expect(good.status()).toBe(200);
  expect((await good.json()).ok).toBe(true);

  const noToken = await request.post(url, { headers: { 'content-type': 'application/json' }, data: {} });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).ok).toBe(false);

  const wrongToken = await request.post(url, {
    headers: { ...headers, 'x-fieldscreen-token': 'x' },
    data: {},
  });
  expect(wrongToken.status()).toBe(401);

  const foreignOrigin = await request.post(url, {
    headers: { ...headers, origin: 'http://evil.example' },
    data: {},
  });
  expect(foreignOrigin.status()).toBe(403);

  const foreignHost = await request.post(url, { headers: { ...headers, host: 'evil.example' }, data: {} });
  expect(foreignHost.status()).toBe(421);

  const unknown = await request.post(`${baseURL}/api/files.readAnything`, { headers, data: {} });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('UNKNOWN_CHANNEL');

  const malformed = await request.post(`${baseURL}/api/prefs.set`, { headers, data: { uiLanguage: 'xx' } });
  expect((await malformed.json()).error.code).toBe('VALIDATION');
});

test('a link to an external site does not replace the app page', async ({ page }) => {
  await openApp(page);
  const appUrl = page.url();
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://example.org/phish';
    a.textContent = 'external';
    a.id = 'ext-link';
    document.querySelector('main')?.appendChild(a);
  });
  await page.click('#ext-link');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(appUrl);
  await expect(page.locator('.app-header')).toBeVisible();
});

test('the page runs under the strict Content-Security-Policy', async ({ page, baseURL }) => {
  const res = await page.goto(`${baseURL}/#token=${TOKEN}`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // An inline script injected into the page is blocked by the policy.
  const ran = await page.evaluate(async () => {
    (window as unknown as { __inline?: boolean }).__inline = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inline?: boolean }).__inline;
  });
  expect(ran).toBe(false);
});

test('the diagnostic report is redacted: versions and counts, no passphrase or names', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('diagnostics').click();
  const text = (await page.getByTestId('diagnostics-text').textContent()) ?? '';
  expect(text).toContain('FieldScreen');
  expect(text).not.toContain('correct horse battery staple');
  expect(text).not.toContain('Ko Aung');
});
