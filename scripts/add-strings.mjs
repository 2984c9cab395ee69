#!/usr/bin/env node
// Adds or replaces UI strings in every locale at once, so several people can add keys to the same
// locale files without hand-editing six JSON files (and without clobbering each other's edits: each
// file is read, changed and written back in one step).
//
//   node scripts/add-strings.mjs common strings.json
//
// strings.json: { "en": { "followUps.add": "Add" }, "th": { ... }, "my": ..., "km": ..., "lo": ..., "vi": ... }
// Keys are dotted paths. Every locale must carry the same keys, except plural forms: each locale keeps only
// the forms of its own CLDR plural rules (Intl.PluralRules; th, my, km, lo and vi have only `_other`), so
// giving `count_one` and `count_other` everywhere is fine: a `_one` the language does not have is dropped
// (see src/shared/i18n/plurals.ts, which the app and the strings tools use). Text written by developers
// stays a draft (review-status.json is not touched), as all translations do until a qualified translator
// reviews them.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = ['th', 'my', 'km', 'lo', 'vi', 'en'];
const SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const [namespace, source] = process.argv.slice(2);
if (!namespace || !source) {
  console.error('usage: node scripts/add-strings.mjs <namespace> <strings.json>');
  process.exit(2);
}
const strings = JSON.parse(readFileSync(source, 'utf8'));
const englishKeys = new Set(Object.keys(strings.en ?? {}));

function categories(lng, type) {
  const found = new Intl.PluralRules(lng, { type }).resolvedOptions().pluralCategories;
  return SUFFIXES.filter((c) => found.includes(c));
}

/** For an English key that is a plural form (English gives all of its own forms): base, type, category. */
function pluralForm(key) {
  const m = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/.exec(key);
  if (!m) return undefined;
  const [, base, ordinal, category] = m;
  const type = ordinal ? 'ordinal' : 'cardinal';
  const suffix = (c) => `${base}${ordinal ?? ''}_${c}`;
  return categories('en', type).every((c) => englishKeys.has(suffix(c)))
    ? { category, type, suffix }
    : undefined;
}

/** The keys a locale must give (English order), and forms English gave that the locale does not use. */
function expectedKeys(lng) {
  const keep = new Set();
  const unused = new Set();
  for (const key of englishKeys) {
    const form = pluralForm(key);
    if (!form) keep.add(key);
    else for (const c of categories(lng, form.type)) keep.add(form.suffix(c));
    if (form && !categories(lng, form.type).includes(form.category)) unused.add(key);
  }
  for (const key of keep) unused.delete(key);
  return { keep, unused };
}

const plans = new Map();
for (const loc of LOCALES) {
  const { keep, unused } = expectedKeys(loc);
  const given = Object.keys(strings[loc] ?? {});
  const missing = [...keep].filter((k) => !given.includes(k));
  const extra = given.filter((k) => !keep.has(k) && !unused.has(k));
  if (missing.length || extra.length) {
    console.error(
      `${loc}: keys differ from en; every locale needs the same keys (plural forms per CLDR)` +
        (missing.length ? `\n  missing: ${missing.join(', ')}` : '') +
        (extra.length ? `\n  not in en: ${extra.join(', ')}` : ''),
    );
    process.exit(1);
  }
  plans.set(loc, { keep, dropped: given.filter((k) => unused.has(k)) });
}

function setPath(tree, dotted, value) {
  const parts = dotted.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part];
  }
  node[parts.at(-1)] = value;
}

const droppedNotes = [];
for (const loc of LOCALES) {
  const { keep, dropped } = plans.get(loc);
  const file = join(import.meta.dirname, '..', 'resources', 'locales', loc, `${namespace}.json`);
  const tree = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of keep) setPath(tree, key, strings[loc][key]);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(tree, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  if (dropped.length) droppedNotes.push(`${loc}: ${dropped.join(', ')}`);
}
console.log(`added ${englishKeys.size} keys to ${LOCALES.length} locales (${namespace})`);
if (droppedNotes.length)
  console.log(
    `plural forms these languages do not have (CLDR), not written:\n  ${droppedNotes.join('\n  ')}`,
  );
