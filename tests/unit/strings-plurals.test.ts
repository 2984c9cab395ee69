import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  englishPluralForm,
  localeKeys,
  localePluralKeys,
  parsePluralKey,
  pluralCategories,
} from '../../src/shared/i18n/plurals';

describe('plural forms from CLDR', () => {
  const english = new Map(
    [
      'title',
      'items_one',
      'items_other',
      'options.lang_other',
      'rank_ordinal_one',
      'rank_ordinal_two',
      'rank_ordinal_few',
      'rank_ordinal_other',
    ].map((k) => [k, k]),
  );

  it('treats a key as a plural form only when English has all of its own forms', () => {
    expect(englishPluralForm('items_one', english)).toEqual({
      base: 'items',
      type: 'cardinal',
      category: 'one',
    });
    expect(englishPluralForm('options.lang_other', english)).toBeUndefined();
    expect(englishPluralForm('rank_ordinal_few', english)).toEqual({
      base: 'rank',
      type: 'ordinal',
      category: 'few',
    });
    expect(englishPluralForm('title', english)).toBeUndefined();
    expect(parsePluralKey('a.b_many')).toEqual({ base: 'a.b', type: 'cardinal', category: 'many' });
  });

  it('gives each language the forms of its own rules, translated from the English form of that name or _other', () => {
    expect([...localeKeys('km', english)]).toEqual([
      ['title', 'title'],
      ['items_other', 'items_other'],
      ['options.lang_other', 'options.lang_other'],
      ['rank_ordinal_other', 'rank_ordinal_other'],
    ]);
    expect([...localeKeys('en', english).keys()]).toEqual([...english.keys()]);
    // Polish has one/few/many/other: the forms English lacks are translated from English _other.
    const pl = localeKeys('pl', english);
    expect(pl.get('items_few')).toBe('items_other');
    expect(pl.get('items_one')).toBe('items_one');
    expect(localePluralKeys('pl', { base: 'items', type: 'cardinal', category: 'one' })).toEqual(
      pluralCategories('pl').map((c) => `items_${c}`),
    );
  });
});

describe('scripts/add-strings.mjs', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function setUp(): string {
    root = mkdtempSync(join(tmpdir(), 'fieldscreen-add-strings-'));
    mkdirSync(join(root, 'scripts'));
    cpSync(
      join(__dirname, '..', '..', 'scripts', 'add-strings.mjs'),
      join(root, 'scripts', 'add-strings.mjs'),
    );
    for (const lng of ['th', 'my', 'km', 'lo', 'vi', 'en']) {
      mkdirSync(join(root, 'resources', 'locales', lng), { recursive: true });
      writeFileSync(join(root, 'resources', 'locales', lng, 'common.json'), '{\n  "a": "x"\n}\n');
    }
    return root;
  }

  const run = (input: unknown) => {
    writeFileSync(join(root, 'in.json'), JSON.stringify(input));
    return execFileSync(
      process.execPath,
      [join(root, 'scripts', 'add-strings.mjs'), 'common', join(root, 'in.json')],
      {
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
  };
  const read = (lng: string) =>
    JSON.parse(readFileSync(join(root, 'resources', 'locales', lng, 'common.json'), 'utf8'));

  it('writes only the plural forms each language has, whether or not the input gives the English ones', () => {
    setUp();
    const forms = (lng: string) => ({
      'n.count_one': `${lng} one`,
      'n.count_other': `${lng} {{count}}`,
      'n.t': lng,
    });
    const input: Record<string, Record<string, string>> = Object.fromEntries(
      ['th', 'my', 'km', 'lo', 'en'].map((l) => [l, forms(l)]),
    );
    input.vi = { 'n.count_other': 'vi {{count}}', 'n.t': 'vi' };
    const out = run(input);
    expect(read('en')).toEqual({ a: 'x', n: { count_one: 'en one', count_other: 'en {{count}}', t: 'en' } });
    expect(read('km')).toEqual({ a: 'x', n: { count_other: 'km {{count}}', t: 'km' } });
    expect(read('vi')).toEqual({ a: 'x', n: { count_other: 'vi {{count}}', t: 'vi' } });
    expect(out).toContain('km: n.count_one');
  });

  it('refuses, writing nothing, when a locale lacks a key or a plural form its language needs', () => {
    setUp();
    const before = read('km');
    const input: Record<string, Record<string, string>> = Object.fromEntries(
      ['th', 'my', 'km', 'lo', 'vi', 'en'].map((l) => [
        l,
        { 'n.count_one': '1', 'n.count_other': '{{count}}' },
      ]),
    );
    input.km = { 'n.count_one': '1' };
    expect(() => run(input)).toThrow(/km: keys differ from en[\s\S]*missing: n\.count_other/);
    expect(read('km')).toEqual(before);
    expect(read('en')).toEqual(before);
  });
});
