import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '../../../shared/errors';
import {
  type CompletenessReport,
  checkCompleteness,
  EXPORT_FORMATS,
  exportStrings,
  type ImportRole,
  importStrings,
  isStringsError,
  isTargetLocale,
  listByStatus,
  listStale,
  type StaleString,
  type StringStatus,
} from '../../strings';
import { writeFileAtomic } from '../../util/atomic-file';
import { APP_VERSION } from '../../version';
import { mebibytes } from '../bounded-file';
import type { CliCommand, CliIo } from '../types';

const USAGE = [
  'strings export --lang <th|my|km|lo|vi> --format <xliff12|xliff20> --out FILE [--ns common,instrument] [--dir LOCALES]',
  'strings import FILE (--translator NAME | --reviewer NAME [--both]) [--lang LNG] [--dry-run] [--dir LOCALES]',
  'strings report [--lang LNG] [--all] [--stale] [--list draft|translated|reviewed|stale|missing] [--dir LOCALES]',
];
const STATUSES: readonly StringStatus[] = ['draft', 'translated', 'reviewed', 'stale', 'missing'];
/** A translator's file is text; anything this big is a mistake, not a translation. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
const MAX_LISTED = 25;

/** `npm run cli -- strings export|import|report`: the translation review workflow (issue 7). */
export const stringsCommands: CliCommand[] = [
  {
    name: 'strings',
    summary: 'export strings to XLIFF for translators, import their translation and review, report status',
    usage: 'strings export|import|report …',
    run: async (args, io) => {
      const [sub, ...rest] = args;
      try {
        if (sub === 'export') return runExport(rest, io);
        if (sub === 'import') return runImport(rest, io);
        if (sub === 'report') return runReport(rest, io);
        return usage(io, sub ? `unknown strings command "${sub}"` : 'missing strings command');
      } catch (err) {
        return printError(io, err);
      }
    },
  },
];

function runExport(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, ['lang', 'out', 'ns', 'dir', 'format'], []);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options, positional } = parsed;
  const lng = options.get('lang');
  const out = options.get('out');
  const format = options.get('format');
  if (!lng || !out || !format || positional.length)
    return usage(io, `export needs --lang, --format (${EXPORT_FORMATS.join(' or ')}) and --out`);
  const result = exportStrings({
    dir: dirOption(options, io),
    lng,
    format,
    namespaces: options
      .get('ns')
      ?.split(',')
      .map((s) => s.trim()),
    appVersion: APP_VERSION,
  });
  const path = userPath(out, io);
  writeFileAtomic(path, result.xml);
  const s = result.byStatus;
  io.stdout(
    `wrote ${path}: ${result.units} strings for ${result.lng} as ${result.format} ` +
      `(draft ${s.draft}, translated ${s.translated}, reviewed ${s.reviewed}, stale ${s.stale}, missing ${s.missing})`,
  );
  io.stdout('import the translated file with: npm run cli -- strings import FILE --translator NAME');
  io.stdout(
    'then a second qualified person reviews a new export: npm run cli -- strings import FILE --reviewer NAME',
  );
  return 0;
}

function runImport(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, ['translator', 'reviewer', 'lang', 'dir'], ['dry-run', 'both']);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options, positional } = parsed;
  const [file, ...extra] = positional;
  const role = roleOption(options);
  if (!file || extra.length) return usage(io, 'import needs FILE');
  if (typeof role === 'string') return usage(io, role);
  const path = userPath(file, io);
  const xml = readInput(path, io);
  if (xml === undefined) return 1;
  const dryRun = options.has('dry-run');
  const result = importStrings({
    dir: dirOption(options, io),
    xml,
    role,
    expectLanguage: options.get('lang'),
    dryRun,
  });
  for (const notice of result.notices) io.stdout(`note: ${notice}`);
  const recorded = role.kind === 'translator' ? 'recorded as translated' : 'recorded as reviewed';
  io.stdout(
    `${dryRun ? 'dry run, nothing written: ' : ''}${result.lng}: ${result.recorded} string(s) ${recorded} by ` +
      `${role.name.trim()} (${result.changed} with new text), ${result.untouched} left as they were`,
  );
  if (result.skipped.length) {
    io.stdout(`${result.skipped.length} string(s) NOT imported:`);
    for (const s of result.skipped.slice(0, MAX_LISTED))
      io.stdout(`  ${result.lng}/${s.ns}:${s.key} — ${s.reason}`);
    if (result.skipped.length > MAX_LISTED) io.stdout(`  … and ${result.skipped.length - MAX_LISTED} more`);
  }
  for (const written of result.written) io.stdout(`  updated ${written}`);
  return 0;
}

/** --translator NAME, or --reviewer NAME with an optional --both; a message when the options do not fit. */
function roleOption(options: Map<string, string>): ImportRole | string {
  const translator = options.get('translator');
  const reviewer = options.get('reviewer');
  if ((translator === undefined) === (reviewer === undefined))
    return 'import needs either --translator NAME or --reviewer NAME (the two steps are separate imports)';
  if (translator !== undefined)
    return options.has('both') ? '--both goes with --reviewer' : { kind: 'translator', name: translator };
  return { kind: 'reviewer', name: reviewer ?? '', both: options.has('both') };
}

function runReport(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, ['lang', 'dir', 'list'], ['all', 'stale']);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options } = parsed;
  const lng = options.get('lang');
  if (lng !== undefined && !isTargetLocale(lng))
    return usage(io, `"${lng}" is not a language translators work on`);
  const list = options.get('list');
  if (list !== undefined && !(STATUSES as readonly string[]).includes(list))
    return usage(io, `--list takes one of ${STATUSES.join(', ')}`);
  const dir = dirOption(options, io);
  const report = checkCompleteness(dir);
  printReport(report, io, lng, options.has('all'));
  if (options.has('stale')) printStale(listStale({ dir, lng }), io);
  if (list !== undefined) {
    const languages = lng ? [lng] : report.counts.map((c) => c.lng).filter((l, i, a) => a.indexOf(l) === i);
    for (const l of languages) {
      const rows = listByStatus({ dir, lng: l, status: list as StringStatus });
      io.stdout(`${l}: ${rows.length} ${list} string(s)`);
      for (const r of rows)
        io.stdout(
          `  ${r.ns}:${r.key}${r.translatedBy ? ` — translated by ${r.translatedBy}` : ''}` +
            `${r.reviewedBy ? `, reviewed by ${r.reviewedBy}` : ''}`,
        );
    }
  }
  return report.problems.length ? 1 : 0;
}

/** Each stale string with the English the translator or reviewer approved and the English now. */
function printStale(stale: StaleString[], io: CliIo): void {
  io.stdout(stale.length ? `${stale.length} stale string(s):` : 'no stale strings');
  for (const s of stale) {
    io.stdout(`  ${s.lng}/${s.ns}:${s.key} — ${s.step} by ${s.by} on ${s.at.slice(0, 10)}`);
    if (s.onlyTranslationChanged) {
      io.stdout('    English unchanged; the translation was edited after that');
      continue;
    }
    io.stdout(
      `    English then: ${s.englishThen === undefined ? '(not recorded)' : JSON.stringify(s.englishThen)}`,
    );
    io.stdout(`    English now:  ${JSON.stringify(s.englishNow)}`);
  }
}

function printReport(report: CompletenessReport, io: CliIo, lng: string | undefined, all: boolean): void {
  const source = report.sourceCounts.map((c) => `${c.ns} ${c.total}`).join(', ');
  io.stdout(`strings version ${report.stringsVersion.slice(0, 12)} — English source: ${source}`);
  const header = [
    'lng',
    'namespace',
    'strings',
    'draft',
    'translated',
    'reviewed',
    'stale',
    'missing',
    'placeholder',
    'orphan',
  ];
  const rows = report.counts
    .filter((c) => !lng || c.lng === lng)
    .map((c) =>
      [
        c.lng,
        c.ns,
        c.total,
        c.draft,
        c.translated,
        c.reviewed,
        c.stale,
        c.missing,
        c.placeholder,
        c.orphan,
      ].map(String),
    );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  io.stdout(line(header));
  for (const row of rows) io.stdout(line(row));

  const problems = report.problems.filter((p) => !lng || p.lng === lng || p.lng === 'en');
  if (report.unusedReviewEntries.length)
    io.stdout(
      `note: ${report.unusedReviewEntries.length} review entries refer to strings that no longer exist`,
    );
  if (!problems.length) {
    io.stdout('no missing keys, placeholder mismatches or orphan keys');
    return;
  }
  io.stdout(`${problems.length} problem(s):`);
  const shown = all ? problems : problems.slice(0, MAX_LISTED);
  for (const p of shown)
    io.stdout(`  ${p.kind.padEnd(11)} ${p.lng}/${p.ns}${p.key ? `:${p.key}` : ''} — ${p.detail}`);
  if (shown.length < problems.length)
    io.stdout(`  … and ${problems.length - shown.length} more (--all lists them)`);
}

function printError(io: CliIo, err: unknown): number {
  if (isStringsError(err)) {
    io.stderr(`error: ${err.summary}`);
    for (const detail of err.details.slice(0, MAX_LISTED)) io.stderr(`  - ${detail}`);
    if (err.details.length > MAX_LISTED) io.stderr(`  … and ${err.details.length - MAX_LISTED} more`);
    io.stderr('nothing was changed');
    return err.reason === 'USAGE' ? 2 : 1;
  }
  if (isAppError(err)) {
    io.stderr(`error: ${err.code}`);
    return 1;
  }
  throw err;
}

function readInput(path: string, io: CliIo): string | undefined {
  try {
    if (statSync(path).size > MAX_IMPORT_BYTES) {
      io.stderr(`error: ${path} is larger than ${mebibytes(MAX_IMPORT_BYTES)}; it is not a strings file`);
      return undefined;
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    io.stderr(`error: cannot read ${path} (${(err as { code?: string }).code ?? 'IO_ERROR'})`);
    return undefined;
  }
}

/** Paths are relative to where `npm run` was typed (npm itself runs scripts in the project folder). */
function userPath(path: string, io: CliIo): string {
  return resolve(io.env.INIT_CWD ?? process.cwd(), path);
}

function dirOption(options: Map<string, string>, io: CliIo): string | undefined {
  const dir = options.get('dir');
  return dir === undefined ? undefined : userPath(dir, io);
}

function usage(io: CliIo, problem: string): number {
  io.stderr(`error: ${problem}`);
  for (const u of USAGE) io.stderr(`usage: npm run cli -- ${u}`);
  return 2;
}

type Parsed = { positional: string[]; options: Map<string, string> } | { error: string };

/** `--name value`, `--name=value` and boolean `--flag`; anything else is positional. */
function parseArgs(args: string[], valued: string[], booleans: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (booleans.includes(name) && eq < 0) options.set(name, 'true');
    else if (valued.includes(name)) {
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { error: `--${name} needs a value` };
      options.set(name, value);
    } else return { error: `unknown option ${arg}` };
  }
  return { positional, options };
}
