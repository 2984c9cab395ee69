// `npm test` runs this first: the tests spawn Debian tools (an independent PDF reader, HarfBuzz's own
// shaper, Chromium for the end-to-end tests…). On a fresh Debian/Ubuntu machine it installs the missing
// ones with apt-get when it may (root, or sudo without a password); otherwise it stops at once with the
// one command to run, instead of failing minutes later in the middle of the suite.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every program a test spawns, with the Debian package that provides it and why the tests need it. */
export const TEST_TOOLS = [
  { command: 'chromium', pkg: 'chromium', why: 'end-to-end tests drive the preview in it' },
  { command: 'pdfsig', pkg: 'poppler-utils', why: 'checks referral signatures independently' },
  { command: 'pdftotext', pkg: 'poppler-utils', why: 'extracts referral text' },
  { command: 'pdffonts', pkg: 'poppler-utils', why: 'checks embedded font subsets' },
  { command: 'pdftoppm', pkg: 'poppler-utils', why: 'renders referral pages' },
  { command: 'pdfinfo', pkg: 'poppler-utils', why: 'reads page counts and sizes' },
  { command: 'qpdf', pkg: 'qpdf', why: 'checks PDF structure' },
  { command: 'hb-shape', pkg: 'libharfbuzz-bin', why: 'reference shaping for Thai, Myanmar, Khmer, Lao' },
  { command: 'hb-view', pkg: 'libharfbuzz-bin', why: 'reference rendering of shaped text' },
  { command: 'openssl', pkg: 'openssl', why: 'cross-checks CMS signatures' },
  { command: 'xliff2po', pkg: 'translate-toolkit', why: 'reads exported XLIFF with a second tool' },
  { command: 'po2xliff', pkg: 'translate-toolkit', why: 'writes XLIFF with a second tool' },
  { command: 'pocount', pkg: 'translate-toolkit', why: 'counts the units of exported XLIFF' },
];

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of `command` on `pathValue`, or null.
 * @param {string} command
 * @returns {string | null}
 */
export function findOnPath(command, pathValue = process.env.PATH ?? '') {
  for (const dir of pathValue.split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/**
 * Debian packages to install for the commands that are missing, each once, in table order.
 * @param {string[]} missingCommands
 * @returns {string[]}
 */
export function packagesFor(missingCommands, tools = TEST_TOOLS) {
  const wanted = new Set(missingCommands);
  return [...new Set(tools.filter((t) => wanted.has(t.command)).map((t) => t.pkg))];
}

/**
 * What to do, decided from facts only (pure, so the decision is tested without touching the machine):
 * - `ok`: nothing missing;
 * - `install`: run these argv lists in order (apt-get update, then install), as root or through sudo;
 * - `stop`: print the message and fail.
 * @param {{ missing: string[], packages: string[], hasAptGet: boolean, isRoot: boolean, sudoWithoutPassword: boolean }} facts
 * @returns {{ kind: 'ok' } | { kind: 'stop', message: string } | { kind: 'install', steps: string[][], announce: string }}
 */
export function plan({ missing, packages, hasAptGet, isRoot, sudoWithoutPassword }) {
  if (missing.length === 0) return { kind: 'ok' };
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  const oneCommand = `sudo apt-get update && sudo ${install.join(' ')}`;
  const header = `The tests need programs that are not installed: ${missing.join(', ')}.`;
  if (!hasAptGet) {
    return {
      kind: 'stop',
      message: `${header}\nInstall the Debian/Ubuntu packages ${packages.join(', ')} (or their equivalents), then run \`npm test\` again.`,
    };
  }
  if (!isRoot && !sudoWithoutPassword) {
    return {
      kind: 'stop',
      message: `${header}\nRun this once, then \`npm test\` again:\n\n  ${oneCommand}\n`,
    };
  }
  const prefix = isRoot ? [] : ['sudo', '-n'];
  return {
    kind: 'install',
    steps: [
      [...prefix, 'apt-get', 'update', '-qq'],
      [...prefix, ...install],
    ],
    announce: `${header}\nInstalling ${packages.join(', ')} with apt-get…`,
  };
}

/** Whether a tool is there: on the PATH, or (Chromium) where CHROMIUM_PATH points, as the e2e config reads it. */
function present(tool) {
  if (tool.command === 'chromium' && process.env.CHROMIUM_PATH)
    return isExecutable(process.env.CHROMIUM_PATH);
  return findOnPath(tool.command) !== null;
}

function missingCommands() {
  return TEST_TOOLS.filter((t) => !present(t)).map((t) => t.command);
}

function main() {
  const missing = missingCommands();
  const decision = plan({
    missing,
    packages: packagesFor(missing),
    hasAptGet: process.platform === 'linux' && findOnPath('apt-get') !== null,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    sudoWithoutPassword:
      findOnPath('sudo') !== null && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  });
  if (decision.kind === 'ok') return;
  if (decision.kind === 'stop') {
    console.error(decision.message);
    process.exit(1);
  }
  console.error(decision.announce);
  for (const [cmd, ...args] of decision.steps) {
    const result = spawnSync(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(
        `\`${[cmd, ...args].join(' ')}\` failed; install the packages by hand, then run \`npm test\` again.`,
      );
      process.exit(1);
    }
  }
  const still = missingCommands();
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.join(', ')}.`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
