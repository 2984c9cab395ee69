import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliCommand } from '../../src/main/cli/types';
import { updateSettings } from '../../src/main/store/settings';
import { Vault } from '../../src/main/store/vault';
import { captureIo } from './cli-io';

/**
 * Real FieldScreen stores in temporary folders for handover tests: each made like `cli init` does,
 * with its agency set, and driven through the real CLI commands.
 */
export const STORE_PASS = 'handover store passphrase';

export interface TestStoreDir {
  dir: string;
  user: string;
  displayName: string;
}

export async function newAgencyStore(
  root: string,
  name: string,
  agency: { name: string; province: string },
): Promise<TestStoreDir> {
  const dir = join(root, name);
  const user = `sup-${name}`;
  const displayName = `Supervisor ${name}`;
  await Vault.initialise(
    dir,
    { username: user, displayName, passphrase: STORE_PASS },
    { kdfProfile: 'test' },
  );
  const session = await new Vault(dir).unlock(user, STORE_PASS);
  try {
    updateSettings(session, {
      agency: {
        name: agency.name,
        unit: 'Screening unit',
        province: agency.province,
        address: '1 Road',
        phone: '02-000-0000',
        letterPrefix: '',
      },
    });
  } finally {
    session.lock('manual');
  }
  return { dir, user, displayName };
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** The value of a `key: value` line of stdout. */
  value(key: string): string | undefined;
}

export async function runCommand(
  command: CliCommand,
  args: string[],
  env: NodeJS.ProcessEnv = { FIELDSCREEN_PASSPHRASE: STORE_PASS, FIELDSCREEN_LANG: 'en' },
): Promise<CliRun> {
  const io = captureIo(env);
  const code = await command.run(args, io);
  return {
    code,
    out: io.out,
    err: io.err,
    value(key) {
      const line = io.out.find((l) => l.startsWith(`${key}: `));
      return line?.slice(key.length + 2);
    },
  };
}

export function expectOk(run: CliRun): CliRun {
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return run;
}
