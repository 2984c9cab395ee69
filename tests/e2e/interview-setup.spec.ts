import { expect, test } from '@playwright/test';
import { callValue, expectAccessible, fontsReady, ownServerForFile, shotPath } from './helpers';
import { answerNeutrallyUntil, confirmPrivacy, openAt } from './interview-flow';

/**
 * The pre-interview form (issue 14): it says what is missing next to each field instead of a silent
 * disabled button; the full interview after the short screen starts from the form as it was; the
 * interview language and dialect go to the person record. Own preview server and data folder.
 */
const server = ownServerForFile('interview-setup');

test("the form says what is missing, and the full interview starts from the short screen's form", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openAt(browser, server, { width: 1280, height: 720 });
  const created = await callValue<{ id: string }>(page, 'cases.create', {
    place: { kind: 'port', name: 'Trat fishing port', province: 'Trat' },
    screeningDate: '2026-05-21',
    person: { nameOrAlias: 'Sokha', languages: ['my'] },
  });
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('Sokha');
  await page.getByTestId('open-case').click();
  await page.getByTestId('start-short').click();
  await expect(page.getByTestId('bs-carried-over')).toHaveCount(0);
  await expect(page.getByTestId('bs-missing')).toContainText('4 privacy checks');
  await page.getByTestId('bs-start').click();
  // Each missing item is said under its field; the first gets the focus.
  await expect(page.getByTestId('bs-interpreter-name')).toBeFocused();
  await expect(page.getByTestId('bs-interpreter-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-error')).toHaveCount(6);
  await expect(page.getByTestId('field-error').first()).toContainText("interpreter's name");
  await fontsReady(page);
  await page.screenshot({ path: shotPath('before-start-missing-1280'), fullPage: true });
  await expectAccessible(page, 'the pre-interview form with errors');

  await page.getByTestId('bs-language').selectOption('km');
  await page.getByTestId('bs-dialect').fill('Khmer Krom');
  await page.getByTestId('bs-present').fill('Officer Somchai, interpreter Sophea');
  await page.getByTestId('bs-interpreter-name').fill('Sophea');
  await expect(page.getByTestId('bs-interpreter-name')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('bs-declaration').check();
  await confirmPrivacy(page);
  await expect(page.getByTestId('bs-missing')).toHaveCount(0);
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await page.getByTestId('bs-start').click();
  await expect(page.getByTestId('question')).toBeVisible();
  await answerNeutrallyUntil(page);
  await page.getByTestId('complete').click();
  await page.getByTestId('exit-interview').click();

  // The person record follows the interview: Khmer (Khmer Krom), no longer the Burmese guessed at creation.
  await expect(page.getByTestId('person-summary')).toContainText('ខ្មែរ');
  await expect(page.getByTestId('person-summary')).toContainText('Khmer Krom');
  const detail = await callValue<{ intervieweeLanguage: string; persons: { languages: string[] }[] }>(
    page,
    'cases.get',
    {
      id: created.id,
    },
  );
  expect(detail.intervieweeLanguage).toBe('km');
  expect(detail.persons[0]?.languages[0]).toBe('km');

  // The full interview: the form as the short screen left it, to be checked, not typed again.
  await page.getByTestId('start-full').click();
  await expect(page.getByTestId('bs-carried-over')).toBeVisible();
  await expect(page.getByTestId('bs-language')).toHaveValue('km');
  await expect(page.getByTestId('bs-interpreter-name')).toHaveValue('Sophea');
  await expect(page.getByTestId('bs-present')).toHaveValue('Officer Somchai, interpreter Sophea');
  await expect(page.getByTestId('bs-dialect')).toHaveValue('Khmer Krom');
  await expect(page.getByTestId('bs-declaration')).toBeChecked();
  await expect(page.getByTestId('bs-privacy-phoneAway')).toBeChecked();
  await expect(page.getByTestId('bs-missing')).toHaveCount(0);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('before-start-carried-over-1280'), fullPage: true });
  await page.getByTestId('bs-start').click();
  await expect(page.getByTestId('question')).toBeVisible();
  await page.context().close();
});

test('a new case says at the field what is missing instead of a general error', async ({ browser }) => {
  const page = await openAt(browser, server, { width: 1366, height: 768 });
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('place-name')).toBeFocused();
  await expect(page.getByTestId('place-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-error')).toHaveText('Write where the screening took place.');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('new-case-missing-1366') });
  await expectAccessible(page, 'a new case with a missing place');
  await page.getByTestId('place-name').fill('Songkhla PIPO');
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.context().close();
});
