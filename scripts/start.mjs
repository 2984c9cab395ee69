// `npm start`: build, then open the desktop app. Electron downloads its own binary on first use;
// on a machine without internet access that download fails, and we say so clearly and point to
// `npm run preview`, which runs the same app in a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary) {
  console.log('start: downloading the Electron runtime (first run only)…');
  run(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')]);
  binary = electronBinary();
}
if (!binary) {
  console.error(
    'start: the Electron runtime is not installed and could not be downloaded (no internet access?).\n' +
      '       Connect once and run `npm start` again, or use `npm run preview` to run FieldScreen in a browser.',
  );
  process.exit(1);
}
const build = run('npm', ['run', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);
const app = run(binary, [root]);
process.exit(app.status ?? 0);
