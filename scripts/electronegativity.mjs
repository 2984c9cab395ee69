#!/usr/bin/env node
/**
 * `npm run security:scan`: Electronegativity (Doyensec's Electron security linter) over the TypeScript
 * sources, with the checks chosen in .electronegativity/config.json. Fails on any finding above
 * INFORMATIONAL that is not listed, with its reason, in .electronegativity/accepted-findings.json, and on
 * any file the scanner could not parse (an unparsed file is an unscanned file).
 *
 * Why the sources and not out/: the scanner's AST walker does not know optional chaining
 * (`ChainExpression`) in the bundled JS and skips those files; its Babel TypeScript parser reads src/.
 *
 * Two shims keep it working offline and with this project's tools, without patching node_modules:
 * - `got` (used to download translations and Electron release lists) is replaced by a stub that fails
 *   at once, so the scan never touches the network;
 * - `typescript` as required by its (hoisted) @typescript-eslint/typescript-estree 4.x resolves to the
 *   TypeScript 4.2 the scanner ships with, not the project's TypeScript 7.
 *
 * Usage: node scripts/electronegativity.mjs [--config <file>] [--input <dir>] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

function parseArgs(argv) {
  const args = { config: join(ROOT, '.electronegativity', 'config.json'), input: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--config') args.config = resolve(argv[++i] ?? '');
    else if (a === '--input') args.input = resolve(argv[++i] ?? '');
    else if (a === '--json') args.json = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

function installShims(scannerDir) {
  const bundledTs = pathToFileURL(
    join(scannerDir, 'node_modules', 'typescript', 'lib', 'typescript.js'),
  ).href;
  const OFFLINE_GOT = 'fieldscreen-offline:got';
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'got') return { url: OFFLINE_GOT, format: 'commonjs', shortCircuit: true };
      if (specifier === 'typescript' && context.parentURL?.includes('/@typescript-eslint/')) {
        return { url: bundledTs, format: 'commonjs', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      if (url !== OFFLINE_GOT) return nextLoad(url, context);
      const source = `
        const offline = () => Promise.reject(new Error('network disabled by scripts/electronegativity.mjs'));
        module.exports = Object.assign(offline, { head: offline, get: offline, default: offline });`;
      return { format: 'commonjs', source, shortCircuit: true };
    },
  });
}

/** The Electron version the app ships with: the installed runtime, else the range in package.json. */
function electronVersion() {
  const installed = join(ROOT, 'node_modules', 'electron', 'package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

const norm = (p) => p.split('\\').join('/');
const sampleOf = (issue) => (typeof issue.sample === 'string' ? issue.sample.trim() : null);

function isAccepted(finding, accepted) {
  return accepted.find(
    (a) =>
      a.id === finding.id &&
      a.file === finding.file &&
      (a.sample === undefined || a.sample === finding.sample) &&
      typeof a.why === 'string' &&
      a.why.trim().length >= 20,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const configDir = dirname(args.config);
  const config = JSON.parse(readFileSync(args.config, 'utf8'));
  const acceptedFile = join(configDir, config.acceptedFindings ?? 'accepted-findings.json');
  const accepted = existsSync(acceptedFile) ? JSON.parse(readFileSync(acceptedFile, 'utf8')).findings : [];
  const failAbove = SEVERITY_ORDER.indexOf(config.failAbove ?? 'INFORMATIONAL');

  process.env.LANG = 'en-US';
  const require = createRequire(join(ROOT, 'package.json'));
  const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  installShims(scannerDir);
  const run = require('@doyensec/electronegativity');
  const version = electronVersion();

  const scans = args.input
    ? [{ path: args.input, excludeChecks: config.scans?.[0]?.excludeChecks ?? [] }]
    : config.scans;
  const findings = [];
  const unparsed = [];
  // The scanner prints progress notes through console.log; keep stdout for our own report.
  const log = console.log;
  for (const scan of scans) {
    const input = isAbsolute(scan.path) ? scan.path : join(ROOT, scan.path);
    console.log = () => {};
    let result;
    try {
      result = await run({
        input,
        isRelative: false,
        electronVersionOverride: version,
        customScan: (scan.checks ?? []).map((c) => c.toLowerCase()),
        excludeFromScan: (scan.excludeChecks ?? []).map((c) => c.check.toLowerCase()),
        severitySet: 'informational',
        confidenceSet: 'tentative',
      });
    } finally {
      console.log = log;
    }
    for (const e of result.errors) {
      if (!e.tolerable) unparsed.push({ file: norm(relative(ROOT, e.file)), message: e.message });
    }
    for (const issue of result.issues) {
      findings.push({
        id: issue.id,
        file: issue.file === 'N/A' ? 'N/A' : norm(relative(ROOT, issue.file)),
        line: issue.location?.line ?? 0,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
        sample: sampleOf(issue),
      });
    }
  }

  const blocking = [];
  const explained = [];
  for (const f of findings) {
    if (SEVERITY_ORDER.indexOf(f.severity) <= failAbove) continue;
    const why = isAccepted(f, accepted);
    if (why) explained.push({ ...f, why: why.why });
    else blocking.push(f);
  }
  const stale = accepted.filter((a) => !explained.some((f) => f.id === a.id && f.file === a.file));
  const report = {
    electronVersion: version,
    findings: findings.length,
    blocking,
    explained,
    unparsed,
    stale,
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    log(`Electronegativity: ${findings.length} finding(s), Electron ${version}`);
    for (const f of explained)
      log(`  accepted  ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line}\n            ${f.why}`);
    for (const f of blocking)
      log(
        `  BLOCKING  ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line} ${f.description}\n            ${f.sample ?? ''}`,
      );
    for (const u of unparsed) log(`  UNPARSED  ${u.file}: ${u.message}`);
    for (const s of stale) log(`  note: accepted finding no longer reported, remove it: ${s.id} ${s.file}`);
    if (blocking.length === 0 && unparsed.length === 0) log('security:scan passed');
  }
  process.exitCode = blocking.length > 0 || unparsed.length > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`security:scan could not run: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
