import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../shared/i18n/locales';
import { buildPseudoResources, PSEUDO_LOCALE } from '../../shared/i18n/pseudo';

/**
 * The texts are bundled with the app (never fetched from elsewhere), but each language's files are a
 * separate chunk, loaded when that language is first needed: at start the officer's and the
 * interviewee's languages (and English, the fallback); any other when it is chosen or an interview
 * in it opens. The first screen so carries two or three languages' texts, not six.
 */
const files = import.meta.glob<ResourceKey>('../../../resources/locales/*/*.json', { import: 'default' });

export const NAMESPACES = ['common', 'instrument', 'referral'];

const fileOf = (lng: string, ns: string) => files[`../../../resources/locales/${lng}/${ns}.json`];

async function readTexts(lng: string, ns: string): Promise<ResourceKey> {
  // The pseudo-locale is made from English.
  if (lng === PSEUDO_LOCALE) {
    const english = (await readTexts('en', ns)) as Record<string, never>;
    return buildPseudoResources({ [ns]: english })[ns] ?? {};
  }
  const load = fileOf(lng, ns);
  return load ? load() : {};
}

const bundledLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, done) {
    readTexts(lng, ns).then(
      (texts) => done(null, texts),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

/**
 * The pseudo-locale (accented, ~40% longer, bracketed) for checking layouts. Offered in development
 * and in the preview when the URL has ?pseudo; never a saved preference.
 */
export function pseudoLocaleEnabled(): boolean {
  return import.meta.env.DEV || new URLSearchParams(location.search).has('pseudo');
}

export async function initI18n(uiLanguage: Locale, intervieweeLanguage: Locale) {
  await i18next
    .use(bundledLocales)
    .use(initReactI18next)
    .init({
      lng: uiLanguage,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES, PSEUDO_LOCALE],
      preload: [intervieweeLanguage],
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      // Screens re-render when a language's texts arrive, not only when the UI language changes.
      react: { bindI18n: 'languageChanged loaded', useSuspense: false },
    });
  applyDocumentLanguage(uiLanguage);
  return i18next;
}

/** Loads a language's texts if they are not there yet (the interviewee's, before a screen shows it). */
export function loadLanguage(lng: Locale): Promise<void> {
  return i18next.loadLanguages(lng);
}

export function applyDocumentLanguage(lng: Locale) {
  document.documentElement.lang = LOCALE_TAGS[lng].split('-')[0] ?? lng;
}

/**
 * A fixed translator for the interviewee's language, independent of the officer's UI language. Starts
 * loading that language if needed; screens re-render when it has arrived.
 */
export function translatorFor(lng: Locale) {
  if (!i18next.hasLoadedNamespace('instrument', { lng })) void loadLanguage(lng);
  return i18next.getFixedT(lng);
}
