/** The six languages FieldScreen speaks. Officers work in any; interviewees in any but English is a working language. */
export const LOCALES = ['th', 'my', 'km', 'lo', 'vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each locale's name in its own script, for language pickers. Not translated on purpose. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  th: 'ไทย',
  my: 'မြန်မာ',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  vi: 'Tiếng Việt',
  en: 'English',
};

/** BCP 47 tags used for Intl formatting and the lang attribute. */
export const LOCALE_TAGS: Record<Locale, string> = {
  th: 'th-TH',
  my: 'my-MM',
  km: 'km-KH',
  lo: 'lo-LA',
  vi: 'vi-VN',
  en: 'en-GB',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
