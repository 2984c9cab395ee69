/**
 * Translation workflow over resources/locales: XLIFF 1.2 and 2.0 export for translators, import of the
 * translator's and then the reviewer's work, and the completeness and stale reports. Every function takes
 * the locales folder, so tests use a copy.
 */
import { loadCatalog, localeSource, resolveLocalesDir, type TargetLocale } from './catalog';
import { type StaleString, staleStrings } from './stale';
import { type StringStatus, statusOf } from './status';
import { buildXliff, type ExportResult } from './xliff-export';
import { applyImport, type ImportPlan, type ImportRole, planImport } from './xliff-import';
import { readXliff } from './xliff-read';

export { isTargetLocale, TARGET_LOCALES, type TargetLocale } from './catalog';
export {
  type CompletenessProblem,
  type CompletenessReport,
  checkCompleteness,
  type NamespaceCounts,
  type ProblemKind,
} from './completeness';
export { isStringsError, StringsError, type StringsErrorReason } from './errors';
export type { StaleString } from './stale';
export type { StringStatus } from './status';
export { EXPORT_FORMATS, type ExportFormat, type ExportResult } from './xliff-export';
export type { ImportRole } from './xliff-import';

export interface ExportStringsOptions {
  /** Default: resources/locales of this checkout. */
  dir?: string;
  lng: string;
  format: string;
  namespaces?: string[];
  appVersion: string;
  now?: Date;
}

export function exportStrings(options: ExportStringsOptions): ExportResult {
  const catalog = loadCatalog(resolveLocalesDir(options.dir));
  return buildXliff(catalog, {
    lng: options.lng,
    format: options.format,
    namespaces: options.namespaces,
    appVersion: options.appVersion,
    now: options.now ?? new Date(),
  });
}

export interface ImportStringsOptions {
  dir?: string;
  xml: string;
  role: ImportRole;
  /** Needed when the file does not name its language; a file for another language is refused. */
  expectLanguage?: string;
  now?: Date;
  /** Check everything and report, but write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  lng: ImportPlan['lng'];
  /** Strings recorded under the person's name, and how many of them had new text. */
  recorded: number;
  changed: number;
  untouched: number;
  skipped: ImportPlan['skipped'];
  notices: string[];
  written: string[];
}

/** Validates the whole file first; a refusal throws a StringsError and no file is changed. */
export function importStrings(options: ImportStringsOptions): ImportResult {
  const catalog = loadCatalog(resolveLocalesDir(options.dir));
  const plan = planImport(catalog, readXliff(options.xml), {
    role: options.role,
    now: options.now ?? new Date(),
    expectLanguage: options.expectLanguage,
  });
  const written = options.dryRun ? [] : applyImport(catalog, plan);
  return {
    lng: plan.lng,
    recorded: plan.imported.length,
    changed: plan.imported.filter((s) => s.changed).length,
    untouched: plan.untouched,
    skipped: plan.skipped,
    notices: plan.notices,
    written,
  };
}

export function listStale(options: { dir?: string; lng?: TargetLocale }): StaleString[] {
  return staleStrings(loadCatalog(resolveLocalesDir(options.dir)), options.lng);
}

export interface StringWithStatus {
  lng: TargetLocale;
  ns: string;
  key: string;
  status: StringStatus;
  translatedBy?: string;
  reviewedBy?: string;
}

/** Every string of one language with the given status, with who translated and reviewed it. */
export function listByStatus(options: {
  dir?: string;
  lng: TargetLocale;
  status: StringStatus;
}): StringWithStatus[] {
  const catalog = loadCatalog(resolveLocalesDir(options.dir));
  const out: StringWithStatus[] = [];
  for (const ns of catalog.namespaces)
    for (const key of localeSource(catalog, options.lng, ns).keys()) {
      const { status, entry } = statusOf(catalog, options.lng, ns, key);
      if (status !== options.status) continue;
      out.push({
        lng: options.lng,
        ns,
        key,
        status,
        ...(entry?.translated ? { translatedBy: entry.translated.by } : {}),
        ...(entry?.reviewed ? { reviewedBy: entry.reviewed.by } : {}),
      });
    }
  return out;
}
