import { isLocale, type Locale } from '../../shared/i18n/locales';

/** Chooses the language of the CLI's messages; FieldScreen's own variable wins over the system's. */
export const ENV_LANGUAGE = 'FIELDSCREEN_LANG';

/**
 * The language for messages on the terminal: FIELDSCREEN_LANG (th, my, km, lo, vi or en), else the
 * POSIX locale (LC_ALL, LC_MESSAGES, LANG, e.g. "th_TH.UTF-8"), else English.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>>): Locale {
  const own = env[ENV_LANGUAGE]?.trim().toLowerCase();
  if (isLocale(own)) return own;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    // The first variable that is set decides, as in POSIX (C / POSIX mean English).
    const lang = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(value)?.[1]?.toLowerCase();
    return isLocale(lang) ? lang : 'en';
  }
  return 'en';
}
