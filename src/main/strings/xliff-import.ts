import { hashText, type ReviewEntry, reviewKey, SOURCE_LANGUAGE } from '../../shared/i18n/review';
import {
  type Catalog,
  localeSource,
  type TargetLocale,
  targetText,
  writeNamespaceFile,
  writeStatuses,
} from './catalog';
import { StringsError } from './errors';
import { interpolationProblems } from './interpolation';
import { type JsonTree, setText } from './json-tree';
import { namespaceVersion, shortVersion } from './strings-version';
import { checkTargetLanguage, NO_TARGET } from './xliff-export';
import type { ReadDocument, ReadUnit } from './xliff-read';

export interface ImportOptions {
  reviewer: string;
  now: Date;
  /** When given, a file for another language is refused. */
  expectLanguage?: string;
}

export interface ImportPlan {
  lng: TargetLocale;
  /** Strings whose text the translator changed. */
  changes: { ns: string; key: string; text: string }[];
  /** Every string that becomes reviewed: the changed ones and those approved unchanged. */
  reviewed: { ns: string; key: string; entry: ReviewEntry }[];
  /** Units in the file left as they were (not changed, not marked reviewed or final). */
  untouched: number;
  /** The new content of each namespace file with changes, ready to write. */
  trees: { ns: string; tree: JsonTree }[];
}

/**
 * Decides what an import would do, refusing the whole file on the first kind of problem found (every
 * instance of it is listed), so either everything is imported or nothing is.
 */
export function planImport(catalog: Catalog, doc: ReadDocument, options: ImportOptions): ImportPlan {
  const reviewer = checkReviewer(options.reviewer);
  const lng = checkLanguages(doc, options.expectLanguage);
  checkVersions(catalog, doc);
  checkKeysAndStructure(catalog, doc, lng);
  checkLocaleFilesReadable(catalog, doc, lng);

  const plan: ImportPlan = { lng, changes: [], reviewed: [], untouched: 0, trees: [] };
  const conflicts: string[] = [];
  const invalid: string[] = [];
  const reviewedAt = options.now.toISOString();
  for (const file of doc.files) {
    const source = localeSource(catalog, lng, file.ns);
    for (const unit of file.units) {
      const sourceText = source.get(unit.key) ?? '';
      const where = `${lng}/${file.ns}:${unit.key}`;
      const current = targetText(catalog, lng, file.ns, unit.key);
      const decision = decide(unit, current);
      if (decision === 'untouched') {
        plan.untouched += 1;
        continue;
      }
      if (!sameAsExport(unit, current)) {
        conflicts.push(
          `${where}: the translation was changed in the repository after this file was exported`,
        );
        continue;
      }
      const text = unit.target ?? '';
      const problems =
        text.trim() === '' ? ['the translation is empty'] : interpolationProblems(sourceText, text);
      if (problems.length) {
        invalid.push(`${where}: ${problems.join('; ')}`);
        continue;
      }
      if (decision === 'changed') plan.changes.push({ ns: file.ns, key: unit.key, text });
      plan.reviewed.push({
        ns: file.ns,
        key: unit.key,
        entry: {
          status: 'reviewed',
          reviewer,
          reviewedAt,
          sourceHash: hashText(sourceText),
          targetHash: hashText(text),
        },
      });
    }
  }
  if (conflicts.length)
    throw new StringsError(
      'CONFLICT',
      `${conflicts.length} string(s) changed in the repository since this file was exported; export again and re-apply`,
      conflicts,
    );
  if (invalid.length)
    throw new StringsError(
      'INVALID_TARGETS',
      `${invalid.length} translation(s) cannot be used: placeholders, markup and plural forms must be kept`,
      invalid,
    );
  plan.trees = updatedTrees(catalog, plan);
  return plan;
}

/** Applies the changes to copies of the namespace files; a key that cannot be placed refuses the import. */
function updatedTrees(catalog: Catalog, plan: ImportPlan): ImportPlan['trees'] {
  const byNs = new Map<string, { key: string; text: string }[]>();
  for (const change of plan.changes) byNs.set(change.ns, [...(byNs.get(change.ns) ?? []), change]);
  const trees: ImportPlan['trees'] = [];
  const unplaceable: string[] = [];
  for (const [ns, changes] of byNs) {
    const english = catalog.source.get(ns)?.tree ?? {};
    const file = catalog.files.get(plan.lng)?.get(ns);
    const tree: JsonTree = file?.kind === 'ok' ? structuredClone(file.tree) : {};
    for (const { key, text } of changes) {
      try {
        setText(tree, key, text, english);
      } catch (err) {
        unplaceable.push(`${plan.lng}/${ns}:${key}: ${(err as Error).message}`);
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

/**
 * changed: the translator edited the text; approved: left it as it was but marked the segment reviewed or
 * final; untouched: neither (an edit always counts as a review by the importing reviewer).
 */
function decide(unit: ReadUnit, current: string | undefined): 'changed' | 'approved' | 'untouched' {
  const exported = unit.exportTargetHash;
  const hadTarget = exported === undefined ? current !== undefined : exported !== NO_TARGET;
  if (unit.target === undefined || (unit.target === '' && !hadTarget)) return 'untouched';
  const edited =
    exported === undefined || exported === NO_TARGET
      ? unit.target !== current
      : hashText(unit.target) !== exported;
  if (edited) return 'changed';
  return unit.state === 'reviewed' || unit.state === 'final' ? 'approved' : 'untouched';
}

/** True when the repository still has the translation the file was exported with. */
function sameAsExport(unit: ReadUnit, current: string | undefined): boolean {
  if (unit.exportTargetHash === undefined) return true; // the tool dropped our attribute: nothing to compare
  if (unit.exportTargetHash === NO_TARGET) return current === undefined;
  return current !== undefined && hashText(current) === unit.exportTargetHash;
}

function checkReviewer(reviewer: string): string {
  const name = reviewer.trim();
  if (name === '' || name.length > 200 || /\p{Cc}/u.test(name))
    throw new StringsError(
      'USAGE',
      '--reviewer must be the name of the qualified translator (1-200 characters)',
    );
  return name;
}

function checkLanguages(doc: ReadDocument, expected: string | undefined): TargetLocale {
  if (doc.srcLang !== SOURCE_LANGUAGE)
    throw new StringsError(
      'WRONG_LANGUAGE',
      `the file translates from "${doc.srcLang}"; FieldScreen translates from English (en)`,
    );
  const lng = checkTargetLanguage(doc.trgLang);
  if (expected !== undefined && expected !== lng)
    throw new StringsError('WRONG_LANGUAGE', `the file is for "${lng}", not "${expected}"`);
  return lng;
}

/** Refuses a file made from other English text: the translator worked on sentences that no longer exist. */
function checkVersions(catalog: Catalog, doc: ReadDocument): void {
  const details: string[] = [];
  let changedTotal = 0;
  for (const file of doc.files) {
    const source = catalog.source.get(file.ns)?.texts;
    if (!source) continue; // reported as an unknown namespace
    const now = namespaceVersion(source);
    if (file.stringsVersion === now) continue;
    const keys = new Set(file.units.map((u) => u.key));
    const changed = file.units.filter((u) => source.has(u.key) && source.get(u.key) !== u.source).length;
    const removed = file.units.filter((u) => !source.has(u.key)).length;
    const added = [...source.keys()].filter((k) => !keys.has(k)).length;
    changedTotal += changed;
    details.push(
      file.stringsVersion === undefined
        ? `${file.ns}: the file has no FieldScreen strings version (was it made by "strings export"?)`
        : `${file.ns}: file version ${shortVersion(file.stringsVersion)}, current ${shortVersion(now)}: ` +
            `${changed} unit(s) with changed English source, ${added} string(s) added, ${removed} removed`,
    );
  }
  if (details.length)
    throw new StringsError(
      'WRONG_VERSION',
      `the file was exported from other English source text (${changedTotal} changed unit(s)); ` +
        'export a new file for the translator',
      details,
    );
}

function checkKeysAndStructure(catalog: Catalog, doc: ReadDocument, lng: TargetLocale): void {
  const unknown: string[] = [];
  const structure: string[] = [];
  const sourceEdited: string[] = [];
  for (const file of doc.files) {
    const source = catalog.source.has(file.ns) ? localeSource(catalog, lng, file.ns) : undefined;
    if (!source) {
      unknown.push(`namespace ${file.ns}`);
      continue;
    }
    if (file.occurrences > 1) structure.push(`<file id="${file.ns}"> appears ${file.occurrences} times`);
    for (const unit of file.units) {
      const where = `${file.ns}:${unit.key}`;
      const text = source.get(unit.key);
      if (text === undefined) unknown.push(where);
      else if (unit.occurrences > 1) structure.push(`${where} appears ${unit.occurrences} times`);
      else if (unit.segments > 1)
        structure.push(`${where} was split into ${unit.segments} segments; join them into one`);
      else if (unit.source !== text) sourceEdited.push(where);
    }
  }
  if (unknown.length)
    throw new StringsError('UNKNOWN_KEYS', `${unknown.length} unit(s) are not FieldScreen strings`, unknown);
  if (structure.length) throw new StringsError('INVALID_UNITS', 'the file structure was changed', structure);
  if (sourceEdited.length)
    throw new StringsError(
      'SOURCE_EDITED',
      `the English <source> of ${sourceEdited.length} unit(s) was edited in the file; only <target> may change`,
      sourceEdited,
    );
}

/** An unreadable locale file must be fixed by hand first: rewriting it would lose what it holds. */
function checkLocaleFilesReadable(catalog: Catalog, doc: ReadDocument, lng: TargetLocale): void {
  const broken = doc.files.flatMap((file) => {
    const loaded = catalog.files.get(lng)?.get(file.ns);
    return loaded?.kind === 'invalid' ? [`${lng}/${file.ns}.json: ${loaded.error}`] : [];
  });
  if (broken.length)
    throw new StringsError('INVALID_LOCALES', 'a locale file cannot be read; fix it first', broken);
}

/**
 * Writes the translations (each namespace file atomically), then the statuses. If the process dies between
 * the two, the new text has no matching review entry and shows as draft or stale: never falsely reviewed.
 */
export function applyImport(catalog: Catalog, plan: ImportPlan): string[] {
  const written = plan.trees.map(({ ns, tree }) => writeNamespaceFile(catalog.dir, plan.lng, ns, tree));
  if (plan.reviewed.length) {
    const entries = { ...catalog.statuses.entries };
    for (const { ns, key, entry } of plan.reviewed) entries[reviewKey(plan.lng, ns, key)] = entry;
    written.push(writeStatuses(catalog.dir, { ...catalog.statuses, entries }));
  }
  return written;
}
