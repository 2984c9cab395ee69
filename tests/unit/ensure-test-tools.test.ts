import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, packagesFor, plan, TEST_TOOLS } from '../../scripts/ensure-test-tools.mjs';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'ensure-test-tools.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'fs-tools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const facts = { hasAptGet: true, isRoot: false, sudoWithoutPassword: false };

describe('deciding what to do about missing test tools', () => {
  it('does nothing when every tool is there', () => {
    expect(plan({ ...facts, missing: [], packages: [] })).toEqual({ kind: 'ok' });
  });

  it('asks for each Debian package once, whatever number of its programs are missing', () => {
    expect(packagesFor(['pdfsig', 'pdftotext', 'hb-shape', 'chromium'])).toEqual([
      'chromium',
      'poppler-utils',
      'libharfbuzz-bin',
    ]);
  });

  it('stops with the one command to run when it may not install', () => {
    const decision = plan({ ...facts, missing: ['qpdf', 'hb-view'], packages: ['qpdf', 'libharfbuzz-bin'] });
    expect(decision.kind).toBe('stop');
    if (decision.kind !== 'stop') return;
    expect(decision.message).toContain('qpdf, hb-view');
    expect(decision.message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends qpdf libharfbuzz-bin',
    );
  });

  it('installs as root directly, and through sudo -n when sudo needs no password', () => {
    const asRoot = plan({ ...facts, isRoot: true, missing: ['qpdf'], packages: ['qpdf'] });
    const withSudo = plan({ ...facts, sudoWithoutPassword: true, missing: ['qpdf'], packages: ['qpdf'] });
    expect(asRoot).toMatchObject({
      kind: 'install',
      steps: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'qpdf'],
      ],
    });
    expect(withSudo).toMatchObject({
      kind: 'install',
      steps: [
        ['sudo', '-n', 'apt-get', 'update', '-qq'],
        ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'qpdf'],
      ],
    });
  });

  it('names the packages when the machine has no apt-get', () => {
    const decision = plan({
      ...facts,
      hasAptGet: false,
      isRoot: true,
      missing: ['qpdf'],
      packages: ['qpdf'],
    });
    expect(decision).toMatchObject({ kind: 'stop' });
    if (decision.kind === 'stop') expect(decision.message).toContain('qpdf');
  });
});

describe('finding programs', () => {
  it('finds executables on the PATH and ignores files that are not executable', () => {
    const bin = join(scratch, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'runnable'), '#!/bin/sh\n');
    chmodSync(join(bin, 'runnable'), 0o755);
    writeFileSync(join(bin, 'plain'), 'text');
    chmodSync(join(bin, 'plain'), 0o644);
    expect(findOnPath('runnable', `/nonexistent:${bin}`)).toBe(join(bin, 'runnable'));
    // Root may execute anything with an x bit only; a 0644 file is not a program for anyone.
    expect(findOnPath('plain', bin)).toBeNull();
  });

  it('passes on this machine, and fails at once, naming every tool, where none is installed', () => {
    const here = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(here.stderr).toBe('');
    expect(here.status).toBe(0);

    // Only node on the PATH: no tools, no apt-get, no sudo.
    const bare = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { PATH: dirname(process.execPath) },
    });
    expect(bare.status).toBe(1);
    for (const tool of TEST_TOOLS) expect(bare.stderr).toContain(tool.command);
  });
});

/** Programs spawned by name in the tests: a new one must be added to TEST_TOOLS (or be part of every Debian). */
function spawnedPrograms(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(
          /(?<![.\w])(?:execFileSync|execFile|spawnSync|spawn|run)\(\s*'([a-z][\w.-]*)'/g,
        )) {
          if (m[1]) found.add(m[1]);
        }
      }
    }
  };
  walk(join(root, 'tests'));
  return found;
}

it('every program the tests spawn is checked before they run', () => {
  // git: the tests run in a clone (`git grep` over the tracked sources).
  const baseSystem = new Set(['mkdir', 'mount', 'umount', 'sh', 'git']);
  // run('…') in the CLI tests runs FieldScreen's own commands, not programs.
  const cliCommands = new Set(
    readdirSync(join(root, 'src/main/cli/commands')).flatMap((f) =>
      [...readFileSync(join(root, 'src/main/cli/commands', f), 'utf8').matchAll(/name: '([\w-]+)'/g)].map(
        (m) => m[1],
      ),
    ),
  );
  const known = new Set(TEST_TOOLS.map((t) => t.command));
  const unchecked = [...spawnedPrograms()].filter(
    (p) => !known.has(p) && !baseSystem.has(p) && !cliCommands.has(p),
  );
  expect(unchecked).toEqual([]);
});
