import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS } from '../../src/shared/errors';
import { LOCALES } from '../../src/shared/i18n/locales';

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
      const missing = [...en.keys()].filter((k) => !other.has(k));
      const orphan = [...other.keys()].filter((k) => !en.has(k));
      expect(missing, `${lng}/${ns} missing`).toEqual([]);
      expect(orphan, `${lng}/${ns} orphan`).toEqual([]);
      for (const [k, v] of en) {
        const t = other.get(k) ?? '';
        expect(t.trim().length, `${lng}/${ns}:${k} empty`).toBeGreaterThan(0);
        expect(placeholders(t), `${lng}/${ns}:${k} placeholders`).toEqual(placeholders(v));
      }
    }
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
