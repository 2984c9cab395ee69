import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXPORT_DIR, ensureSignedIn, fontsReady, newCaseOnScreen, openApp, shotPath } from './helpers';
import { confirmPrivacy } from './interview-flow';

/**
 * Issue 15: the rights and safe-contact card after a safety stop (the captain is within earshot), saved
 * as one page in Khmer and Thai and handed over, both recorded; the draft marker on the distress screen.
 */
test("after a safety stop the officer saves the rights card in the person's language and records the hand-over", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByTestId('ui-language').selectOption('en');
  await ensureSignedIn(page);

  await newCaseOnScreen(page, { 'place-name': 'Songkhla fishing port', 'person-name': 'Card Test Person' });

  await page.getByTestId('start-short').click();
  await page.getByTestId('bs-language').selectOption('km');
  await page.getByTestId('bs-with-interpreter').uncheck();
  await confirmPrivacy(page);
  await page.getByTestId('bs-start').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'safety_others_present');

  // The distress pause: its text is a draft translation, and says so.
  await page.getByTestId('distress').click();
  await expect(page.getByTestId('distress-screen')).toBeVisible();
  await expect(page.getByTestId('draft-marker')).toBeVisible();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('distress-draft-marker') });
  await page.getByTestId('distress-continue').click();

  // Someone from the boat is near: the interview stops at once; the card is offered there.
  await page.getByTestId('answer-yes').click();
  // After the stop only the officer's closing checks: rights explained (yes), card handed (not yet:
  // the hand-over below records it).
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'close_rights_explained');
  await page.getByTestId('answer-yes').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', 'close_card_given');
  await page.getByTestId('answer-no').click();
  await expect(page.getByTestId('all-asked')).toBeVisible();
  const card = page.getByTestId('rights-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('rights-card-language')).toHaveValue('km');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await fontsReady(page);
    await page.screenshot({ path: shotPath(`rights-card-after-stop-${size.width}`), fullPage: true });
  }
  await page.getByTestId('rights-card-save').click();
  await expect(page.getByTestId('rights-card-saved')).toContainText('rights-card-km');
  const file = join(EXPORT_DIR, 'rights-card-km.pdf');
  expect(existsSync(file)).toBe(true);
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n/);
  const text = execFileSync('pdftotext', [file, '-']).toString();
  expect(text).toContain('1300');
  expect(text).not.toContain('Card Test Person');
  await page.getByTestId('rights-card-handed-over').click();
  await expect(page.getByTestId('rights-card-recorded')).toBeVisible();
  await expect(page.getByTestId('rights-card-handed-over')).toBeDisabled();

  // Back on the case page: the card can be printed from there too, and the case's history shows both.
  await page.getByTestId('complete').click();
  await page.getByTestId('exit-interview').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('rights-card')).toBeVisible();
  await expect(page.getByText('Rights card saved')).toBeVisible();
  await expect(page.getByText('Rights card handed over')).toBeVisible();
  await fontsReady(page);
  await page.screenshot({ path: shotPath('rights-card-case-page'), fullPage: true });
});
