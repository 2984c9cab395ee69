import { englishPluralForm, parsePluralKey, pluralCategories, pluralKey } from '../../shared/i18n/plurals';
import { reviewKey } from '../../shared/i18n/review';
import {
  type Catalog,
  loadCatalog,
  localeSource,
  resolveLocalesDir,
  TARGET_LOCALES,
  type TargetLocale,
} from './catalog';
import { interpolationProblems, markupNestingProblem } from './interpolation';
import { statusOf } from './status';
import { stringsVersion } from './strings-version';

/**
 * missing: English has the string, the locale has no (or empty) text; orphan: the locale has a string or a
 * namespace English does not; placeholder: placeholders or markup differ from English (or English's own
 * markup is broken); invalid: a locale file cannot be read. Any of these fails `strings report`.
 */
export type ProblemKind = 'missing' | 'orphan' | 'placeholder' | 'invalid';

export interface CompletenessProblem {
  kind: ProblemKind;
  lng: string;
  ns: string;
  /** Absent when the problem concerns the whole file. */
  key?: string;
  detail: string;
}

export interface NamespaceCounts {
  lng: TargetLocale;
  ns: string;
  /** English strings in the namespace. */
  total: number;
  draft: number;
  translated: number;
  reviewed: number;
  stale: number;
  missing: number;
  orphan: number;
  placeholder: number;
}

export interface CompletenessReport {
  dir: string;
  stringsVersion: string;
  sourceCounts: { ns: string; total: number }[];
  counts: NamespaceCounts[];
  problems: CompletenessProblem[];
  /** Review entries for strings or languages that no longer exist (harmless; not a failure). */
  unusedReviewEntries: string[];
}

export function checkCompleteness(localesDir?: string): CompletenessReport {
  return completenessOf(loadCatalog(resolveLocalesDir(localesDir)));
}

export function completenessOf(catalog: Catalog): CompletenessReport {
  const problems: CompletenessProblem[] = [];
  const counts: NamespaceCounts[] = [];
  for (const ns of catalog.namespaces) {
    for (const [key, text] of catalog.source.get(ns)?.texts ?? []) {
      const broken = markupNestingProblem(text);
      if (broken)
        problems.push({ kind: 'placeholder', lng: 'en', ns, key, detail: `English markup: ${broken}` });
    }
  }
  for (const lng of TARGET_LOCALES) {
    for (const ns of catalog.namespaces) {
      const row = countNamespace(catalog, lng, ns, problems);
      counts.push(row);
    }
  }
  for (const { lng, ns } of catalog.extraNamespaces)
    problems.push({ kind: 'orphan', lng, ns, detail: `${lng}/${ns}.json has no English ${ns}.json` });
  return {
    dir: catalog.dir,
    stringsVersion: stringsVersion(catalog),
    sourceCounts: catalog.namespaces.map((ns) => ({ ns, total: catalog.source.get(ns)?.texts.size ?? 0 })),
    counts,
    problems,
    unusedReviewEntries: unusedEntries(catalog),
  };
}

function countNamespace(
  catalog: Catalog,
  lng: TargetLocale,
  ns: string,
  problems: CompletenessProblem[],
): NamespaceCounts {
  const source = localeSource(catalog, lng, ns);
  const row: NamespaceCounts = {
    lng,
    ns,
    total: source.size,
    draft: 0,
    translated: 0,
    reviewed: 0,
    stale: 0,
    missing: 0,
    orphan: 0,
    placeholder: 0,
  };
  const file = catalog.files.get(lng)?.get(ns);
  if (file?.kind === 'invalid') {
    problems.push({ kind: 'invalid', lng, ns, detail: `${lng}/${ns}.json: ${file.error}` });
    return row;
  }
  if (file?.kind !== 'ok') {
    row.missing = source.size;
    problems.push({
      kind: 'missing',
      lng,
      ns,
      detail: `${lng}/${ns}.json does not exist (${source.size} strings)`,
    });
    return row;
  }
  for (const [key, sourceText] of source) {
    const { status } = statusOf(catalog, lng, ns, key);
    row[status] += 1;
    const text = file.texts.get(key);
    if (status === 'missing') {
      problems.push({
        kind: 'missing',
        lng,
        ns,
        key,
        detail: text === undefined ? 'no such key' : 'empty text',
      });
      continue;
    }
    const mismatch = interpolationProblems(sourceText, text ?? '');
    if (mismatch.length) {
      row.placeholder += 1;
      problems.push({ kind: 'placeholder', lng, ns, key, detail: mismatch.join('; ') });
    }
  }
  for (const key of file.texts.keys()) {
    if (source.has(key)) continue;
    row.orphan += 1;
    problems.push({ kind: 'orphan', lng, ns, key, detail: orphanDetail(lng, key, catalog.source.get(ns)) });
  }
  return row;
}

function orphanDetail(
  lng: TargetLocale,
  key: string,
  english: { texts: Map<string, string> } | undefined,
): string {
  const form = parsePluralKey(key);
  const plural =
    form && englishPluralForm(pluralKey(form.base, form.type, 'other'), english?.texts ?? new Map());
  return plural
    ? `plural form "${form.category}" does not exist in ${lng} (CLDR: ${pluralCategories(lng, form.type).join(', ')})`
    : 'not in English';
}

function unusedEntries(catalog: Catalog): string[] {
  const known = new Set<string>();
  for (const lng of TARGET_LOCALES)
    for (const ns of catalog.namespaces)
      for (const key of localeSource(catalog, lng, ns).keys()) known.add(reviewKey(lng, ns, key));
  return Object.keys(catalog.statuses.entries).filter((k) => !known.has(k));
}
