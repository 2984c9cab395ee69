import { type Audience, audienceOf } from '../../shared/i18n/audience';
import type { ReviewEntry } from '../../shared/i18n/review';
import {
  allQuestions,
  INSTRUMENT,
  INSTRUMENT_NAMESPACE,
  optionKey,
  type Question,
  questionGuidanceKey,
} from '../../shared/instrument';
import { translatorNoteLines } from '../../shared/instrument/translator-notes';
import { type Catalog, type TargetLocale, targetText } from './catalog';
import { placeholdersOf, tagsOf } from './interpolation';
import { pluralNote } from './plural-notes';
import { type StringStatus, statusOf } from './status';

/**
 * What a translator needs to know about one string, one line per fact, in the order they need it: where it
 * appears, who reads it, for questions the officer's guidance and the kind of answer, what must be kept,
 * the Thai reference and the current status. The descriptions follow src/shared/instrument/i18n-keys.ts.
 */
const DESCRIPTIONS: Record<string, [RegExp, string][]> = {
  instrument: [
    [/^questions\.[^.]+\.text$/, 'Interview question, adult wording'],
    [
      /^questions\.[^.]+\.textChild$/,
      'Interview question, wording for a child (under 18): simple, open, non-leading',
    ],
    [
      /^questions\.[^.]+\.guidance$/,
      "Officer's guidance on how to ask this question; not shown to the interviewee",
    ],
    [/^options\./, 'Answer option shown beside a question'],
    [/^answers\./, 'Answer button used with every yes/no question (interview screen)'],
    [/^sections\./, 'Section heading on the interview screen'],
    [/^indicators\.[^.]+(\.[^.]+)*\.name$/, 'Indicator name on the result screen and the referral form'],
    [/^indicators\./, 'Indicator explanation on the result screen and the referral form'],
    [/^(elements|thai)\./, 'Legal element or indicator group on the result screen and the referral form'],
    [/^recommendations\./, 'Recommended next step on the result screen'],
    [/^urgent\./, 'Urgent alert shown to the officer during the interview'],
    [/^result\./, 'Result screen and referral form'],
  ],
  common: [
    [/^errors\./, 'Error message shown to the officer'],
    [/^distress\./, 'Distress pause screen, shown in both languages'],
  ],
  referral: [[/^/, 'Signed referral PDF sent to the receiving agency']],
};

export function describeString(ns: string, key: string): string {
  for (const [pattern, text] of DESCRIPTIONS[ns] ?? []) if (pattern.test(key)) return text;
  return ns === 'common' ? "Officer's user interface" : `Text of the ${ns} part of the app`;
}

export function describeAudience(audience: Audience): string {
  if (audience === 'person')
    return 'person — read to or by the interviewee, who may be frightened: plain, gentle, neutral words';
  if (audience === 'both')
    return 'both — the interviewee and the officer read it together, each in their language: plain, gentle words';
  return 'officer — the officer only';
}

const QUESTION_TEXT = /^questions\.([^.]+)\.(text|textChild)$/;
const QUESTIONS = new Map(allQuestions(INSTRUMENT).map(({ question }) => [question.id, question]));

/** Every line of context for one string, for the notes of an XLIFF unit. */
export function contextLines(
  catalog: Catalog,
  lng: TargetLocale,
  ns: string,
  key: string,
  source: string,
): string[] {
  const lines = [
    `Where: ${ns} › ${key} — ${describeString(ns, key)}`,
    `Audience: ${describeAudience(audienceOf(ns, key))}`,
  ];
  if (ns === INSTRUMENT_NAMESPACE) lines.push(...instrumentLines(catalog, key));
  lines.push(...translatorNoteLines(lng, ns, key, source));
  const keep = [...new Set([...placeholdersOf(source), ...tagsOf(source)])];
  if (keep.length) lines.push(`Keep exactly, in any order the language needs: ${keep.join(' ')}`);
  const plural = pluralNote(lng, key, catalog.source.get(ns)?.texts ?? new Map());
  if (plural) lines.push(plural);
  const thai = lng === 'th' ? undefined : targetText(catalog, 'th', ns, key);
  if (thai !== undefined && thai.trim() !== '')
    lines.push(`Thai reference (${referenceLabel(statusOf(catalog, 'th', ns, key).status)}): ${thai}`);
  lines.push(`Status: ${statusLine(catalog, lng, ns, key)}`);
  return lines;
}

function instrumentLines(catalog: Catalog, key: string): string[] {
  const english = catalog.source.get(INSTRUMENT_NAMESPACE)?.texts ?? new Map<string, string>();
  const id = QUESTION_TEXT.exec(key)?.[1];
  const question = id === undefined ? undefined : QUESTIONS.get(id);
  if (question) {
    const guidance = english.get(questionGuidanceKey(question.id));
    return [
      `Answer: ${answerType(question, english)}`,
      ...(guidance ? [`Officer guidance (not shown to the interviewee): ${guidance}`] : []),
    ];
  }
  const option = /^options\.([^.]+)$/.exec(key)?.[1];
  if (option === undefined) return [];
  const askedWith = [...QUESTIONS.values()]
    .filter((q) => (q.kind === 'single' || q.kind === 'multi') && q.options.some((o) => o.id === option))
    .map((q) => `“${english.get(`questions.${q.id}.text`) ?? q.id}”`);
  return askedWith.length ? [`Answer to: ${askedWith.slice(0, 3).join(' / ')}`] : [];
}

function answerType(question: Question, english: ReadonlyMap<string, string>): string {
  const label = (id: string) => english.get(optionKey(id)) ?? id;
  switch (question.kind) {
    case 'yesNo':
      return `yes or no (buttons: ${['yes', 'no', 'not_sure', 'prefer_not'].map((a) => english.get(`answers.${a}`) ?? a).join(' / ')})`;
    case 'single':
      return `one choice from: ${question.options.map((o) => label(o.id)).join(' / ')}`;
    case 'multi':
      return `any of: ${question.options.map((o) => label(o.id)).join(' / ')}`;
    case 'number':
      return `a number from ${question.min} to ${question.max}`;
    case 'date':
      return 'a date (exact, or month and year)';
    case 'text':
      return "free text, the interviewee's own words";
  }
}

function referenceLabel(status: StringStatus): string {
  if (status === 'reviewed') return 'reviewed';
  if (status === 'translated') return 'translated, not yet reviewed';
  return status === 'stale' ? 'changed since it was checked' : 'draft, not yet reviewed';
}

function statusLine(catalog: Catalog, lng: TargetLocale, ns: string, key: string): string {
  const { status, entry } = statusOf(catalog, lng, ns, key);
  const steps = stepsText(entry);
  switch (status) {
    case 'missing':
      return 'missing — there is no translation yet';
    case 'draft':
      return 'draft — written by developers, not yet checked by a qualified translator';
    case 'translated':
      return `translated (${steps}) — waiting for a reviewer`;
    case 'reviewed':
      return `reviewed (${steps})`;
    case 'stale':
      return `stale — checked before (${steps}), but the English or this translation changed since`;
  }
}

function stepsText(entry: ReviewEntry | undefined): string {
  const parts: string[] = [];
  if (entry?.translated)
    parts.push(`translated by ${entry.translated.by} on ${entry.translated.at.slice(0, 10)}`);
  if (entry?.reviewed) parts.push(`reviewed by ${entry.reviewed.by} on ${entry.reviewed.at.slice(0, 10)}`);
  return parts.join(', ');
}
