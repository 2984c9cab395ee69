import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Where code runs is checked by the compiler: src/{shared,renderer,preload,main,main/shell} are separate
 * TypeScript projects (`npm run typecheck` checks each) whose libs, types and `paths` leave out what that
 * runtime must not use. These tests compile small probe files under each project's settings to prove the
 * settings really refuse it. What the compiler cannot see (a renderer importing a pure module of main, a
 * migration calling live code) is checked on the import statements below.
 */

const root = join(__dirname, '..', '..');
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const probes = join(root, '.tmp', `runtime-probes-${process.pid}`);
afterAll(() => rmSync(probes, { recursive: true, force: true }));

/** Compiles each probe under the project's settings; returns the files (probe names) with errors. */
let probeRuns = 0;
function filesWithErrors(project: string, files: Record<string, string>): Set<string> {
  const dir = join(probes, `${project.replaceAll('/', '-')}-${++probeRuns}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.ts`), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, project, 'tsconfig.json'),
      include: [join(dir, '*.ts'), ...extraIncludes(project)],
      exclude: [],
    }),
  );
  const result = spawnSync(tsc, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
    encoding: 'utf8',
  });
  const failed = new Set<string>();
  for (const m of result.stdout.matchAll(/^(.*?)\.ts\(\d+,\d+\): error/gm)) {
    const file = m[1] ?? '';
    if (file.includes('runtime-probes-')) failed.add(file.split('/').pop() ?? '');
    else throw new Error(`a probe broke a project file: ${m[0]}`);
  }
  return failed;
}

/** The ambient declarations each project relies on (its include is replaced by the probes). */
function extraIncludes(project: string): string[] {
  if (project === 'src/shared' || project === 'src/preload') return [join(root, 'src/shared/globals.d.ts')];
  if (project === 'src/renderer') {
    return [join(root, 'src/renderer/env.d.ts'), join(root, 'src/types/i18n-keys.d.ts')];
  }
  if (project.startsWith('src/main'))
    return [join(root, 'src/types/*.d.ts'), join(root, 'src/main/**/*.d.ts')];
  return [];
}

describe('the compiler checks the UI text keys', () => {
  const translated = (body: string) =>
    `import { useTranslation } from 'react-i18next';\nexport function useText(s: string, status: 'draft' | 'closed') {\n  const { t } = useTranslation();\n  return ${body};\n}\n`;

  it('refuses a key that is not in the English texts, and a built key without a typed list', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: probe sources that hold template literals
    const failed = filesWithErrors('src/renderer', {
      allowed: translated(
        "[t('cases.title'), t(`status.${status}`), t('referral:sex.female'), t(`instrument:${s}`)]",
      ),
      missingKey: translated("t('cases.noSuchKey')"),
      missingNamespacedKey: translated("t('referral:fields.person.minor')"),
      untypedBuiltKey: translated('t(`status.${s}`)'),
    });
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: probe sources
    expect([...failed].sort()).toEqual(['missingKey', 'missingNamespacedKey', 'untypedBuiltKey']);
  });
});

describe('the compiler keeps each runtime to what it may use', () => {
  it('shared code (runs everywhere) cannot use Node, Electron or the DOM', () => {
    const failed = filesWithErrors('src/shared', {
      allowed:
        "import { z } from 'zod';\nexport const n = z.string().parse(String(new TextEncoder().encode('x').length));",
      nodePrefixed: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      nodeBare: "import { join } from 'path';\nexport const j = join;",
      electron: "import { app } from 'electron';\nexport const a = app;",
      processGlobal: 'export const e = process.env;',
      dom: 'export const t = document.title;',
    });
    expect([...failed].sort()).toEqual(['dom', 'electron', 'nodeBare', 'nodePrefixed', 'processGlobal']);
  });

  it('the renderer cannot use Node or Electron', () => {
    const failed = filesWithErrors('src/renderer', {
      allowed: 'export const t = document.title + String(import.meta.env.DEV);',
      nodePrefixed: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      childProcess: "import { spawn } from 'child_process';\nexport const s = spawn;",
      electron: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;",
      processGlobal: 'export const e = process.env;',
      require: "export const r = require('fs');",
    });
    expect([...failed].sort()).toEqual([
      'childProcess',
      'electron',
      'nodePrefixed',
      'processGlobal',
      'require',
    ]);
  });

  it('the sandboxed preload can use Electron but not Node modules', () => {
    const failed = filesWithErrors('src/preload', {
      allowed: "import { contextBridge } from 'electron';\nexport const c = contextBridge;",
      nodePrefixed: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      nodeBare: "import { execFile } from 'child_process';\nexport const x = execFile;",
    });
    expect([...failed].sort()).toEqual(['nodeBare', 'nodePrefixed']);
  });

  it('main cannot use Electron (only the shell can) nor the DOM', () => {
    const main = filesWithErrors('src/main', {
      allowed: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      electron: "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;",
      dom: 'export const t = document.title;',
    });
    expect([...main].sort()).toEqual(['dom', 'electron']);
    const shell = filesWithErrors('src/main/shell', {
      allowed: "import { app } from 'electron';\nexport const a = app;",
    });
    expect([...shell]).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// What the compiler cannot see: checked on the import statements.
// ------------------------------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [full] : [];
  });
}

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(text: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  const re =
    /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const specifier = m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
    found.push({ specifier, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const rel = (f: string) => relative(root, f);

describe('imports the compiler cannot judge', () => {
  it('src/ holds only the runtimes that have a project', () => {
    const dirs = readdirSync(join(root, 'src')).filter((n) => statSync(join(root, 'src', n)).isDirectory());
    expect(dirs.sort()).toEqual(['main', 'preload', 'renderer', 'shared', 'types']);
  });

  it('renderer, preload and shared code never import main-process modules', () => {
    const offenders = ['src/renderer', 'src/preload', 'src/shared'].flatMap((dir) =>
      sourceFiles(join(root, dir))
        .filter((f) => importsOf(readFileSync(f, 'utf8')).some((i) => /(^|\/)main\//.test(i.specifier)))
        .map(rel),
    );
    expect(offenders).toEqual([]);
  });

  it('a migration imports no app code: only types and Node built-ins (a released migration is frozen)', () => {
    const dir = join(root, 'src/main/db/migrations');
    const migrations = readdirSync(dir).filter((n) => /^\d{4}-.*\.ts$/.test(n));
    expect(migrations.length).toBeGreaterThan(0);
    const offenders = migrations.flatMap((name) =>
      importsOf(readFileSync(join(dir, name), 'utf8'))
        .filter((i) => !i.typeOnly && !i.specifier.startsWith('node:'))
        .map((i) => `${name} imports ${i.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees value, type-only, dynamic and side-effect imports', () => {
    const sample = [
      "import { a } from '../search-text';",
      "import type { Db } from '../driver';",
      "export { b } from './b';",
      "const c = await import('./c');",
      "import './side-effect';",
    ].join('\n');
    expect(importsOf(sample)).toEqual([
      { specifier: '../search-text', typeOnly: false },
      { specifier: '../driver', typeOnly: true },
      { specifier: './b', typeOnly: false },
      { specifier: './c', typeOnly: false },
      { specifier: './side-effect', typeOnly: false },
    ]);
  });
});
