/**
 * Structured, minimal logging. Invariant: callers pass event names and counts or codes only —
 * never answers, names, passphrases, keys or file contents. Field values are restricted to
 * short strings/numbers/booleans so a stray object cannot dump a record into a log.
 *
 * Defence in depth for that invariant: a string value is kept only when it looks like a code (ASCII
 * letters, digits and . _ : / - , no spaces, at most 64 characters) and not like key material (long
 * hex or base64 runs, recovery-key groups); anything else is written as "[redacted]". Names, free
 * text and passphrases therefore never reach a log even if a caller makes a mistake.
 */
type Field = string | number | boolean | null;
export type LogSink = (line: string) => void;

const CODE_LIKE = /^[A-Za-z0-9._:/-]{1,64}$/;
const KEY_LIKE = /[0-9a-fA-F]{24,}|[A-Za-z0-9+/]{32,}|([0-9a-fA-F]{4}-){3,}/;
const EVENT_NAME = /^[a-z0-9_.]{1,64}$/;
const FIELD_NAME = /^[A-Za-z0-9_]{1,40}$/;
export const REDACTED = '[redacted]';

const stderrSink: LogSink = (line) => process.stderr.write(`${line}\n`);
let sink: LogSink = stderrSink;
let quiet = false;

/** A string field as it may appear in a log: a code, or "[redacted]". */
export function safeLogValue(value: string): string {
  return CODE_LIKE.test(value) && !KEY_LIKE.test(value) ? value : REDACTED;
}

function write(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, Field> = {}) {
  if (quiet && level === 'info') return;
  const safe: Record<string, Field> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (!FIELD_NAME.test(k) || k === 't' || k === 'level' || k === 'event') continue;
    if (typeof v === 'string') safe[k] = safeLogValue(v);
    else if (typeof v === 'number') safe[k] = Number.isFinite(v) ? v : null;
    else if (typeof v === 'boolean' || v === null) safe[k] = v;
  }
  const name = EVENT_NAME.test(event) ? event : 'invalid_event_name';
  try {
    sink(JSON.stringify({ t: new Date().toISOString(), level, event: name, ...safe }));
  } catch {
    // Logging must never take the app down (a full disk, a closed stream).
  }
}

export const log = {
  info: (event: string, fields?: Record<string, Field>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, Field>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, Field>) => write('error', event, fields),
  /** Replaces where lines go; returns the previous sink so it can be put back. */
  setSink(next: LogSink): LogSink {
    const previous = sink;
    sink = next;
    return previous;
  },
  /** Back to standard error (the default). */
  resetSink() {
    sink = stderrSink;
  },
  setQuiet(value: boolean) {
    quiet = value;
  },
};
