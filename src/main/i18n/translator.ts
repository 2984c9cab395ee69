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
    const templates = new Map<string, Template | null>();
    translator = (key, values) => {
      if (values !== undefined) {
        let template = templates.get(key);
        if (template === undefined) {
          template = templateOf(lng, key);
          // Only keys the catalogs have (templateOf is null otherwise): catalog-sized.
          if (template) templates.set(key, template);
        }
        const text = (template && fill(template, values)) ?? String(t(key, values));
        if (FORM_WORDING_KEYS.has(key) && Object.values(values).every(isCatalogValue))
          rememberFormWording(text);
        return text;
      }
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

/** A catalog text cut at its `{{name}}` placeholders: parts[0], values[names[0]], parts[1], ... */
interface Template {
  parts: string[];
  names: string[];
}

/** What i18next reads from a values object as its own options, never as a placeholder's value. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'replace',
  'interpolation',
  'skipInterpolation',
  'nest',
  'postProcess',
  'keyPrefix',
  'fallbackLng',
]);

/**
 * The catalog text of a key in exactly this language, cut at its placeholders, when i18next would
 * fill it by plain substitution (escapeValue is off): no nesting ($t), no unescaped ({{-) or formatted
 * ({{x, f}}) or nested-path ({{a.b}}) placeholders, none named like an i18next option (count, context,
 * ...). Null otherwise (i18next fills it).
 */
function templateOf(lng: Locale, key: string): Template | null {
  const colon = key.indexOf(':');
  const ns = colon < 0 ? 'common' : key.slice(0, colon);
  const path = colon < 0 ? key : key.slice(colon + 1);
  // The language's own text (no fallback language); a key with plural forms only has none.
  const raw: unknown = mainI18n().getResource(lng, ns, path);
  if (typeof raw !== 'string' || raw.includes('$t(') || raw.includes('{{-')) return null;
  const parts: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (const match of raw.matchAll(/\{\{(.+?)\}\}/g)) {
    const name = (match[1] ?? '').trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || I18NEXT_OPTIONS.has(name)) return null;
    parts.push(raw.slice(at, match.index));
    names.push(name);
    at = match.index + match[0].length;
  }
  parts.push(raw.slice(at));
  return { parts, names };
}

/**
 * The template filled as i18next fills it, when every value is a string for one of its placeholders
 * and none holds `{{` or `$t(`; null otherwise (then i18next fills it).
 */
function fill(template: Template, values: Record<string, unknown>): string | null {
  for (const name of Object.keys(values)) {
    if (!template.names.includes(name)) return null;
  }
  let text = template.parts[0] ?? '';
  for (let i = 0; i < template.names.length; i++) {
    const value = values[template.names[i] ?? ''];
    if (typeof value !== 'string' || value.includes('{{') || value.includes('$t(')) return null;
    text += value + (template.parts[i + 1] ?? '');
  }
  return text;
}

/** The text of an instrument key (namespace `instrument`) in one language, e.g. a question as shown. */
export function instrumentText(lng: Locale, key: string): string {
  return translatorFor(lng)(`instrument:${key}`);
}

let catalogTexts: Set<string> | null = null;
let catalogWords: Set<string> | null = null;

/** Every catalog text (any locale, any namespace), as written and NFC. */
function forEachCatalogText(visit: (text: string) => void): void {
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      visit(value);
      visit(value.normalize('NFC'));
    } else if (value && typeof value === 'object') {
      for (const child of Object.values(value)) collect(child);
    }
  };
  collect(mainI18n().store.data);
}

/**
 * Whether a text is exactly one of the catalogs' texts (any locale, any namespace, as written or NFC):
 * the app's own wording, which holds no personal data. Interpolated texts (with a name, a date, an
 * agency) are not, nor is anything typed or recorded.
 */
export function isCatalogText(text: string): boolean {
  if (!catalogTexts) {
    const texts = new Set<string>();
    forEachCatalogText((value) => texts.add(value));
    catalogTexts = texts;
  }
  return catalogTexts.has(text);
}

/**
 * Whether a piece of text between spaces (or a run of spaces) is a piece of some catalog text: on its
 * own it says nothing about a person, whatever text it was cut from.
 */
export function isCatalogWord(piece: string): boolean {
  if (!catalogWords) {
    const words = new Set<string>();
    forEachCatalogText((value) => {
      for (const word of value.split(/( +)/)) if (word) words.add(word);
    });
    catalogWords = words;
  }
  return catalogWords.has(piece);
}

/**
 * Keys whose text is still the form's own wording when every value put into it is itself a catalog
 * text: the draft note with the language's name, and the lines that name the receiver when that is the
 * multidisciplinary team (the catalog's default receiver). Anything typed or recorded put into them
 * (an agency's name as typed) makes the text the case's own.
 */
const FORM_WORDING_KEYS = new Set([
  'referral:draftNote',
  'referral:nextSteps.text',
  'referral:letter.addresseeHead',
  'referral:acknowledgement.receiver',
]);

/** Texts made from FORM_WORDING_KEYS and catalog texts only; bounded (cleared when full). */
const formWording = new Set<string>();
const FORM_WORDING_LIMIT = 2_000;

const isCatalogValue = (value: unknown) => typeof value === 'string' && isCatalogText(value);

function rememberFormWording(text: string): void {
  if (formWording.has(text)) return;
  if (formWording.size >= FORM_WORDING_LIMIT) formWording.clear();
  formWording.add(text);
}

/**
 * Whether a text is the form's own wording, which holds no personal data: exactly a catalog text
 * (isCatalogText), or a text made by this translator from a FORM_WORDING_KEYS key and catalog texts
 * only (e.g. the draft note naming Burmese, the next steps naming the multidisciplinary team).
 */
export function isFormWording(text: string): boolean {
  return isCatalogText(text) || formWording.has(text);
}
