import { expect, type Page, test } from '@playwright/test';
import { neutralAnswer } from '../../src/main/demo/defaults';
import { findQuestion, INSTRUMENT } from '../../src/shared/instrument';
import { expectAccessible, fontsReady, ownServerForFile, shotPath } from './helpers';
import { keysFor, openAt, shownQuestionId, withInterpreterInPrivate } from './interview-flow';

/**
 * An inspection for a whole crew (issue 14): place, vessel, team, interpreter and privacy checks entered
 * once; three crew members screened in a row from the inspection page, each a short screen of an adult
 * with no indicators in at most 25 clicks and 40 keystrokes (counted); the crew list shows each one's
 * status and result. Own preview server and data folder.
 */
const server = ownServerForFile('inspection');

/** Counts what the officer does: every click and every key press goes through here. */
class Officer {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(testId: string) {
    this.clicks++;
    await this.page.getByTestId(testId).click();
  }
  async type(text: string) {
    this.keys += [...text].length;
    await this.page.keyboard.type(text);
  }
  async press(key: string) {
    this.keys++;
    await this.page.keyboard.press(key);
  }
}

/** One crew member from the inspection page: name, Enter, the whole short screen by keys, back. */
async function screenCrewMember(page: Page, name: string) {
  const officer = new Officer(page);
  await expect(page.getByTestId('crew-name')).toBeFocused();
  await officer.type(name);
  await officer.press('Enter');
  await expect(page.getByTestId('question')).toBeVisible();
  while ((await page.getByTestId('question').count()) > 0) {
    const id = await shownQuestionId(page);
    const question = findQuestion(INSTRUMENT, id);
    if (!question) throw new Error(`unknown question ${id}`);
    const value = id === 'id_age' ? ({ kind: 'number', value: 30 } as const) : neutralAnswer(question);
    for (const key of keysFor(question, value)) await officer.press(key);
    await expect(page.locator(`[data-testid="question"][data-question-id="${id}"]`)).toHaveCount(0);
  }
  // Enter completes (the button has the focus after the last answer).
  await expect(page.getByTestId('complete')).toBeFocused();
  await officer.press('Enter');
  await expect(page.getByTestId('result')).toBeVisible();
  await expect(page.getByTestId('exit-interview')).toHaveText('Back to the inspection');
  await officer.click('exit-interview');
  await expect(page.getByTestId('inspection')).toBeVisible();
  return officer;
}

test('an inspection screens three crew members in a row, each in at most 25 clicks and 40 keystrokes', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await openAt(browser, server, { width: 1280, height: 720 });
  await page.getByTestId('nav-inspection').click();
  await expect(page.getByTestId('inspection-new')).toBeVisible();
  await page.getByTestId('insp-begin').click();
  // Nothing entered: each missing thing is said at its field.
  await expect(page.getByTestId('insp-place-name')).toBeFocused();
  await expect(page.getByTestId('field-error').first()).toHaveText('Write where the inspection takes place.');
  await fontsReady(page);
  await page.screenshot({ path: shotPath('inspection-new-missing-1280'), fullPage: true });
  await expectAccessible(page, 'a new inspection with errors');

  await page.getByTestId('insp-place-name').fill('Ranong fishing port');
  await page.getByTestId('insp-province').fill('Ranong');
  await page.getByTestId('insp-date').fill('2026-05-21');
  await page.getByTestId('insp-vessel').fill('Sea Star 7');
  await page.getByTestId('insp-registration').fill('RN-4471');
  await page.getByTestId('bs-language').selectOption('my');
  await page.getByTestId('bs-present').fill('Officer Somchai, labour inspector Nok, interpreter Ma Hnin');
  await withInterpreterInPrivate(page, 'Ma Hnin');
  await page.getByTestId('insp-begin').click();
  await expect(page.getByTestId('inspection')).toBeVisible();
  await expect(page.locator('#inspection-title')).toContainText('Ranong fishing port');
  await expect(page.getByTestId('crew-form-summary')).toContainText('interpreter Ma Hnin');

  const counts: { clicks: number; keys: number }[] = [];
  for (const name of ['Aung Aung', 'Ko Min', 'Zaw Lin']) {
    const officer = await screenCrewMember(page, name);
    counts.push({ clicks: officer.clicks, keys: officer.keys });
    expect(officer.clicks, `${name}: clicks`).toBeLessThanOrEqual(25);
    expect(officer.keys, `${name}: keystrokes`).toBeLessThanOrEqual(40);
  }
  console.log(`inspection: clicks and keystrokes per crew member ${JSON.stringify(counts)}`);

  // The crew list: each one screened, no indicators, in Burmese.
  const rows = page.getByTestId('crew-row');
  await expect(rows).toHaveCount(3);
  for (const [i, name] of ['Aung Aung', 'Ko Min', 'Zaw Lin'].entries()) {
    await expect(rows.nth(i)).toContainText(name);
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'screened');
    await expect(rows.nth(i)).toHaveAttribute('data-result', 'no_indicators');
  }
  await fontsReady(page);
  await page.screenshot({ path: shotPath('inspection-crew-1280'), fullPage: true });
  await expectAccessible(page, 'the inspection with its crew');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: shotPath('inspection-crew-1366'), fullPage: true });

  // A case of the crew carries the inspection's place, vessel and interpreter.
  await rows.nth(1).getByTestId('crew-open').click();
  await expect(page.getByTestId('case-page')).toContainText('Ranong fishing port');
  await expect(page.getByTestId('case-page')).toContainText('Sea Star 7');

  // The details can be corrected on the case page; what is wrong is said at the field; each change is audited.
  await page.getByTestId('details-edit').click();
  await page.getByTestId('edit-age').fill('two hundred');
  await page.getByTestId('edit-registration').fill('RN-4472');
  await page.getByTestId('details-save').click();
  await expect(page.getByTestId('edit-age')).toBeFocused();
  await expect(page.getByTestId('field-error')).toHaveText(/whole number of years/);
  await fontsReady(page);
  await page.getByTestId('details-editor').screenshot({ path: shotPath('case-details-editor-1366') });
  await expectAccessible(page, 'the details editor');
  await page.getByTestId('edit-age').fill('31');
  await page.getByTestId('details-save').click();
  await expect(page.getByTestId('details-editor')).toHaveCount(0);
  await expect(page.getByTestId('person-summary')).toContainText('31');
  await expect(page.getByTestId('case-page')).toContainText('RN-4472');
  await expect(
    page.locator('[data-testid="timeline-entry"][data-action="person.update"]').first(),
  ).toContainText('age');
  await expect(
    page.locator('[data-testid="timeline-entry"][data-action="case.update"]').first(),
  ).toContainText('vessel registration number');
  await page.context().close();
});
