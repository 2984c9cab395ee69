import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { localeKeys } from '../../shared/i18n/plurals';
import {
  emptyReviewStatusFile,
  REVIEW_STATUS_FILE,
  type ReviewStatusFile,
  reviewStatusFileSchema,
  SOURCE_LANGUAGE,
} from '../../shared/i18n/review';
import { writeFileAtomic } from '../util/atomic-file';
import { StringsError } from './errors';
import { flattenTree, type JsonTree, parseTree, serializeTree } from './json-tree';

/** The languages translators review; English is the source they translate from. */
export const TARGET_LOCALES = LOCALES.filter((l) => l !== SOURCE_LANGUAGE) as Exclude<Locale, 'en'>[];
export type TargetLocale = (typeof TARGET_LOCALES)[number];

export function isTargetLocale(value: unknown): value is TargetLocale {
  return typeof value === 'string' && (TARGET_LOCALES as readonly string[]).includes(value);
}

export interface NamespaceFile {
  tree: JsonTree;
  /** Key path -> text, in file order. */
  texts: Map<string, string>;
}

export type LoadedFile =
  | ({ kind: 'ok' } & NamespaceFile)
  | { kind: 'missing' }
  | { kind: 'invalid'; error: string };

/** Everything under resources/locales, read once: the English source, each locale's files, the statuses. */
export interface Catalog {
  dir: string;
  /** Namespaces are what English has: resources/locales/en/<ns>.json. */
  namespaces: string[];
  source: Map<string, NamespaceFile>;
  files: Map<TargetLocale, Map<string, LoadedFile>>;
  /** Namespace files a locale has that English does not. */
  extraNamespaces: { lng: TargetLocale; ns: string }[];
  statuses: ReviewStatusFile;
}

/**
 * The locales folder: the one given, else resources/locales found by walking up from this module (the
 * built CLI lives in out/main) and from the working directory.
 */
export function resolveLocalesDir(explicit?: string): string {
  if (explicit) return resolve(explicit);
  const starts = [moduleDir(), process.cwd()].filter((d): d is string => d !== undefined);
  for (const start of starts) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, 'resources', 'locales');
      if (existsSync(join(candidate, SOURCE_LANGUAGE))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new StringsError('INVALID_LOCALES', 'resources/locales was not found; pass --dir');
}

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

export function loadCatalog(dir: string): Catalog {
  const enDir = join(dir, SOURCE_LANGUAGE);
  if (!isDirectory(enDir))
    throw new StringsError('INVALID_LOCALES', `${enDir} is not a folder of English strings`);
  const namespaces = namespacesIn(enDir);
  const source = new Map<string, NamespaceFile>();
  const broken: string[] = [];
  for (const ns of namespaces) {
    const file = loadFile(dir, SOURCE_LANGUAGE, ns);
    if (file.kind === 'ok') source.set(ns, file);
    else broken.push(`en/${ns}.json: ${file.kind === 'invalid' ? file.error : 'missing'}`);
  }
  if (broken.length)
    throw new StringsError('INVALID_LOCALES', 'the English source files cannot be read', broken);

  const files = new Map<TargetLocale, Map<string, LoadedFile>>();
  const extraNamespaces: Catalog['extraNamespaces'] = [];
  for (const lng of TARGET_LOCALES) {
    const byNs = new Map<string, LoadedFile>();
    for (const ns of namespaces) byNs.set(ns, loadFile(dir, lng, ns));
    files.set(lng, byNs);
    const lngDir = join(dir, lng);
    if (isDirectory(lngDir))
      for (const ns of namespacesIn(lngDir)) if (!source.has(ns)) extraNamespaces.push({ lng, ns });
  }
  return { dir, namespaces, source, files, extraNamespaces, statuses: loadStatuses(dir) };
}

function namespacesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function loadFile(dir: string, lng: string, ns: string): LoadedFile {
  const path = namespacePath(dir, lng, ns);
  if (!existsSync(path)) return { kind: 'missing' };
  const parsed = parseTree(readFileSync(path, 'utf8'));
  if ('error' in parsed) return { kind: 'invalid', error: parsed.error };
  return { kind: 'ok', tree: parsed.tree, texts: flattenTree(parsed.tree) };
}

export function namespacePath(dir: string, lng: string, ns: string): string {
  return join(dir, lng, `${ns}.json`);
}

function loadStatuses(dir: string): ReviewStatusFile {
  const path = join(dir, REVIEW_STATUS_FILE);
  if (!existsSync(path)) return emptyReviewStatusFile();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new StringsError('INVALID_LOCALES', `${REVIEW_STATUS_FILE} is not valid JSON`, [
      (err as Error).message,
    ]);
  }
  const parsed = reviewStatusFileSchema.safeParse(data);
  if (!parsed.success)
    throw new StringsError(
      'INVALID_LOCALES',
      `${REVIEW_STATUS_FILE} does not have the expected format`,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return parsed.data;
}

const localeSources = new WeakMap<Catalog, Map<string, Map<string, string>>>();

/**
 * The strings a locale translates in one namespace, each with its English text, in English order. Plural
 * strings have the forms of the locale's own CLDR rules (km has `count_other` only, translated from English
 * `count_other`), so this, not the English key list, is what a locale file must hold.
 */
export function localeSource(catalog: Catalog, lng: TargetLocale, ns: string): ReadonlyMap<string, string> {
  const byLngNs = localeSources.get(catalog) ?? new Map<string, Map<string, string>>();
  localeSources.set(catalog, byLngNs);
  const id = `${lng}/${ns}`;
  let out = byLngNs.get(id);
  if (!out) {
    const english = catalog.source.get(ns)?.texts ?? new Map<string, string>();
    out = new Map([...localeKeys(lng, english)].map(([key, from]) => [key, english.get(from) ?? '']));
    byLngNs.set(id, out);
  }
  return out;
}

/** The text of one string in one locale, or undefined when the file or key is missing. */
export function targetText(catalog: Catalog, lng: TargetLocale, ns: string, key: string): string | undefined {
  const file = catalog.files.get(lng)?.get(ns);
  return file?.kind === 'ok' ? file.texts.get(key) : undefined;
}

export function writeNamespaceFile(dir: string, lng: string, ns: string, tree: JsonTree): string {
  const path = namespacePath(dir, lng, ns);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, serializeTree(tree));
  return path;
}

/** Entries and texts sorted by key, so two imports that touch different strings merge cleanly in git. */
export function writeStatuses(dir: string, statuses: ReviewStatusFile): string {
  const sorted: ReviewStatusFile = {
    version: statuses.version,
    entries: sortedRecord(statuses.entries),
    sourceTexts: sortedRecord(statuses.sourceTexts),
  };
  const path = join(dir, REVIEW_STATUS_FILE);
  writeFileAtomic(path, `${JSON.stringify(sorted, null, 2)}\n`);
  return path;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
