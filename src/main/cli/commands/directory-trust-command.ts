import type { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_CERTIFICATE_FILE_BYTES, parseCertificates } from '../../pdf/certificate-text';
import { getSettings } from '../../store/settings';
import { type AgencyTrust, agencyTrustOf, changeDirectoryTrust } from '../../store/trust-list';
import { Vault } from '../../store/vault';
import type { CliCommand, CliIo, SignInFor } from '../types';
import { guarded, UsageError, withSession } from './store-commands';

/** Reads a certificate file (PEM with one or more certificates, or DER; size-capped) or refuses. */
export function certificatesFromFile(flag: string, file: string): X509Certificate[] {
  let bytes: Buffer;
  try {
    const path = resolve(file);
    if (statSync(path).size > MAX_CERTIFICATE_FILE_BYTES) throw new UsageError(`${flag} ${file}: too large`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${flag} ${file}: cannot be read`);
  }
  const certificates = parseCertificates(bytes);
  if (!certificates) throw new UsageError(`${flag} ${file}: not a PEM or DER certificate`);
  return certificates;
}

function printAgency(io: CliIo, agency: AgencyTrust): void {
  io.stdout(`agency: ${agency.id} ${agency.name}`);
  for (const certificate of agency.certificates)
    io.stdout(`certificate: ${certificate.fingerprint} ${certificate.subject}`);
  for (const store of agency.stores) io.stdout(`store: ${store}`);
}

/** The directory is a device setting: as over IPC ('admin.settings.get' and 'admin.settings.update'). */
const SIGN_IN_DIRECTORY: SignInFor = { permission: 'settings.device', recovery: false };

/**
 * `directory-trust --data DIR --user NAME [--agency ID] [--add-store FP] [--add-cert FILE] [--remove-store FP]
 * [--remove-cert FP]`: the certificates and store fingerprints a receiving agency of the referral
 * directory is trusted by (verify-pdf --data, the in-app check). Without a change it lists them.
 * Changing them is a supervisor's (the directory is a device setting) and is audited.
 */
export const directoryTrustCommand: CliCommand = {
  name: 'directory-trust',
  signIn: SIGN_IN_DIRECTORY,
  summary: 'list or change the certificates and store fingerprints trusted for a referral directory agency',
  usage:
    'directory-trust --data DIR --user NAME [--agency ID] [--add-store FP] [--add-cert FILE.pem] ' +
    '[--remove-store FP] [--remove-cert FP] (each repeatable)',
  run(args, io) {
    return guarded(io, this.usage, async () => {
      let values: Record<string, string | string[] | undefined>;
      try {
        ({ values } = parseArgs({
          args,
          options: {
            data: { type: 'string' },
            user: { type: 'string' },
            agency: { type: 'string' },
            'add-store': { type: 'string', multiple: true },
            'add-cert': { type: 'string', multiple: true },
            'remove-store': { type: 'string', multiple: true },
            'remove-cert': { type: 'string', multiple: true },
          },
          allowPositionals: false,
          strict: true,
        }));
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const list = (name: string) => (values[name] as string[] | undefined) ?? [];
      const data = values.data as string | undefined;
      const user = values.user as string | undefined;
      const agencyId = values.agency as string | undefined;
      if (!data) throw new UsageError('--data is required');
      if (!user) throw new UsageError('--user is required');
      const changes = ['add-store', 'add-cert', 'remove-store', 'remove-cert'].some(
        (n) => list(n).length > 0,
      );
      if (changes && !agencyId) throw new UsageError('--agency is required to change what is trusted');
      const addCertificates = list('add-cert').flatMap((file) => certificatesFromFile('--add-cert', file));
      await withSession(io, new Vault(resolve(data)), user, SIGN_IN_DIRECTORY, async (session) => {
        if (changes && agencyId) {
          printAgency(
            io,
            changeDirectoryTrust(session, agencyId, {
              addCertificates,
              addStores: list('add-store'),
              removeStores: list('remove-store'),
              removeCertificates: list('remove-cert'),
            }),
          );
          return;
        }
        const directory = getSettings(session).referralDirectory;
        const shown = agencyId ? directory.filter((agency) => agency.id === agencyId) : directory;
        if (agencyId && shown.length === 0) throw new UsageError(`no agency ${agencyId} in the directory`);
        for (const agency of shown) printAgency(io, agencyTrustOf(agency));
      });
      return 0;
    });
  },
};
