import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../shared/i18n/locales';
import { buildPseudoResources, PSEUDO_LOCALE } from '../../shared/i18n/pseudo';

// Every namespace of every locale is bundled: the app never fetches text at run time.
const files = import.meta.glob('../../../resources/locales/*/*.json', { eager: true, import: 'default' });

export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, data] of Object.entries(files)) {
    const match = /locales\/([a-z]{2})\/([a-zA-Z-]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const [, lng, ns] = match;
    resources[lng] ??= {};
    (resources[lng] as Record<string, unknown>)[ns] = data;
  }
  return resources;
}

export const NAMESPACES = ['common', 'instrument', 'referral'];

/**
 * The pseudo-locale (accented, ~40% longer, bracketed) for checking layouts. Offered in development
 * and in the preview when the URL has ?pseudo; never a saved preference.
 */
export function pseudoLocaleEnabled(): boolean {
  return import.meta.env.DEV || new URLSearchParams(location.search).has('pseudo');
}

function withPseudo(resources: Resource): Resource {
  if (!pseudoLocaleEnabled() || !resources.en) return resources;
  return {
    ...resources,
    [PSEUDO_LOCALE]: buildPseudoResources(resources.en as Record<string, never>) as Resource[string],
  };
}

export async function initI18n(uiLanguage: Locale) {
  await i18next.use(initReactI18next).init({
    resources: withPseudo(bundledResources()),
    lng: uiLanguage,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES, PSEUDO_LOCALE],
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(uiLanguage);
  return i18next;
}

export function applyDocumentLanguage(lng: Locale) {
  document.documentElement.lang = LOCALE_TAGS[lng].split('-')[0] ?? lng;
}

/** A fixed translator for the interviewee's language, independent of the officer's UI language. */
export function translatorFor(lng: Locale) {
  return i18next.getFixedT(lng);
}
