import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { agencyKind } from '../../../shared/domain/settings';
import { AppError, isAppError } from '../../../shared/errors';
import { translatorFor } from '../../i18n/translator';
import { MAX_AGENCY_KEY_FILE_BYTES } from '../../keys/agency-key';
import { exportAgencyKey, importAgencyKey } from '../../store/agency-keys';
import { Vault } from '../../store/vault';
import { writeFileAtomic } from '../../util/atomic-file';
import { readBoundedFile } from '../bounded-file';
import { cliLanguage } from '../language';
import type { CliIo, SignInFor } from '../types';
import { command, onePositional, required, UsageError, withSession } from './store-commands';

/** Agency keys belong to the referral directory, a device setting: as over IPC (admin.agencyKey.*). */
export const SIGN_IN_AGENCY_KEY: SignInFor = { permission: 'settings.device', recovery: false };

/**
 * Runs a step; a refusal that carries its own message (not just a code) is said in the terminal's
 * language (FIELDSCREEN_LANG or the system locale) before the error code.
 */
export async function saying<T>(io: CliIo, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (isAppError(err)) io.stderr(`message: ${translatorFor(cliLanguage(io.env))(err.messageKey)}`);
    throw err;
  }
}

/** `agency-key export --data DIR --user NAME --out AGENCY.fskey`: this store's agency key file. */
export const agencyKeyCommand = command({
  name: 'agency-key',
  signIn: SIGN_IN_AGENCY_KEY,
  summary:
    "write this store's agency key (.fskey: sealing key, agency, province, signed by the store identity) for the agencies that hand cases over to it",
  usage: 'agency-key export --data DIR --user NAME --out AGENCY.fskey',
  flags: ['data', 'user', 'out'],
  body: async ({ flags, positionals, io }) => {
    if (onePositional(positionals, 'export') !== 'export') throw new UsageError('the subcommand is export');
    const dir = resolve(required(flags, 'data'));
    const out = resolve(required(flags, 'out'));
    if (existsSync(out)) throw new UsageError(`${out} exists; choose another --out`);
    const exported = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_AGENCY_KEY, (s) =>
      saying(io, async () => exportAgencyKey(s)),
    );
    writeFileAtomic(out, exported.bytes);
    io.stdout(`file: ${out}`);
    io.stdout(`agency: ${exported.facts.agencyName}`);
    io.stdout(`store: ${exported.facts.storeFingerprint}`);
    io.stdout(`short-fingerprint: ${exported.facts.shortFingerprint}`);
    io.stdout('note: read the short fingerprint to the receiving agency by phone when they import the file');
    return 0;
  },
});

/**
 * `directory import-key --data DIR --user NAME [--agency ID] [--kind KIND] AGENCY.fskey`: another
 * store's agency key into the referral directory (a new entry, or the one named), after the short
 * fingerprint printed here was compared by phone with the one the other side's export printed.
 */
export const directoryCommand = command({
  name: 'directory',
  signIn: SIGN_IN_AGENCY_KEY,
  summary:
    "import another store's agency key into the referral directory (prints agency-id and the short fingerprint to compare by phone)",
  usage: `directory import-key --data DIR --user NAME [--agency ID] [--kind ${agencyKind.options.join('|')}] AGENCY.fskey`,
  flags: ['data', 'user', 'agency', 'kind'],
  body: async ({ flags, positionals, io }) => {
    const [sub, file, ...rest] = positionals;
    if (sub !== 'import-key') throw new UsageError('the subcommand is import-key');
    if (!file || rest.length > 0) throw new UsageError('one AGENCY.fskey is required');
    const kind = flags.kind === undefined ? undefined : agencyKind.safeParse(flags.kind);
    if (kind && !kind.success) throw new UsageError(`--kind must be one of ${agencyKind.options.join(', ')}`);
    const dir = resolve(required(flags, 'data'));
    const bytes = readBoundedFile(
      resolve(file),
      MAX_AGENCY_KEY_FILE_BYTES,
      () => new AppError('VALIDATION', { messageKey: 'errors.agencyKeyInvalid' }),
    );
    const imported = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_AGENCY_KEY, (s) =>
      saying(io, async () =>
        importAgencyKey(s, bytes, {
          ...(flags.agency ? { agencyId: flags.agency } : {}),
          ...(kind?.success ? { kind: kind.data } : {}),
        }),
      ),
    );
    io.stdout(`agency-id: ${imported.agencyId}`);
    io.stdout(`agency: ${imported.agencyName}`);
    io.stdout(`province: ${imported.province || '-'}`);
    io.stdout(`store: ${imported.storeFingerprint}`);
    io.stdout(`short-fingerprint: ${imported.shortFingerprint}`);
    io.stdout(`directory-entry: ${imported.created ? 'new' : 'existing'}`);
    return 0;
  },
});
