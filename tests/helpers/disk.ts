import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh temporary folder. Made in a test or a beforeEach, it is removed when that test finishes.
 * Made in a beforeAll (vitest offers no per-test hook there), the caller removes it in its afterAll,
 * usually through the fixture's close() or remove(). Nothing is registered by importing this module.
 */
export function tempDir(prefix = 'fieldscreen-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Not inside a test: the caller owns the folder.
  }
  return dir;
}

/** All regular files under dir (recursively), e.g. to scan what the app wrote. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Which of the markers occur in the file's raw bytes (UTF-8 and UTF-16LE). */
export function markersIn(file: string, markers: string[]): string[] {
  const bytes = readFileSync(file);
  return markers.filter(
    (m) => bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le')),
  );
}
