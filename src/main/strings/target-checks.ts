import { checkZawgyi, ZAWGYI_THRESHOLD } from '../text/zawgyi';
import type { TargetLocale } from './catalog';
import { interpolationProblems } from './interpolation';

/**
 * Checks that a translation is really text in the target language before it is recorded as translated or
 * reviewed: interviewees read these words, and English pasted into the Khmer file, Thai text in it, or
 * Burmese in the Zawgyi encoding (which Unicode fonts show as garbage) would reach them marked as checked.
 */

/** Code (placeholders, nestings, markup) is not language. */
const CODE = /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?[A-Za-z0-9]+\s*\/?>/g;

const SCRIPTS = {
  th: /\p{Script=Thai}/u,
  lo: /\p{Script=Lao}/u,
  km: /\p{Script=Khmer}/u,
  my: /\p{Script=Myanmar}/u,
} as const;
const SCRIPT_NAMES: Record<keyof typeof SCRIPTS, string> = {
  th: 'Thai',
  lo: 'Lao',
  km: 'Khmer',
  my: 'Myanmar (Burmese)',
};
/** Letters Vietnamese writes and English does not (checked on the NFC text). */
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/**
 * Strings whose translation may stay exactly as in English: the product name everywhere, and words a
 * language writes the English way. `*` stands for any language.
 */
export const MAY_STAY_ENGLISH: ReadonlySet<string> = new Set([
  '*/common:app.name',
  'vi/common:admin.settings.contact.email',
  'vi/referral:fields.receiving.email',
  'vi/instrument:options.myanmar',
]);

function mayStayEnglish(lng: TargetLocale, ns: string, key: string): boolean {
  return MAY_STAY_ENGLISH.has(`*/${ns}:${key}`) || MAY_STAY_ENGLISH.has(`${lng}/${ns}:${key}`);
}

function letters(text: string): string[] {
  return [...text.replace(CODE, ' ').normalize('NFC')].filter((c) => /\p{L}/u.test(c));
}

/** Why this translation must not be recorded; empty when it may. */
export function targetProblems(
  lng: TargetLocale,
  ns: string,
  key: string,
  source: string,
  target: string,
): string[] {
  const problems = interpolationProblems(source, target);
  const sourceHasLetters = letters(source).length > 0;
  const exempt = mayStayEnglish(lng, ns, key);
  if (sourceHasLetters && !exempt && target.trim() === source.trim())
    problems.push('the translation is the English source text unchanged');
  else if (sourceHasLetters && !exempt) {
    const script = scriptProblem(lng, target);
    if (script) problems.push(script);
  }
  if (lng === 'my') {
    const { zawgyiProbability } = checkZawgyi(target);
    if (zawgyiProbability > ZAWGYI_THRESHOLD)
      problems.push(
        `the Burmese is in the Zawgyi encoding (detector ${zawgyiProbability.toFixed(3)}); convert it to Unicode`,
      );
  }
  return problems;
}

function scriptProblem(lng: TargetLocale, target: string): string | undefined {
  const all = letters(target);
  if (lng === 'vi') {
    const nonLatin = all.filter((c) => !/\p{Script=Latin}/u.test(c)).length;
    if (nonLatin > all.length - nonLatin)
      return 'the translation is not written in Vietnamese (Latin) letters';
    const words = target
      .replace(CODE, ' ')
      .split(/\s+/)
      .filter((w) => /\p{L}{2,}/u.test(w));
    if (words.length >= 2 && !VIETNAMESE_LETTERS.test(target.normalize('NFC')))
      return 'the translation has no Vietnamese letters or tone marks (is it English?)';
    return undefined;
  }
  const own = all.filter((c) => SCRIPTS[lng].test(c)).length;
  const otherScripts = (Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]).filter((s) => s !== lng);
  const foreign = otherScripts.find((s) => all.filter((c) => SCRIPTS[s].test(c)).length >= Math.max(1, own));
  if (own === 0 && foreign === undefined)
    return `the translation has no ${SCRIPT_NAMES[lng]} letters (is it English?)`;
  if (foreign !== undefined)
    return `the translation is written in ${SCRIPT_NAMES[foreign]} script, not ${SCRIPT_NAMES[lng]}`;
  return undefined;
}
