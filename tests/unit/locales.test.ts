import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS } from '../../src/shared/errors';
import { LOCALES } from '../../src/shared/i18n/locales';
import { englishPluralForm, localeKeys, pluralCategories } from '../../src/shared/i18n/plurals';

const dir = join(__dirname, '..', '..', 'resources', 'locales');
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const load = (lng: string, ns: string) =>
  flatten(JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const namespaces = readdirSync(join(dir, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

describe('translations', () => {
  it.each(namespaces)('namespace %s has the same keys and placeholders in all six locales', (ns) => {
    const en = load('en', ns);
    for (const lng of LOCALES) {
      const other = load(lng, ns);
      // Plural strings carry the forms of each language's own CLDR rules (km: `_other` only).
      const expected = localeKeys(lng, en);
      const missing = [...expected.keys()].filter((k) => !other.has(k));
      const orphan = [...other.keys()].filter((k) => !expected.has(k));
      expect(missing, `${lng}/${ns} missing`).toEqual([]);
      expect(orphan, `${lng}/${ns} orphan`).toEqual([]);
      for (const [k, fromKey] of expected) {
        const t = other.get(k) ?? '';
        expect(t.trim().length, `${lng}/${ns}:${k} empty`).toBeGreaterThan(0);
        expect(placeholders(t), `${lng}/${ns}:${k} placeholders`).toEqual(
          placeholders(en.get(fromKey) ?? ''),
        );
      }
    }
  });

  it('the five target languages have only the plural form "other", English has "one" and "other"', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    for (const lng of LOCALES.filter((l) => l !== 'en'))
      expect(pluralCategories(lng), lng).toEqual(['other']);
  });

  it('i18next shows every plural string in the chosen language for 0, 1 and many, never the English', async () => {
    const resources: Record<string, Record<string, Tree>> = {};
    for (const lng of LOCALES)
      resources[lng] = Object.fromEntries(
        namespaces.map((ns) => [ns, JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8'))]),
      );
    const i18n = i18next.createInstance();
    await i18n.init({ resources, fallbackLng: 'en', ns: namespaces, interpolation: { escapeValue: false } });
    let checked = 0;
    for (const ns of namespaces) {
      const en = load('en', ns);
      for (const key of en.keys()) {
        const form = englishPluralForm(key, en);
        if (form?.category !== 'other') continue;
        for (const lng of LOCALES) {
          const own = load(lng, ns);
          for (const count of [0, 1, 2, 7]) {
            const values: Record<string, unknown> = { count, name: 'N', total: 9, seconds: 3 };
            const shown = i18n.getFixedT(lng, ns)(form.base, values);
            const category = new Intl.PluralRules(lng).select(count);
            const template = own.get(`${form.base}_${category}`);
            expect(template, `${lng}/${ns}:${form.base}_${category}`).toBeDefined();
            const filled = (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
              String(values[name]),
            );
            expect(shown, `${lng}/${ns}:${form.base} count=${count}`).toBe(filled);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('every error code has a message in every locale', () => {
    for (const lng of LOCALES) {
      const common = load(lng, 'common');
      for (const key of Object.values(ERROR_MESSAGE_KEYS))
        expect(common.has(key), `${lng}:${key}`).toBe(true);
    }
  });

  it('Burmese text is Unicode, not Zawgyi', async () => {
    const { ZawgyiDetector } = await import('myanmar-tools');
    const detector = new ZawgyiDetector();
    for (const ns of namespaces) {
      for (const [k, v] of load('my', ns)) {
        if (/[\u1000-\u109F]/.test(v)) expect(detector.getZawgyiProbability(v), k).toBeLessThan(0.95);
      }
    }
  });
});
