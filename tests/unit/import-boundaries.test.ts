import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return specs;
}

describe('who may import what', () => {
  it('only the thin shell under src/main/shell imports electron', () => {
    const offenders = sourceFiles(join(root, 'src/main'))
      .filter((f) => !relative(root, f).startsWith(join('src', 'main', 'shell')))
      .filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('nothing under src/shared imports electron or node:* (it runs in the renderer too)', () => {
    const builtins = new Set([
      'fs',
      'path',
      'os',
      'crypto',
      'child_process',
      'http',
      'net',
      'url',
      'util',
      'stream',
    ]);
    const offenders = sourceFiles(join(root, 'src/shared'))
      .filter((f) =>
        importsOf(f).some(
          (s) => s === 'electron' || s.startsWith('node:') || builtins.has(s) || s.startsWith('electron/'),
        ),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('the renderer never imports main-process code, electron or node builtins', () => {
    const offenders = sourceFiles(join(root, 'src/renderer'))
      .filter((f) =>
        importsOf(f).some((s) => s === 'electron' || s.startsWith('node:') || s.includes('/main/')),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('detects a forbidden import when one is present (the scanner itself works)', () => {
    const sample = join(root, 'src/main/shell/main.ts');
    expect(importsOf(sample)).toContain('electron');
  });
});
