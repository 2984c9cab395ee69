import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceOf } from '../../src/shared/i18n/audience';

/**
 * Issue 15, done-when: every string the person reads or hears (audience person or both) exists in all six
 * languages as a translation: in the language's own script (Vietnamese: not the English text), never an
 * English copy left behind. Archived wordings are checked like current ones: they are what was shown.
 */

type Tree = { [k: string]: string | Tree };
const dir = join(__dirname, '..', '..', 'resources', 'locales');
const NAMESPACES = ['common', 'instrument', 'referral'] as const;
const SCRIPTS: Record<string, RegExp> = {
  th: /[\u0E00-\u0E7F]/,
  my: /[\u1000-\u109F]/,
  km: /[\u1780-\u17FF]/,
  lo: /[\u0E80-\u0EFF]/,
  // Vietnamese is written in Latin letters: a string counts as translated when it is not the English one.
  vi: /\p{L}/u,
};
/** Names written the same in Vietnamese and English. */
const SAME_IN_VIETNAMESE = new Set(['instrument:options.myanmar']);
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
const load = (lng: string, ns: string) =>
  new Map(flatten(JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8')) as Tree));
/** Strings with nothing to translate: numbers, placeholders and punctuation only. */
const nothingToTranslate = (text: string) => !/\p{L}/u.test(text.replace(/\{\{[^}]*\}\}|<[^>]*>/g, ''));

describe("what the person reads, in the person's language", () => {
  it.each(Object.keys(SCRIPTS))('%s: every person-facing string is written in the language', (lng) => {
    const untranslated: string[] = [];
    let checked = 0;
    for (const ns of NAMESPACES) {
      const english = load('en', ns);
      const target = load(lng, ns);
      for (const [key, source] of english) {
        if (audienceOf(ns, key) === 'officer' || nothingToTranslate(source)) continue;
        checked += 1;
        const text = target.get(key) ?? '';
        const same = text === source && !(lng === 'vi' && SAME_IN_VIETNAMESE.has(`${ns}:${key}`));
        if (!(SCRIPTS[lng] as RegExp).test(text) || same) untranslated.push(`${ns}:${key}: ${text}`);
      }
    }
    expect(untranslated).toEqual([]);
    // The person reads hundreds of strings: questions, answers, consent, the distress pause, the rights card.
    expect(checked).toBeGreaterThan(300);
  });
});

describe('the texts the person-facing screens show in the person’s language are classified as theirs', () => {
  const read = (file: string) =>
    readFileSync(join(__dirname, '..', '..', 'src', 'renderer', 'features', 'interview', file), 'utf8');
  /** Literal keys passed to the person's translator (`ti`, `tc`) and, in the answer fields, to `t`. */
  const keysIn = (source: string, calls: RegExp) =>
    [...source.matchAll(calls)].map((m) => m[1] as string).filter((key) => !key.includes(':'));

  it('the person view, the distress pause and the answer fields', () => {
    const shown = [
      ...keysIn(read('PersonView.tsx'), /\bti\(\s*'([a-zA-Z._]+)'/g),
      ...keysIn(read('DistressScreen.tsx'), /\bti\(\s*'([a-zA-Z._]+)'/g),
      // The answer fields are drawn with the person's translator in the person view (`t={tc}`).
      ...keysIn(read('AnswerControls.tsx'), /\b(?:t|tc)\(\s*'([a-zA-Z._]+)'/g),
    ];
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.filter((key) => audienceOf('common', key) === 'officer')).toEqual([]);
  });
});
