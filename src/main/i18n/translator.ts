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
  let translator = translators.get(lng);
  if (!translator) {
    const t = mainI18n().getFixedT(lng) as unknown as (
      key: string,
      values: Record<string, unknown>,
    ) => unknown;
    // The catalogs are bundled and never change at run time: a key without values always gives the
    // same text, so it is looked up once (i18next's lookup was a third of building a referral's model).
    const plain = new Map<string, string>();
    translator = (key, values) => {
      if (values !== undefined) return String(t(key, values));
      let text = plain.get(key);
      if (text === undefined) {
        text = String(t(key, {}));
        // Only keys the catalogs have: the map stays catalog-sized, and no other string is kept.
        if (mainI18n().exists(key, { lng })) plain.set(key, text);
      }
      return text;
    };
    translators.set(lng, translator);
  }
  return translator;
}

const translators = new Map<Locale, (key: string, values?: Record<string, unknown>) => string>();

/** The text of an instrument key (namespace `instrument`) in one language, e.g. a question as shown. */
export function instrumentText(lng: Locale, key: string): string {
  return translatorFor(lng)(`instrument:${key}`);
}

let catalogTexts: Set<string> | null = null;

/**
 * Whether a text is exactly one of the catalogs' texts (any locale, any namespace, as written or NFC):
 * the app's own wording, which holds no personal data. Interpolated texts (with a name, a date, an
 * agency) are not, nor is anything typed or recorded.
 */
export function isCatalogText(text: string): boolean {
  if (!catalogTexts) {
    const texts = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        texts.add(value);
        texts.add(value.normalize('NFC'));
      } else if (value && typeof value === 'object') {
        for (const child of Object.values(value)) collect(child);
      }
    };
    collect(mainI18n().store.data);
    catalogTexts = texts;
  }
  return catalogTexts.has(text);
}
