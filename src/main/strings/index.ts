/**
 * Translation workflow over resources/locales: XLIFF 2.0 export for translators, import of their reviewed
 * work, and the completeness report. Every function takes the locales folder, so tests use a copy.
 */
import { loadCatalog, resolveLocalesDir } from './catalog';
import { buildXliff, type ExportResult } from './xliff-export';
import { applyImport, type ImportPlan, planImport } from './xliff-import';
import { readXliff } from './xliff-read';

export {
  type CompletenessProblem,
  type CompletenessReport,
  checkCompleteness,
  type NamespaceCounts,
  type ProblemKind,
} from './completeness';
export { isStringsError, StringsError, type StringsErrorReason } from './errors';
export type { ExportResult } from './xliff-export';

export interface ExportStringsOptions {
  /** Default: resources/locales of this checkout. */
  dir?: string;
  lng: string;
  namespaces?: string[];
  appVersion: string;
  now?: Date;
}

export async function exportStrings(options: ExportStringsOptions): Promise<ExportResult> {
  const catalog = loadCatalog(resolveLocalesDir(options.dir));
  return buildXliff(catalog, {
    lng: options.lng,
    namespaces: options.namespaces,
    appVersion: options.appVersion,
    now: options.now ?? new Date(),
  });
}

export interface ImportStringsOptions {
  dir?: string;
  xml: string;
  reviewer: string;
  /** Refuse a file for another language. */
  expectLanguage?: string;
  now?: Date;
  /** Check everything and report, but write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  lng: ImportPlan['lng'];
  changed: number;
  reviewed: number;
  untouched: number;
  written: string[];
}

/** Validates the whole file first; on any problem it throws a StringsError and no file is changed. */
export async function importStrings(options: ImportStringsOptions): Promise<ImportResult> {
  const catalog = loadCatalog(resolveLocalesDir(options.dir));
  const doc = await readXliff(options.xml);
  const plan = planImport(catalog, doc, {
    reviewer: options.reviewer,
    now: options.now ?? new Date(),
    expectLanguage: options.expectLanguage,
  });
  const written = options.dryRun ? [] : applyImport(catalog, plan);
  return {
    lng: plan.lng,
    changed: plan.changes.length,
    reviewed: plan.reviewed.length,
    untouched: plan.untouched,
    written,
  };
}
