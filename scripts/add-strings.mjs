#!/usr/bin/env node
// Adds or replaces UI strings in every locale at once, so several people can add keys to the same
// locale files without hand-editing six JSON files (and without clobbering each other's edits: each
// file is read, changed and written back in one step).
//
//   node scripts/add-strings.mjs common strings.json
//
// strings.json: { "en": { "followUps.add": "Add" }, "th": { ... }, "my": ..., "km": ..., "lo": ..., "vi": ... }
// Keys are dotted paths. Every locale must carry the same keys. Text written by developers stays a draft
// (review-status.json is not touched), as all translations do until a qualified translator reviews them.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = ['th', 'my', 'km', 'lo', 'vi', 'en'];
const [namespace, source] = process.argv.slice(2);
if (!namespace || !source) {
  console.error('usage: node scripts/add-strings.mjs <namespace> <strings.json>');
  process.exit(2);
}
const strings = JSON.parse(readFileSync(source, 'utf8'));
const keysOf = (loc) => Object.keys(strings[loc] ?? {}).sort();
const reference = keysOf('en').join('\n');
for (const loc of LOCALES) {
  if (keysOf(loc).join('\n') !== reference) {
    console.error(`${loc}: keys differ from en; every locale needs the same keys`);
    process.exit(1);
  }
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

for (const loc of LOCALES) {
  const file = join(import.meta.dirname, '..', 'resources', 'locales', loc, `${namespace}.json`);
  const tree = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(strings[loc])) setPath(tree, key, value);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(tree, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
console.log(`added ${keysOf('en').length} keys to ${LOCALES.length} locales (${namespace})`);
