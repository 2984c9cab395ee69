import i18next, { type i18n, type Resource } from 'i18next';
import { LOCALES, type Locale } from '../../shared/i18n/locales';

// Bundled at build time, as in the renderer: the same JSON files, no file reads at run time.
const files = import.meta.glob('../../../resources/locales/*/*.json', { eager: true, import: 'default' });

function resources(): Resource {
  const out: Resource = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /locales\/([a-z]{2})\/([a-zA-Z-]+)\.json$/.exec(path);
    if (!m?.[1] || !m[2]) continue;
    out[m[1]] ??= {};
    (out[m[1]] as Record<string, unknown>)[m[2]] = data;
  }
  return out;
}

let instance: i18n | null = null;

/** One i18next instance for main (PDF labels, CLI): all locales and namespaces loaded up front. */
export function mainI18n(): i18n {
  if (instance) return instance;
  const inst = i18next.createInstance();
  void inst.init({
    resources: resources(),
    lng: 'th',
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    ns: ['common', 'instrument', 'referral'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance = inst;
  return inst;
}

/**
 * Main builds keys from data (PDF layout, instrument), so this translator takes any string; the
 * renderer's keys are checked by the compiler (src/types/i18n-keys.d.ts).
 */
export function translatorFor(lng: Locale): (key: string, values?: Record<string, unknown>) => string {
  const t = mainI18n().getFixedT(lng) as unknown as (key: string, values: Record<string, unknown>) => unknown;
  return (key, values) => String(t(key, values ?? {}));
}

/** The text of an instrument key (namespace `instrument`) in one language, e.g. a question as shown. */
export function instrumentText(lng: Locale, key: string): string {
  return translatorFor(lng)(`instrument:${key}`);
}
