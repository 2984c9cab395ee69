import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '../../../shared/errors';
import {
  type CompletenessReport,
  checkCompleteness,
  exportStrings,
  importStrings,
  isStringsError,
} from '../../strings';
import { writeFileAtomic } from '../../util/atomic-file';
import { APP_VERSION } from '../../version';
import type { CliCommand, CliIo } from '../types';

const USAGE = [
  'strings export --lang <th|my|km|lo|vi> --out FILE [--ns common,instrument] [--dir LOCALES]',
  'strings import FILE --reviewer NAME [--lang LNG] [--dry-run] [--dir LOCALES]',
  'strings report [--lang LNG] [--all] [--dir LOCALES]',
];
/** A translator's file is text; anything this big is a mistake, not a translation. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
const MAX_LISTED = 25;

/** `npm run cli -- strings export|import|report`: the translation review workflow (issue 7). */
export const stringsCommands: CliCommand[] = [
  {
    name: 'strings',
    summary: 'export strings to XLIFF for translators, import their review, report completeness',
    usage: 'strings export|import|report …',
    run: async (args, io) => {
      const [sub, ...rest] = args;
      try {
        if (sub === 'export') return await runExport(rest, io);
        if (sub === 'import') return await runImport(rest, io);
        if (sub === 'report') return runReport(rest, io);
        return usage(io, sub ? `unknown strings command "${sub}"` : 'missing strings command');
      } catch (err) {
        return printError(io, err);
      }
    },
  },
];

async function runExport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['lang', 'out', 'ns', 'dir'], []);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options, positional } = parsed;
  const lng = options.get('lang');
  const out = options.get('out');
  if (!lng || !out || positional.length) return usage(io, 'export needs --lang and --out');
  const result = await exportStrings({
    dir: dirOption(options, io),
    lng,
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
    `wrote ${path}: ${result.units} strings for ${result.lng} ` +
      `(draft ${s.draft}, reviewed ${s.reviewed}, stale ${s.stale}, missing ${s.missing})`,
  );
  io.stdout(
    'give it to a qualified translator; import their file with: npm run cli -- strings import FILE --reviewer NAME',
  );
  return 0;
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['reviewer', 'lang', 'dir'], ['dry-run']);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options, positional } = parsed;
  const [file, ...extra] = positional;
  const reviewer = options.get('reviewer');
  if (!file || extra.length || reviewer === undefined) return usage(io, 'import needs FILE and --reviewer');
  const path = userPath(file, io);
  const xml = readInput(path, io);
  if (xml === undefined) return 1;
  const dryRun = options.has('dry-run');
  const result = await importStrings({
    dir: dirOption(options, io),
    xml,
    reviewer,
    expectLanguage: options.get('lang'),
    dryRun,
  });
  io.stdout(
    `${dryRun ? 'dry run, nothing written: ' : ''}${result.lng}: ${result.changed} translation(s) changed, ` +
      `${result.reviewed} marked reviewed by ${reviewer.trim()}, ${result.untouched} left as they were`,
  );
  for (const written of result.written) io.stdout(`  updated ${written}`);
  return 0;
}

function runReport(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, ['lang', 'dir'], ['all']);
  if ('error' in parsed) return usage(io, parsed.error);
  const { options } = parsed;
  const report = checkCompleteness(dirOption(options, io));
  printReport(report, io, options.get('lang'), options.has('all'));
  return report.problems.length ? 1 : 0;
}

function printReport(report: CompletenessReport, io: CliIo, lng: string | undefined, all: boolean): void {
  const source = report.sourceCounts.map((c) => `${c.ns} ${c.total}`).join(', ');
  io.stdout(`strings version ${report.stringsVersion.slice(0, 12)} — English source: ${source}`);
  const header = [
    'lng',
    'namespace',
    'strings',
    'draft',
    'reviewed',
    'stale',
    'missing',
    'placeholder',
    'orphan',
  ];
  const rows = report.counts
    .filter((c) => !lng || c.lng === lng)
    .map((c) =>
      [c.lng, c.ns, c.total, c.draft, c.reviewed, c.stale, c.missing, c.placeholder, c.orphan].map(String),
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
      io.stderr(
        `error: ${path} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; it is not a strings file`,
      );
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
