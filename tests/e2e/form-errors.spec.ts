import { expect, type Page, test } from '@playwright/test';
import {
  callValue,
  expectAccessible,
  fontsReady,
  openOwn,
  ownServerForFile,
  SUPERVISOR,
  screenThroughIpc,
  setUiLanguage,
  shotPath,
} from './helpers';
import { openAt, startShortScreen, withInterpreterInPrivate } from './interview-flow';

/**
 * Forms say what is wrong next to the field, in the officer's language (issue 14, item 7): before
 * anything is sent where the form can tell, else from main's reply, which names each wrong field.
 * The focus goes to the first; nothing typed is lost. 1280x720, own preview server and data folder.
 */
test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('form-errors');

const SIZE = { width: 1280, height: 720 };

/** The message said under a field (the element its aria-describedby names with the error). */
async function errorUnder(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((e) => e?.classList.contains('field-error'))
      .map((e) => e?.textContent ?? '')
      .join(' | ');
  });
}

test('first run: the supervisor account says under each field what is wrong, before anything is made', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: SIZE });
  const page = await context.newPage();
  await openOwn(page, server);
  await setUiLanguage(page, 'en');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-display-name')).toBeFocused();
  expect(await errorUnder(page, 'setup-display-name')).toBe('Fill this in.');
  expect(await errorUnder(page, 'setup-username')).toBe('Fill this in.');
  expect(await errorUnder(page, 'setup-passphrase')).toBe('Fill this in.');
  await expect(page.getByTestId('setup-form').getByTestId('error')).toHaveCount(0);

  // A sign-in name with a space and a short passphrase: the schema main parses with says which.
  await page.getByTestId('setup-display-name').fill(SUPERVISOR.name);
  await expect(page.getByTestId('setup-display-name')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('setup-username').fill('som chai');
  await page.getByTestId('setup-passphrase').fill('short');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-username')).toBeFocused();
  expect(await errorUnder(page, 'setup-username')).toBe(
    'This is not in the expected form. Check what you typed.',
  );
  expect(await errorUnder(page, 'setup-passphrase')).toBe('Use at least 8 characters.');
  await page.getByTestId('setup-username').fill(SUPERVISOR.user);
  await page.getByTestId('setup-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('setup-confirm').fill(`${SUPERVISOR.pass}.`);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-confirm')).toBeFocused();
  expect(await errorUnder(page, 'setup-confirm')).toBe('The two passphrases are not the same.');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-setup-1280') });
  await expectAccessible(page, 'the first-run form with two passphrases that differ');
  await page.getByTestId('ui-language').selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  expect(await errorUnder(page, 'setup-confirm')).toBe('รหัสผ่านทั้งสองช่องไม่ตรงกัน');
  await page.getByTestId('ui-language').selectOption('en');
  // Nothing typed is lost; fixed, the store is made.
  await expect(page.getByTestId('setup-display-name')).toHaveValue(SUPERVISOR.name);
  await page.getByTestId('setup-confirm').fill(SUPERVISOR.pass);
  await page.getByTestId('setup-submit').click();
  // Going on before saying the key is written down: said under the box, the focus on it.
  await page.getByTestId('recovery-continue').click({ timeout: 30_000 });
  await expect(page.getByTestId('recovery-stored')).toBeFocused();
  await expect(page.getByTestId('recovery-stored')).toHaveAccessibleDescription(
    'Write the recovery key down first, then tick this to go on.',
  );
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-recovery-key-1280'), fullPage: true });
  await expectAccessible(page, 'the recovery key not yet confirmed as written down');
  await page.getByTestId('recovery-stored').check();
  await page.getByTestId('recovery-continue').click();
  await expect(page.getByTestId('who')).toContainText(SUPERVISOR.name);

  // My account: a wrong current passphrase, then the new one the same as the current one, each
  // said under its field (from main's reply); the fields are cleared after each try.
  await page.getByTestId('nav-account').click();
  await page.getByTestId('account-change-submit').click();
  await expect(page.getByTestId('account-current')).toBeFocused();
  expect(await errorUnder(page, 'account-current')).toBe('Fill this in.');
  expect(await errorUnder(page, 'account-new-passphrase')).toBe('Fill this in.');
  await page.getByTestId('account-current').fill('not my passphrase');
  await page.getByTestId('account-new-passphrase').fill('a new passphrase of mine');
  await page.getByTestId('account-new-confirm').fill('a new passphrase of mine');
  await page.getByTestId('account-change-submit').click();
  await expect(page.getByTestId('account-current')).toBeFocused();
  expect(await errorUnder(page, 'account-current')).toBe('This passphrase is not correct. Type it again.');
  await expect(page.getByTestId('account-new-passphrase')).toHaveValue('');
  await expect(page.getByTestId('my-account').getByTestId('error')).toHaveCount(0);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-my-account-1280') });
  await expectAccessible(page, 'My account with a wrong current passphrase');
  await page.getByTestId('account-current').fill(SUPERVISOR.pass);
  await page.getByTestId('account-new-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('account-new-confirm').fill(SUPERVISOR.pass);
  await page.getByTestId('account-change-submit').click();
  await expect(page.getByTestId('account-new-passphrase')).toBeFocused();
  expect(await errorUnder(page, 'account-new-passphrase')).toContain(
    'Choose a passphrase different from the one you have now',
  );
  await expect(page.getByTestId('account-changed')).toHaveCount(0);
  await context.close();
});

test('adding an account: what is wrong is said under each field, before sending and from main', async ({
  browser,
}) => {
  const page = await openAt(browser, server, SIZE);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-users').click();

  // Nothing typed: every field says so, the focus on the first, nothing sent.
  await page.getByTestId('new-user-submit').click();
  await expect(page.getByTestId('new-user-display-name')).toBeFocused();
  await expect(page.getByTestId('new-user-display-name')).toHaveAttribute('aria-invalid', 'true');
  expect(await errorUnder(page, 'new-user-display-name')).toBe('Fill this in.');
  expect(await errorUnder(page, 'new-user-username')).toBe('Fill this in.');
  expect(await errorUnder(page, 'new-user-passphrase')).toBe('Fill this in.');
  await expect(page.getByTestId('add-user-form').getByTestId('error')).toHaveCount(0);

  // A field fixed loses its message; the passphrase typed twice differently is the form's own rule.
  await page.getByTestId('new-user-display-name').fill('Malee Officer');
  await expect(page.getByTestId('new-user-display-name')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('new-user-username').fill('malee');
  await page.getByTestId('new-user-passphrase').fill('short');
  await page.getByTestId('new-user-submit').click();
  await expect(page.getByTestId('new-user-passphrase')).toBeFocused();
  expect(await errorUnder(page, 'new-user-passphrase')).toBe('Use at least 8 characters.');
  await page.getByTestId('new-user-passphrase').fill('officer passphrase 1');
  await page.getByTestId('new-user-confirm').fill('officer passphrase 2');
  await page.getByTestId('new-user-submit').click();
  await expect(page.getByTestId('new-user-confirm')).toBeFocused();
  expect(await errorUnder(page, 'new-user-confirm')).toBe('The two passphrases are not the same.');
  await page.getByTestId('new-user-confirm').fill('officer passphrase 1');
  await page.getByTestId('new-user-submit').click();
  await expect(page.locator('[data-testid="user-row"][data-username="malee"]')).toHaveCount(1);

  // A sign-in name already taken: only main knows; its reply names the field.
  await page.getByTestId('new-user-display-name').fill('Malee Second');
  await page.getByTestId('new-user-username').fill('MALEE');
  await page.getByTestId('new-user-passphrase').fill('another passphrase 3');
  await page.getByTestId('new-user-confirm').fill('another passphrase 3');
  await page.getByTestId('new-user-submit').click();
  await expect(page.getByTestId('new-user-username')).toBeFocused();
  await expect(page.getByTestId('new-user-username')).toHaveAttribute('aria-invalid', 'true');
  expect(await errorUnder(page, 'new-user-username')).toBe(
    'This sign-in name is already used by another account. Choose another one.',
  );
  // Nothing typed is lost.
  await expect(page.getByTestId('new-user-display-name')).toHaveValue('Malee Second');
  await expect(page.getByTestId('new-user-passphrase')).toHaveValue('another passphrase 3');
  await expect(page.getByTestId('add-user-form').getByTestId('error')).toHaveCount(0);
  await fontsReady(page);
  await page.getByTestId('add-user-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('form-errors-add-user-1280') });
  await expectAccessible(page, 'adding an account with a taken sign-in name');

  // The same in Thai.
  await page.getByTestId('ui-language').selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  expect(await errorUnder(page, 'new-user-username')).toBe('ชื่อสำหรับเข้าระบบนี้มีบัญชีอื่นใช้แล้ว กรุณาเลือกชื่ออื่น');
  await page.getByTestId('ui-language').selectOption('en');
  await page.context().close();
});

test('the referral form: agency and position said under their fields before sending, a too long letter number from main', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, server, SIZE);
  await callValue(page, 'admin.settings.update', {
    agency: { name: 'Songkhla PIPO', unit: 'Labour inspection', province: 'สงขลา', phone: '074 000 000' },
  });
  const created = await callValue<{ id: string; reference: string }>(page, 'cases.create', {
    place: { kind: 'port', name: 'Songkhla fishing port', province: 'Songkhla' },
    screeningDate: '2026-05-21',
    person: { nameOrAlias: 'Ko Min Thu', languages: ['my'] },
  });
  const detail = await callValue<{ persons: { id: string }[] }>(page, 'cases.get', { id: created.id });
  await screenThroughIpc(page, { caseId: created.id, personId: detail.persons[0]?.id ?? '' });
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('Ko Min Thu');
  await page.getByTestId('open-case').click();
  const panel = page.getByTestId('referral-panel');
  await expect(panel).toBeVisible();

  // Nothing chosen, no position: both said under their fields, the focus on the agency, nothing sent.
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('receiving-agency')).toBeFocused();
  expect(await errorUnder(page, 'receiving-agency')).toBe(
    'Choose the agency the referral goes to, or type its name.',
  );
  expect(await errorUnder(page, 'referral-position')).toBe(
    'Enter your position (as it appears under your signature) before signing.',
  );
  await expect(page.getByTestId('referral-item')).toHaveCount(0);

  // Main's own limit (60 characters for a letter number) comes back named, under that field.
  await page.getByTestId('receiving-agency').fill('Songkhla shelter');
  await expect(page.getByTestId('receiving-agency')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('referral-position').fill('Labour inspector');
  await page.getByTestId('referral-letter-number').fill(`สข 0017/${'9'.repeat(60)}`);
  await page.getByTestId('referral-team').fill('Ma Hnin (interpreter)');
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('referral-letter-number')).toBeFocused();
  await expect(page.getByTestId('referral-letter-number')).toHaveAttribute('aria-invalid', 'true');
  expect(await errorUnder(page, 'referral-letter-number')).toBe('Shorten this to 60 characters or fewer.');
  await expect(panel.getByTestId('error')).toHaveCount(0);
  // Nothing typed is lost.
  await expect(page.getByTestId('receiving-agency')).toHaveValue('Songkhla shelter');
  await expect(page.getByTestId('referral-position')).toHaveValue('Labour inspector');
  await expect(page.getByTestId('referral-team')).toHaveValue('Ma Hnin (interpreter)');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-referral-1280') });
  await expectAccessible(page, 'the referral form with a too long letter number');

  // A refusal that is about no field of this form (the person's consent names another receiver) is
  // said as a general message, and nothing is marked.
  await page.getByTestId('referral-letter-number').fill('สข 0017/55');
  await page.getByTestId('export-referral').click();
  await expect(panel.getByTestId('error')).toContainText('did not consent to referral to this agency');
  await expect(panel.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.getByTestId('referral-item')).toHaveCount(0);
  await page.context().close();
});

test('the settings: numbers out of range and a directory entry without a name, said under each field before saving', async ({
  browser,
}) => {
  const page = await openAt(browser, server, SIZE);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-auto-lock').fill('0');
  await page.getByTestId('settings-shelter-days').fill('');
  await page.getByTestId('settings-agency-phone').fill('074 000 000');
  await page.getByTestId('directory-add').click();
  await page.getByTestId('directory-province-0').fill('สงขลา');
  await page.getByTestId('directory-phone-0').fill('074-311-555');
  await page.getByTestId('settings-save').click();

  await expect(page.getByTestId('settings-auto-lock')).toBeFocused();
  expect(await errorUnder(page, 'settings-auto-lock')).toBe('The smallest number allowed here is 1.');
  expect(await errorUnder(page, 'settings-shelter-days')).toBe('Enter a number.');
  expect(await errorUnder(page, 'directory-name-0')).toBe('Fill this in.');
  await expect(page.getByTestId('settings-saved')).toHaveCount(0);
  await expect(page.getByTestId('admin-settings').getByTestId('error')).toHaveCount(0);
  // Nothing typed is lost.
  await expect(page.getByTestId('directory-province-0')).toHaveValue('สงขลา');
  await expect(page.getByTestId('directory-phone-0')).toHaveValue('074-311-555');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-settings-1280') });
  await expectAccessible(page, 'the settings with wrong numbers and a nameless agency');

  // Each fixed: saved, nothing said any more.
  await page.getByTestId('settings-auto-lock').fill('10');
  await expect(page.getByTestId('settings-auto-lock')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('settings-shelter-days').fill('15');
  await page.getByTestId('directory-name-0').fill('Songkhla shelter');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.context().close();
});

test('the case page: a note, a status change, a stop and a deletion say under the field what is missing, with the focus on it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, server, SIZE);
  await callValue(page, 'cases.create', {
    place: { kind: 'port', name: 'Pattani fishing port', province: 'Pattani' },
    screeningDate: '2026-05-22',
    person: { nameOrAlias: 'Aung Ko Ko', languages: ['my'] },
  });
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('Aung Ko Ko');
  await page.getByTestId('open-case').click();

  // A note with nothing in it: said under the field, nothing added.
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note-body')).toBeFocused();
  expect(await errorUnder(page, 'note-body')).toBe('Fill this in.');
  await expect(page.getByTestId('note')).toHaveCount(0);
  await page.getByTestId('note-body').fill('Asked to come back with the interpreter.');
  await expect(page.getByTestId('note-body')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note')).toHaveCount(1);

  // A status change with nothing chosen, then closing without a reason: each said where it belongs.
  await page.getByTestId('status-apply').click();
  await expect(page.getByTestId('status-option-closed')).toBeFocused();
  expect(await errorUnder(page, 'status-option-closed')).toBe('Choose one of the options.');
  await page.getByTestId('status-option-closed').check();
  await page.getByTestId('status-apply').click();
  await expect(page.getByTestId('status-reason')).toBeFocused();
  expect(await errorUnder(page, 'status-reason')).toBe('Fill this in.');
  await expect(page.getByTestId('status-now')).toHaveText('Draft');
  await fontsReady(page);
  await page.getByTestId('status-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('form-errors-status-1280') });
  await expectAccessible(page, 'the status change without a reason');

  // Deleting: the reason and the confirmation, each under its field; the case stays until both are given.
  await page.getByTestId('delete-open').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('delete-reason')).toBeFocused();
  expect(await errorUnder(page, 'delete-reason')).toBe('Fill this in.');
  expect(await errorUnder(page, 'delete-understood')).toBe(
    'Tick this to confirm that you understand the case cannot be restored.',
  );
  await page.getByTestId('delete-reason').fill('Entered twice by mistake');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('delete-understood')).toBeFocused();
  expect(await errorUnder(page, 'delete-reason')).toBe('');
  await fontsReady(page);
  await page.getByTestId('delete-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('form-errors-delete-1280') });
  await expectAccessible(page, 'the deletion without its confirmation');
  await page.getByTestId('ui-language').selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  expect(await errorUnder(page, 'delete-understood')).toBe(
    'กรุณาทำเครื่องหมายช่องนี้เพื่อยืนยันว่าคุณเข้าใจว่ากรณีนี้จะกู้คืนไม่ได้',
  );
  await page.getByTestId('ui-language').selectOption('en');
  await page.getByTestId('delete-understood').check();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('case-list-notice')).toContainText('was deleted');

  // Stopping an interview without a reason: said under the reason; the interview goes on until given.
  await startShortScreen(page, 'Zaw Min Oo');
  await page.getByTestId('stop').click();
  await page.getByTestId('stop-confirm').click();
  await expect(page.getByTestId('stop-reason')).toBeFocused();
  expect(await errorUnder(page, 'stop-reason')).toBe('Fill this in.');
  await expect(page.getByTestId('interview').getByTestId('error')).toHaveCount(0);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-stop-1280') });
  await expectAccessible(page, 'the stop without a reason');
  await page.getByTestId('stop-reason').fill('The person asked to stop.');
  await page.getByTestId('stop-confirm').click();
  await expect(page.getByTestId('stopping')).toHaveCount(0);

  // The officer's assessment saved with nothing written: said under it.
  await page.getByTestId('assessment-save').click();
  await expect(page.getByTestId('assessment-text')).toBeFocused();
  expect(await errorUnder(page, 'assessment-text')).toBe('Fill this in.');
  await page
    .getByTestId('assessment-text')
    .fill('Asked to stop before the work questions; no indicators yet.');
  await page.getByTestId('assessment-save').click();
  await expect(page.getByTestId('officer-assessment').getByRole('status')).toHaveText('Saved ✓');

  // Signing in again with a field left empty: said under it, nothing sent.
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await page.getByTestId('unlock-username').fill('');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-username')).toBeFocused();
  expect(await errorUnder(page, 'unlock-username')).toBe('Fill this in.');
  expect(await errorUnder(page, 'unlock-passphrase')).toBe('Fill this in.');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-unlock-1280') });
  await expectAccessible(page, 'the unlock screen with nothing typed');
  await page.context().close();
});

test('a new case, its details, the pre-interview form and an inspection: too long a value is said under its field before anything is sent', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, server, SIZE);
  const long = (n: number) => 'ก'.repeat(n + 1);

  // A new case: nothing where, a vessel name too long; each under its field, nothing made.
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('vessel-name').fill(long(200));
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('place-name')).toBeFocused();
  expect(await errorUnder(page, 'place-name')).toBe('Write where the screening took place.');
  expect(await errorUnder(page, 'vessel-name')).toBe('Shorten this to 200 characters or fewer.');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-new-case-1280') });
  await expectAccessible(page, 'a new case without a place and a long vessel name');
  await page.getByTestId('place-name').fill('Satun fishing port');
  await page.getByTestId('vessel-name').fill('Chok Anan 9');
  await page.getByTestId('person-name').fill('Htet Aung');
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('details-edit')).toBeVisible();

  // Correcting the details: an age that is no number and a nationality too long, nothing saved.
  await page.getByTestId('details-edit').click();
  await page.getByTestId('edit-age').fill('thirty');
  await page.getByTestId('edit-nationality').fill(long(100));
  await page.getByTestId('details-save').click();
  await expect(page.getByTestId('edit-age')).toBeFocused();
  expect(await errorUnder(page, 'edit-age')).toBe(
    'Write the age as a whole number of years (0 to 120), or leave it blank if not known.',
  );
  expect(await errorUnder(page, 'edit-nationality')).toBe('Shorten this to 100 characters or fewer.');
  await expect(page.getByTestId('details-editor').getByTestId('error')).toHaveCount(0);
  await fontsReady(page);
  await page.getByTestId('details-editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('form-errors-details-1280') });
  await expectAccessible(page, 'the details with a wrong age and a long nationality');
  await page.getByTestId('edit-age').fill('30');
  await page.getByTestId('edit-nationality').fill('Myanmar');
  await page.getByTestId('details-save').click();
  await expect(page.getByTestId('details-editor')).toHaveCount(0);

  // The pre-interview form: the person's dialect too long, said under it beside what is missing.
  await page.getByTestId('start-short').click();
  await page.getByTestId('bs-dialect').fill(long(100));
  await page.getByTestId('bs-start').click();
  expect(await errorUnder(page, 'bs-dialect')).toBe('Shorten this to 100 characters or fewer.');
  await expect(page.getByTestId('bs-dialect')).toBeFocused();
  await expect(page.getByTestId('before-start').getByTestId('error')).toHaveCount(0);
  await page.getByTestId('bs-dialect').fill('Dawei');
  await expect(page.getByTestId('bs-dialect')).not.toHaveAttribute('aria-invalid', 'true');

  // An inspection: a registration too long and no place, said before it begins; then a crew
  // member's name too long, said under the name on the inspection page.
  await page.getByTestId('nav-inspection').click();
  await page.getByTestId('insp-registration').fill(long(100));
  await page.getByTestId('insp-begin').click();
  await expect(page.getByTestId('insp-place-name')).toBeFocused();
  expect(await errorUnder(page, 'insp-place-name')).toBe('Write where the inspection takes place.');
  expect(await errorUnder(page, 'insp-registration')).toBe('Shorten this to 100 characters or fewer.');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-inspection-1280') });
  await expectAccessible(page, 'a new inspection without a place and a long registration');
  await page.getByTestId('insp-place-name').fill('Satun fishing port');
  await page.getByTestId('insp-registration').fill('STN 0042');
  await withInterpreterInPrivate(page, 'Ma Hnin');
  await page.getByTestId('insp-begin').click();
  await page.getByTestId('crew-name').fill(long(200));
  await page.getByTestId('crew-start').click();
  await expect(page.getByTestId('crew-name')).toBeFocused();
  expect(await errorUnder(page, 'crew-name')).toBe('Shorten this to 200 characters or fewer.');
  await expect(page.getByTestId('crew-list')).toHaveCount(0);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('form-errors-crew-1280') });
  await expectAccessible(page, 'the next crew member with a long name');
  await page.context().close();
});
