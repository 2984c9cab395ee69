import {
  hashText,
  type ReviewEntry,
  type ReviewStatusFile,
  type ReviewStep,
  reviewEntryOf,
  reviewKey,
  SOURCE_LANGUAGE,
} from '../../shared/i18n/review';
import {
  type Catalog,
  localeSource,
  type TargetLocale,
  targetText,
  writeNamespaceFile,
  writeStatuses,
} from './catalog';
import { StringsError } from './errors';
import { type JsonTree, setText } from './json-tree';
import { namespaceVersion } from './strings-version';
import { targetProblems } from './target-checks';
import { checkTargetLanguage, NO_TARGET } from './xliff-export';
import type { ReadDocument, ReadUnit } from './xliff-read';

/**
 * Who is importing: a translator (their strings become "translated") or a reviewer (they become
 * "reviewed"; a reviewer may only review what a translator translated from the current English, unless
 * `both` says the reviewer did both steps, which is then recorded under their name twice).
 */
export type ImportRole =
  | { kind: 'translator'; name: string }
  | { kind: 'reviewer'; name: string; both: boolean };

export interface ImportOptions {
  role: ImportRole;
  now: Date;
  /** The language given on the command line: needed when the tool dropped it, refused when it differs. */
  expectLanguage?: string;
}

export interface PlannedString {
  ns: string;
  key: string;
  text: string;
  /** False when the person confirmed the text as it was. */
  changed: boolean;
}

export interface ImportPlan {
  lng: TargetLocale;
  /** Strings recorded under the importing person's name (changed or confirmed). */
  imported: PlannedString[];
  /** Strings in the file not imported, each with why (English changed; changed in the repository). */
  skipped: { ns: string; key: string; reason: string }[];
  /** Units left as they were: neither changed nor confirmed. */
  untouched: number;
  /** Facts the person importing should know (e.g. the tool dropped FieldScreen's attributes). */
  notices: string[];
  trees: { ns: string; tree: JsonTree }[];
  statuses: ReviewStatusFile;
}

/**
 * Decides what an import would do. A problem that makes the file untrustworthy (unknown ids, broken
 * structure, a translation that is not text in the language, a review without a translation) refuses the
 * whole file, every instance listed, so nothing is written. Strings whose English changed since the export
 * (or whose translation changed in the repository meanwhile) are skipped and listed; the rest is imported.
 */
export function planImport(catalog: Catalog, doc: ReadDocument, options: ImportOptions): ImportPlan {
  const role = checkRole(options.role);
  const lng = checkLanguages(doc, options.expectLanguage);
  if (doc.structureProblems.length)
    throw new StringsError(
      'INVALID_UNITS',
      'some units cannot be read as FieldScreen strings',
      doc.structureProblems,
    );
  checkKnownIds(catalog, doc, lng);
  checkLocaleFilesReadable(catalog, doc, lng);

  const plan: ImportPlan = {
    lng,
    imported: [],
    skipped: [],
    untouched: 0,
    notices: noticesFor(catalog, doc),
    trees: [],
    statuses: catalog.statuses,
  };
  const invalid: string[] = [];
  for (const unit of doc.units) {
    const source = localeSource(catalog, lng, unit.ns).get(unit.key) ?? '';
    const current = targetText(catalog, lng, unit.ns, unit.key);
    const target = unit.target ?? '';
    const changed = target !== (current ?? '');
    if (target.trim() === '' || (!changed && !unit.confirmed)) {
      plan.untouched += 1;
      continue;
    }
    if (unit.source !== source) {
      plan.skipped.push({ ns: unit.ns, key: unit.key, reason: englishChangedReason(catalog, doc, unit) });
      continue;
    }
    if (changed && changedSinceExport(unit, current)) {
      plan.skipped.push({
        ns: unit.ns,
        key: unit.key,
        reason: 'the translation was changed in the repository after the export; export again and re-apply',
      });
      continue;
    }
    const problems = targetProblems(lng, unit.ns, unit.key, source, target);
    if (problems.length) {
      invalid.push(`${lng}/${unit.ns}:${unit.key}: ${problems.join('; ')}`);
      continue;
    }
    plan.imported.push({ ns: unit.ns, key: unit.key, text: target, changed });
  }
  if (invalid.length)
    throw new StringsError(
      'INVALID_TARGETS',
      `${invalid.length} translation(s) cannot be recorded; fix them in the file and import it again`,
      invalid,
    );
  plan.statuses = updatedStatuses(catalog, lng, plan.imported, role, options.now.toISOString());
  plan.trees = updatedTrees(
    catalog,
    lng,
    plan.imported.filter((s) => s.changed),
  );
  return plan;
}

/** True when the repository's translation is no longer the one this unit was exported with. */
function changedSinceExport(unit: ReadUnit, current: string | undefined): boolean {
  if (unit.exportTargetHash === undefined) return false; // the tool dropped our mark: nothing to compare
  if (unit.exportTargetHash === NO_TARGET) return current !== undefined;
  return current === undefined || hashText(current) !== unit.exportTargetHash;
}

function englishChangedReason(catalog: Catalog, doc: ReadDocument, unit: ReadUnit): string {
  const exportedFrom = doc.stringsVersions.get(unit.ns);
  const sameVersion = exportedFrom !== undefined && exportedFrom === catalogVersion(catalog, unit.ns);
  return sameVersion
    ? 'the English <source> was edited in the file (only <target> may change)'
    : 'the English text changed since the export; translate the new English from a new export';
}

function catalogVersion(catalog: Catalog, ns: string): string | undefined {
  const english = catalog.source.get(ns)?.texts;
  return english && namespaceVersion(english);
}

function updatedStatuses(
  catalog: Catalog,
  lng: TargetLocale,
  imported: PlannedString[],
  role: ImportRole,
  at: string,
): ReviewStatusFile {
  const entries: Record<string, ReviewEntry> = { ...catalog.statuses.entries };
  const sourceTexts: Record<string, string> = { ...catalog.statuses.sourceTexts };
  const untranslated: string[] = [];
  for (const { ns, key, text } of imported) {
    const source = localeSource(catalog, lng, ns).get(key) ?? '';
    const sourceHash = hashText(source);
    const step: ReviewStep = { by: role.name, at, sourceHash, targetHash: hashText(text) };
    const entry = reviewEntryOf(catalog.statuses, lng, ns, key) ?? {};
    let next: ReviewEntry;
    if (role.kind === 'translator') next = { ...entry, translated: step };
    else {
      const translatedThisEnglish = entry.translated?.sourceHash === sourceHash;
      if (!translatedThisEnglish && !role.both) untranslated.push(`${lng}/${ns}:${key}`);
      next = { translated: translatedThisEnglish ? entry.translated : step, reviewed: step };
    }
    entries[reviewKey(lng, ns, key)] = next;
    sourceTexts[sourceHash] = source;
  }
  if (untranslated.length)
    throw new StringsError(
      'NOT_TRANSLATED',
      `${untranslated.length} string(s) have no translation by a translator for the current English to review; ` +
        "import the translator's file first, or add --both if you translated them yourself",
      untranslated,
    );
  return { ...catalog.statuses, entries, sourceTexts: referencedTexts(entries, sourceTexts) };
}

/** Only the English texts some step still names are kept. */
function referencedTexts(
  entries: Record<string, ReviewEntry>,
  texts: Record<string, string>,
): Record<string, string> {
  const used = new Set<string>();
  for (const entry of Object.values(entries))
    for (const step of [entry.translated, entry.reviewed]) if (step) used.add(step.sourceHash);
  return Object.fromEntries(Object.entries(texts).filter(([hash]) => used.has(hash)));
}

/** Applies the changes to copies of the namespace files; a key that cannot be placed refuses the import. */
function updatedTrees(catalog: Catalog, lng: TargetLocale, changes: PlannedString[]): ImportPlan['trees'] {
  const byNs = new Map<string, PlannedString[]>();
  for (const change of changes) byNs.set(change.ns, [...(byNs.get(change.ns) ?? []), change]);
  const trees: ImportPlan['trees'] = [];
  const unplaceable: string[] = [];
  for (const [ns, nsChanges] of byNs) {
    const english = catalog.source.get(ns)?.tree ?? {};
    const file = catalog.files.get(lng)?.get(ns);
    const tree: JsonTree = file?.kind === 'ok' ? structuredClone(file.tree) : {};
    for (const { key, text } of nsChanges) {
      try {
        setText(tree, key, text, english);
      } catch (err) {
        unplaceable.push(`${lng}/${ns}:${key}: ${(err as Error).message}`);
      }
    }
    trees.push({ ns, tree });
  }
  if (unplaceable.length)
    throw new StringsError(
      'INVALID_LOCALES',
      'the locale file is shaped differently from English',
      unplaceable,
    );
  return trees;
}

function checkRole(role: ImportRole): ImportRole {
  const name = role.name.trim();
  if (name === '' || name.length > 200 || /\p{Cc}/u.test(name))
    throw new StringsError(
      'USAGE',
      `--${role.kind} must be the name of the qualified ${role.kind} (1-200 characters)`,
    );
  return { ...role, name };
}

function checkLanguages(doc: ReadDocument, expected: string | undefined): TargetLocale {
  if (doc.srcLang !== undefined && doc.srcLang !== SOURCE_LANGUAGE)
    throw new StringsError(
      'WRONG_LANGUAGE',
      `the file translates from "${doc.srcLang}"; FieldScreen translates from English (en)`,
    );
  if (doc.trgLang === undefined && expected === undefined)
    throw new StringsError(
      'WRONG_LANGUAGE',
      'the file does not say which language it is for (the tool that saved it dropped target-language); ' +
        'import it again with --lang, e.g. --lang km',
    );
  const lng = checkTargetLanguage(doc.trgLang ?? expected);
  if (expected !== undefined && expected !== lng)
    throw new StringsError('WRONG_LANGUAGE', `the file is for "${lng}", not "${expected}"`);
  return lng;
}

/** Every unit must name a string this language has: anything else (a typo, `__proto__`, a removed string) is refused. */
function checkKnownIds(catalog: Catalog, doc: ReadDocument, lng: TargetLocale): void {
  const unknown = new Set<string>();
  for (const unit of doc.units) {
    if (!catalog.source.has(unit.ns)) unknown.add(`namespace "${unit.ns}" (${unit.ns}:${unit.key})`);
    else if (!localeSource(catalog, lng, unit.ns).has(unit.key)) unknown.add(`${unit.ns}:${unit.key}`);
  }
  if (unknown.size)
    throw new StringsError(
      'UNKNOWN_KEYS',
      `${unknown.size} unit(s) are not ${lng} FieldScreen strings (removed since the export? then export again)`,
      [...unknown],
    );
}

/** An unreadable locale file must be fixed by hand first: rewriting it would lose what it holds. */
function checkLocaleFilesReadable(catalog: Catalog, doc: ReadDocument, lng: TargetLocale): void {
  const namespaces = new Set(doc.units.map((u) => u.ns));
  const broken = [...namespaces].flatMap((ns) => {
    const loaded = catalog.files.get(lng)?.get(ns);
    return loaded?.kind === 'invalid' ? [`${lng}/${ns}.json: ${loaded.error}`] : [];
  });
  if (broken.length)
    throw new StringsError('INVALID_LOCALES', 'a locale file cannot be read; fix it first', broken);
}

function noticesFor(catalog: Catalog, doc: ReadDocument): string[] {
  const notices: string[] = [];
  if (!doc.hasExportMarks)
    notices.push(
      "the tool that saved this file dropped FieldScreen's own attributes (fs:…); each unit was checked " +
        'against the current English instead, but a translation changed in the repository since the ' +
        'export cannot be noticed: keep the time between export and import short',
    );
  for (const [ns, version] of doc.stringsVersions)
    if (catalog.source.has(ns) && version !== catalogVersion(catalog, ns))
      notices.push(
        `${ns}: the English changed since this file was exported; changed strings are listed below`,
      );
  return notices;
}

/**
 * Writes the translations (each namespace file atomically), then the statuses. If the process dies between
 * the two, the new text has no matching entry and shows as draft or stale: never falsely reviewed.
 */
export function applyImport(catalog: Catalog, plan: ImportPlan): string[] {
  const written = plan.trees.map(({ ns, tree }) => writeNamespaceFile(catalog.dir, plan.lng, ns, tree));
  if (plan.imported.length) written.push(writeStatuses(catalog.dir, plan.statuses));
  return written;
}
