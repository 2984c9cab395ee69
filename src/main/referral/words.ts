import { bangkokTime, officialDate } from '../../shared/domain/official-time';
import { type Derived, LANGUAGE_TAG_BY_OPTION } from '../../shared/domain/person-details';
import type { Locale } from '../../shared/i18n/locales';
import { type AnswerValue, declineReasonOf, findQuestion, INSTRUMENT } from '../../shared/instrument';
import type { Translate } from './facts';

/**
 * Small pure helpers that turn recorded values into the words the referral prints: dates in the
 * Buddhist Era, times in Bangkok with the zone, language and nationality names instead of codes,
 * declines as what they are.
 */

export const date = (iso: string, lng: Locale, t: Translate) =>
  iso ? t('referral:date', { date: officialDate(iso, lng) }) : '';

/** "16:39 น. (เวลาประเทศไทย, UTC+7)": a time of day always carries its zone. */
export const timeWithZone = (iso: string, lng: Locale, t: Translate) =>
  t('referral:time', { time: bangkokTime(iso, lng) });

/** Day and time of an instant: "7 ตุลาคม 2569, 16:39 น. (เวลาประเทศไทย, UTC+7)". */
export const dateTime = (iso: string, lng: Locale, t: Translate) =>
  `${officialDate(iso, lng)}, ${timeWithZone(iso, lng, t)}`;

/** A derived detail in words: its value, "not sure" / "prefers not to say", or '' when missing. */
export function derivedText<T>(derived: Derived<T>, render: (value: T) => string, t: Translate): string {
  if (derived.state === 'answered') return render(derived.value);
  if (derived.state === 'declined') return t(`instrument:answers.${derived.reason}`);
  return '';
}

const OPTION_BY_LANGUAGE_TAG = new Map(Object.entries(LANGUAGE_TAG_BY_OPTION).map(([o, tag]) => [tag, o]));

/** A language's name ("เขมร") from its tag ('km'); a tag with no name here is printed as is. */
export function languageName(tag: string, t: Translate): string {
  const option = OPTION_BY_LANGUAGE_TAG.get(tag.toLowerCase().split('-')[0] ?? '');
  return option ? t(`instrument:options.${option}`) : tag;
}

const NATIONALITY_OPTIONS = (() => {
  const q = findQuestion(INSTRUMENT, 'id_nationality');
  return q && q.kind === 'single' ? q.options.map((o) => o.id) : [];
})();

/** English country names typed into older records, mapped to the instrument's options. */
const NATIONALITY_ALIASES: Record<string, string> = {
  burma: 'myanmar',
  burmese: 'myanmar',
  cambodian: 'cambodia',
  khmer: 'cambodia',
  lao: 'laos',
  'lao pdr': 'laos',
  laotian: 'laos',
  'viet nam': 'vietnam',
  vietnamese: 'vietnam',
  thai: 'thailand',
  stateless: 'no_nationality',
};

/**
 * A nationality in the reader's language when it is one the instrument knows (stored as the option
 * id, or typed in English); anything else is printed as typed.
 */
export function nationalityName(value: string, t: Translate): string {
  const key = value.trim().toLowerCase();
  const option = NATIONALITY_OPTIONS.includes(key) ? key : NATIONALITY_ALIASES[key];
  return option && NATIONALITY_OPTIONS.includes(option) ? t(`instrument:options.${option}`) : value;
}

export type ConsentWord = 'given' | 'refused' | 'notSure' | 'preferNot' | 'notAsked';

/** A consent answer in words: "not sure" is never printed as a refusal (nor counted as consent). */
export function consentWord(value: AnswerValue | undefined): ConsentWord {
  if (value === undefined) return 'notAsked';
  const declined = declineReasonOf(value);
  if (declined === 'not_sure') return 'notSure';
  if (declined === 'prefer_not') return 'preferNot';
  if (value.kind === 'choice') return value.value === 'yes' ? 'given' : 'refused';
  return 'notAsked';
}

export type HowKnown = 'said' | 'seen' | 'document';

/** How an answer was known: the person said it, or the officer observed it (officer-only questions). */
export function howKnown(questionId: string): HowKnown {
  const question = findQuestion(INSTRUMENT, questionId);
  return question?.audience === 'officer' ? 'seen' : 'said';
}
