// `npm run cli -- <command>`: runs the admin tool, rebuilding it first (quietly) when the sources
// are newer than the build, so the command always matches the code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const info = statSync(full);
    newest = Math.max(newest, info.isDirectory() ? newestMtime(full) : info.mtimeMs);
  }
  return newest;
}

const stale = !existsSync(entry) || newestMtime(join(root, 'src')) > statSync(entry).mtimeMs;
if (stale) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'copy-fonts.mjs')], {
    cwd: root,
    stdio: 'ignore',
  });
  const vite = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-vite'),
    ['build', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    },
  );
  if (build.status !== 0 || vite.status !== 0) {
    console.error('cli: build failed');
    process.exit(1);
  }
}
const result = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
