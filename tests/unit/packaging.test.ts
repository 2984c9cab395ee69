import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredNapiVersion, isElf64LittleEndian, nonNodeApiSymbols } from '../helpers/fuzz-native';

/**
 * The installer configuration (electron-builder.yml) and what it packages. electron-builder itself is
 * not installed here (it downloads Electron per target); the config is parsed with a real YAML parser
 * and its file rules are evaluated the way electron-builder does (glob list, later rules win).
 */

const root = join(__dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));

// js-yaml 3 (a YAML 1.2 parser) is present through the Electronegativity scanner's ESLint; the
// `yaml` package is not installed.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  publish?: unknown;
  files?: string[];
  extraResources?: { from: string; to: string; filter?: string[] }[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  win?: { target?: { target: string; arch?: string[] }[]; files?: string[] };
  nsis?: Record<string, unknown>;
  linux?: { target?: { target: string; arch?: string[] }[]; files?: string[] };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's file rules: a path is in when the last matching pattern is positive. */
function packaged(path: string, patterns: string[]): boolean {
  let included = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    const glob = negated ? p.slice(1) : p;
    if (matchesGlob(path, glob)) included = !negated;
  }
  return included;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('parses, with the app id, asar on and nothing published', () => {
    expect(config.appId).toBe('org.fieldscreen.app');
    expect(config.productName).toBe('FieldScreen');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds NSIS for Windows x64, AppImage and deb for Linux x64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target?.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    for (const t of config.linux?.target ?? []) expect(t.arch).toEqual(['x64']);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('packages the built app but not the preview server, tests, sources or scripts', () => {
    const files = config.files ?? [];
    for (const p of [
      'out/main/index.js',
      'out/main/chunks/app-context-1a2b.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-1a2b.js',
      'package.json',
    ]) {
      expect(packaged(p, files), p).toBe(true);
    }
    for (const p of [
      'out/main/preview.js',
      'out/main/preview.js.map',
      'out/main/index.js.map',
      'tests/unit/ipc-fuzz.test.ts',
      'tests/helpers/test-app.ts',
      'src/main/shell/main.ts',
      'src/main/preview/server.ts',
      'scripts/electronegativity.mjs',
      'scripts/start.mjs',
      'docs/architecture.md',
      'bench/run.bench.ts',
      '.electronegativity/config.json',
      'node_modules/@journeyapps/sqlcipher/lib/sqlcipher.js',
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'node_modules/zod/tests/x.test.js',
    ]) {
      expect(packaged(p, files), p).toBe(false);
    }
    // Per platform, the other platforms' SQLite binaries are left out.
    const win = [...files, ...(config.win?.files ?? [])];
    const linux = [...files, ...(config.linux?.files ?? [])];
    const prebuild = (target: string) =>
      `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${target}.node`;
    expect(packaged(prebuild('win32-x64'), ['**/*', ...win])).toBe(true);
    expect(packaged(prebuild('linux-x64'), ['**/*', ...win])).toBe(false);
    expect(packaged(prebuild('linux-x64'), ['**/*', ...linux])).toBe(true);
    expect(packaged(prebuild('win32-x64'), ['**/*', ...linux])).toBe(false);
  });

  it('the preview server is its own build entry and nothing the app ships imports it', () => {
    const vite = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(vite).toMatch(/preview:\s*resolve\(__dirname,\s*'src\/main\/preview\/main\.ts'\)/);
    expect(vite).toMatch(/index:\s*resolve\(__dirname,\s*'src\/main\/shell\/main\.ts'\)/);
    expect(pkg.main).toBe('out/main/index.js');
    const importers: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) visit(p);
        else if (/\.tsx?$/.test(name) && !p.includes(join('src', 'main', 'preview'))) {
          if (/from\s+['"][./]*(?:\.\.\/)*preview\//.test(readFileSync(p, 'utf8')))
            importers.push(relative(root, p));
        }
      }
    };
    visit(join(root, 'src'));
    expect(importers).toEqual([]);
  });

  it('ships the fonts with their licence and the locales as resources, and they exist', () => {
    const fonts = config.extraResources?.find((r) => r.to === 'fonts');
    expect(fonts?.from).toBe('resources/fonts');
    expect(fonts?.filter).toEqual(expect.arrayContaining(['*.ttf', 'OFL.txt']));
    const locales = config.extraResources?.find((r) => r.to === 'locales');
    expect(locales?.from).toBe('resources/locales');
    expect(readFileSync(join(root, 'resources/fonts/OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE/i);
    const ttf = readdirSync(join(root, 'resources/fonts')).filter((n) => n.endsWith('.ttf'));
    expect(ttf.length).toBeGreaterThanOrEqual(10);
    for (const lng of ['th', 'my', 'km', 'lo', 'vi', 'en']) {
      expect(existsSync(join(root, 'resources/locales', lng)), lng).toBe(true);
    }
  });

  it('unpacks native code from the asar and turns off the Node escape hatches (fuses)', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', '**/node_modules/better-sqlite3-multiple-ciphers/**']),
    );
    expect(
      packaged(
        'node_modules/@node-rs/argon2-win32-x64-msvc/argon2.win32-x64-msvc.node',
        config.asarUnpack ?? [],
      ),
    ).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});

// ------------------------------------------------------------------------------------------------
// Native modules
// ------------------------------------------------------------------------------------------------

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};

/** Packages the installer ships: everything in the lockfile not marked dev (production closure). */
const productionPackages = Object.entries(lock.packages)
  .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev)
  .map(([path]) => path);

function nodeFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory() && name !== 'node_modules') out.push(...nodeFiles(p));
    else if (name.endsWith('.node')) out.push(p);
  }
  return out;
}

describe('native modules load the same Node-API binary in Node and in Electron', () => {
  it('better-sqlite3-multiple-ciphers picks prebuilds/<platform>-<arch>.node and opens an encrypted database with it', () => {
    // Real path: Node resolves symlinks (a worktree's node_modules may be a link to another checkout's).
    const pkgDir = realpathSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers'));
    // The package's own loader (lib/binding.js is what lib/index.js uses; not an exported subpath).
    const binding = require(join(pkgDir, 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
    const expected = join(pkgDir, 'prebuilds', `${process.platform}-${process.arch}.node`);
    expect(binding.getPrebuildPath()).toBe(expected);
    // The loader only falls back to build/ when there is no prebuild: none was compiled here.
    expect(existsSync(join(pkgDir, 'build'))).toBe(false);
    const Database = require('better-sqlite3-multiple-ciphers') as new (
      file: string,
    ) => { pragma(s: string, o?: { simple: boolean }): unknown; close(): void };
    const db = new Database(':memory:');
    expect(db.pragma("cipher = 'sqlcipher'", { simple: true })).toBe('sqlcipher');
    db.close();
    expect(Object.keys(require.cache)).toContain(expected);
  });

  it('the prebuilt SQLite binaries for the installer targets are pure Node-API (no V8 or Node C++ ABI)', () => {
    for (const target of ['linux-x64', 'win32-x64']) {
      const file = join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds', `${target}.node`);
      expect(existsSync(file), target).toBe(true);
      const text = readFileSync(file).toString('latin1');
      expect(text, target).toContain('napi_register_module_v1');
      expect(nonNodeApiSymbols(file), target).toEqual([]);
    }
  });

  it('the SQLite binary asks for a Node-API version this runtime provides', () => {
    const file = join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node');
    expect(isElf64LittleEndian(file)).toBe(true);
    const wanted = declaredNapiVersion(file);
    expect(wanted).not.toBeNull();
    // Electron 45 embeds Node 22 (Node-API 10), the same line as this Node: argued in the report,
    // as the Electron binary cannot run here.
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(wanted ?? Number.POSITIVE_INFINITY);
    expect(Number(process.versions.node.split('.')[0])).toBe(22);
  });

  it('every .node file in the production dependencies is Node-API only, so nothing needs an Electron rebuild', () => {
    const files = productionPackages.flatMap((p) => nodeFiles(join(root, p)));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(nonNodeApiSymbols(f), relative(root, f)).toEqual([]);
    // No production dependency compiles at install time (a binding.gyp without prebuilds).
    for (const p of productionPackages) {
      const dir = join(root, p);
      if (!existsSync(join(dir, 'binding.gyp'))) continue;
      expect(nodeFiles(dir).length, `${p} has a binding.gyp and must ship prebuilds`).toBeGreaterThan(0);
    }
    expect(config.npmRebuild).toBe(false);
  });

  it('Argon2 has a Node-API binary for both installer targets in the lockfile', () => {
    for (const platformPackage of ['@node-rs/argon2-win32-x64-msvc', '@node-rs/argon2-linux-x64-gnu']) {
      const entry = lock.packages[`node_modules/${platformPackage}`];
      expect(entry?.optional, platformPackage).toBe(true);
      expect(entry?.dev, platformPackage).not.toBe(true);
    }
    expect(pkg.dependencies['@node-rs/argon2']).toBeDefined();
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    // electron stays a dev dependency (electron-builder requires it; it is never copied into the app).
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });
});
