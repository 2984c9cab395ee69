import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PERMISSIONS } from '../../../shared/domain/permissions';
import { userRole } from '../../../shared/domain/users';
import { AppError, isAppError } from '../../../shared/errors';
import type { AuditKeyLookup } from '../../audit/signer';
import { translatorFor } from '../../i18n/translator';
import type { KdfProfile } from '../../keys/kdf';
import { readAnchorSource } from '../../store/anchor-source';
import { checkAudit } from '../../store/audit';
import { createBackup, restoreBackup } from '../../store/backup';
import { exportCaseDocument, importCaseDocument } from '../../store/case-document';
import { rotateDatabaseKey } from '../../store/key-rotation';
import type { Session } from '../../store/session';
import { addUser, changeOwnPassphrase } from '../../store/users';
import { Vault, type VaultOptions } from '../../store/vault';
import { describeAnchor, describeTrailReport } from '../audit-report';
import { readCaseDocumentFile, reportingProblems } from '../case-document-file';
import { cliLanguage } from '../language';
import { CommandForbiddenError, signIn } from '../sign-in';
import type { CliCommand, CliIo, SignInFor } from '../types';

/**
 * Store administration on the command line, over the same services as the app. Secrets never come
 * from arguments: FIELDSCREEN_PASSPHRASE, FIELDSCREEN_NEW_PASSPHRASE and FIELDSCREEN_RECOVERY_KEY, or
 * a prompt on the terminal. Output names codes, ids and counts; never personal data (except the case
 * document that export-case is asked to write).
 *
 * Exit codes: 0 done, 1 failed (a line "error: CODE"), 2 usage.
 */
export const ENV_PASSPHRASE = 'FIELDSCREEN_PASSPHRASE';
export const ENV_NEW_PASSPHRASE = 'FIELDSCREEN_NEW_PASSPHRASE';
export const ENV_RECOVERY_KEY = 'FIELDSCREEN_RECOVERY_KEY';

export interface StoreCommandOptions {
  /** Argon2id profile for passphrases set by these commands; tests pass 'test'. Default 'strong'. */
  kdfProfile?: KdfProfile;
  now?: () => number;
  /** Keys audit-verify and restore check signatures with; by default the store's roster. */
  auditKeys?: AuditKeyLookup;
}

export class UsageError extends Error {}

type Flags = Record<string, string | undefined>;

export function parse(args: string[], flags: string[]): { flags: Flags; positionals: string[] } {
  const options = Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }]));
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { flags: parsed.values as Flags, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function required(flags: Flags, name: string): string {
  const v = flags[name];
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

/** The one positional argument a command takes (named in the usage, e.g. CASE_ID). */
export function onePositional(positionals: string[], name: string): string {
  const [value] = positionals;
  if (!value || positionals.length > 1) throw new UsageError(`one ${name} is required`);
  return value;
}

export async function secret(io: CliIo, envName: string, label: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  try {
    return await io.promptSecret(label);
  } catch {
    throw new UsageError(`set ${envName} or run in a terminal to be asked`);
  }
}

async function newSecret(io: CliIo, envName: string, label: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  const first = await secret(io, envName, label);
  const second = await secret(io, envName, `${label} (again)`);
  if (first !== second) throw new UsageError('the two entries differ');
  return first;
}

/** Runs a command body with uniform error reporting ("error: CODE"; see reportError). */
export async function guarded(io: CliIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`error: ${err.message}`);
      io.stderr(`usage: npm run cli -- ${usage}`);
      return 2;
    }
    reportError(io, err);
    return 1;
  }
}

/**
 * What a command's body is given: its --flags and positional arguments (parsed strictly), the values
 * of the flags it needs (each checked present, in the order named), and the terminal.
 */
export interface CommandInput<N extends string = never> {
  flags: Flags;
  positionals: string[];
  need: Record<N, string>;
  io: CliIo;
}

/**
 * A command that takes the named --flags (string values) and positional arguments, and cannot do
 * without the flags in `needs` (a usage error before the body runs); its body runs `guarded` (a usage
 * error exits 2 with the usage line, any other failure "error: CODE" and 1).
 */
export function command<N extends string = never>(
  spec: Omit<CliCommand, 'run'> & {
    flags: string[];
    needs?: readonly N[];
    body: (input: CommandInput<N>) => Promise<number>;
  },
): CliCommand {
  const { flags: names, needs = [], body, ...described } = spec;
  return {
    ...described,
    run: (args, io) =>
      guarded(io, spec.usage, () => {
        const parsed = parse(args, names);
        const need = Object.fromEntries(needs.map((n) => [n, required(parsed.flags, n)])) as Record<
          N,
          string
        >;
        return body({ ...parsed, need, io });
      }),
  };
}

/**
 * "error: CODE" for programs. A refused command adds, for the person at the terminal, the refusal in
 * their language (FIELDSCREEN_LANG or the system locale, see ../language.ts) and what it requires.
 * Never record content or key material.
 */
export function reportError(io: CliIo, err: unknown): void {
  const error = isAppError(err) ? err : new AppError('INTERNAL');
  io.stderr(`error: ${error.code}`);
  if (error instanceof CommandForbiddenError) {
    io.stderr(`message: ${translatorFor(cliLanguage(io.env))(error.messageKey)}`);
    io.stderr(`requires: ${error.permission} (${PERMISSIONS[error.permission].join(', ')})`);
  }
  if (error.retryAfterSeconds !== undefined) io.stderr(`retry-after-seconds: ${error.retryAfterSeconds}`);
}

/**
 * Signs in for one command: with --user, that account's passphrase, refused unless its role holds
 * `access.permission`; without, the recovery key (only where `access.recovery` allows it). Always
 * locks at the end.
 */
export async function withSession<T>(
  io: CliIo,
  vault: Vault,
  user: string | undefined,
  access: SignInFor,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  if (user) return withPassphraseSession(io, vault, user, access, fn);
  if (!access.recovery) throw new UsageError('--user is required');
  const session = await vault.unlockWithRecoveryKey(await secret(io, ENV_RECOVERY_KEY, 'recovery key'));
  return lockedAfter(session, fn);
}

/**
 * Signs `user` in with their passphrase (FIELDSCREEN_PASSPHRASE or a prompt), refused unless their role
 * holds `access.permission`; `fn` is also given the passphrase (rotate-key and change-passphrase need
 * it). Always locks at the end.
 */
export async function withPassphraseSession<T>(
  io: CliIo,
  vault: Vault,
  user: string,
  access: SignInFor,
  fn: (s: Session, passphrase: string) => Promise<T>,
): Promise<T> {
  const passphrase = await secret(io, ENV_PASSPHRASE, `passphrase for ${user}`);
  const session = await signIn(io, vault, user, passphrase, access.permission, {
    passphraseChange: 'passphraseChange' in access,
  });
  return lockedAfter(session, (s) => fn(s, passphrase));
}

async function lockedAfter<T>(session: Session, fn: (s: Session) => Promise<T>): Promise<T> {
  try {
    return await fn(session);
  } finally {
    session.lock('manual');
  }
}

/** What each command that acts as an account signs in for (the same table as the IPC channels). */
export const SIGN_IN = {
  addUser: { permission: 'users.manage', recovery: false },
  importCase: { permission: 'cases.import', recovery: false },
  exportCase: { permission: 'cases.export', recovery: false },
  backup: { permission: 'backup.create', recovery: true },
  auditVerify: { permission: 'audit.read', recovery: true },
  rotateKey: { permission: 'vault.rotateKey', recovery: false },
  changePassphrase: { permission: 'settings.personal', recovery: false, passphraseChange: true },
} as const satisfies Record<string, SignInFor>;

export function createStoreCommands(options: StoreCommandOptions = {}): CliCommand[] {
  const vaultOptions: VaultOptions = {
    kdfProfile: options.kdfProfile,
    now: options.now,
  };
  const vaultFor = (dir: string) => new Vault(resolve(dir), vaultOptions);

  const init = command({
    name: 'init',
    summary: 'create an encrypted store and its first supervisor; prints the recovery key once',
    usage: 'init --data DIR --user NAME [--display-name TEXT]',
    flags: ['data', 'user', 'display-name'],
    needs: ['data', 'user'],
    body: async ({ flags, need: { data, user: username }, io }) => {
      const dir = resolve(data);
      if (Vault.isInitialised(dir)) throw new AppError('ALREADY_INITIALISED');
      const passphrase = await newSecret(io, ENV_PASSPHRASE, `new passphrase for ${username}`);
      const issued = await Vault.initialise(
        dir,
        { username, displayName: flags['display-name'] ?? username, passphrase },
        vaultOptions,
      );
      io.stdout(`store created: ${dir}`);
      io.stdout(`recovery-key: ${issued.recoveryKey}`);
      if (issued.storeFingerprint) io.stdout(`store: ${issued.storeFingerprint}`);
      io.stdout(
        'Write the recovery key on paper now and keep it offline with the supervisor. It is shown only',
      );
      io.stdout(
        'this once. With it a supervisor can reset passphrases, restore backups and open the data with',
      );
      io.stdout('any SQLCipher 4 tool. Without it and without a passphrase, nobody can read the data.');
      io.stdout(
        "Write the store's fingerprint beside it: receivers of this store's referrals compare it with theirs.",
      );
      return 0;
    },
  });

  const addUserCommand = command({
    name: 'add-user',
    signIn: SIGN_IN.addUser,
    summary:
      'add an officer (or supervisor); the new passphrase comes from FIELDSCREEN_NEW_PASSPHRASE or a prompt',
    usage:
      'add-user --data DIR --user SUPERVISOR --new-user NAME [--role officer|supervisor] [--display-name TEXT]',
    flags: ['data', 'user', 'new-user', 'role', 'display-name'],
    needs: ['data', 'user', 'new-user'],
    body: async ({ flags, need: { data: dir, user: supervisor, 'new-user': username }, io }) => {
      const role = userRole.safeParse(flags.role ?? 'officer');
      if (!role.success) throw new UsageError('--role must be officer or supervisor');
      return withSession(io, vaultFor(dir), supervisor, SIGN_IN.addUser, async (s) => {
        const passphrase = await newSecret(io, ENV_NEW_PASSPHRASE, `first passphrase for ${username}`);
        const user = await addUser(s, {
          username,
          displayName: flags['display-name'] ?? username,
          role: role.data,
          passphrase,
        });
        io.stdout(`user-id: ${user.id}`);
        io.stdout(`role: ${user.role}`);
        io.stdout(
          `note: ${username} chooses their own passphrase at first sign-in (in the app, or cli change-passphrase); a supervisor's next sign-in then endorses their signing key`,
        );
        return 0;
      });
    },
  });

  const importCase = command({
    name: 'import-case',
    signIn: SIGN_IN.importCase,
    summary: 'import a case document (JSON, format fieldscreen.case v1)',
    usage: 'import-case --data DIR --user NAME FILE.json',
    flags: ['data', 'user'],
    needs: ['data'],
    body: async ({ flags, positionals, need: { data: dir }, io }) => {
      const file = onePositional(positionals, 'FILE.json');
      const document = reportingProblems(io, () => readCaseDocumentFile(file));
      return withSession(io, vaultFor(dir), required(flags, 'user'), SIGN_IN.importCase, async (s) => {
        const result = reportingProblems(io, () => importCaseDocument(s, document));
        for (const where of result.convertedFromZawgyi) {
          io.stderr(`warning: Zawgyi text converted to Unicode at ${where}`);
        }
        io.stdout(`case-id: ${result.caseId}`);
        io.stdout(`reference: ${result.reference}`);
        return 0;
      });
    },
  });

  const exportCase = command({
    name: 'export-case',
    signIn: SIGN_IN.exportCase,
    summary: 'write one case as a case document (JSON) to stdout or --out FILE',
    usage: 'export-case --data DIR --user NAME [--out FILE] CASE_ID',
    flags: ['data', 'user', 'out'],
    needs: ['data'],
    body: async ({ flags, positionals, need: { data: dir }, io }) => {
      const id = onePositional(positionals, 'CASE_ID');
      if (flags.out && existsSync(flags.out)) throw new AppError('CONFLICT');
      return withSession(io, vaultFor(dir), required(flags, 'user'), SIGN_IN.exportCase, async (s) => {
        const text = JSON.stringify(exportCaseDocument(s, id), null, 2);
        if (flags.out) {
          writeFileSync(flags.out, `${text}\n`, { flag: 'wx', mode: 0o600 });
          io.stdout(`written: ${flags.out}`);
        } else {
          io.stdout(text);
        }
        return 0;
      });
    },
  });

  const backup = command({
    name: 'backup',
    signIn: SIGN_IN.backup,
    summary: 'write a consistent encrypted copy of the store (works while the app runs)',
    usage: 'backup --data DIR --out FILE [--user NAME]   (without --user: FIELDSCREEN_RECOVERY_KEY)',
    flags: ['data', 'out', 'user'],
    needs: ['data', 'out'],
    body: async ({ flags, need: { data: dir, out }, io }) => {
      return withSession(io, vaultFor(dir), flags.user, SIGN_IN.backup, async (s) => {
        const result = await createBackup(s, resolve(out));
        io.stdout(`backup: ${result.file}`);
        io.stdout(`bytes: ${result.bytes}`);
        io.stdout(`schema-version: ${result.schemaVersion}`);
        io.stdout(`audit-anchor: ${result.auditAnchor}`);
        return 0;
      });
    },
  });

  const restore = command({
    name: 'restore',
    summary: 'restore a backup with the recovery key it was made under (close the app first)',
    usage: 'restore --from FILE --data DIR',
    flags: ['from', 'data'],
    needs: ['from', 'data'],
    body: async ({ need, io }) => {
      const from = resolve(need.from);
      const dir = resolve(need.data);
      const recoveryKey = await secret(io, ENV_RECOVERY_KEY, 'recovery key of the backup');
      const result = await restoreBackup({
        from,
        dir,
        recoveryKey,
        now: options.now,
        auditKeys: options.auditKeys,
      });
      io.stdout(`restored: ${dir}`);
      io.stdout(`backup-created-at: ${result.backupCreatedAt}`);
      if (result.previousDatabase) io.stdout(`previous-database-kept-as: ${result.previousDatabase}`);
      if (!result.keyringRestored) {
        io.stdout(
          'note: the backup had no keyring; reset each passphrase with the recovery key (reset-passphrase)',
        );
      }
      return 0;
    },
  });

  const auditVerify = command({
    name: 'audit-verify',
    signIn: SIGN_IN.auditVerify,
    summary:
      'check the audit trail (hash chain, signatures, append-only triggers); exit 0 when intact, else say why',
    usage:
      'audit-verify --data DIR [--user NAME] [--anchor REFERRAL.pdf|BACKUP]   (without --user: FIELDSCREEN_RECOVERY_KEY)',
    flags: ['data', 'user', 'anchor'],
    needs: ['data'],
    body: async ({ flags, need: { data: dir }, io }) => {
      const anchorFile = flags.anchor ? resolve(flags.anchor) : null;
      return withSession(io, vaultFor(dir), flags.user, SIGN_IN.auditVerify, async (s) => {
        const source = anchorFile ? readAnchorSource(anchorFile, s.dbKey) : null;
        if (source && !source.ok) {
          io.stdout('audit-trail: not checked (anchor unreadable)');
          io.stdout(`reason: ${source.reason}`);
          return 1;
        }
        const anchors = source?.ok ? [source.anchor] : [];
        const report = checkAudit(s, { lookup: options.auditKeys, anchors });
        for (const line of describeTrailReport(report)) io.stdout(line);
        if (source?.ok) io.stdout(describeAnchor(source, report));
        return report.ok ? 0 : 1;
      });
    },
  });

  const rotateKey = command({
    name: 'rotate-key',
    signIn: SIGN_IN.rotateKey,
    summary: 're-encrypt the store under a new key and print the new recovery key (close the app first)',
    usage: 'rotate-key --data DIR --user SUPERVISOR',
    flags: ['data', 'user'],
    needs: ['data', 'user'],
    body: async ({ need: { data: dir, user }, io }) => {
      return withPassphraseSession(io, vaultFor(dir), user, SIGN_IN.rotateKey, async (s, passphrase) => {
        const issued = await rotateDatabaseKey(s, passphrase);
        io.stdout(`recovery-key: ${issued.recoveryKey}`);
        io.stdout(
          'The old recovery key no longer opens this store; keep it only with backups made before now.',
        );
        return 0;
      });
    },
  });

  const resetPassphrase = command({
    name: 'reset-passphrase',
    summary:
      "set an account's passphrase with the recovery key (FIELDSCREEN_RECOVERY_KEY, FIELDSCREEN_NEW_PASSPHRASE)",
    usage: 'reset-passphrase --data DIR --user NAME',
    flags: ['data', 'user'],
    needs: ['data', 'user'],
    body: async ({ need: { data: dir, user }, io }) => {
      const recoveryKey = await secret(io, ENV_RECOVERY_KEY, 'recovery key');
      const next = await newSecret(io, ENV_NEW_PASSPHRASE, `new passphrase for ${user}`);
      await vaultFor(dir).resetPassphraseWithRecoveryKey(recoveryKey, user, next);
      io.stdout(`passphrase-reset: ${user}`);
      return 0;
    },
  });

  const changePassphraseCommand = command({
    name: 'change-passphrase',
    signIn: SIGN_IN.changePassphrase,
    summary:
      'change your own passphrase (FIELDSCREEN_PASSPHRASE, FIELDSCREEN_NEW_PASSPHRASE); the first change after a supervisor set it makes your own keys',
    usage: 'change-passphrase --data DIR --user NAME',
    flags: ['data', 'user'],
    needs: ['data', 'user'],
    body: async ({ need: { data: dir, user }, io }) => {
      return withPassphraseSession(io, vaultFor(dir), user, SIGN_IN.changePassphrase, async (s, current) => {
        const next = await newSecret(io, ENV_NEW_PASSPHRASE, `new passphrase for ${user}`);
        const status = await changeOwnPassphrase(s, { currentPassphrase: current, newPassphrase: next });
        io.stdout(`passphrase-changed: ${user}`);
        io.stdout(`signing-key: ${status.signingKey}`);
        if (status.storeFingerprint) io.stdout(`store: ${status.storeFingerprint}`);
        return 0;
      });
    },
  });

  return [
    init,
    addUserCommand,
    changePassphraseCommand,
    importCase,
    exportCase,
    backup,
    restore,
    auditVerify,
    rotateKey,
    resetPassphrase,
  ];
}

/** The production command set (strong Argon2id). */
export const storeCommands: CliCommand[] = createStoreCommands();
