import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What the app ships as runtime dependencies: only what it uses, and no copy of crypto-js 3 (weak
 * PBKDF2 defaults, unmaintained) that @signpdf/placeholder-plain used to pull in through a pdfkit 0.10
 * peer it never loads.
 */

const root = join(__dirname, '..', '..');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const pkg = readJson<{
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, unknown>;
}>('package.json');
const lock = readJson<{
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
}>('package-lock.json');

/** Every installed copy of a package in the lockfile: its path and version. */
const lockedCopies = (name: string) =>
  Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, entry]) => ({ path, version: entry.version ?? '' }));

/** The text of every source file under src/ and scripts/. */
function sources(dir = root, under = ['src', 'scripts']): string[] {
  return under.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, readdirSync(path));
    return /\.(ts|tsx|mts|mjs|cjs|js)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'fs-deps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runtime dependencies', () => {
  it('every one is imported by the app (src/ or scripts/): nothing unused is packaged', () => {
    const texts = sources();
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const use = new RegExp(`(from |require\\(|import\\()'${quoted}(/[^']*)?'`);
      return !texts.some((text) => use.test(text));
    });
    expect(unused).toEqual([]);
  });

  it('rabbit-node (an unused Zawgyi converter) is not declared, locked or installed', () => {
    expect(pkg.dependencies).not.toHaveProperty('rabbit-node');
    expect(pkg.devDependencies).not.toHaveProperty('rabbit-node');
    expect(lockedCopies('rabbit-node')).toEqual([]);
    expect(existsSync(join(root, 'node_modules/rabbit-node'))).toBe(false);
  });

  it('no crypto-js and no second pdfkit: the pdfkit 0.10 peer of placeholder-pdfkit010 is ours', () => {
    expect(pkg.overrides).toEqual({ '@signpdf/placeholder-pdfkit010': { pdfkit: '$pdfkit' } });
    expect(lockedCopies('crypto-js')).toEqual([]);
    expect(lockedCopies('pdfkit')).toEqual([
      { path: 'node_modules/pdfkit', version: pkg.dependencies.pdfkit?.slice(1) },
    ]);
    expect(existsSync(join(root, 'node_modules/crypto-js'))).toBe(false);
    expect(existsSync(join(root, 'node_modules/@signpdf/placeholder-plain/node_modules/pdfkit'))).toBe(false);
    // Nothing else in the tree asks for crypto-js.
    const askers = Object.entries(lock.packages).filter(([, e]) => e.dependencies?.['crypto-js']);
    expect(askers.map(([path]) => path)).toEqual([]);
  });

  it('placing a signature field loads neither pdfkit nor crypto-js (so the override changes nothing)', async () => {
    // A real PDF from our pdfkit, made here in the test process.
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.text('placeholder test');
    doc.end();
    await done;
    const input = join(tmp, 'in.pdf');
    writeFileSync(input, Buffer.concat(chunks));
    // A fresh Node process requires @signpdf/placeholder-plain as the built main bundle does (main
    // keeps node_modules external), adds the placeholder, and lists every module it loaded.
    const script = `
      const { readFileSync } = require('node:fs');
      const { plainAddPlaceholder } = require('@signpdf/placeholder-plain');
      const out = plainAddPlaceholder({ pdfBuffer: readFileSync(process.argv[1]), reason: 'r',
        contactInfo: 'c', name: 'n', location: 'l', signatureLength: 8192 });
      process.stdout.write(JSON.stringify({ grew: out.length > readFileSync(process.argv[1]).length,
        hasContents: out.includes('/Contents <'), loaded: Object.keys(require.cache) }));
    `;
    const run = spawnSync(process.execPath, ['-e', script, input], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { grew: boolean; hasContents: boolean; loaded: string[] };
    expect(result.grew).toBe(true);
    expect(result.hasContents).toBe(true);
    // It did load the placeholder code (the check sees what it should).
    expect(result.loaded.some((p) => p.includes('placeholder-pdfkit010'))).toBe(true);
    expect(result.loaded.filter((p) => /node_modules[\\/](pdfkit|crypto-js)[\\/]/.test(p))).toEqual([]);
  });
});
