import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { type LogSink, log } from './log';

/**
 * Rotating log files under `<userData>/logs`: `fieldscreen.log` plus older `fieldscreen.1.log`,
 * `fieldscreen.2.log`, … — by default at most 3 files of 1 MB each, so logs can never fill the disk.
 * Lines come from util/log.ts, which only lets event names, codes and counts through; the folder and
 * files are readable by the user only. Each line is appended synchronously, so a crash loses at most
 * the line being written and never leaves a half-rotated set.
 *
 * The shell wires it once at start: `installFileLog(join(app.getPath('userData'), 'logs'))`.
 */
export interface FileLogOptions {
  /** Size at which the current file is rotated (bytes). Default 1 MB. */
  maxBytes?: number;
  /** Files kept, the current one included. Default 3. */
  files?: number;
  /** Also hand each line to this sink (e.g. standard error while developing). */
  tee?: LogSink;
}

export interface FileLog {
  dir: string;
  /** Paths of the log files that exist, oldest first. */
  files(): string[];
  /** Stops writing to files; the previous sink is restored. */
  close(): void;
}

export const LOG_FILE_BASE = 'fieldscreen';
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_FILES = 3;

/** `fieldscreen.log` for index 0, `fieldscreen.<n>.log` for older ones. */
export function logFileName(index: number): string {
  return index === 0 ? `${LOG_FILE_BASE}.log` : `${LOG_FILE_BASE}.${index}.log`;
}

/** The log files in `dir`, oldest first (so their lines read in order). */
export function logFiles(dir: string, keep = DEFAULT_LOG_FILES): string[] {
  const out: string[] = [];
  for (let i = keep - 1; i >= 0; i--) {
    const p = join(dir, logFileName(i));
    if (existsSync(p)) out.push(p);
  }
  return out;
}

/** A sink that appends to `dir`/fieldscreen.log and rotates by size. Pure file I/O, no global state. */
export function rotatingFileSink(
  dir: string,
  options: Pick<FileLogOptions, 'maxBytes' | 'files'> = {},
): LogSink {
  const maxBytes = Math.max(256, options.maxBytes ?? DEFAULT_LOG_MAX_BYTES);
  const keep = Math.max(1, options.files ?? DEFAULT_LOG_FILES);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, 0o700);
  const current = join(dir, logFileName(0));
  let size = existsSync(current) ? statSync(current).size : 0;

  const rotate = () => {
    rmSync(join(dir, logFileName(keep - 1)), { force: true });
    for (let i = keep - 2; i >= 0; i--) {
      const from = join(dir, logFileName(i));
      if (existsSync(from)) renameSync(from, join(dir, logFileName(i + 1)));
    }
    size = 0;
  };

  return (line) => {
    // A line longer than a whole file is cut: a log file never grows past maxBytes.
    let text = `${line}\n`;
    if (Buffer.byteLength(text) > maxBytes) text = `${line.slice(0, Math.floor(maxBytes / 4) - 1)}\n`;
    const bytes = Buffer.byteLength(text);
    try {
      if (size > 0 && size + bytes > maxBytes) {
        if (keep > 1) rotate();
        else {
          rmSync(current, { force: true });
          size = 0;
        }
      }
      appendFileSync(current, text, { mode: 0o600 });
      size += bytes;
    } catch {
      // No disk space or the folder went away: logging is best effort and must not break the app.
    }
  };
}

/** Sends every log line to rotating files in `dir` (created 0700); returns a handle to close it. */
export function installFileLog(dir: string, options: FileLogOptions = {}): FileLog {
  const fileSink = rotatingFileSink(dir, options);
  const tee = options.tee;
  const previous = log.setSink(
    tee
      ? (line) => {
          fileSink(line);
          tee(line);
        }
      : fileSink,
  );
  const keep = Math.max(1, options.files ?? DEFAULT_LOG_FILES);
  return {
    dir,
    files: () => logFiles(dir, keep),
    close: () => {
      log.setSink(previous);
    },
  };
}

/** The last `count` lines across the log files, oldest first. */
export function readLogTail(dir: string, count: number, keep = DEFAULT_LOG_FILES): string[] {
  const lines: string[] = [];
  for (const file of logFiles(dir, keep)) {
    try {
      lines.push(...readFileSync(file, 'utf8').split('\n').filter(Boolean));
    } catch {
      // rotated away while reading
    }
  }
  return lines.slice(-count);
}

function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Windows and some filesystems ignore POSIX modes; the folder is in the user's profile there.
  }
}
