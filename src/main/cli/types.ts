import type { Permission } from '../../shared/domain/permissions';

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
  /**
   * For a command that acts on the store as a signed-in account: the permission it signs in for
   * (src/shared/domain/permissions.ts, the table IPC channels use too) and whether the recovery key
   * may stand in for --user. Absent for commands that sign in as nobody (init, restore, reset-passphrase
   * with the recovery key) or do not open a store.
   */
  signIn?: SignInFor;
  /** Returns the process exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

export interface SignInFor {
  permission: Permission;
  /** Without --user, the recovery key signs in instead (it holds every permission). */
  recovery: boolean;
  /** The one command an account whose passphrase someone else set may run: changing it. */
  passphraseChange?: true;
}
