import { expect, test } from '@playwright/test';
import { expectAccessible, fontsReady, ownServerForFile, SUPERVISOR, shotPath, signInAs } from './helpers';
import { answerShownNeutrally, openAt, shownQuestionId, startShortScreen } from './interview-flow';

/**
 * Interruptions keep the place (issue 14): after Lock or F9 the same officer signs in again to the same
 * interview and question; the sign-in after F9 says nothing of the app or its purpose; a stopped
 * interview can be resumed. Own preview server and data folder.
 */
test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('interview-resume');

test('after Lock and after F9 the officer comes back to the same question', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, server, { width: 1280, height: 720 });
  await startShortScreen(page, 'Aung Ko');
  for (let i = 0; i < 4; i++) await answerShownNeutrally(page);
  // Back one answer: the place is that question, not the next one unanswered.
  await page.keyboard.press('ArrowLeft');
  const backTo = await shownQuestionId(page);
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await signInAs(page, SUPERVISOR);
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', backTo);

  // F9: the neutral screen, then a sign-in with no app name and no mission text.
  await page.keyboard.press('ArrowRight');
  const next = await shownQuestionId(page);
  expect(next).not.toBe(backTo);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('neutral-screen')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  const shown = await page.locator('body').innerText();
  for (const word of ['FieldScreen', 'trafficked', 'Screening', 'Somchai', 'Unlock'])
    expect(shown, `"${word}" is not on the sign-in after F9`).not.toContain(word);
  expect(await page.title()).not.toContain('FieldScreen');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('unlock-after-f9-1280') });
  await expectAccessible(page, 'the sign-in after F9');
  await page.getByTestId('unlock-username').fill(SUPERVISOR.user);
  await page.getByTestId('unlock-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', next);
  await expect(page.locator('.app-header')).toBeVisible();
  expect(await page.title()).toBe('FieldScreen');
  await page.context().close();
});

test('a stopped interview can be resumed where it stopped', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openAt(browser, server, { width: 1366, height: 768 });
  await startShortScreen(page, 'Srey Mom');
  for (let i = 0; i < 3; i++) await answerShownNeutrally(page);
  const stoppedAt = await shownQuestionId(page);
  await page.getByTestId('stop').click();
  await page.getByTestId('stop-reason').fill('The person had to return to the boat');
  await page.getByTestId('stop-confirm').click();
  await expect(page.getByTestId('stopped')).toBeVisible();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('interview-stopped-1366') });
  await expectAccessible(page, 'a stopped interview');
  await page.getByTestId('resume-stopped').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', stoppedAt);
  await answerShownNeutrally(page);
  await page.getByTestId('exit-interview').click();
  await expect(page.getByTestId('open-interview')).toHaveText('Continue');
  await page.context().close();
});
