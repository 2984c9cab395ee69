import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import { commands as registered } from '../../src/main/cli/registry';
import type { CliCommand } from '../../src/main/cli/types';
import { translatorFor } from '../../src/main/i18n/translator';
import { listAudit } from '../../src/main/store/audit';
import { exportCaseDocument } from '../../src/main/store/case-document';
import { createCase } from '../../src/main/store/cases';
import { addUser, listUsers } from '../../src/main/store/users';
import { can, PERMISSIONS, type Permission } from '../../src/shared/domain/permissions';
import type { UserRole } from '../../src/shared/domain/users';
import { requiredPermission } from '../../src/shared/ipc/channel';
import { type ChannelName, contract } from '../../src/shared/ipc/contract';
import { type CapturedIo, captureIo } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, createTestStore, type TestApp, type TestStore } from '../helpers/test-app';

/**
 * One permission table (src/shared/domain/permissions.ts) for both ways into a store: a CLI command
 * that acts as an account requires exactly what its IPC twin requires, and is refused for the same
 * roles, on a real store, before it writes anything.
 */

// The store commands with cheap Argon2 for new passphrases; every other command as registered.
const storeCommands = createStoreCommands({ kdfProfile: 'test' });
const command = (name: string): CliCommand => {
  const found = storeCommands.find((c) => c.name === name) ?? registered.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
};

/** CLI command -> the IPC channel that does the same for the renderer. */
const TWINS: [cli: string, ipc: ChannelName][] = [
  ['add-user', 'admin.users.add'],
  ['backup', 'admin.backup.create'],
  ['audit-verify', 'admin.audit.verify'],
  ['referral', 'referral.export'],
  ['verify-pdf', 'referral.verify'],
  ['directory-trust', 'admin.settings.update'],
  ['change-passphrase', 'account.changePassphrase'],
  ['agency-key', 'admin.agencyKey.export'],
  ['directory', 'admin.agencyKey.import'],
  ['handover', 'handover.send'],
  ['receive', 'handover.receive'],
  ['receipt', 'handover.receipt'],
];
/** Commands that act as an account but have no IPC twin (yet): their permission from the same table. */
const CLI_ONLY: [cli: string, permission: Permission][] = [
  ['import-case', 'cases.import'],
  ['export-case', 'cases.export'],
  ['rotate-key', 'vault.rotateKey'],
  ['demo', 'demo.seed'],
  ['import-signing-identity', 'referrals.write'],
];
/** Commands that sign in as nobody: a new store, the recovery key, or no store at all. */
const NO_ACCOUNT = ['init', 'restore', 'reset-passphrase', 'instrument', 'strings'];

const ACCOUNTS: Record<UserRole, { username: string; passphrase: string }> = {
  supervisor: SUPERVISOR,
  officer: OFFICER,
};

let store: TestStore;
let caseDocumentFile: string;
let work: string;

beforeAll(async () => {
  store = await createTestStore(tempDir('fs-perm-'));
  work = tempDir('fs-perm-work-');
  const s = await store.unlock();
  await addUser(s, { ...OFFICER, role: 'officer' });
  const c = createCase(s, CASE_INPUT);
  caseDocumentFile = join(work, 'case.json');
  writeFileSync(caseDocumentFile, JSON.stringify(exportCaseDocument(s, c.id)));
  writeFileSync(join(work, 'identity.p12'), Buffer.from('not a PKCS#12 container'));
  s.lock('manual');
}, 60_000);
afterAll(() => {
  store.remove();
});

let outSeq = 0;
/** Arguments that get each command past its own checks to the sign-in. */
function argsFor(name: string, role: UserRole): string[] {
  const base = ['--data', store.dir, '--user', ACCOUNTS[role].username];
  const out = join(work, `out-${++outSeq}`);
  switch (name) {
    case 'add-user':
      return [...base, '--new-user', `new.${role}.${outSeq}`, '--role', 'officer'];
    case 'backup':
      return [...base, '--out', `${out}.db`];
    case 'audit-verify':
      return base;
    case 'referral':
      return [...base, 'no-such-case', '--out', `${out}.pdf`, '--position', 'Inspector', '--to', 'Shelter'];
    case 'import-case':
      return [...base, caseDocumentFile];
    case 'export-case':
      return [...base, '--out', `${out}.json`, 'no-such-case'];
    case 'rotate-key':
    case 'demo':
      return base;
    case 'verify-pdf':
      return [join(work, 'identity.p12'), ...base];
    case 'directory-trust':
    case 'change-passphrase':
      return base;
    case 'import-signing-identity':
      return [...base, join(work, 'identity.p12')];
    case 'handover':
      return [...base, 'no-such-case', '--to', 'no-such-agency', '--out', `${out}.fshandover`];
    case 'receipt':
      return [...base, 'no-such-case', '--out', `${out}.fsreceipt`];
    case 'receive':
      return [...base, join(work, 'identity.p12')];
    case 'agency-key':
      return ['export', ...base, '--out', `${out}.fskey`];
    case 'directory':
      return ['import-key', ...base, join(work, 'identity.p12')];
    default:
      throw new Error(`no arguments for ${name}`);
  }
}

async function runAs(name: string, role: UserRole, lang = 'en'): Promise<{ code: number; io: CapturedIo }> {
  const recording = captureIo({
    FIELDSCREEN_PASSPHRASE: ACCOUNTS[role].passphrase,
    // change-passphrase gets its current one as the new one: past the sign-in, refused as unchanged,
    // so the accounts keep their passphrases for the next run.
    FIELDSCREEN_NEW_PASSPHRASE:
      name === 'change-passphrase' ? ACCOUNTS[role].passphrase : 'a new account passphrase',
    FIELDSCREEN_P12_PASSWORD: 'x',
    FIELDSCREEN_LANG: lang,
  });
  const code = await command(name).run(argsFor(name, role), recording);
  return { code, io: recording };
}

describe('one permission table for the CLI and IPC', () => {
  it('every CLI command is classified: an IPC twin, CLI-only with a permission, or no account', () => {
    const classified = [...TWINS.map(([c]) => c), ...CLI_ONLY.map(([c]) => c), ...NO_ACCOUNT];
    expect(new Set(classified).size).toBe(classified.length);
    expect(registered.map((c) => c.name).sort()).toEqual([...classified].sort());
    for (const name of NO_ACCOUNT) expect(command(name).signIn, name).toBeUndefined();
  });

  it.each(TWINS)('"%s" signs in for the permission its IPC twin %s requires', (cli, channel) => {
    const ipcPermission = requiredPermission(contract[channel].access);
    expect(ipcPermission, channel).not.toBeNull();
    expect(command(cli).signIn?.permission).toBe(ipcPermission);
  });

  it.each(CLI_ONLY)('"%s" signs in for %s', (cli, permission) => {
    expect(command(cli).signIn?.permission).toBe(permission);
  });

  it('no IPC channel is left with a bare role: supervisor-only channels name a supervisor-only permission', () => {
    for (const [name, spec] of Object.entries(contract)) {
      const permission = requiredPermission(spec.access);
      if (permission) expect(Object.keys(PERMISSIONS), name).toContain(permission);
    }
    // The administration screens are all refused to officers by the table.
    for (const [name, spec] of Object.entries(contract).filter(([n]) => n.startsWith('admin.'))) {
      const permission = requiredPermission(spec.access);
      expect(permission && !can('officer', permission), name).toBe(true);
    }
  });

  describe('on a real store, each role is refused by both or by neither', () => {
    let app: TestApp;
    beforeAll(() => {
      app = createTestApp('fs-perm-app-', { dataDir: store.dir });
    });
    afterAll(() => app.close());

    it.each(TWINS)('%s and %s', async (cli, channel) => {
      const permission = command(cli).signIn?.permission as Permission;
      for (const role of ['officer', 'supervisor'] as const) {
        await app.signIn(ACCOUNTS[role]);
        // The dispatcher checks access before it parses the payload: {} shows the verdict.
        const ipcRefused = (await app.code(channel, {})) === 'FORBIDDEN_ROLE';
        await app.call('session.lock', { reason: 'manual' });
        const run = await runAs(cli, role);
        const cliRefused = run.io.err.includes('error: FORBIDDEN_ROLE');
        expect({ role, ipcRefused, cliRefused }).toEqual({
          role,
          ipcRefused: !can(role, permission),
          cliRefused: !can(role, permission),
        });
        if (cliRefused) expect(run.code).toBe(1);
      }
    });

    it.each(CLI_ONLY.filter(([cli]) => cli !== 'rotate-key'))('%s (%s)', async (cli, permission) => {
      for (const role of ['officer', 'supervisor'] as const) {
        const run = await runAs(cli, role);
        expect({ role, refused: run.io.err.includes('error: FORBIDDEN_ROLE') }).toEqual({
          role,
          refused: !can(role, permission),
        });
      }
    });
  });

  it('an officer running supervisor-only commands is refused, told why in their language, and nothing is written', async () => {
    const s0 = await store.unlock();
    const lastSeqBefore = listAudit(s0, { limit: 1 })[0]?.seq ?? 0;
    const usersBefore = listUsers(s0).length;
    s0.lock('manual');
    const th = translatorFor('th');

    for (const [cli, permission] of [
      ['backup', 'backup.create'],
      ['add-user', 'users.manage'],
      ['audit-verify', 'audit.read'],
      ['import-case', 'cases.import'],
      ['rotate-key', 'vault.rotateKey'],
      ['demo', 'demo.seed'],
    ] as const) {
      const before = readdirSync(work).sort();
      const run = await runAs(cli, 'officer', 'th');
      expect(run.code, cli).toBe(1);
      expect(run.io.err, cli).toEqual([
        'error: FORBIDDEN_ROLE',
        `message: ${th('errors.forbiddenRole')}`,
        `requires: ${permission} (supervisor)`,
      ]);
      expect(run.io.out, cli).toEqual([]);
      // No backup, export or partial file appeared.
      expect(readdirSync(work).sort(), cli).toEqual(before);
    }

    // The store itself: only the officer's sign-ins and sign-outs were recorded; no user, case,
    // backup or key change. The recovery key still opens it (no rotation happened).
    const s1 = await store.vault.unlockWithRecoveryKey(store.recoveryKey);
    const added = listAudit(s1, { limit: 500 }).filter((e) => e.seq > lastSeqBefore);
    // (The newest row is this check's own recovery-key sign-in.)
    expect(added[0]?.action).toBe('auth.recovery_unlock');
    expect(new Set(added.slice(1).map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.lock']));
    expect(listUsers(s1)).toHaveLength(usersBefore);
    s1.lock('manual');
  });

  it('the message follows FIELDSCREEN_LANG, then the system locale, else English', async () => {
    const viaLang = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase, LANG: 'km_KH.UTF-8' });
    await command('backup').run(
      ['--data', store.dir, '--user', OFFICER.username, '--out', join(work, 'x.db')],
      viaLang,
    );
    expect(viaLang.err[1]).toBe(`message: ${translatorFor('km')('errors.forbiddenRole')}`);
    const plain = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase, LANG: 'C.UTF-8' });
    await command('backup').run(
      ['--data', store.dir, '--user', OFFICER.username, '--out', join(work, 'x.db')],
      plain,
    );
    expect(plain.err[1]).toBe(`message: ${translatorFor('en')('errors.forbiddenRole')}`);
    expect(existsSync(join(work, 'x.db'))).toBe(false);
  });
});
