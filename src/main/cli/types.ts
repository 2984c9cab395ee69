/** One `npm run cli -- <name>` command. Secrets come from env or a prompt, never from argv. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Asks for a secret on the terminal (no echo); rejects when stdin is not a TTY. */
  promptSecret: (label: string) => Promise<string>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}
