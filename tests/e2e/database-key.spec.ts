import { expect, test } from '@playwright/test';
import {
  callValue,
  expectAccessible,
  expectNoOverflowAtLargeText,
  givenPass,
  OFFICER,
  openOwnAs,
  ownServerForFile,
  SUPERVISOR,
  shotPath,
  signInAs,
} from './helpers';

/**
 * Administration → Users after disabling an officer: the screen says the next step is changing the
 * database key (a copy of the files the officer kept still opens new records until then), asks the
 * supervisor's passphrase again (what is wrong said under the field), and shows the new recovery key
 * once. Everyone still enabled signs in as before. Own server: the store's recovery key changes.
 */
const server = ownServerForFile('database-key');

test('a supervisor disables an officer and changes the database key from the Users screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openOwnAs(page, server, SUPERVISOR);
  await callValue(page, 'admin.users.add', {
    username: OFFICER.user,
    displayName: OFFICER.name,
    role: 'officer',
    passphrase: givenPass(OFFICER.pass),
  });
  await page.getByTestId('nav-admin').click();
  const panel = page.getByTestId('db-key-panel');
  await expect(panel).toBeVisible();
  await expect(panel).not.toHaveClass(/attention/);

  const row = page.locator('[data-testid="user-row"][data-username="malee"]');
  await row.getByTestId('user-disable').click();
  await row.getByTestId('user-disable-confirm').click();
  await expect(panel).toHaveClass(/attention/);
  await expect(panel).toContainText('Next step: change the database key now');
  await expect(panel).toBeInViewport();
  await page.screenshot({ path: shotPath('database-key-after-disable') });
  await expectAccessible(page, 'users, database key');
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectNoOverflowAtLargeText(page, 'database-key-1366');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Nothing typed, then a wrong passphrase: said under the field, with the focus on it.
  await page.getByTestId('db-key-submit').click();
  const field = page.getByTestId('db-key-passphrase');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await field.fill('not my passphrase');
  await page.getByTestId('db-key-submit').click();
  await expect(panel).toContainText('passphrase', { ignoreCase: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('');
  // A wrong passphrase counts like a failed sign-in: wait out the back-off (1 s).
  await page.waitForTimeout(1_500);

  await field.fill(SUPERVISOR.pass);
  await page.getByTestId('db-key-submit').click();
  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('recovery-intro')).toContainText('The database key was changed');
  expect((await key.textContent())?.replace(/[^0-9a-f]/gi, '')).toMatch(/^[0-9a-f]{64}$/i);
  await page.screenshot({ path: shotPath('database-key-new-recovery-key') });
  await page.getByTestId('recovery-stored').check();
  await page.getByTestId('recovery-continue').click();
  await expect(page.getByTestId('db-key-done')).toBeVisible();

  // The supervisor works on; the trail records the change and still checks out.
  const verdict = await callValue<{ ok: boolean }>(page, 'admin.audit.verify', {});
  expect(verdict.ok).toBe(true);
  const rows = await callValue<unknown[]>(page, 'admin.audit.list', { action: 'vault.rotate_key' });
  expect(rows).toHaveLength(1);
  // Signing in again after a lock works with the same passphrase.
  await page.getByTestId('switch-user').click();
  await signInAs(page, SUPERVISOR);
});
