import { reportError } from './commands/store-commands';
import { commands } from './registry';
import type { CliCommand, CliIo } from './types';

/** Dispatches argv to a command; prints usage for help or an unknown command. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo & { version: string }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(io, commands);
    return name ? 0 : 2;
  }
  if (name === 'version' || name === '--version') {
    io.stdout(`fieldscreen ${io.version}`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"`);
    printHelp(io, commands);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    // Code and translated message only: never record content or key material.
    reportError(io, err);
    return 1;
  }
}

function printHelp(io: CliIo, list: CliCommand[]) {
  io.stdout('usage: npm run cli -- <command> [options]');
  io.stdout(
    'secrets come from FIELDSCREEN_PASSPHRASE / FIELDSCREEN_RECOVERY_KEY or a prompt, never arguments',
  );
  io.stdout('');
  for (const c of list) io.stdout(`  ${c.usage.padEnd(60)} ${c.summary}`);
  io.stdout(`  ${'version'.padEnd(60)} print the version`);
}
