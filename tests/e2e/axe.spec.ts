import { expect, type Page, test } from '@playwright/test';
import {
  callValue,
  expectAccessible,
  expectNoOverflowAtLargeText,
  fontsReady,
  givenPass,
  ownServerForFile,
  SUPERVISOR,
  shotPath,
  signInAs,
} from './helpers';
import {
  answerNeutrallyUntil,
  answerShownNeutrally,
  openAt,
  startShortScreen,
  withInterpreterInPrivate,
} from './interview-flow';

/**
 * Accessibility of every screen: axe-core finds no serious or critical violation; keyboard focus is
 * always visible; nothing overflows sideways at 1366x768 with the text at 150%. Runs its own preview
 * server on a fresh data folder, because the first-run screens (setup, recovery key) exist only there.
 */

test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('axe');

/** Tabbing moves focus to real controls, each with a visible focus indicator. */
async function expectVisibleFocus(page: Page, screen: string, presses = 10) {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Past the last control the focus leaves the page (to the browser) before it wraps.
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      const ring = style.boxShadow !== 'none';
      return {
        ok: outline || ring,
        what: `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}`,
      };
    });
    if (!focus) continue;
    seen.push(focus.what);
    expect(focus.ok, `visible focus on ${focus.what} (${screen}, tab ${i + 1})`).toBe(true);
  }
  expect(seen.length, `controls reached by Tab on ${screen}`).toBeGreaterThan(3);
}

async function check(page: Page, screen: string, options: { focus?: boolean } = {}) {
  await expectAccessible(page, screen);
  await page.screenshot({ path: shotPath(`axe-${screen}`), fullPage: true });
  if (options.focus) await expectVisibleFocus(page, screen);
  await expectNoOverflowAtLargeText(page, `axe-${screen}`);
}

test('every screen is accessible, keyboard-usable and fits at 1366x768 with 150% text', async ({ page }) => {
  test.setTimeout(300_000);
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  await page.goto(`${server.base}/#token=${server.token}`);
  await expect(page.locator('.app-header')).toBeVisible();
  await page.getByTestId('ui-language').selectOption('en');

  await expect(page.getByTestId('setup-username')).toBeVisible();
  await check(page, 'setup', { focus: true });
  await page.getByTestId('setup-display-name').fill(SUPERVISOR.name);
  await page.getByTestId('setup-username').fill(SUPERVISOR.user);
  await page.getByTestId('setup-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('setup-confirm').fill(SUPERVISOR.pass);
  await page.getByTestId('setup-submit').click();
  // The store is made here: its identity (an RSA-3072 CA) and the supervisor's keys take seconds on a busy machine.
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  await check(page, 'recovery-key');
  await page.getByTestId('recovery-stored').check();
  await page.getByTestId('recovery-continue').click();

  await expect(page.getByTestId('case-count')).toBeVisible();
  await check(page, 'case-list-empty');
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await check(page, 'unlock', { focus: true });
  await page.getByTestId('unlock-username').fill(SUPERVISOR.user);
  await page.getByTestId('unlock-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('unlock-submit').click();

  await page.getByTestId('nav-new-case').click();
  await check(page, 'new-case', { focus: true });
  await page.getByTestId('place-name').fill('Songkhla PIPO');
  await page.getByTestId('vessel-name').fill('Sea Star 7');
  await page.getByTestId('person-name').fill('Ko Aung');
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.getByTestId('note-body').fill('First contact at the pier.');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note')).toHaveCount(1);
  await check(page, 'case-page', { focus: true });

  await page.getByTestId('start-short').click();
  await expect(page.getByTestId('before-start')).toBeVisible();
  await withInterpreterInPrivate(page, 'Ma Hnin');
  await check(page, 'before-start');
  await page.getByTestId('bs-start').click();
  await expect(page.getByTestId('question')).toBeVisible();
  await check(page, 'interview-question');
  // The person-facing view: the question and answers in the person's language, nothing else.
  await page.getByTestId('person-view-on').click();
  await expect(page.getByTestId('person-question')).toBeVisible();
  await check(page, 'person-view');
  await page.getByTestId('person-view-back').click();
  await expect(page.getByTestId('question')).toBeVisible();
  await page.getByTestId('answer-no').click();
  await expect(
    page.locator('[data-testid="question"][data-question-id="safety_safe_to_talk"]'),
  ).toBeVisible();
  await page.getByTestId('stop').click();
  await page.getByTestId('stop-reason').fill('The person asked to stop for today.');
  await page.getByTestId('stop-confirm').click();
  await expect(page.getByTestId('result')).toBeVisible();
  await check(page, 'result');
  await page.getByTestId('exit-interview').click();
  await expect(page.getByTestId('referral-panel')).toBeVisible();
  await check(page, 'referral-panel');

  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await check(page, 'case-list', { focus: true });

  await page.getByTestId('nav-admin').click();
  for (const tab of ['users', 'settings', 'audit', 'backup'] as const) {
    await page.getByTestId(`admin-tab-${tab}`).click();
    await expect(page.getByTestId(`admin-${tab}`)).toBeVisible();
    await check(page, `admin-${tab}`, { focus: tab === 'users' });
  }

  // The Thai UI: same checks on the busiest screens (longer words, another script).
  await page.getByTestId('ui-language').selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await page.getByTestId('nav-cases').click();
  await check(page, 'case-list-th');
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await check(page, 'case-page-th');
});

/** The sizes the newer screens are checked at: two laptop screens, and 1366x768 zoomed to 150%. */
const SIZES = [
  { name: '1280', size: { width: 1280, height: 720 }, zoom: 1 },
  { name: '1366', size: { width: 1366, height: 768 }, zoom: 1 },
  { name: '1366-zoom150', size: { width: 1366, height: 768 }, zoom: 1.5 },
] as const;

for (const { name, size, zoom } of SIZES) {
  test(`the newer screens at ${name}: first passphrase, My account, an inspection with its crew, the person-facing view`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const page = await openAt(browser, server, size, zoom);
    const shot = async (screen: string) => {
      await fontsReady(page);
      await page.screenshot({ path: shotPath(`axe-new-${screen}-${name}`), fullPage: true });
    };

    // My account (the supervisor's: keys endorsed, both fingerprints).
    await page.getByTestId('nav-account').click();
    await expect(page.getByTestId('account-store-fingerprint')).toBeVisible();
    await expectAccessible(page, `My account at ${name}`);
    await shot('my-account');

    // An inspection: the new form, then the crew page with one crew member screened.
    await page.getByTestId('nav-inspection').click();
    await expect(page.getByTestId('inspection-new')).toBeVisible();
    await expectAccessible(page, `a new inspection at ${name}`);
    await shot('inspection-new');
    await page.getByTestId('insp-place-name').fill(`Ranong fishing port ${name}`);
    await page.getByTestId('insp-vessel').fill('Sea Star 7');
    await page.getByTestId('bs-language').selectOption('my');
    await withInterpreterInPrivate(page, 'Ma Hnin');
    await page.getByTestId('insp-begin').click();
    await expect(page.getByTestId('inspection')).toBeVisible();
    await expectAccessible(page, `an inspection before its crew at ${name}`);
    await page.getByTestId('crew-name').fill('Aung Aung');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('question')).toBeVisible();

    // The person-facing view of the first question, and of a question with more answers.
    await page.getByTestId('person-view-on').click();
    await expect(page.getByTestId('person-question')).toBeVisible();
    await expectAccessible(page, `the person-facing view at ${name}`);
    await shot('person-view');
    await page.getByTestId('person-view-back').click();
    await expect(page.getByTestId('question')).toBeVisible();
    for (let i = 0; i < 3; i++) await answerShownNeutrally(page);
    await page.getByTestId('person-view-on').click();
    await expect(page.getByTestId('person-question')).toBeVisible();
    await expectAccessible(page, `the person-facing view, a later question, at ${name}`);
    await page.getByTestId('person-view-back').click();
    await page.getByTestId('exit-interview').click();
    await expect(page.getByTestId('crew-row')).toHaveCount(1);
    await expectAccessible(page, `an inspection with its crew at ${name}`);
    await shot('inspection-crew');
    await page.getByTestId('inspection-end').click();

    // The first-passphrase screen of an account someone else set up.
    const officer = { name: `Officer ${name}`, user: `officer-${name}`, pass: 'officer passphrase 1' };
    await callValue(page, 'admin.users.add', {
      displayName: officer.name,
      username: officer.user,
      role: 'officer',
      passphrase: givenPass(officer.pass),
    });
    await signInAs(page, { ...officer, pass: givenPass(officer.pass) });
    await expect(page.getByTestId('first-passphrase')).toBeVisible();
    await expectAccessible(page, `the first-passphrase screen at ${name}`);
    await shot('first-passphrase');
    await page.getByTestId('account-change-submit').click();
    await expect(page.getByTestId('account-current')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, `the first-passphrase screen with what is missing at ${name}`);
    // The next size signs the supervisor in again (the preview keeps one session for all pages).
    await callValue(page, 'session.lock', { reason: 'manual' });
    await page.context().close();
  });
}

test("the interview's other screens at 1280x720: distress, break, stop, the urgent notice opened, the person-facing wait, quick-hide", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, server, { width: 1280, height: 720 });
  const shot = async (screen: string) => {
    await fontsReady(page);
    await page.screenshot({ path: shotPath(`axe-interview-${screen}-1280`) });
  };
  await startShortScreen(page, 'Thiha (16)');
  await page.getByTestId('distress').click();
  await expect(page.getByTestId('distress-screen')).toBeVisible();
  await expectAccessible(page, 'the distress screen');
  await shot('distress');
  await page.getByTestId('distress-continue').click();
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('paused')).toBeVisible();
  await expectAccessible(page, 'the break');
  await shot('paused');
  await page.getByTestId('resume').click();
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('stopping')).toBeVisible();
  await expectAccessible(page, 'the stop form');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A person of 16: the urgent notice as one line, opened on demand.
  await answerNeutrallyUntil(page, 'id_age');
  await page.keyboard.type('16');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('urgent')).toBeVisible();
  await page.getByTestId('urgent-toggle').click();
  await expect(page.getByTestId('urgent-details')).toBeVisible();
  await expectAccessible(page, 'the urgent notice opened');
  await shot('urgent');

  // The officer's own question: the person-facing view waits, in the person's language.
  await expect(page.getByTestId('officer-question')).toBeVisible();
  await page.getByTestId('person-view-on').click();
  await expect(page.getByTestId('person-wait')).toBeVisible();
  await expectAccessible(page, 'the person-facing view while the officer answers');
  await shot('person-wait');
  await page.getByTestId('person-view-back').click();

  // Quick-hide: the neutral screen.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('neutral-screen')).toBeVisible();
  await expectAccessible(page, 'the quick-hide screen');
  await shot('neutral');
  await page.context().close();
});
