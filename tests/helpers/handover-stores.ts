import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { agencyKeyCommand, directoryCommand } from '../../src/main/cli/commands/agency-key-commands';
import {
  handoverCommand,
  receiptCommand,
  receiveCommand,
} from '../../src/main/cli/commands/handover-commands';
import { referralCommand } from '../../src/main/cli/commands/referral-commands';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import type { CliCommand } from '../../src/main/cli/types';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import type { Session } from '../../src/main/store/session';
import { updateSettings } from '../../src/main/store/settings';
import { Vault } from '../../src/main/store/vault';
import { captureIo, commandNamed } from './cli-io';

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

/** The person signing in to a store through the CLI: the supervisor unless another account is named. */
export interface CliUser {
  user: string;
  passphrase: string;
}

const asUser = (s: TestStoreDir, who?: CliUser) => ({
  args: ['--data', s.dir, '--user', who?.user ?? s.user],
  env: { FIELDSCREEN_PASSPHRASE: who?.passphrase ?? STORE_PASS, FIELDSCREEN_LANG: 'en' },
});

/** The handover CLI commands as a store's supervisor (or `who`) runs them. */
export const handoverCli = {
  exportKey: (s: TestStoreDir, out: string) =>
    runCommand(agencyKeyCommand, ['export', '--data', s.dir, '--user', s.user, '--out', out]),
  importKey: (s: TestStoreDir, file: string, kind = 'shelter') =>
    runCommand(directoryCommand, ['import-key', '--data', s.dir, '--user', s.user, '--kind', kind, file]),
  handover(s: TestStoreDir, id: string, to: string, out: string, who?: CliUser) {
    const { args, env } = asUser(s, who);
    return runCommand(handoverCommand, [...args, id, '--to', to, '--out', out], env);
  },
  receive(s: TestStoreDir, file: string, who?: CliUser) {
    const { args, env } = asUser(s, who);
    return runCommand(receiveCommand, [...args, file], env);
  },
  issueReceipt(s: TestStoreDir, caseId: string, out: string, who?: CliUser) {
    const { args, env } = asUser(s, who);
    return runCommand(receiptCommand, [...args, caseId, '--out', out], env);
  },
  importReceipt(s: TestStoreDir, file: string) {
    const { args, env } = asUser(s);
    return runCommand(receiptCommand, ['import', ...args, file], env);
  },
};

/** Each store's agency key exported to `root`/<store>.fskey. */
export async function exportAgencyKeys(root: string, stores: TestStoreDir[]): Promise<void> {
  for (const s of stores) expectOk(await handoverCli.exportKey(s, join(root, `${basename(s.dir)}.fskey`)));
}

/** `into` imports `from`'s exported agency key; returns `from`'s directory id in `into`. */
export async function importAgencyKey(
  root: string,
  into: TestStoreDir,
  from: TestStoreDir,
  kind = 'shelter',
): Promise<string> {
  const run = expectOk(await handoverCli.importKey(into, join(root, `${basename(from.dir)}.fskey`), kind));
  return run.value('agency-id') ?? '';
}

/** A shelter of `teamAndShelters`: its store, and its id in the team's referral directory. */
export interface ShelterStore {
  store: TestStoreDir;
  atTeam: string;
}

/**
 * A port screening team (store "team", Songkhla) and shelters (each in the folder of its key) that
 * have exchanged agency keys: every shelter is in the team's directory, and the team is in each
 * shelter's as its multidisciplinary team unless that shelter is made with `knowsTeam: false`.
 */
export async function teamAndShelters<K extends string>(
  root: string,
  shelters: Record<K, { name: string; province: string; knowsTeam?: boolean }>,
): Promise<{ team: TestStoreDir } & Record<K, ShelterStore>> {
  const team = await newAgencyStore(root, 'team', { name: 'Port screening team', province: 'Songkhla' });
  const entries = Object.entries(shelters) as [K, (typeof shelters)[K]][];
  const stores: TestStoreDir[] = [];
  for (const [key, agency] of entries) stores.push(await newAgencyStore(root, key, agency));
  await exportAgencyKeys(root, [team, ...stores]);
  const made = {} as Record<K, ShelterStore>;
  for (const [i, [key]] of entries.entries()) {
    const store = stores[i] as TestStoreDir;
    made[key] = { store, atTeam: await importAgencyKey(root, team, store) };
  }
  for (const [i, [, agency]] of entries.entries()) {
    if (agency.knowsTeam !== false) await importAgencyKey(root, stores[i] as TestStoreDir, team, 'mdt');
  }
  return { team, ...made };
}

/** Runs `fn` (awaited) with the store's supervisor signed in, then locks. */
export async function withStore<T>(s: TestStoreDir, fn: (session: Session) => T | Promise<T>): Promise<T> {
  const session = await new Vault(s.dir).unlock(s.user, STORE_PASS);
  try {
    return await fn(session);
  } finally {
    session.lock('manual');
  }
}

/**
 * A demo case in `lang` whose consent names the directory entry `agencyId`, with a signed referral to
 * it (written to `root`); returns the case id.
 */
export async function caseReadyFor(
  root: string,
  s: TestStoreDir,
  agencyId: string,
  lang: string,
): Promise<string> {
  const scenario = DEMO_SCENARIOS.find((d) => d.lang === lang) ?? DEMO_SCENARIOS[0];
  const id = await withStore(s, (session) => {
    const made = seedDemoCases(session, scenario ? [scenario] : undefined, {
      consentReceiver: { contactId: agencyId },
    });
    return made[0]?.caseId ?? '';
  });
  const { args, env } = asUser(s);
  expectOk(
    await runCommand(
      referralCommand,
      [
        ...args,
        id,
        '--out',
        join(root, `referral-${id}.pdf`),
        '--position',
        'Labour inspector',
        '--contact-id',
        agencyId,
      ],
      env,
    ),
  );
  return id;
}

/**
 * An officer as they come to work, through the CLI: the supervisor adds them with a passphrase they
 * chose, the officer replaces it (making their own keys), the supervisor's next sign-in endorses them.
 */
export async function enrolOfficer(
  s: TestStoreDir,
  officer: CliUser & { displayName: string },
): Promise<void> {
  const commands = createStoreCommands({ kdfProfile: 'test' });
  const given = `given: ${officer.passphrase}`;
  expectOk(
    await runCommand(
      commandNamed(commands, 'add-user'),
      [...asUser(s).args, '--new-user', officer.user, '--display-name', officer.displayName],
      { FIELDSCREEN_PASSPHRASE: STORE_PASS, FIELDSCREEN_NEW_PASSPHRASE: given },
    ),
  );
  expectOk(
    await runCommand(commandNamed(commands, 'change-passphrase'), ['--data', s.dir, '--user', officer.user], {
      FIELDSCREEN_PASSPHRASE: given,
      FIELDSCREEN_NEW_PASSPHRASE: officer.passphrase,
    }),
  );
  await withStore(s, () => undefined);
}

/** What a store holds: its cases and packages (a refusal must leave both as they were). */
export async function stateOf(s: TestStoreDir) {
  return withStore(s, (session) =>
    session.read((db) => ({
      cases: db.prepare('SELECT id FROM cases ORDER BY id').pluck().all(),
      handovers: db.prepare('SELECT package_id, direction FROM handovers ORDER BY package_id').all(),
      attachments: db.prepare('SELECT count(*) FROM attachments').pluck().get(),
    })),
  );
}

/** Refused by the CLI for `reason`, with a translated message. */
export function expectRefused(run: CliRun, reason: string): void {
  expect(run.code, run.err.join('\n')).toBe(1);
  expect(run.err).toContain(`reason: ${reason}`);
  expect(run.err.some((l) => l.startsWith('message: ') && !l.includes('errors.'))).toBe(true);
}
