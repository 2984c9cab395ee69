import { expect, test } from '@playwright/test';
import { ensureSignedIn, ownServerForFile, shotPath } from './helpers';

/** Issue 6: locking on idle, with the preview's test-only short delay (the setting is in minutes). */
const server = ownServerForFile('idle', ['--idle-seconds', '3']);

test('the app locks itself after a time without activity and drops what it showed', async ({ page }) => {
  await page.goto(`${server.base}/#token=${server.token}`);
  await ensureSignedIn(page, { keepRecoveryKey: false });
  await page.getByTestId('nav-new-case').click();
  // Typing counts as activity: the lock waits while the officer is writing (pings at most every 30 s,
  // so this only shows the ping is accepted; the lock below comes after the typing stops).
  await page.getByTestId('place-name').pressSequentially('Idle test place', { delay: 20 });
  // Nothing happens for longer than the idle delay: main locks and tells the page.
  await expect(page.getByTestId('idle-notice')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('place-name')).toHaveCount(0);
  await expect(page.getByTestId('who')).toHaveCount(0);
  await page.screenshot({ path: shotPath('idle-locked-en') });
  // The session really is locked in main, not only hidden: a signed-in channel is refused.
  const reply = await page.evaluate(() =>
    (
      window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<unknown> } }
    ).fieldscreen.call('cases.list', {}),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
});
