import { readdirSync } from 'node:fs';
import { type Browser, expect, test } from '@playwright/test';
import { callValue, expectAccessible, fontsReady, ownServerForFile, shotPath } from './helpers';
import { answerNeutrallyUntil, openAt, startShortScreen } from './interview-flow';

/**
 * Consent to referral names its receiver (issue 13, item 2), at 1280x720: the officer chooses the
 * receiving agency from the referral directory before the consent question is asked, the screen names
 * it in both languages, the answer is recorded with it; the referral panel says whom the person
 * consented to, and an export to another agency is refused with the reason and writes nothing.
 */

test.describe.configure({ mode: 'serial' });

const SHELTER = {
  id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  name: 'Ranong shelter for women and children',
  kind: 'shelter',
  province: 'Ranong',
};
const POLICE = {
  id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c02',
  name: 'Ranong provincial police',
  kind: 'police',
  province: 'Ranong',
};
const AGENCY = {
  name: 'Ranong Labour Protection Office (test)',
  unit: 'Inspection unit',
  province: 'Ranong',
  address: '',
  phone: '077-000-000',
  letterPrefix: 'RN 0001',
};

const server = ownServerForFile('consent-receiver');

async function open(browser: Browser) {
  const page = await openAt(browser, server, { width: 1280, height: 720 });
  await callValue(page, 'admin.settings.update', { agency: AGENCY, referralDirectory: [SHELTER, POLICE] });
  return page;
}

test('the receiver is chosen before the consent question; a referral to another agency is refused', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await open(browser);
  await startShortScreen(page, 'Ko Min (consent test)');
  await answerNeutrallyUntil(page, 'close_referral_consent');

  // The answers wait for the receiver; the picker has the focus.
  const picker = page.getByTestId('consent-receiver');
  await expect(picker).toBeFocused();
  await expect(page.getByTestId('answer-yes')).toBeDisabled();
  expect(
    await picker.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))),
  ).toEqual(['Referral directory', 'A kind of agency']);
  await picker.selectOption(`c:${SHELTER.id}`);
  await expect(page.getByTestId('consent-receiver-officer')).toHaveText(`Agency: ${SHELTER.name}`);
  // In the person's language too (Burmese).
  await expect(page.getByTestId('consent-receiver-person')).toContainText(SHELTER.name);
  await expect(page.getByTestId('consent-receiver-person')).toHaveText(/[\u1000-\u109F]/);
  await expect(page.getByTestId('answer-yes')).toBeEnabled();
  await fontsReady(page);
  await expectAccessible(page, 'consent-receiver-question');
  // The answers stay inside the window at 1280x720.
  const yes = await page.getByTestId('answer-yes').boundingBox();
  expect((yes?.y ?? 1000) + (yes?.height ?? 0)).toBeLessThanOrEqual(720);
  await page.screenshot({ path: shotPath('consent-receiver-01-question-1280') });

  // The person-facing view names the agency as well.
  await page.getByTestId('person-view-on').click();
  await expect(page.getByTestId('person-note')).toContainText(SHELTER.name);
  await page.screenshot({ path: shotPath('consent-receiver-02-person-view-1280') });
  await page.getByTestId('person-view-back').click();

  await page.getByTestId('answer-yes').click();
  await expect(
    page.locator('[data-testid="question"][data-question-id="close_referral_consent"]'),
  ).toHaveCount(0);
  await answerNeutrallyUntil(page);
  await page.getByTestId('complete').click();
  await expect(page.getByTestId('result')).toBeVisible();
  await page.getByTestId('exit-interview').click();

  // The referral panel says whom the person consented to.
  await expect(page.getByTestId('referral-consent')).toHaveText(
    `The person consented to referral to: ${SHELTER.name}`,
  );
  await page.getByTestId('referral-position').fill('Labour inspector');
  const files = readdirSync(server.exportDir).length;
  await page.getByTestId('receiving-choice').selectOption(POLICE.id);
  await page.getByTestId('export-referral').click();
  const refusal = page.getByTestId('referral-panel').getByRole('alert');
  await expect(refusal).toContainText('The person did not consent to referral to this agency', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('referral-item')).toHaveCount(0);
  expect(readdirSync(server.exportDir)).toHaveLength(files);
  await expectAccessible(page, 'referral-refused');
  await page.getByTestId('referral-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('consent-receiver-03-refused-1280') });

  // The agency named with the consent: signed and saved.
  await page.getByTestId('receiving-choice').selectOption(SHELTER.id);
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('referral-message')).toContainText('.pdf', { timeout: 60_000 });
  await expect(page.getByTestId('referral-item')).toHaveCount(1);
  await expect(page.getByTestId('referral-item')).toContainText(SHELTER.name);
  expect(readdirSync(server.exportDir)).toHaveLength(files + 1);
});
