import { z } from 'zod';
import { questionTextKey } from './i18n-keys';
import type { Instrument, Question, Tier } from './schema';

/**
 * The exact wording a question was asked in, stored with each answer so the result page and the referral
 * show what the person heard, not today's text or the other age variant:
 *   `<questionId>@<version>:<variant>:<tier>`, e.g. `rec_own_choice@2:child:short`.
 * - version: the question's wording version (schema `version`);
 * - variant: 'child' when the child wording (`textChild`) was shown, otherwise 'standard';
 * - tier: the short screen or the full interview the question was asked in.
 */
export const WORDING_VARIANTS = ['standard', 'child'] as const;
export type WordingVariant = (typeof WORDING_VARIANTS)[number];

export interface QuestionWording {
  readonly questionId: string;
  readonly version: number;
  readonly variant: WordingVariant;
  readonly tier: Tier;
}

const WORDING_ID = /^([a-z][a-z0-9_]{1,62})@([1-9][0-9]{0,5}):(standard|child):(short|full)$/;

export const wordingIdSchema = z.string().max(100).regex(WORDING_ID, 'not a question wording id');

/** The wording shown for this question on this path (child wording only where the question has one). */
export function wordingOf(
  question: Pick<Question, 'id' | 'version' | 'childText'>,
  options: { child: boolean; tier: Tier },
): QuestionWording {
  return {
    questionId: question.id,
    version: question.version,
    variant: options.child && question.childText ? 'child' : 'standard',
    tier: options.tier,
  };
}

export function wordingId(wording: QuestionWording): string {
  return `${wording.questionId}@${wording.version}:${wording.variant}:${wording.tier}`;
}

/** Parses a stored wording id; null when it is not one (an answer saved before wordings were stored). */
export function parseWordingId(id: string): QuestionWording | null {
  const m = WORDING_ID.exec(id);
  if (!m) return null;
  const [, questionId, version, variant, tier] = m;
  return {
    questionId: questionId as string,
    version: Number(version),
    variant: variant as WordingVariant,
    tier: tier as Tier,
  };
}

/**
 * i18next keys (namespace `instrument`) for the text of a stored wording, most exact first: the
 * archived text of an older version, then the current text of the same variant, then the standard text.
 * Pass the list to `t()`, which uses the first key that exists.
 */
export function wordingTextKeys(instrument: Instrument, wording: QuestionWording): string[] {
  const child = wording.variant === 'child';
  const current = findCurrent(instrument, wording.questionId);
  const keys: string[] = [];
  if (!current || wording.version !== current.version)
    keys.push(archivedTextKey(wording.questionId, wording.version, child));
  keys.push(questionTextKey({ id: wording.questionId, childText: child }, child));
  if (child) keys.push(questionTextKey({ id: wording.questionId, childText: false }));
  return keys;
}

/** Where the text of an older wording version lives (namespace `instrument`). */
export function archivedTextKey(questionId: string, version: number, child = false): string {
  return `archive.${questionId}.v${version}.${child ? 'textChild' : 'text'}`;
}

function findCurrent(instrument: Instrument, id: string): Question | undefined {
  for (const section of instrument.sections) {
    const found = section.questions.find((q) => q.id === id);
    if (found) return found;
  }
  return undefined;
}
