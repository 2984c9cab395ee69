import { expect, type Page, test } from '@playwright/test';
import { callValue, expectAccessible, fontsReady, ownServerForFile, shotPath } from './helpers';
import { answerShownNeutrally, openAt, shownQuestionId, startShortScreen } from './interview-flow';

/**
 * Issue 15: after a safety stop the officer still records that the rights card was handed over (and
 * the rights explained), without reopening the screening questions: after a stop rule (someone within
 * earshot) the closing checks are the only questions left; after the officer's own Stop, the stopped
 * interview shows them as closing checks. 1280x720, own preview server and data folder.
 */
const server = ownServerForFile('after-stop');

const SIZE = { width: 1280, height: 720 };

/** The stored answers of the case's only interview, by question id. */
async function storedAnswers(page: Page, caseId: string): Promise<Record<string, unknown>> {
  const detail = await callValue<{ interviews: { id: string }[] }>(page, 'cases.get', { id: caseId });
  const interview = await callValue<{ answers: { questionId: string; value: unknown }[] }>(
    page,
    'interview.get',
    {
      id: detail.interviews[0]?.id ?? '',
    },
  );
  return Object.fromEntries(interview.answers.map((a) => [a.questionId, a.value]));
}

test('someone within earshot: the interview stops, and only the closing checks are asked', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, server, SIZE);
  const caseId = await startShortScreen(page, 'Ko Zaw');
  expect(await shownQuestionId(page)).toBe('safety_others_present');
  await page.getByTestId('answer-yes').click();

  // Next: the officer's closing check, said to come after the stop; no screening question.
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'close_rights_explained');
  await expect(page.getByTestId('after-stop-note')).toContainText('no more questions are asked');
  await expect(page.getByTestId('officer-question')).toBeVisible();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('after-stop-closing-check-1280') });
  await expectAccessible(page, 'a closing check after a safety stop');
  await page.getByTestId('answer-yes').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'close_card_given');
  await page.getByTestId('answer-yes').click();

  // Then nothing more: the card panel and the end.
  await expect(page.getByTestId('all-asked')).toContainText('cannot continue now');
  await expect(page.getByTestId('rights-card')).toBeVisible();
  await page.getByTestId('complete').click();
  await expect(page.getByTestId('result')).toBeVisible();
  const stored = await storedAnswers(page, caseId);
  expect(Object.keys(stored).sort()).toEqual([
    'close_card_given',
    'close_rights_explained',
    'safety_others_present',
  ]);
  expect(stored.close_card_given).toEqual({ kind: 'choice', value: 'yes' });
  await page.context().close();
});

test("after the officer's Stop, the card handed over is recorded on the stopped interview", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, server, SIZE);
  const caseId = await startShortScreen(page, 'Ma Aye');
  for (let i = 0; i < 3; i++) await answerShownNeutrally(page);
  await page.getByTestId('stop').click();
  await page.getByTestId('stop-reason').fill('The broker walked in');
  await page.getByTestId('stop-confirm').click();
  await expect(page.getByTestId('stopped')).toBeVisible();

  const checks = page.getByTestId('closing-checks');
  await expect(checks).toBeVisible();
  await checks.getByTestId('closing-close_rights_explained-no').click();
  await expect(checks.getByTestId('closing-close_rights_explained-state')).toHaveAttribute(
    'data-state',
    'saved',
  );
  // "Card handed over" in the card panel records the closing check too.
  await page.getByTestId('rights-card-handed-over').click();
  await expect(page.getByTestId('rights-card-recorded')).toBeVisible();
  await expect(checks.getByTestId('closing-close_card_given-yes')).toHaveAttribute('aria-pressed', 'true');
  await expect(checks.getByTestId('closing-close_card_given-state')).toHaveAttribute('data-state', 'saved');
  await checks.scrollIntoViewIfNeeded();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('after-stop-stopped-checks-1280') });
  await expectAccessible(page, 'closing checks on a stopped interview');

  // Still stopped, the screening questions untouched; the checks are on record.
  await expect(page.getByTestId('stopped')).toBeVisible();
  await expect(page.getByTestId('question')).toHaveCount(0);
  const stored = await storedAnswers(page, caseId);
  expect(stored.close_card_given).toEqual({ kind: 'choice', value: 'yes' });
  expect(stored.close_rights_explained).toEqual({ kind: 'choice', value: 'no' });
  expect(Object.keys(stored)).toHaveLength(5);

  // After leaving and coming back, the checks show what is on record.
  await page.getByTestId('exit-interview').click();
  await page.getByTestId('open-interview').click();
  await expect(page.getByTestId('closing-close_card_given-yes')).toHaveAttribute('aria-pressed', 'true');
  await page.context().close();
});
