import { arch, platform, release } from 'node:os';
import type { CaseStatus } from '../../shared/domain/cases';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { type StoreSummary, storeSummary } from '../store/store-summary';
import { safeLogValue } from '../util/log';
import { readLogTail } from '../util/log-file';
import type { AppContext } from './context';

/**
 * "Copy diagnostic report": what an agency's IT person needs to help with a problem, and nothing
 * about the people in the records. Versions, platform, schema version, how many cases (counts only),
 * and the last log lines with every quoted string stripped except the event name, level and time.
 * No names, answers, places, ids, usernames, paths or keys.
 */
export interface DiagnosticReport {
  generatedAt: string;
  app: { name: 'FieldScreen'; version: string; runtime: string };
  platform: { os: string; arch: string; release: string };
  versions: { node: string; electron: string | null; chrome: string | null; napi: string | null };
  store: {
    initialised: boolean;
    /** Null while locked: the schema and the counts need the key. */
    schemaVersion: number | null;
    appSchemaVersion: number;
    cases: { total: number; byStatus: Record<CaseStatus, number> } | null;
  };
  log: string[];
}

export const DIAGNOSTIC_LOG_LINES = 50;

/** One log line with its quoted strings stripped; time, level and event name (codes) are kept. */
export function redactLogLine(line: string): string {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parsed)) {
        if (typeof v === 'string') {
          const keep =
            (k === 't' && /^[0-9T:.Z-]{1,30}$/.test(v)) ||
            ((k === 'level' || k === 'event') && safeLogValue(v) === v);
          out[k] = keep ? v : '';
        } else if (typeof v === 'number' || typeof v === 'boolean' || v === null) {
          out[k] = v;
        } else {
          out[k] = '';
        }
      }
      return JSON.stringify(out);
    }
  } catch {
    // not JSON: strip quoted parts below
  }
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').slice(0, 500);
}

export function buildDiagnosticReport(
  ctx: AppContext,
  options: { logDir?: string; now?: Date; electronVersion?: string | null } = {},
): DiagnosticReport {
  const session = ctx.sessions.current();
  let summary: StoreSummary | null = null;
  if (session) {
    try {
      summary = storeSummary(session);
    } catch {
      // A store error: the report still goes out, without the schema and counts.
      summary = null;
    }
  }
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    app: { name: 'FieldScreen', version: ctx.appVersion, runtime: ctx.runtime },
    platform: { os: platform(), arch: arch(), release: release() },
    versions: {
      node: process.versions.node,
      electron: options.electronVersion ?? ctx.electronVersion,
      chrome: process.versions.chrome ?? null,
      napi: process.versions.napi ?? null,
    },
    store: {
      initialised: ctx.sessions.isInitialised(),
      schemaVersion: summary?.schemaVersion ?? null,
      appSchemaVersion: LATEST_SCHEMA_VERSION,
      cases: summary?.cases ?? null,
    },
    log: options.logDir ? readLogTail(options.logDir, DIAGNOSTIC_LOG_LINES).map(redactLogLine) : [],
  };
}

/** The report as plain text for the clipboard (English on purpose: it is read by IT support). */
export function formatDiagnosticReport(r: DiagnosticReport): string {
  const statusCounts = r.store.cases
    ? Object.entries(r.store.cases.byStatus)
        .map(([s, n]) => `${s}=${n}`)
        .join(', ')
    : 'locked';
  return [
    'FieldScreen diagnostic report',
    `generated: ${r.generatedAt}`,
    `app: ${r.app.version} (${r.app.runtime})`,
    `platform: ${r.platform.os} ${r.platform.arch} ${r.platform.release}`,
    `node: ${r.versions.node}  electron: ${r.versions.electron ?? '-'}  chrome: ${r.versions.chrome ?? '-'}  napi: ${r.versions.napi ?? '-'}`,
    `store: ${r.store.initialised ? 'initialised' : 'not initialised'}, schema ${r.store.schemaVersion ?? '?'} (app ${r.store.appSchemaVersion})`,
    `cases: ${r.store.cases ? r.store.cases.total : '-'} (${statusCounts})`,
    `last ${r.log.length} log lines:`,
    ...r.log,
    '',
  ].join('\n');
}

/**
 * The report as text for "Copy diagnostic report". The renderer may not write the clipboard
 * (permissions are denied), so the shell copies it where it can (Electron); `copied` says whether it did.
 */
export function copyDiagnosticReport(ctx: AppContext): { text: string; copied: boolean } {
  const text = formatDiagnosticReport(
    buildDiagnosticReport(ctx, { logDir: ctx.logDir, electronVersion: ctx.electronVersion }),
  );
  return { text, copied: ctx.copyText?.(text) ?? false };
}
