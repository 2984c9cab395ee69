import { type Browser, expect, type Page } from '@playwright/test';
import { neutralAnswer } from '../../src/main/demo/defaults';
import { isReferralConsentQuestion } from '../../src/shared/domain/consent-receiver';
import { type AnswerValue, findQuestion, INSTRUMENT, type Question } from '../../src/shared/instrument';
import { callValue, type OwnServer, openOwnAs, SUPERVISOR } from './helpers';

/** Steps of the interview screens shared by the interview spec files (issue 14). */

/** A page of its own size (zoom = device scale factor with the CSS viewport shrunk to match). */
export async function openAt(
  browser: Browser,
  server: OwnServer,
  size: { width: number; height: number },
  zoom = 1,
) {
  const context = await browser.newContext({
    viewport: { width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) },
    deviceScaleFactor: zoom,
  });
  const page = await context.newPage();
  await openOwnAs(page, server, SUPERVISOR);
  return page;
}

/**
 * The keys that give this answer with the shortcuts (1-9, N, P, Enter) or by typing a number. Referral
 * consent first names its receiver: the picker has the focus, ↓ picks the first agency, Tab moves on.
 */
export function keysFor(question: Question, value: AnswerValue): string[] {
  if (isReferralConsentQuestion(question.id)) return ['ArrowDown', 'Tab', ...answerKeys(question, value)];
  return answerKeys(question, value);
}

function answerKeys(question: Question, value: AnswerValue): string[] {
  if (value.kind === 'declined') return [value.reason === 'not_sure' ? 'N' : 'P'];
  if (value.kind === 'choice') return [value.value === 'yes' ? '1' : '2'];
  if (value.kind === 'single' && question.kind === 'single')
    return [String(question.options.findIndex((o) => o.id === value.option) + 1)];
  if (value.kind === 'multi' && question.kind === 'multi')
    return [
      ...value.options.map((id) => String(question.options.findIndex((o) => o.id === id) + 1)),
      'Enter',
    ];
  if (value.kind === 'number') return [...String(value.value), 'Enter'];
  throw new Error(`no keys for ${question.id}`);
}

/** The question on screen now. */
export async function shownQuestionId(page: Page): Promise<string> {
  return (await page.getByTestId('question').getAttribute('data-question-id')) ?? '';
}

/** Answers the question on screen neutrally (an adult of 30) with the keyboard; returns its id. */
export async function answerShownNeutrally(page: Page): Promise<string> {
  const id = await shownQuestionId(page);
  const question = findQuestion(INSTRUMENT, id);
  if (!question) throw new Error(`unknown question ${id}`);
  const value = id === 'id_age' ? ({ kind: 'number', value: 30 } as const) : neutralAnswer(question);
  for (const key of keysFor(question, value)) await page.keyboard.press(key);
  await expect(page.locator(`[data-testid="question"][data-question-id="${id}"]`)).toHaveCount(0);
  return id;
}

/** Answers neutrally with the keyboard until `stopAt` is the question shown (or, without it, all). */
export async function answerNeutrallyUntil(page: Page, stopAt?: string) {
  for (;;) {
    if ((await page.getByTestId('question').count()) === 0 && !stopAt) return;
    if ((await shownQuestionId(page)) === stopAt) return;
    await answerShownNeutrally(page);
  }
}

/** Ticks the four checks that the place is private, on the form before an interview or inspection. */
export async function confirmPrivacy(page: Page) {
  for (const item of ['privateSpace', 'noEmployer', 'phoneAway', 'explainedStop'])
    await page.getByTestId(`bs-privacy-${item}`).check();
}

/** On the same form: the interpreter named, their declaration ticked, and the privacy checks. */
export async function withInterpreterInPrivate(page: Page, interpreter: string) {
  await page.getByTestId('bs-interpreter-name').fill(interpreter);
  await page.getByTestId('bs-declaration').check();
  await confirmPrivacy(page);
}

/** A new case with a person, and the short screen started through the form, in Burmese. */
export async function startShortScreen(page: Page, person: string): Promise<string> {
  const created = await callValue<{ id: string }>(page, 'cases.create', {
    place: { kind: 'port', name: 'Ranong fishing port', province: 'Ranong' },
    screeningDate: '2026-05-21',
    person: { nameOrAlias: person, languages: ['my'] },
  });
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill(person);
  await page.getByTestId('open-case').click();
  await page.getByTestId('start-short').click();
  await page.getByTestId('bs-language').selectOption('my');
  await withInterpreterInPrivate(page, 'Ma Hnin');
  await page.getByTestId('bs-start').click();
  await expect(page.getByTestId('question')).toBeVisible();
  return created.id;
}
