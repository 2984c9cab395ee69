/**
 * Structured, minimal logging. Invariant: callers pass event names and counts or codes only —
 * never answers, names, passphrases, keys or file contents. Field values are restricted to
 * short strings/numbers/booleans so a stray object cannot dump a record into a log.
 */
type Field = string | number | boolean | null;
type Sink = (line: string) => void;

let sink: Sink = (line) => process.stderr.write(`${line}\n`);
let quiet = false;

function write(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, Field> = {}) {
  if (quiet && level === 'info') return;
  const safe: Record<string, Field> = {};
  for (const [k, v] of Object.entries(fields)) {
    safe[k] = typeof v === 'string' ? v.slice(0, 80) : v;
  }
  sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...safe }));
}

export const log = {
  info: (event: string, fields?: Record<string, Field>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, Field>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, Field>) => write('error', event, fields),
  setSink(next: Sink) {
    sink = next;
  },
  setQuiet(value: boolean) {
    quiet = value;
  },
};
