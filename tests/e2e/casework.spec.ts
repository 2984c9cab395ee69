import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { FACTS_FOR_RESULT } from '../helpers/screening-facts';
import {
  callFromPage,
  callValue,
  expectAccessible,
  fontsReady,
  givenPass,
  localDay,
  newCaseOnScreen,
  OFFICER,
  openOwnAs,
  ownServerForFile,
  SUPERVISOR,
  screenThroughIpc,
  setUiLanguage,
  shotPath,
  signInAs,
} from './helpers';

/**
 * Case management end to end (issue 6). This file runs its own preview server on a fresh data folder
 * (same build, random port), so it neither depends on nor disturbs the store the other spec files
 * share, whichever order they run in. Within the file the tests build on each other.
 */

// The tests build on each other: a retry (CI) reruns the whole file on a fresh server.
test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('casework');

async function shot(page: Page, name: string) {
  await fontsReady(page);
  await page.screenshot({ path: shotPath(`casework-${name}`), fullPage: true });
}

/** The follow-ups and files panels on their own, at full resolution, to look at closely. */
async function panelShots(page: Page, lng: 'en' | 'th') {
  await fontsReady(page);
  for (const panel of ['followups', 'attachments'] as const) {
    await page.getByTestId(`${panel}-panel`).screenshot({ path: shotPath(`casework-panel-${panel}-${lng}`) });
  }
}

/** No serious or critical axe violation inside the follow-ups and files panels as they are now. */
async function expectPanelsAccessible(page: Page, state: string) {
  await expectAccessible(page, `the case panels (${state})`, [
    '[data-testid="followups-panel"]',
    '[data-testid="attachments-panel"]',
  ]);
}

/** A real PNG (solid colour, width x height), so the browser has a picture to decode and show. */
function pngImage(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3] ?? 0)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Buddhist-era year of today, as the Thai UI must show it. */
const BE_YEAR = String(new Date().getFullYear() + 543);

/** Screened in 2023-2024, so the date filter below never catches the case made today. */
const SEED = [
  { place: 'Ranong fishing port', date: '2024-01-12', person: 'Min Thu', result: 'indicators_found' },
  { place: 'Ranong fishing port', date: '2024-02-03', person: 'Sokha', result: 'no_indicators' },
  { place: 'Songkhla PIPO', date: '2024-03-20', person: 'Dara', result: 'urgent' },
  { place: 'Trat PIPO', date: '2023-11-30', person: 'Nguyen Van An', result: 'indicators_found' },
  { place: 'Trat PIPO', date: '2024-04-02', person: null, result: 'not_screened' },
] as const;

/** Clicks a column's sort button and returns the direction the table then announces. */
async function sortBy(page: Page, column: string): Promise<string | null> {
  await page.getByTestId(`sort-${column}`).click();
  return page.locator('th', { has: page.getByTestId(`sort-${column}`) }).getAttribute('aria-sort');
}

test('a supervisor adds an officer, creates and finds cases, and works a case through its statuses', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, SUPERVISOR);

  // Accounts: add an officer.
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('admin-users')).toBeVisible();
  await page.getByTestId('new-user-display-name').fill(OFFICER.name);
  await page.getByTestId('new-user-username').fill(OFFICER.user);
  // The passphrase the supervisor chooses opens only the officer's choice of their own (below).
  await page.getByTestId('new-user-passphrase').fill(givenPass(OFFICER.pass));
  await page.getByTestId('new-user-confirm').fill(givenPass(OFFICER.pass));
  await page.getByTestId('new-user-submit').click();
  await expect(page.locator('[data-testid="user-row"][data-username="malee"]')).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-testid="user-row"][data-username="malee"] [data-testid="user-state"]'),
  ).toHaveText('Active');
  // Set up by the supervisor: the officer chooses their own passphrase (and keys) at first sign-in.
  await expect(
    page.locator('[data-testid="user-row"][data-username="malee"] [data-testid="user-key-state"]'),
  ).toHaveAttribute('data-state', 'given');
  await expect(
    page.locator(
      `[data-testid="user-row"][data-username="${SUPERVISOR.user}"] [data-testid="user-key-state"]`,
    ),
  ).toHaveAttribute('data-state', 'endorsed');

  // One case through the form, five more through the same channel the form uses.
  await newCaseOnScreen(page, {
    'place-name': 'Songkhla PIPO',
    province: 'Songkhla',
    'screening-date': localDay(),
    'vessel-name': 'Sea Star 7',
    'person-name': 'Ko Aung',
    nationality: 'Myanmar',
  });
  // The person as recorded; no consent asked yet (no interview).
  await expect(page.getByTestId('person-summary-name')).toHaveText('Ko Aung');
  await expect(page.getByTestId('person-summary')).toContainText('Myanmar');
  await expect(page.getByTestId('person-consent').locator('li[data-consent="notAsked"]')).toHaveCount(3);
  const reference = ((await page.locator('#case-title').textContent()) ?? '').replace(/^Case /, '');
  for (const s of SEED) {
    const created = await callFromPage<{ id: string; revision: number }>(page, 'cases.create', {
      place: { kind: s.place.includes('PIPO') ? 'pipo_centre' : 'port', name: s.place },
      screeningDate: s.date,
      ...(s.person ? { person: { nameOrAlias: s.person, languages: ['my'] } } : {}),
    });
    expect(created.ok).toBe(true);
    // Results come from main when an interview completes: each case is screened with facts that lead there.
    if (created.ok && s.result !== 'not_screened') {
      await screenThroughIpc(page, { caseId: created.value.id }, FACTS_FOR_RESULT[s.result]);
    }
  }

  // The list: filter, search, sort (all in SQL).
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-count')).toHaveText('6 cases');
  await page.getByTestId('case-search').fill('aung');
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await expect(page.getByTestId('case-row')).toContainText(['Ko Aung']);
  await page.getByTestId('case-filters-clear').click();
  await expect(page.getByTestId('case-count')).toHaveText('6 cases');
  await page.getByTestId('case-place-filter').selectOption('Ranong fishing port');
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');
  await page.getByTestId('case-result-filter').selectOption('indicators_found');
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await expect(page.getByTestId('case-row')).toContainText(['Min Thu']);
  await page.getByTestId('case-filters-clear').click();
  await page.getByTestId('case-date-from').fill('2024-01-01');
  await page.getByTestId('case-date-to').fill('2024-03-31');
  await expect(page.getByTestId('case-count')).toHaveText('3 cases');
  const byDate = ['Min Thu', 'Sokha', 'Dara'];
  const people = page.locator('[data-testid="case-row"] td:nth-child(4)');
  const first = await sortBy(page, 'screeningDate');
  await expect(people).toHaveText(first === 'ascending' ? byDate : [...byDate].reverse());
  const second = await sortBy(page, 'screeningDate');
  expect(second).not.toBe(first);
  await expect(people).toHaveText(second === 'ascending' ? byDate : [...byDate].reverse());
  await shot(page, 'list-filtered-en');
  await page.getByTestId('case-filters-clear').click();
  const refOrder = await sortBy(page, 'reference');
  await expect(page.getByTestId('case-row')).toHaveCount(6);
  const refs = await page.locator('[data-testid="case-row"] td:first-child').allTextContents();
  const sorted = [...refs].sort();
  expect(refs).toEqual(refOrder === 'ascending' ? sorted : sorted.reverse());

  // Open the form-made case: a note and a file while it is open.
  await page.getByTestId('case-search').fill(reference);
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('status-now')).toHaveText('Draft');
  await expect(page.getByTestId('followups-panel')).toContainText('has not been referred');
  await page.getByTestId('note-body').fill('Called the shelter; a bed is free from Monday.');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note')).toContainText(['Called the shelter; a bed is free from Monday.']);
  const papers = Buffer.from('Crew list photographed at the pier.\n'.repeat(100));
  await page.getByTestId('attachment-file').setInputFiles({
    name: 'boat-papers.txt',
    mimeType: 'text/plain',
    buffer: papers,
  });
  await expect(page.getByTestId('attachment')).toContainText(['boat-papers.txt']);
  await expect(page.getByTestId('attachment')).toContainText(['3.5 kB']);

  // Follow-up tasks: the form names what is wrong and keeps what was typed.
  const tasks = page.getByTestId('followup-task');
  await expect(page.getByTestId('followups-panel')).toContainText('No follow-up tasks yet.');
  await page.getByTestId('followup-add').click();
  await expect(page.getByTestId('followup-what-problem')).toHaveText('Write what needs doing.');
  await expect(page.getByTestId('followup-what')).toBeFocused();
  await page.getByTestId('followup-what').fill('Call the shelter about a bed');
  await page.getByTestId('followup-add').click();
  await expect(page.getByTestId('followup-due-problem')).toContainText('Choose the day it is due');
  await expect(page.getByTestId('followup-due')).toBeFocused();
  // A Buddhist-era year typed into the Gregorian date box is caught, not stored 543 years late.
  const soonDay = localDay(2);
  const beSoon = `${Number(soonDay.slice(0, 4)) + 543}${soonDay.slice(4)}`;
  await page.getByTestId('followup-due').fill(beSoon);
  await page.getByTestId('followup-add').click();
  await expect(page.getByTestId('followup-due-problem')).toContainText(
    `The year ${beSoon.slice(0, 4)} looks like a Buddhist-era year`,
  );
  await expect(page.getByTestId('followup-what')).toHaveValue('Call the shelter about a bed');
  await expect(tasks).toHaveCount(0);
  await expectPanelsAccessible(page, 'date problem shown');
  await page.getByTestId('followup-due').fill(soonDay);
  await expect(page.getByTestId('followup-due-hint')).toContainText('Due: ');
  await page.getByTestId('followup-add').click();
  await expect(page.getByTestId('followup-added')).toHaveText('Added: Call the shelter about a bed');
  await expect(page.getByTestId('followup-what')).toHaveValue('');
  // One more, already overdue, entered with the keyboard only.
  await page.getByTestId('followup-what').fill('Collect the passport from the captain');
  await page.getByTestId('followup-due').fill(localDay(-3));
  await page.getByTestId('followup-due').press('Enter');
  await expect(tasks).toHaveCount(2);
  // Open ones soonest first; the state is in words, not only colour.
  await expect(tasks.getByTestId('followup-what-text')).toHaveText([
    'Collect the passport from the captain',
    'Call the shelter about a bed',
  ]);
  await expect(tasks.getByTestId('followup-due-state')).toHaveText(['Overdue by 3 days', 'Due in 2 days']);
  // Done: it moves to the end and the keyboard stays on its button.
  await tasks.first().getByTestId('followup-toggle').click();
  await expect(tasks.last()).toHaveAttribute('data-done', 'true');
  await expect(tasks.last().getByTestId('followup-due-state')).toHaveText('Done');
  await expect(tasks.last().getByTestId('followup-toggle')).toHaveText('Reopen');
  await expect(tasks.last().getByTestId('followup-toggle')).toBeFocused();
  await expect(tasks.first().getByTestId('followup-what-text')).toHaveText('Call the shelter about a bed');

  // A photo of a document: shown in the page from a blob: URL, which is revoked when closed.
  const photo = pngImage(240, 160, [31, 95, 168]);
  await page.getByTestId('attachment-file').setInputFiles({
    name: 'seaman-book.png',
    mimeType: 'image/png',
    buffer: photo,
  });
  const photoRow = page.getByTestId('attachment').filter({ hasText: 'seaman-book.png' });
  await expect(photoRow).toBeVisible();
  await expect(
    page.getByTestId('attachment').filter({ hasText: 'boat-papers.txt' }).getByTestId('attachment-view'),
  ).toHaveCount(0);
  await photoRow.getByTestId('attachment-view').click();
  const img = photoRow.getByTestId('attachment-img');
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('src', /^blob:/);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(240);
  await expect(photoRow.getByTestId('attachment-picture-close')).toBeFocused();
  await shot(page, 'case-followups-en');
  await panelShots(page, 'en');
  await expectPanelsAccessible(page, 'tasks listed, picture open');
  const blobUrl = (await img.getAttribute('src')) ?? '';
  await photoRow.getByTestId('attachment-picture-close').click();
  await expect(img).toHaveCount(0);
  await expect(photoRow.getByTestId('attachment-view')).toBeFocused();
  const loads = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const probe = new Image();
        probe.onload = () => resolve(true);
        probe.onerror = () => resolve(false);
        probe.src = url;
      }),
    blobUrl,
  );
  expect(loads).toBe(false);

  // Save a copy: the preview's export folder stands in for the save dialog; the bytes are identical.
  const papersRow = page.getByTestId('attachment').filter({ hasText: 'boat-papers.txt' });
  await papersRow.getByTestId('attachment-save').click();
  await expect(papersRow.getByTestId('attachment-saved')).toHaveText('Saved a copy as boat-papers.txt.');
  expect(readFileSync(join(server.exportDir, 'boat-papers.txt')).equals(papers)).toBe(true);
  await photoRow.getByTestId('attachment-save').click();
  await expect(photoRow.getByTestId('attachment-saved')).toHaveText('Saved a copy as seaman-book.png.');
  expect(readFileSync(join(server.exportDir, 'seaman-book.png')).equals(photo)).toBe(true);

  // The same panels in Thai: due dates in the Buddhist calendar.
  await setUiLanguage(page, 'th');
  const soonBe = String(Number(soonDay.slice(0, 4)) + 543);
  await expect(tasks.first()).toContainText(soonBe);
  await expect(tasks.first().getByTestId('followup-due-state')).toHaveText('ครบกำหนดในอีก 2 วัน');
  await photoRow.getByTestId('attachment-view').click();
  await expect(photoRow.getByTestId('attachment-img')).toBeVisible();
  await shot(page, 'case-followups-th');
  await panelShots(page, 'th');
  await photoRow.getByTestId('attachment-picture-close').click();
  await setUiLanguage(page, 'en');

  // Status workflow. "Screened" is not offered before an interview has completed; completing one
  // (through the channels the interview screen uses) makes the case screened by itself.
  await expect(page.getByTestId('status-option-screened')).toHaveCount(0);
  const found = await callValue<{ rows: { id: string }[] }>(page, 'cases.list', { search: reference });
  await screenThroughIpc(page, { caseId: found.rows[0]?.id ?? '' });
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill(reference);
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('status-now')).toHaveText('Screened');
  await expect(page.getByTestId('case-result')).toHaveText('No indicators found');
  // screened -> referred -> closed (reason required).
  await page.getByTestId('status-option-referred').check();
  await page.getByTestId('status-apply').click();
  await expect(page.getByTestId('status-now')).toHaveText('Referred');
  // Referred today: the follow-up counters start today.
  await expect(page.getByTestId('followup-reflection')).toHaveAttribute('data-days-left', '45');
  await expect(page.getByTestId('followup-shelter')).toHaveAttribute('data-days-left', '15');
  await shot(page, 'case-referred-en');
  await page.getByTestId('status-option-closed').check();
  await page.getByTestId('status-apply').click();
  await expect(page.getByTestId('status-reason')).toBeFocused();
  await expect(page.getByTestId('status-reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('status-now')).toHaveText('Referred');
  await page.getByTestId('status-reason').fill('Referred to the provincial shelter; screening work done.');
  await page.getByTestId('status-apply').click();
  await expect(page.getByTestId('status-now')).toHaveText('Closed');
  await expect(page.getByTestId('status-reason-shown')).toContainText('Referred to the provincial shelter');
  await expect(page.getByTestId('attachment-file')).toHaveCount(0);
  // Closed: the tasks stay visible but can no longer be added to or changed; copies can still be saved.
  await expect(page.getByTestId('followup-form')).toHaveCount(0);
  await expect(page.getByTestId('followup-toggle')).toHaveCount(0);
  await expect(tasks).toHaveCount(2);
  await expect(page.getByTestId('attachment-save')).toHaveCount(2);

  // The timeline: who did what, newest first, with the reason; views only on request.
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline.first()).toHaveAttribute('data-action', 'case.status');
  await expect(timeline.first()).toContainText('Referred → Closed');
  await expect(timeline.first()).toContainText('Referred to the provincial shelter');
  await expect(timeline.first()).toContainText('by somchai');
  const actions = await timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(actions).toEqual([
    'case.status',
    'case.status',
    'case.status',
    'case.update',
    'interview.state',
    'interview.start',
    'attachment.export',
    'attachment.export',
    'attachment.add',
    'followup.done',
    'followup.add',
    'followup.add',
    'attachment.add',
    'note.create',
    'person.create',
    'case.create',
  ]);
  const followUpEvents = page.locator('[data-testid="timeline-entry"][data-action^="followup."]');
  await expect(followUpEvents.first()).toContainText('Follow-up task done');
  await expect(followUpEvents.first().getByTestId('timeline-followup')).toContainText(
    '“Collect the passport from the captain”, due',
  );
  await expect(
    page.locator('[data-testid="timeline-entry"][data-action="attachment.export"]').first(),
  ).toContainText('file: seaman-book.png');
  await page.getByTestId('timeline-routine').check();
  await expect(page.locator('[data-testid="timeline-entry"][data-action="case.view"]').first()).toBeVisible();
  await shot(page, 'case-closed-en');

  // The same page in Thai: dates in the Buddhist calendar (Gregorian year + 543).
  await setUiLanguage(page, 'th');
  await expect(page.getByTestId('followups-referred')).toContainText(BE_YEAR);
  await expect(page.locator('.facts').first()).toContainText(BE_YEAR);
  await shot(page, 'case-closed-th');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(6);
  const dates = await page.locator('[data-testid="case-row"] td:nth-child(2)').allTextContents();
  expect(dates.filter((d) => /2567/.test(d))).toHaveLength(4);
  expect(dates.filter((d) => /\b20\d\d\b/.test(d))).toEqual([]);
  await shot(page, 'list-th');
  await setUiLanguage(page, 'en');

  // Quick-hide and back.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('neutral-screen')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await signInAs(page, SUPERVISOR);
  await expect(page.getByTestId('case-count')).toHaveText('6 cases');

  // A case changed through cases.update: its timeline names the field in words, never its column.
  await page.getByTestId('case-search').fill('Min Thu');
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await page.getByTestId('open-case').click();
  const changed = page.locator('[data-testid="timeline-entry"][data-action="case.update"]');
  await expect(changed.getByTestId('timeline-fields')).toHaveText('changed: screening result');
  await setUiLanguage(page, 'th');
  await expect(changed.getByTestId('timeline-fields')).toHaveText('แก้ไข: ผลการคัดกรอง');
  await fontsReady(page);
  await page.locator('section[aria-labelledby="timeline-title"]').screenshot({
    path: shotPath('casework-timeline-fields-th'),
  });
  await setUiLanguage(page, 'en');
});

test('an officer sees no administration, and main refuses the supervisor channels', async ({ page }) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, SUPERVISOR);
  // Switching user locks first: the officer then signs in with their own passphrase.
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await expect(page.getByTestId('who')).toHaveCount(0);
  // First sign-in with the passphrase the supervisor set: nothing opens but the choice of their own.
  const given = givenPass(OFFICER.pass);
  await signInAs(page, { ...OFFICER, pass: given });
  await expect(page.getByTestId('first-passphrase')).toBeVisible();
  await expect(page.getByTestId('nav-cases')).toHaveCount(0);
  const before = await callFromPage(page, 'referral.directory', {});
  expect(before.ok === false && before.error.code).toBe('PASSPHRASE_CHANGE_REQUIRED');
  await expectAccessible(page, 'first-passphrase');
  await shot(page, 'first-passphrase-en');
  // Keeping the given passphrase is refused, said on the form; nothing else is lost.
  await page.getByTestId('account-current').fill(given);
  await page.getByTestId('account-new-passphrase').fill(given);
  await page.getByTestId('account-new-confirm').fill(given);
  await page.getByTestId('account-change-submit').click();
  await expect(page.getByTestId('account-new-passphrase')).toBeFocused();
  await expect(page.getByTestId('account-new-passphrase')).toHaveAccessibleDescription(
    /different from the one you have now/,
  );
  await page.getByTestId('account-current').fill(given);
  await page.getByTestId('account-new-passphrase').fill(OFFICER.pass);
  await page.getByTestId('account-new-confirm').fill(OFFICER.pass);
  await page.getByTestId('account-change-submit').click();
  // New keys are made here (an RSA referral key among them): seconds on a busy machine.
  await expect(page.getByTestId('nav-cases')).toBeVisible({ timeout: 30_000 });
  // My account: the own signing key waits for a supervisor; the store's fingerprint is shown.
  await page.getByTestId('nav-account').click();
  await expect(page.getByTestId('account-signing-key')).toContainText('Waiting for a supervisor');
  await expect(page.getByTestId('account-store-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await expectAccessible(page, 'my-account');
  await shot(page, 'my-account-pending-en');
  // The officer's next sign-in uses their own passphrase only. (Wait for the lock: signing the same
  // person in again while their name is still in the header would do nothing.)
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await signInAs(page, OFFICER);
  await expect(page.getByTestId('who')).toContainText('Malee Officer (officer)');
  // The same officer comes back to where they were (My account): on to the cases.
  await expect(page.getByTestId('my-account')).toBeVisible();
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await shot(page, 'officer-list-en');

  for (const [channel, request] of [
    ['admin.users.list', {}],
    [
      'admin.users.add',
      { username: 'x2', displayName: 'X', role: 'supervisor', passphrase: 'long enough pass' },
    ],
    ['admin.audit.list', {}],
    ['admin.audit.verify', {}],
    ['admin.settings.update', { autoLockMinutes: 120 }],
    ['admin.backup.create', {}],
    ['casework.deleteCase', { caseId: '00000000-0000-4000-8000-000000000000', reason: 'x' }],
  ] as const) {
    const reply = await callFromPage(page, channel, request);
    expect(reply, channel).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE', messageKey: 'errors.forbiddenRole' },
    });
  }

  // The officer may read a case's own history (not the whole audit trail) and add notes, not delete.
  await page.getByTestId('case-search').fill('aung');
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('timeline-entry').first()).toHaveAttribute('data-action', 'case.status');
  await expect(page.getByTestId('delete-panel')).toHaveCount(0);
  await page.getByTestId('note-body').fill('Shelter confirmed arrival by phone.');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note')).toHaveCount(2);
  await expect(page.getByTestId('note').last()).toContainText('malee');
  await shot(page, 'officer-case-en');
  await page.getByTestId('switch-user').click();
  // Wait for the lock to land before signing in again (the header still shows the officer briefly).
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await signInAs(page, SUPERVISOR);
});

test('a supervisor deletes a case with a reason, checks the audit trail, changes settings and backs up', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openOwnAs(page, server, SUPERVISOR);

  await page.getByTestId('case-search').fill('sokha');
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await page.getByTestId('open-case').click();
  const reference = ((await page.locator('#case-title').textContent()) ?? '').replace(/^Case /, '');
  await page.getByTestId('delete-open').click();
  await page.getByTestId('delete-reason').fill('Entered twice by mistake');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('delete-understood')).toBeFocused();
  await expect(page.getByTestId('delete-understood')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('delete-understood').check();
  await shot(page, 'delete-en');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('case-list-notice')).toHaveText(`Case ${reference} was deleted.`);
  await expect(page.getByTestId('case-count')).toHaveText('5 cases');
  await page.getByTestId('case-search').fill('sokha');
  await expect(page.getByTestId('case-count')).toHaveText('0 cases');

  // The audit trail records the deletion with its reason; the chain still verifies.
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-audit').click();
  await page.getByTestId('audit-action-filter').selectOption('case.delete');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-row').locator('summary').click();
  await expect(page.getByTestId('audit-row')).toContainText('Entered twice by mistake');
  await expect(page.getByTestId('audit-row')).not.toContainText('Sokha');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
  await shot(page, 'admin-audit-en');

  // Settings persist (auto-lock, follow-up days, the referral directory).
  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-auto-lock').fill('3');
  await page.getByTestId('settings-reflection-days').fill('30');
  await page.getByTestId('settings-agency-name').fill('Songkhla PIPO centre');
  await page.getByTestId('directory-add').click();
  await page.getByTestId('directory-name-0').fill('Songkhla shelter for children and families');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('settings-auto-lock')).toHaveValue('3');
  await expect(page.getByTestId('settings-reflection-days')).toHaveValue('30');
  await expect(page.getByTestId('directory-name-0')).toHaveValue(
    'Songkhla shelter for children and families',
  );
  await shot(page, 'admin-settings-en');
  const bad = await callFromPage(page, 'admin.settings.update', { autoLockMinutes: 0 });
  expect(bad.ok === false && bad.error.code).toBe('VALIDATION');

  // A backup goes to the export target (the export folder in the preview).
  await page.getByTestId('admin-tab-backup').click();
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-result')).toContainText('.db');
  const backups = readdirSync(server.exportDir).filter((f) => f.startsWith('fieldscreen-backup-'));
  expect(backups).toHaveLength(1);
  expect(statSync(join(server.exportDir, backups[0] ?? '')).size % 4096).toBe(0);
  await shot(page, 'admin-backup-en');

  // Administration screens in Thai.
  await setUiLanguage(page, 'th');
  for (const tab of ['users', 'settings', 'audit', 'backup'] as const) {
    await page.getByTestId(`admin-tab-${tab}`).click();
    await expect(page.getByTestId(`admin-${tab}`)).toBeVisible();
    await shot(page, `admin-${tab}-th`);
  }
  await setUiLanguage(page, 'en');
  await page.getByTestId('admin-tab-users').click();
  await shot(page, 'admin-users-en');
});

test('the case list renders only the rows in view and fetches more while scrolling', async ({ page }) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, SUPERVISOR);
  const made = await page.evaluate(async () => {
    const api = (
      window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<{ ok: boolean }> } }
    ).fieldscreen;
    let ok = 0;
    for (let i = 0; i < 320; i++) {
      const r = await api.call('cases.create', {
        place: { kind: 'port', name: 'Bulk port' },
        screeningDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        person: { nameOrAlias: `Bulk person ${String(i).padStart(3, '0')}`, languages: ['my'] },
      });
      if (r.ok) ok++;
    }
    return ok;
  });
  expect(made).toBe(320);
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-count')).toHaveText('325 cases');
  await expect(page.getByTestId('case-table')).toHaveAttribute('aria-rowcount', '326');
  const rendered = await page.getByTestId('case-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  // Scroll to the end: the last page is fetched and the last row is shown.
  await page.getByTestId('case-scroller').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = page.locator('tr[aria-rowindex="326"][data-testid="case-row"]');
  await expect(last).toBeVisible();
  expect(await page.getByTestId('case-row').count()).toBeLessThan(60);

  // The keyboard moves through all rows: Home, Down, End.
  await page.getByTestId('sort-reference').click();
  await expect(page.locator('tr[aria-rowindex="2"] button[data-index="0"]')).toBeVisible();
  await page.locator('button[data-index="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('button[data-index="1"]')).toBeFocused();
  await page.keyboard.press('End');
  // The last page is fetched first (after the sort, nothing past the first page is cached).
  await expect(page.locator('button[data-index="324"]')).toBeFocused({ timeout: 15_000 });
  await page.keyboard.press('PageUp');
  await expect(page.locator('button[data-index="324"]')).not.toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('button[data-index="0"]')).toBeFocused();
  await shot(page, 'list-325-en');
});

test('the list shows nationality, interview language and officer, and sorts on each in the store', async ({
  page,
}) => {
  await openOwnAs(page, server, SUPERVISOR);
  const people = [
    { name: 'Sortable Dara', nationality: 'Cambodia', lang: 'km' },
    { name: 'Sortable Min', nationality: 'Myanmar', lang: 'my' },
    { name: 'Sortable An', nationality: 'Viet Nam', lang: 'vi' },
  ];
  const made = await page.evaluate(async (list) => {
    const api = (
      window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<{ ok: boolean }> } }
    ).fieldscreen;
    let ok = 0;
    for (const p of list) {
      const r = await api.call('cases.create', {
        place: { kind: 'port', name: 'Sort port' },
        screeningDate: '2026-01-15',
        person: { nameOrAlias: p.name, nationality: p.nationality, languages: [p.lang] },
      });
      if (r.ok) ok++;
    }
    return ok;
  }, people);
  expect(made).toBe(3);
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('sortable');
  await expect(page.getByTestId('case-count')).toHaveText('3 cases');
  const column = (name: string) => page.locator(`tr[data-testid="case-row"] td.col-${name}`);

  await page.getByTestId('sort-nationality').click();
  await expect(column('nationality')).toHaveText(['Cambodia', 'Myanmar', 'Viet Nam']);
  await page.getByTestId('sort-nationality').click();
  await expect(column('nationality')).toHaveText(['Viet Nam', 'Myanmar', 'Cambodia']);
  // Languages by their own names, ordered by their tags (km, my, vi).
  await page.getByTestId('sort-intervieweeLanguage').click();
  await expect(column('intervieweeLanguage')).toHaveText(['ខ្មែរ', 'မြန်မာ', 'Tiếng Việt']);
  await expect(column('officer')).toHaveText([SUPERVISOR.name, SUPERVISOR.name, SUPERVISOR.name]);
  await page.getByTestId('sort-primaryPersonName').click();
  await expect(column('primaryPersonName')).toHaveText(['Sortable An', 'Sortable Dara', 'Sortable Min']);
  await shot(page, 'list-columns-en');
});

test('when consent is withdrawn the case page shows only the name or alias', async ({ page }) => {
  await openOwnAs(page, server, SUPERVISOR);
  const id = await page.evaluate(async () => {
    const api = (
      window as unknown as {
        fieldscreen: { call: (c: string, r: unknown) => Promise<{ ok: boolean; value?: { id: string } }> };
      }
    ).fieldscreen;
    const made = await api.call('cases.create', {
      place: { kind: 'port', name: 'Withdrawn port' },
      screeningDate: '2026-02-01',
      person: { nameOrAlias: 'Withdrawn Sokha', nationality: 'Cambodia', sex: 'female', languages: ['km'] },
    });
    const caseId = made.value?.id ?? '';
    await api.call('cases.setStatus', {
      id: caseId,
      status: 'consent_withdrawn',
      reason: 'Asked us to stop',
    });
    return caseId;
  });
  expect(id).not.toBe('');
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('withdrawn sokha');
  await expect(page.getByTestId('case-count')).toHaveText('1 case');
  await page.getByTestId('open-case').first().click();
  await expect(page.getByTestId('person-summary-name')).toHaveText('Withdrawn Sokha');
  await expect(page.getByTestId('person-withheld')).toBeVisible();
  await expect(page.getByTestId('person-summary')).not.toContainText('Cambodia');
  await expect(page.getByTestId('person-summary')).not.toContainText('Female');
  await shot(page, 'case-consent-withdrawn-en');
});
