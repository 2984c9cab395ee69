import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, tagsOf } from '../../src/main/strings/interpolation';
import { buildPseudoResources, PSEUDO_LOCALE, pseudoLocalize } from '../../src/shared/i18n/pseudo';

const letters = (text: string) => [...text].filter((c) => /\p{L}/u.test(c)).length;
const withoutCode = (text: string) =>
  text.replace(
    /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?[A-Za-z0-9]+\s*\/?>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g,
    '',
  );

describe('pseudoLocalize', () => {
  it('accents, brackets and lengthens text so untranslated or clipped text stands out', () => {
    const out = pseudoLocalize('Welcome');
    expect(out.startsWith('[') && out.endsWith(']')).toBe(true);
    expect(out).not.toMatch(/[A-Za-z]/);
    expect(letters(out)).toBeGreaterThanOrEqual(Math.ceil(7 * 1.4) - 1);
    expect(out.length).toBeGreaterThanOrEqual(Math.ceil('Welcome'.length * 1.4));
    expect(pseudoLocalize('')).toBe('[]');
  });

  it('keeps placeholders, nestings, markup and entities exactly, in order', () => {
    const text = 'Wait {{seconds}} s, then <0>read <b>this</b></0>&nbsp;$t(common:app.name)<br/>';
    const out = pseudoLocalize(text);
    const code = (t: string) =>
      [...t.matchAll(/\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?[A-Za-z0-9]+\s*\/?>|&\w+;/g)].map((m) => m[0]);
    expect(code(out)).toEqual(code(text));
    expect(out).toContain('{{seconds}}');
    expect(out).toContain('<0>');
  });

  it('is about 40% longer for any text and never loses a placeholder or tag', () => {
    const token = fc.constantFrom('{{name}}', '{{count}}', '<0>', '</0>', '<br/>', '$t(x.y)', '&amp;');
    const part = fc.oneof(fc.string({ maxLength: 20 }), token);
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const out = pseudoLocalize(text);
        expect(placeholdersOf(out)).toEqual(placeholdersOf(text));
        expect(tagsOf(out)).toEqual(tagsOf(text));
        // Every added character (a doubled letter or the final ~ padding) counts: 40% of the letters, rounded up.
        const added = [...withoutCode(out)].length - 2 - [...withoutCode(text)].length;
        expect(added).toBe(Math.ceil(letters(withoutCode(text)) * 0.4));
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildPseudoResources', () => {
  it('turns every English string of every namespace into pseudo text that i18next can interpolate', async () => {
    const dir = join(__dirname, '..', '..', 'resources', 'locales', 'en');
    const en = {
      common: JSON.parse(readFileSync(join(dir, 'common.json'), 'utf8')),
      instrument: JSON.parse(readFileSync(join(dir, 'instrument.json'), 'utf8')),
    };
    const pseudo = buildPseudoResources(en);
    expect(Object.keys(pseudo)).toEqual(['common', 'instrument']);
    expect(Object.keys(pseudo.common)).toEqual(Object.keys(en.common));
    expect(pseudo.common.app.name).toBe(pseudoLocalize(en.common.app.name));

    const t = i18next.createInstance();
    await t.init({
      lng: PSEUDO_LOCALE,
      resources: { [PSEUDO_LOCALE]: pseudo },
      ns: ['common', 'instrument'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
    });
    const out = t.t('errors.tooManyAttempts', { seconds: 42 });
    expect(out).toContain('42');
    expect(out).not.toContain('{{');
    expect(out.startsWith('[')).toBe(true);
  });

  it('keeps the shape of non-text values', () => {
    expect(buildPseudoResources({ ns: { a: { b: 'Hi' }, n: 3, list: ['x', 'y'], none: null } })).toEqual({
      ns: { a: { b: '[Ĥí~]' }, n: 3, list: ['[ẋ~]', '[ý~]'], none: null },
    });
  });
});
