import type { CliCommand, CliIo } from '../../src/main/cli/types';

/** A terminal for `npm run cli` commands in tests: what they print is kept, secrets come from env or a queue. */
export interface CapturedIo extends CliIo {
  /** Lines printed to stdout, in order. */
  out: string[];
  /** Lines printed to stderr, in order. */
  err: string[];
}

/**
 * `env` as the command's environment; `typed` answers the secret prompts in order, as if typed on a
 * terminal. With nothing (left) to type, a prompt fails the way it does when stdin is not a TTY.
 */
export function captureIo(env: NodeJS.ProcessEnv = {}, typed: string[] = []): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const queue = [...typed];
  return {
    env,
    out,
    err,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    promptSecret: async () => {
      const next = queue.shift();
      if (next === undefined) throw new Error('stdin is not a TTY');
      return next;
    },
  };
}

/** The command named `name` of a list (a test fails at once when it is not there). */
export function commandNamed(commands: readonly CliCommand[], name: string): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command;
}

/** The value of a `key: value` line. */
export function lineValue(lines: string[], key: string): string | undefined {
  return lines.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2);
}
