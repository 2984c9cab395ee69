import { expect, type Page, test } from '@playwright/test';
import {
  ensureSignedIn,
  expectAccessible,
  fontsReady,
  newCaseOnScreen,
  OFFICER,
  overflowingElements,
  ownServerForFile,
  SUPERVISOR,
  shotPath,
} from './helpers';

/**
 * Issue 6, supervisor screens: restore a backup from the Backup screen, and reset a forgotten
 * passphrase with the recovery key (Users screen and unlock screen). Runs on its own preview server
 * and data folder; the tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

const BEFORE = 'Before-backup port';
const AFTER = 'After-backup port';

const server = ownServerForFile('restore');
let recoveryKey = '';

async function open(page: Page) {
  await page.goto(`${server.base}/#token=${server.token}`);
  await expect(page.locator('.app-header')).toBeVisible();
}

/** Screenshot to look at, after checking nothing overflows and axe finds nothing serious. */
async function shot(page: Page, name: string) {
  await fontsReady(page);
  expect(await overflowingElements(page), name).toEqual([]);
  await expectAccessible(page, name);
  await page.screenshot({ path: shotPath(`restore-${name}`), fullPage: true });
}

async function language(page: Page, lng: 'en' | 'th') {
  await page.getByTestId('ui-language').selectOption(lng);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
}

async function signIn(page: Page, user: string, pass: string) {
  await page.getByTestId('unlock-username').fill(user);
  await page.getByTestId('unlock-passphrase').fill(pass);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('who')).toBeVisible({ timeout: 20_000 }); // Argon2id at 256 MiB, then the store's checks, on a busy 2-core machine
}

async function newCase(page: Page, place: string) {
  await newCaseOnScreen(page, { 'place-name': place, 'person-name': `Person at ${place}` });
}

async function adminTab(page: Page, tab: 'users' | 'backup') {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

test('a case, a backup, another case; restore the backup; the second case is gone', async ({ page }) => {
  await open(page);
  recoveryKey = (await ensureSignedIn(page, { keepRecoveryKey: false })) ?? '';
  expect(recoveryKey).toMatch(/^[0-9a-f]{64}$/i);
  await language(page, 'en');

  // An officer, so there is someone to reset later (the account is in the backup).
  await adminTab(page, 'users');
  await page.getByTestId('new-user-display-name').fill(OFFICER.name);
  await page.getByTestId('new-user-username').fill(OFFICER.user);
  await page.getByTestId('new-user-passphrase').fill(OFFICER.pass);
  await page.getByTestId('new-user-confirm').fill(OFFICER.pass);
  await page.getByTestId('new-user-submit').click();
  await expect(page.locator('[data-testid="user-row"][data-username="malee"]')).toBeVisible();

  await newCase(page, BEFORE);
  await adminTab(page, 'backup');
  await expect(page.getByTestId('restore-files')).toHaveCount(0);
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-result')).toContainText('fieldscreen-backup-');
  // The list of backups main offers now holds the new one.
  await expect(page.getByTestId('restore-file')).toHaveCount(1);
  await shot(page, 'backup-list-en');
  await newCase(page, AFTER);

  await adminTab(page, 'backup');
  await page.getByTestId('restore-use').click();
  await expect(page.getByTestId('restore-picked')).toContainText('fieldscreen-backup-');
  await expect(page.getByTestId('restore-warning')).toContainText('before-restore');
  // Nothing typed, nothing ticked: each said under its field, nothing sent.
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-recovery-key')).toBeFocused();
  await expect(page.getByTestId('restore-understood')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('restore-understood')).toHaveAccessibleDescription(
    'Tick this to confirm that you understand the records on this laptop will be replaced.',
  );
  await expect(page.getByTestId('restore-error')).toHaveCount(0);

  // A key cut short: said under the key field before anything is sent.
  await page.getByTestId('restore-recovery-key').fill(recoveryKey.slice(0, 40));
  await page.getByTestId('restore-understood').check();
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-recovery-key')).toBeFocused();
  await expect(page.getByTestId('restore-recovery-key')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('restore-confirm').getByTestId('field-error')).toBeVisible();
  await expect(page.getByTestId('restore-error')).toHaveCount(0);
  await expect(page.getByTestId('restore-recovery-key')).toHaveValue(recoveryKey.slice(0, 40));
  await page.getByTestId('restore-understood').uncheck();

  // A wrong key: a clear error, nothing changed, still signed in, the key field emptied.
  const wrong = recoveryKey.replace(/[0-9a-f]/i, (c) => (c === '0' ? '1' : '0'));
  await page.getByTestId('restore-recovery-key').fill(wrong);
  await page.getByTestId('restore-understood').check();
  await page.getByTestId('restore-submit').click();
  // The key that does not open the backup is said under the key field.
  await expect(page.getByTestId('restore-recovery-key')).toBeFocused();
  await expect(page.getByTestId('restore-recovery-key')).toHaveAccessibleDescription(
    /does not open this backup/,
  );
  await expect(page.getByTestId('restore-error')).toContainText('still signed in');
  await expect(page.getByTestId('restore-recovery-key')).toHaveValue('');
  await expect(page.getByTestId('who')).toBeVisible();
  await shot(page, 'confirm-wrong-key-en');

  await page.getByTestId('restore-recovery-key').fill(recoveryKey);
  await page.getByTestId('restore-submit').click();
  // Main locked everyone out; the unlock screen says why.
  await expect(page.getByTestId('restored-notice')).toBeVisible();
  await expect(page.getByTestId('who')).toHaveCount(0);
  await shot(page, 'restored-unlock-en');

  await signIn(page, SUPERVISOR.user, SUPERVISOR.pass);
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-table')).toContainText(BEFORE);
  await expect(page.getByTestId('case-table')).not.toContainText(AFTER);
});

test('a supervisor resets a passphrase on the Users screen with the recovery key', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('who')).toBeVisible();
  await adminTab(page, 'users');
  await page.locator('[data-testid="user-row"][data-username="malee"] [data-testid="user-reset"]').click();
  const form = page.getByTestId('user-reset-form');
  await expect(form).toBeVisible();
  // Too short, and the two entries differ: told before anything is sent.
  await page.getByTestId('user-reset-recovery-key').fill(recoveryKey);
  await page.getByTestId('user-reset-passphrase').fill('short');
  await page.getByTestId('user-reset-confirm').fill('short');
  await page.getByTestId('user-reset-submit').click();
  await expect(page.getByTestId('user-reset-passphrase')).toBeFocused();
  await expect(form.getByTestId('field-error')).toHaveText(/at least 8/);
  await shot(page, 'users-reset-en');
  await page.getByTestId('user-reset-recovery-key').fill(recoveryKey);
  await page.getByTestId('user-reset-passphrase').fill('officer passphrase 2');
  await page.getByTestId('user-reset-confirm').fill('officer passphrase 2');
  await page.getByTestId('user-reset-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'was reset' })).toBeVisible();

  await page.getByTestId('switch-user').click();
  await page.getByTestId('unlock-username').fill(OFFICER.user);
  await page.getByTestId('unlock-passphrase').fill(OFFICER.pass);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'WRONG_PASSPHRASE');
});

test('“Forgot passphrase” on the unlock screen sets a new one with the recovery key', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await page.getByTestId('forgot-passphrase').click();
  await expect(page.getByTestId('recovery-reset')).toBeVisible();
  await page.getByTestId('reset-username').fill(OFFICER.user);
  // A wrong key: told so, and the key and passphrases are not kept in the form.
  const wrong = recoveryKey.replace(/[0-9a-f]/i, (c) => (c === '0' ? '1' : '0'));
  await page.getByTestId('reset-recovery-key').fill(wrong);
  await page.getByTestId('reset-passphrase').fill('officer passphrase 3');
  await page.getByTestId('reset-confirm').fill('officer passphrase 3');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'WRONG_RECOVERY_KEY');
  await expect(page.getByTestId('reset-recovery-key')).toHaveValue('');
  await expect(page.getByTestId('reset-passphrase')).toHaveValue('');
  await page.getByTestId('reset-recovery-key').fill(recoveryKey);
  await page.getByTestId('reset-passphrase').fill('officer passphrase 3');
  await page.getByTestId('reset-confirm').fill('officer passphrase 3');
  await shot(page, 'unlock-reset-en');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await expect(page.getByTestId('unlock-username')).toHaveValue(OFFICER.user);
  await page.getByTestId('unlock-passphrase').fill('officer passphrase 3');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('who')).toContainText(OFFICER.name);
  // Whoever holds the recovery key set that passphrase: the person chooses their own before anything.
  await expect(page.getByTestId('first-passphrase')).toBeVisible();
  await page.getByTestId('account-current').fill('officer passphrase 3');
  await page.getByTestId('account-new-passphrase').fill('officer passphrase 4');
  await page.getByTestId('account-new-confirm').fill('officer passphrase 4');
  await page.getByTestId('account-change-submit').click();
  await expect(page.getByTestId('nav-cases')).toBeVisible({ timeout: 30_000 });
  // An officer sees no supervisor screens.
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
});

test('the same screens in Thai', async ({ page }) => {
  await open(page);
  await language(page, 'th');
  await page.getByTestId('forgot-passphrase').click();
  await expect(page.getByTestId('recovery-reset')).toBeVisible();
  await shot(page, 'unlock-reset-th');
  await page.getByTestId('reset-cancel').click();
  await signIn(page, SUPERVISOR.user, SUPERVISOR.pass);

  await adminTab(page, 'users');
  await page.locator('[data-testid="user-row"][data-username="malee"] [data-testid="user-reset"]').click();
  await expect(page.getByTestId('user-reset-form')).toBeVisible();
  await shot(page, 'users-reset-th');

  await adminTab(page, 'backup');
  await expect(page.getByTestId('restore-file')).toHaveCount(1);
  await shot(page, 'backup-list-th');
  await page.getByTestId('restore-use').click();
  await page.getByTestId('restore-recovery-key').fill(recoveryKey);
  await page.getByTestId('restore-understood').check();
  await shot(page, 'confirm-th');
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restored-notice')).toBeVisible();
  await shot(page, 'restored-unlock-th');
  // The officer's passphrase is again the one of backup time.
  await signIn(page, OFFICER.user, OFFICER.pass);
});
