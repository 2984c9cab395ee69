import { APP_VERSION } from '../version';
import { runCli } from './run';

/** `npm run cli -- <command> [flags]`: administration over the same services the app uses. */
runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  promptSecret: (label) => import('./prompt').then((m) => m.promptSecret(label)),
  version: APP_VERSION,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('error: unexpected failure\n');
    process.exitCode = 1;
  },
);
