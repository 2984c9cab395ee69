import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { type Answers, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate } from '../../src/shared/screening';
import { independentCheck, notdefGlyphsDrawn, pdfPageCount, SIGNED_REFERRAL } from '../fixtures/pdf/tools';
import {
  callFromPage,
  callValue,
  expectAccessible,
  expectNoOverflowAtLargeText,
  givenPass,
  localDay,
  newCaseOnScreen,
  OFFICER,
  openOwnAs,
  overflowingElements,
  ownServerForFile,
  SUPERVISOR,
  screenThroughIpc,
  setUiLanguage,
  shotPath,
  signInAs,
  takeUpAccount,
} from './helpers';

/**
 * The referral directory by province (issue 6, item 5): a supervisor keeps receiving agencies with
 * their province; an officer referring a case sees the agencies of the case's province first, and the
 * signed PDF carries the chosen agency's contact details. Also: the audit viewer's wording for details
 * erased with a deleted case. Own preview server and data folder; the tests build on each other.
 */
const SONGKHLA = {
  name: 'บ้านพักเด็กและครอบครัวจังหวัดสงขลา',
  province: 'สงขลา',
  phone: '074-311-555',
  address: '1 ถนนราชดำเนิน อำเภอเมืองสงขลา',
};
const RANONG = { name: 'Ranong Multidisciplinary Team', province: 'Ranong', phone: '077-811-222' };

test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('directory');

/** No serious or critical axe violation, and nothing overflows sideways at 1366x768, then at 150% text. */
async function checkScreen(page: Page, screen: string) {
  await expectAccessible(page, screen);
  expect(await overflowingElements(page), `overflow on ${screen}`).toEqual([]);
  await page.screenshot({ path: shotPath(`directory-${screen}`), fullPage: true });
  await expectNoOverflowAtLargeText(page, `directory-${screen}`);
}

/**
 * The short screen of the Songkhla training scenario, answered through the same channels the
 * interview screen uses (the screen itself is covered by interview.spec.ts), then completed, with
 * consent to referral to the Songkhla agency of the directory, named to the person.
 */
async function completeShortScreen(page: Page, caseId: string, personId: string): Promise<Answers> {
  const directory = await callValue<{ id: string; name: string }[]>(page, 'referral.directory', {});
  const receiverId = directory.find((c) => c.name === SONGKHLA.name)?.id ?? '';
  const scenario = DEMO_SCENARIOS.find((s) => s.case.place.province === 'Songkhla');
  expect(scenario).toBeTruthy();
  const answers = await screenThroughIpc(
    page,
    {
      caseId,
      personId,
      lang: scenario?.lang ?? 'km',
      officerLang: 'th',
      receiver: { contactId: receiverId },
    },
    scenario?.answers,
  );
  expect(answers.close_referral_consent).toEqual({ kind: 'choice', value: 'yes' });
  return answers;
}

/** A Thai text of the bundled catalogs (resources/locales/th), by namespace and dotted key. */
function thai(namespace: string, key: string): string {
  const catalog: unknown = JSON.parse(readFileSync(`resources/locales/th/${namespace}.json`, 'utf8'));
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  if (typeof text !== 'string') throw new Error(`no Thai text for ${namespace}:${key}`);
  return text;
}

test('a supervisor keeps agencies by province, by keyboard, and an officer cannot change them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, SUPERVISOR);
  await callValue(page, 'admin.users.add', {
    displayName: OFFICER.name,
    username: OFFICER.user,
    passphrase: givenPass(OFFICER.pass),
    role: 'officer',
  });

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('admin-settings')).toBeVisible();
  // The 77 provinces are offered while typing a province.
  await expect(page.locator('[data-testid="province-suggestions"] option')).toHaveCount(77);

  // First agency by keyboard alone: Enter on "Add", the new entry's name field has the focus, Tab on.
  await page.getByTestId('directory-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('directory-name-0')).toBeFocused();
  await page.keyboard.type(SONGKHLA.name);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('directory-province-0')).toBeFocused();
  await page.keyboard.type(SONGKHLA.province);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('directory-kind-0')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('directory-phone-0')).toBeFocused();
  await page.keyboard.type(SONGKHLA.phone);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('directory-address-0')).toBeFocused();
  await page.keyboard.type(SONGKHLA.address);
  await expect(page.getByTestId('directory-heading-province-0')).toHaveText('Songkhla (สงขลา)');

  // Second agency, its province typed in English.
  await page.getByTestId('directory-add').click();
  await page.getByTestId('directory-name-1').fill(RANONG.name);
  await page.getByTestId('directory-province-1').fill(RANONG.province);
  await page.getByTestId('directory-kind-1').selectOption('mdt');
  await page.getByTestId('directory-phone-1').fill(RANONG.phone);
  // The referring agency, which a referral names before it can be signed.
  await page.getByTestId('settings-agency-name').fill('Songkhla Provincial Labour Protection Office');
  await page.getByTestId('settings-agency-unit').fill('Inspection group');
  await page.getByTestId('settings-agency-province').fill('Songkhla');
  await page.getByTestId('settings-agency-phone').fill('074-000-111');
  await page.getByTestId('settings-agency-letterPrefix').fill('สข 0017');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  // Reopened: listed by province (Ranong before Songkhla), the province kept as typed.
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('directory-entry')).toHaveCount(2);
  await expect(page.getByTestId('directory-heading-province-0')).toHaveText('Ranong (ระนอง)');
  await expect(page.getByTestId('directory-name-0')).toHaveValue(RANONG.name);
  await expect(page.getByTestId('directory-province-0')).toHaveValue('Ranong');
  await expect(page.getByTestId('directory-name-1')).toHaveValue(SONGKHLA.name);
  await expect(page.getByTestId('directory-province-1')).toHaveValue('สงขลา');
  await checkScreen(page, 'settings-en');
  await page.getByTestId('settings-directory').screenshot({ path: shotPath('directory-settings-en-close') });
  await setUiLanguage(page, 'th');
  await expect(page.getByTestId('admin-settings')).toBeVisible();
  await expect(page.getByTestId('directory-name-0')).toHaveValue(RANONG.name);
  await checkScreen(page, 'settings-th');
  await page.getByTestId('settings-directory').screenshot({ path: shotPath('directory-settings-th-close') });
  await setUiLanguage(page, 'en');

  // The officer reads the directory (its own narrow channel) but not the settings, and cannot change it.
  await takeUpAccount(page, OFFICER);
  const directory = await callValue<{ name: string }[]>(page, 'referral.directory', {});
  expect(directory.map((c) => c.name).sort()).toEqual([RANONG.name, SONGKHLA.name].sort());
  const get = await callFromPage(page, 'admin.settings.get', {});
  expect(get.ok === false && get.error.code).toBe('FORBIDDEN_ROLE');
  const change = await callFromPage(page, 'admin.settings.update', { referralDirectory: [] });
  expect(change.ok === false && change.error.code).toBe('FORBIDDEN_ROLE');
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  // The supervisor's next sign-in endorses the officer's own signing key (for the referral below).
  await signInAs(page, SUPERVISOR);
});

test("an officer refers a case to an agency of the case's province, chosen from the directory", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, OFFICER);

  // A case at the Songkhla port, its province typed in English (the directory has it in Thai).
  await newCaseOnScreen(page, {
    'place-name': 'Songkhla fishing port',
    province: 'Songkhla',
    'screening-date': localDay(),
    'person-name': 'Sokha (training)',
    nationality: 'Cambodia',
  });
  const reference = ((await page.locator('#case-title').textContent()) ?? '').replace(/^Case /, '');
  const list = await callValue<{ rows: { id: string; reference: string }[] }>(page, 'cases.list', {
    search: reference,
  });
  const caseId = list.rows.find((r) => r.reference === reference)?.id ?? '';
  const detail = await callValue<{ persons: { id: string }[] }>(page, 'cases.get', { id: caseId });
  const answers = await completeShortScreen(page, caseId, detail.persons[0]?.id ?? '');

  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill(reference);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('referral-panel')).toBeVisible();

  // The case's province first, then the others, each labelled with its province; then "type another".
  const choice = page.getByTestId('receiving-choice');
  await expect(choice.locator('optgroup')).toHaveCount(2);
  expect(
    await choice.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))),
  ).toEqual(["In the case's province: Songkhla (สงขลา)", 'Ranong (ระนอง)']);
  expect(await choice.locator('option').allTextContents()).toEqual([
    'Choose an agency',
    SONGKHLA.name,
    `${RANONG.name} — Ranong (ระนอง)`,
    'Another agency (type its name)',
  ]);
  // The agency's details are in the settings; what this form lacks is said under its fields on trying.
  await expect(page.getByTestId('referral-missing')).toHaveCount(0);
  await page.getByTestId('export-referral').click();
  await expect(choice).toBeFocused();
  await expect(choice).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('referral-position')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('referral-position').fill('Labour inspector');
  await expect(page.getByTestId('referral-letter-number')).toHaveAttribute(
    'placeholder',
    /^สข 0017\/1\/25\d\d$/,
  );

  // Chosen by keyboard: the first agency down the list is the Songkhla one.
  await choice.focus();
  await page.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText(SONGKHLA.name);
  await expect(page.getByTestId('receiving-contact')).toContainText(SONGKHLA.phone);
  await expect(page.getByTestId('receiving-contact')).toContainText('Songkhla (สงขลา)');
  await checkScreen(page, 'referral-panel-en');
  await page
    .getByTestId('referral-panel')
    .screenshot({ path: shotPath('directory-referral-panel-en-close') });

  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('referral-message')).toContainText('.pdf', { timeout: 60_000 });
  await expect(page.getByTestId('referral-item')).toHaveCount(1);
  await expect(page.getByTestId('referral-item')).toContainText(SONGKHLA.name);
  const fileName =
    ((await page.getByTestId('referral-message').textContent()) ?? '').match(/[\w.-]+\.pdf/)?.[0] ?? '';
  expect(readdirSync(server.exportDir)).toContain(fileName);
  const pdf = join(server.exportDir, fileName);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
  expect(text).toContain(SONGKHLA.phone);
  expect(text.replace(/\s+/g, ' ')).toContain(SONGKHLA.address);
  expect(execFileSync('pdfsig', [pdf], { encoding: 'utf8' })).toContain('Signature is Valid');
  expect(text).toContain('Labour inspector');
  expect(text.replace(/\s+/g, '')).toContain('ที่สข0017/1/25');
  // As for the demo letters (tests/unit/referral.test.ts): what a receiver's own tools make of it, at
  // most 4 pages, no glyph drawn as an empty box, the mark on every page, the person as recorded,
  // Buddhist Era dates, Bangkok times, the interview language by name and every recommendation.
  expect(independentCheck(pdf)).toEqual(SIGNED_REFERRAL);
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(4);
  expect(notdefGlyphsDrawn(pdf)).toBe(0);
  const flat = text.replace(/\s+/g, '');
  const flatThai = (namespace: string, key: string) =>
    thai(namespace, key).normalize('NFC').replace(/\s+/g, '');
  expect(flat.split(flatThai('referral', 'letter.confidential')).length - 1).toBeGreaterThanOrEqual(pages);
  expect(flat).toContain('Sokha(training)');
  expect(flat).toContain(String(new Date().getFullYear() + 543));
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  expect(text).toContain('UTC+7');
  const scenario = DEMO_SCENARIOS.find((s) => s.case.place.province === 'Songkhla');
  expect(flat).toContain(flatThai('instrument', `options.lang_${scenario?.lang}`));
  const { recommendations } = evaluate(INSTRUMENT, answers, { tier: 'short' });
  expect(recommendations.length).toBeGreaterThan(0);
  let at = 0;
  for (const r of recommendations) {
    const found = flat.indexOf(flatThai('instrument', r.messageKey), at);
    expect(found, r.messageKey).toBeGreaterThanOrEqual(0);
    at = found;
  }

  // An agency that is not in the directory can still be typed, but the person consented to referral
  // to the Songkhla agency only: another is refused, saying why, and nothing is written.
  await choice.selectOption({ label: 'Another agency (type its name)' });
  await expect(page.getByTestId('receiving-contact')).toHaveCount(0);
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('receiving-agency')).toBeFocused();
  await expect(page.getByTestId('receiving-agency')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('receiving-agency').fill('Songkhla Provincial Labour Office');
  const filesBefore = readdirSync(server.exportDir).length;
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('referral-panel').getByRole('alert')).toContainText(
    'did not consent to referral to this agency',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('referral-item')).toHaveCount(1);
  expect(readdirSync(server.exportDir)).toHaveLength(filesBefore);

  // The Thai UI: province names in Thai.
  await setUiLanguage(page, 'th');
  await choice.selectOption({ label: SONGKHLA.name });
  await expect(page.getByTestId('receiving-contact')).toContainText('สงขลา');
  expect(
    await choice.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))),
  ).toEqual(['ในจังหวัดของกรณีนี้: สงขลา', 'ระนอง']);
  // The refusal follows the UI language.
  await expect(page.getByTestId('referral-panel').getByRole('alert')).toContainText('ไม่ได้ให้ความยินยอม');
  await checkScreen(page, 'referral-panel-th');
  await page
    .getByTestId('referral-panel')
    .screenshot({ path: shotPath('directory-referral-panel-th-close') });
  await setUiLanguage(page, 'en');
});

test('the audit viewer says in words when details were erased with a deleted case', async ({ page }) => {
  test.setTimeout(120_000);
  await openOwnAs(page, server, SUPERVISOR);
  const made = await callValue<{ id: string }>(page, 'cases.create', {
    place: { kind: 'port', name: 'Ranong fishing port', province: 'Ranong' },
    screeningDate: localDay(),
    person: { nameOrAlias: 'Erased Marker Person' },
  });
  await callValue(page, 'casework.deleteCase', { caseId: made.id, reason: 'Entered twice by mistake' });

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-audit').click();
  await page.getByTestId('audit-action-filter').selectOption('case.create');
  const erasedRow = page.locator('[data-testid="audit-row"]', {
    has: page.getByTestId('audit-details-erased'),
  });
  await expect(erasedRow).toHaveCount(1);
  await expect(erasedRow.getByTestId('audit-details-erased')).toHaveText('Details erased with the case');
  await expect(erasedRow).not.toContainText('"erased"');
  await expect(erasedRow).not.toContainText('Erased Marker Person');
  // The officer's case keeps its details, shown as before.
  await expect(page.locator('[data-testid="audit-row"] summary')).toHaveCount(1);
  await checkScreen(page, 'audit-en');
  await setUiLanguage(page, 'th');
  await expect(erasedRow.getByTestId('audit-details-erased')).toHaveText('รายละเอียดถูกลบไปพร้อมกับกรณี');
  await checkScreen(page, 'audit-th');
  await setUiLanguage(page, 'en');
});
