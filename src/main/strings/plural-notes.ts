import { englishPluralForm, localePluralKeys, parsePluralKey, pluralKey } from '../../shared/i18n/plurals';

/** The English plural form behind a locale key (km `count_other` is a form of English `count`). */
function formOf(key: string, english: ReadonlyMap<string, string>) {
  const form = parsePluralKey(key);
  if (!form) return undefined;
  return englishPluralForm(pluralKey(form.base, form.type, 'other'), english) ? form : undefined;
}

/** What a translator must know about a plural string in their language, or undefined for other strings. */
export function pluralNote(
  lng: string,
  key: string,
  english: ReadonlyMap<string, string>,
): string | undefined {
  const form = formOf(key, english);
  if (!form) return undefined;
  const keys = localePluralKeys(lng, form);
  if (keys.length === 1)
    return 'Number-dependent text: this language uses one form for every number ({{count}} is the number)';
  return `Plural form "${form.category}": this language's forms of the string are ${keys.join(', ')}; translate every one`;
}
