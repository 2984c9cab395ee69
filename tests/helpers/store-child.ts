import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Spawns a TypeScript helper under tests/helpers with plain Node (strip-types + the extensionless
 * import hook), so child processes exercise the real store code without a build step.
 */
export function spawnStoreChild(
  script: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    uid?: number;
    gid?: number;
    /** Sources that use TypeScript syntax strip-only mode refuses (enums, parameter properties). */
    transformTypes?: boolean;
  } = {},
): ChildProcess {
  return spawn(
    process.execPath,
    [
      options.transformTypes ? '--experimental-transform-types' : '--experimental-strip-types',
      '--no-warnings',
      '--import',
      join(ROOT, 'tests', 'helpers', 'store-ts-hooks.ts'),
      join(ROOT, 'tests', 'helpers', script),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    },
  );
}

/** Calls onLine for every complete stdout line; resolves with exit code/signal and stderr. */
export function watchLines(
  child: ChildProcess,
  onLine: (line: string) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let buffer = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      onLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}
