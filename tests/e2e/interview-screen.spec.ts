import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { neutralAnswer } from '../../src/main/demo/defaults';
import { type AnswerValue, findQuestion, INSTRUMENT } from '../../src/shared/instrument';
import {
  callFromPage,
  callValue,
  fontsReady,
  ownServerForFile,
  SUPERVISOR,
  shotPath,
  signInAs,
} from './helpers';
import { answerNeutrallyUntil, keysFor, openAt as openAtSize, startShortScreen } from './interview-flow';

/**
 * The interview on one laptop screen (issue 14): at 1280x720 and 1366x768 every question of a whole
 * short screen has its answers inside the window without scrolling (at 150% zoom, within one scroll),
 * answered with the keyboard only; the person-facing view shows nothing of the officer's. Own preview
 * server and data folder.
 */

test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('interview-screen');

const openAt = (browser: Browser, size: { width: number; height: number }, zoom = 1) =>
  openAtSize(browser, server, size, zoom);

/** Where the question and its answers are in the window, and whether the page has scrolled. */
async function layoutOfQuestion(page: Page) {
  return page.evaluate(() => {
    const q = document.querySelector('[data-testid="question"]');
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        '[data-testid="question"] .answer-controls button, [data-testid="question"] .answer-controls input',
      ),
    ).filter((el) => el.offsetParent !== null);
    const text = document.querySelector('[data-testid="question-interviewee"]')?.getBoundingClientRect();
    return {
      viewport: window.innerHeight,
      scrollY: window.scrollY,
      questionTop: q?.getBoundingClientRect().top ?? -1,
      textBottom: text?.bottom ?? -1,
      lowestAnswer: Math.max(...controls.map((el) => el.getBoundingClientRect().bottom)),
      answers: controls.length,
    };
  });
}

/**
 * Answers the whole short screen with the keyboard only, checking each question's layout first:
 * `maxScreens` = 1 means every answer inside the window without scrolling; 2 means within one scroll.
 */
async function walkShortScreen(
  page: Page,
  shots: string,
  options: { maxScreens: 1 | 2; answers?: Record<string, AnswerValue> },
) {
  const script: Record<string, AnswerValue> = { id_age: { kind: 'number', value: 30 }, ...options.answers };
  const asked: string[] = [];
  while ((await page.getByTestId('question').count()) > 0) {
    const id = (await page.getByTestId('question').getAttribute('data-question-id')) ?? '';
    const question = findQuestion(INSTRUMENT, id);
    if (!question) throw new Error(`unknown question ${id}`);
    await fontsReady(page);
    const layout = await layoutOfQuestion(page);
    expect(layout.scrollY, `${id}: the page has not scrolled`).toBe(0);
    expect(layout.answers, `${id}: answers shown`).toBeGreaterThan(1);
    expect(layout.textBottom, `${id}: the question is in the window`).toBeLessThanOrEqual(layout.viewport);
    expect(layout.lowestAnswer, `${id}: answers within ${options.maxScreens} screen(s)`).toBeLessThanOrEqual(
      layout.viewport * options.maxScreens,
    );
    if (asked.length % 6 === 0) await page.screenshot({ path: shotPath(`${shots}-${id}`) });
    for (const key of keysFor(question, script[id] ?? neutralAnswer(question)))
      await page.keyboard.press(key);
    await expect(page.locator(`[data-testid="given"][data-question-id="${id}"]`)).toBeAttached();
    await expect(page.locator(`[data-testid="question"][data-question-id="${id}"]`)).toHaveCount(0);
    asked.push(id);
  }
  await expect(page.getByTestId('all-asked')).toBeVisible();
  return asked;
}

test('a whole short screen fits one window at 1280x720, answered by keyboard only', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, { width: 1280, height: 720 });
  // A 16-year-old: the urgent notice shows from the age on, as one line that opens on demand.
  await startShortScreen(page, 'Min Thu (16)');
  const asked = await walkShortScreen(page, 'interview-1280', {
    maxScreens: 1,
    answers: { id_age: { kind: 'number', value: 16 } },
  });
  expect(asked).toContain('ctrl_when_unhappy');
  await expect(page.getByTestId('urgent')).toBeVisible();
  await expect(page.getByTestId('urgent-details')).toBeHidden();
  await page.screenshot({ path: shotPath('interview-1280-all-asked') });
  // Enter finishes (the button has the focus); main records the result.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result')).toBeVisible();
  await page.getByTestId('urgent-toggle').click();
  await expect(page.getByTestId('urgent-details')).toBeVisible();
  await expect(page.getByTestId('urgent-details')).toContainText('under 18');
  await page.getByTestId('exit-interview').click();
  await expect(page.getByTestId('case-result')).toHaveText('Urgent');
  await expect(page.getByTestId('case-status')).toHaveText('Screened');
  await page.context().close();
});

test('at 1366x768 every answer is on screen, and back and next step through the answers', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, { width: 1366, height: 768 });
  await startShortScreen(page, 'Sokha');
  await page.keyboard.press('2');
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'safety_safe_to_talk');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'safety_others_present');
  await expect(page.getByTestId('answer-no')).toHaveClass(/chosen/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'safety_safe_to_talk');
  await expect(page.getByTestId('step-next')).toBeDisabled();
  const asked = await walkShortScreen(page, 'interview-1366', { maxScreens: 1 });
  expect(asked).toContain('close_referral_consent');
  await page.context().close();
});

test('at 150% zoom on 1366x768 every answer is within one scroll', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, { width: 1366, height: 768 }, 1.5);
  await startShortScreen(page, 'Dara');
  await walkShortScreen(page, 'interview-1366-150pct', { maxScreens: 2 });
  await page.context().close();
});

test("the person-facing view shows only the question and answers in the person's language", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, { width: 1366, height: 768 });
  await startShortScreen(page, 'Ko Aung');
  const officerQuestion = (await page.getByTestId('question-officer').textContent()) ?? '';
  const reference = ((await page.locator('#iv-title').textContent()) ?? '').split(' · ')[1] ?? '';
  expect(reference).toMatch(/^FS-/);
  for (const name of ['Lock', 'Hide (F9)', 'Break', 'Stop and keep answers', 'Show to the person', 'Next →'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
  await page.getByTestId('person-view-on').click();
  const view = page.getByTestId('person-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('person-question')).toHaveText(/[\u1000-\u109F]/);
  await expect(page.getByTestId('person-question')).toBeFocused();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('person-view-yes-no') });

  // Nothing of the officer's: no controls, no officer text, no case reference, no banner, no list.
  for (const name of [
    'Lock',
    'Hide (F9)',
    'Break',
    'Person is distressed',
    'Stop and keep answers',
    'Back to the case',
    'Show to the person',
    'Next →',
    '← Back',
    'Switch user',
    'Diagnostic report',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  // The officer's bar is there on the officer's screen (so the names above are the real ones).
  // In the view, every control is an answer of the person's or the discreet way back.
  const controls = await page
    .locator('button, a, input, select, textarea, [role="button"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? el.tagName));
  expect(controls.length).toBeGreaterThan(2);
  for (const control of controls)
    expect(control, 'a control of the person-facing view').toMatch(/^(answer-|option-|person-view-back$)/);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  const shown = await page.locator('body').innerText();
  for (const officerText of [
    officerQuestion,
    reference,
    'FieldScreen',
    'Somchai',
    'Keys:',
    'Guidance',
    'answer',
  ]) {
    expect(shown, `"${officerText}" is not shown to the person`).not.toContain(officerText);
  }
  await expect(page.locator('[data-testid="given"], [data-testid="urgent"], .key-hint')).toHaveCount(0);
  expect(shown).not.toMatch(/[A-Za-z]{3,}/);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'axe on the person-facing view',
  ).toEqual([]);

  // The person answers by touch; the next question follows in their language.
  for (const [id, button] of [
    ['safety_others_present', 'answer-no'],
    ['safety_safe_to_talk', 'answer-yes'],
    ['consent_explained', 'option-understood'],
    ['consent_screening', 'answer-yes'],
    ['health_pain_injury', 'answer-no'],
    ['needs_danger_now', 'answer-no'],
    ['id_nationality', 'option-myanmar'],
  ] as const) {
    await expect(page.locator(`[data-question-id="${id}"]`)).toBeVisible();
    await page.getByTestId(button).click();
  }
  // A number, in the person's language.
  await expect(page.locator('[data-question-id="id_age"]')).toBeVisible();
  await page.getByTestId('answer-number').fill('30');
  await page.screenshot({ path: shotPath('person-view-number') });
  await page.getByTestId('answer-confirm').click();
  // The officer's own question (the age assessment) is never shown to the person.
  await expect(page.getByTestId('person-wait')).toBeVisible();
  await expect(page.getByTestId('answer-prefer_not')).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toMatch(/[A-Za-z]{3,}/);
  await page.screenshot({ path: shotPath('person-view-wait') });

  // The discreet way back; the officer answers their question, without "prefers not to say".
  await page.getByTestId('person-view-back').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'id_possibly_under_18');
  await expect(page.getByTestId('officer-question')).toBeVisible();
  await expect(page.getByTestId('answer-not_sure')).toBeVisible();
  await expect(page.getByTestId('answer-prefer_not')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await page.context().close();
});

test('a multi-choice answer cannot combine "nothing like this" with another option', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, { width: 1280, height: 720 });
  const caseId = await startShortScreen(page, 'Nguyen Van An');
  const question = findQuestion(INSTRUMENT, 'ctrl_when_unhappy');
  if (question?.kind !== 'multi') throw new Error('ctrl_when_unhappy is a multi-choice question');
  // Main refuses the contradiction whatever the screen sends.
  const detail = await callValue<{ interviews: { id: string }[] }>(page, 'cases.get', { id: caseId });
  const refused = await callFromPage(page, 'interview.saveAnswer', {
    interviewId: detail.interviews[0]?.id,
    questionId: 'ctrl_when_unhappy',
    value: { kind: 'multi', options: ['threat_to_hurt', 'nothing_like_this'] },
    clientSeq: 1,
  });
  expect(refused.ok).toBe(false);
  // The screen: ticking "nothing like this" clears the others, and the other way round.
  await page.reload();
  await signInAs(page, SUPERVISOR);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('Nguyen Van An');
  await page.getByTestId('open-case').click();
  await page.getByTestId('open-interview').click();
  await answerNeutrallyUntil(page, 'ctrl_when_unhappy');
  await page.getByTestId('option-threat_to_hurt').check();
  await page.getByTestId('option-fines_or_pay_cut').check();
  await page.getByTestId('option-nothing_like_this').check();
  await expect(page.getByTestId('option-threat_to_hurt')).not.toBeChecked();
  await expect(page.getByTestId('option-fines_or_pay_cut')).not.toBeChecked();
  await page.getByTestId('option-threat_to_hurt').check();
  await expect(page.getByTestId('option-nothing_like_this')).not.toBeChecked();
  await page.context().close();
});
