import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions, INSTRUMENT, type Question } from '../../src/shared/instrument';

/**
 * Issue 15, point 5: the English source is what five translations are made from, so an ambiguity in it
 * becomes five mistranslations. These pin the fixes to the reviewed ambiguities and the rules behind them.
 */

type Tree = { [k: string]: string | Tree };
const en = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'resources', 'locales', 'en', 'instrument.json'), 'utf8'),
) as Tree;
const text = (key: string): string | undefined => {
  let node: string | Tree | undefined = en;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

const questions = allQuestions(INSTRUMENT).map((x) => x.question);
const toPerson = questions.filter((q) => q.audience !== 'officer');
/** Every wording the person hears: the adult text and, where there is one, the child text. */
const wordings = (q: Question) =>
  [text(`questions.${q.id}.text`), q.childText ? text(`questions.${q.id}.textChild`) : undefined].filter(
    (t): t is string => t !== undefined,
  );

describe('the English source of what the person is asked', () => {
  it('each question to the person asks one thing: one question mark, in every wording', () => {
    const double = toPerson.flatMap((q) =>
      wordings(q)
        .filter((t) => (t.match(/\?/g) ?? []).length !== 1)
        .map((t) => `${q.id}: ${t}`),
    );
    expect(double).toEqual([]);
  });

  it.each([
    // "Someone was paid money for you" read as "paid on your behalf": an employer paying a recruitment fee
    // would have counted towards "sold".
    ['trav_money_paid_for_you', /paid money for you/i, /given money for handing you over/],
    // "expected" became "hoped" in the translations.
    ['sex_asked', /\bexpected\b/i, /asked you or told you to/],
    // "Could you say no?" lost its past tense: heard as "may you refuse this question?".
    ['sex_could_refuse', /^could you say no/i, /^When this happened, were you able to say no/],
    // Double-barrelled questions where "no" was ambiguous (th/my/lo answer "correct / not correct").
    ['trav_who_arranged', /who paid/i, /^Who arranged your journey here\?$/],
    ['health_pain_injury', /how is your body|how are you feeling/i, /pain, injury or illness today\?$/],
    ['rec_how_found', /how did you find/i, /or did you find it yourself\?$/],
  ])('%s no longer carries the ambiguity the review found', (id, before, after) => {
    const q = questions.find((x) => x.id === id);
    if (!q) throw new Error(`no question ${id}`);
    for (const wording of wordings(q)) expect(wording).not.toMatch(before);
    expect(text(`questions.${id}.text`)).toMatch(after);
    // The change of meaning is a new wording version: answers to the old one still show its words.
    expect(q.version).toBeGreaterThan(1);
    expect(text(`archive.${id}.v1.text`)).toMatch(before);
  });

  it.each([
    ['exit_tried_outcome', /leave/],
    ['exit_others_outcome', /co-worker who tried to leave/],
    ['health_injury_cause', /pain, injury or illness/],
    ['ctrl_debt_origin', /owe/],
  ])('%s names its topic, so it reads alone where the referral quotes it', (id, topic) => {
    expect(text(`questions.${id}.text`)).toMatch(topic);
    expect(text(`questions.${id}.text`)).not.toMatch(/^(What happened|How did this happen)\?$/);
  });

  it('the child consent promises no legal outcome, only that saying no is fine', () => {
    const child = text('questions.consent_screening.textChild') ?? '';
    expect(child).not.toMatch(/guilty|innocent|no crime|punish/i);
    expect(child).toMatch(/not be in trouble for saying no/);
  });

  it('answer options the person hears speak in their own voice (or say what happened), never about "them"', () => {
    const thirdPerson = toPerson.flatMap((q) =>
      q.kind === 'single' || q.kind === 'multi'
        ? q.options
            .map((o) => ({ id: o.id, label: text(`options.${o.id}`) ?? '' }))
            .filter(
              ({ label }) =>
                /^(Was|Were|Feels|Does|Sleeps|Afraid|Would|Needed|Wanted|Has|Is)\b/.test(label) ||
                /\btheir\b|\bfor them\b/i.test(label),
            )
            .map(({ id, label }) => `${q.id}.${id}: ${label}`)
        : [],
    );
    expect(thirdPerson).toEqual([]);
    // The universal answers beside every question too.
    expect(text('answers.prefer_not')).toBe('I prefer not to say');
    expect(text('options.no_preference')).toBe('Either is fine');
  });
});
