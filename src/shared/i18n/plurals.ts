/**
 * Plural forms per language, from CLDR through `Intl.PluralRules` (the same rules i18next uses to pick a
 * suffix). English has "one" and "other"; th, my, km, lo and vi have only "other", so their files carry
 * `count_other` alone: a `count_one` there would never be shown, yet translators would be asked for it.
 */

/** i18next's suffixes, in its order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
export type PluralType = 'cardinal' | 'ordinal';

export function pluralCategories(lng: string, type: PluralType = 'cardinal'): PluralCategory[] {
  const found: readonly string[] = new Intl.PluralRules(lng, { type }).resolvedOptions().pluralCategories;
  return PLURAL_CATEGORIES.filter((c) => found.includes(c));
}

const PLURAL_KEY = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

export interface PluralForm {
  /** The key without its suffix: `cases.count` for `cases.count_one`. */
  base: string;
  type: PluralType;
  category: PluralCategory;
}

/** The key's suffix split off, when it has the shape of a plural form (whether or not it is one). */
export function parsePluralKey(key: string): PluralForm | undefined {
  const m = PLURAL_KEY.exec(key);
  if (!m?.[1] || !m[3]) return undefined;
  return { base: m[1], type: m[2] ? 'ordinal' : 'cardinal', category: m[3] as PluralCategory };
}

export function pluralKey(base: string, type: PluralType, category: PluralCategory): string {
  return `${base}${type === 'ordinal' ? '_ordinal' : ''}_${category}`;
}

/**
 * The plural form an English key is part of, or undefined for an ordinary key. English must have every
 * form its own rules need (`_one` and `_other`), so `options.lang_other` ("Another language") without a
 * `lang_one` is an ordinary key.
 */
export function englishPluralForm(
  key: string,
  englishKeys: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): PluralForm | undefined {
  const form = parsePluralKey(key);
  if (!form) return undefined;
  const needed = pluralCategories('en', form.type);
  return needed.every((c) => englishKeys.has(pluralKey(form.base, form.type, c))) ? form : undefined;
}

/**
 * The keys a locale should have, each with the English key whose text it translates, in English order:
 * ordinary keys as they are; each plural string with the forms of the locale's own rules (their English
 * text is the English form of the same name, else `_other`).
 */
export function localeKeys(
  lng: string,
  englishKeys: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of englishKeys.keys()) {
    const form = englishPluralForm(key, englishKeys);
    if (!form) {
      out.set(key, key);
      continue;
    }
    for (const category of pluralCategories(lng, form.type)) {
      const own = pluralKey(form.base, form.type, category);
      if (out.has(own)) continue;
      out.set(own, englishKeys.has(own) ? own : pluralKey(form.base, form.type, 'other'));
    }
  }
  return out;
}

/** The keys of every form of a plural string in one language, e.g. [`cases.count_other`] for km. */
export function localePluralKeys(lng: string, form: PluralForm): string[] {
  return pluralCategories(lng, form.type).map((c) => pluralKey(form.base, form.type, c));
}
