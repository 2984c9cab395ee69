import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_P12_BYTES, MAX_VERIFY_PDF_BYTES } from '../../../shared/domain/referrals';
import { AppError } from '../../../shared/errors';
import { translatorFor } from '../../i18n/translator';
import { wipe } from '../../keys/wipe';
import {
  EMPTY_TRUST_LIST,
  exitCodeOf,
  judgePdf,
  type TrustList,
  type TrustVerdict,
} from '../../pdf/trust-judge';
import { ReferralReceiverError } from '../../referral/consent-receiver';
import type { TeamMember } from '../../referral/facts';
import {
  ReferralNotReadyError,
  type SigningRequirement,
  signAndExportReferral,
} from '../../referral/service';
import { folderExportTarget } from '../../services/folder-export';
import { saveSigningIdentity } from '../../store/referrals';
import { mergeTrustLists, storeTrustList } from '../../store/trust-list';
import { Vault } from '../../store/vault';
import { readBoundedFile } from '../bounded-file';
import { cliLanguage } from '../language';
import type { CliCommand, CliIo, SignInFor } from '../types';
import { certificatesFromFile, directoryTrustCommand } from './directory-trust-command';
import {
  command,
  guarded,
  onePositional,
  parse,
  required,
  secret,
  UsageError,
  withSession,
} from './store-commands';

/** "Name (role); Name (role)" -> team members. */
function teamFrom(text: string | undefined): TeamMember[] {
  return (text ?? '')
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(.*?)\s*\(([^)]*)\)$/.exec(entry);
      return match ? { name: match[1] ?? entry, role: match[2] ?? '' } : { name: entry, role: '' };
    });
}

/** What is missing before signing, named in English for the terminal (the app names it in the UI). */
const REQUIREMENT_HINTS: Record<SigningRequirement, string> = {
  'agency.name': "the referring agency's name (settings: agency)",
  'agency.unit': "the referring agency's unit (settings: agency)",
  'agency.province': "the referring agency's province (settings: agency)",
  'agency.phone': "the referring agency's telephone (settings: agency)",
  'officer.position': "the officer's position (--position)",
};

const CONFIRM_RECEIVER_NAMED = '--confirm-receiver-named';

/**
 * A referral to a receiver the person did not consent to: why, in the terminal's language, and what
 * the consent names (an agency's name or kind: no personal data).
 */
function reportReceiverRefusal(io: CliIo, err: ReferralReceiverError): void {
  io.stderr(`message: ${translatorFor(cliLanguage(io.env))(err.messageKey)}`);
  const recorded = err.recorded;
  if (recorded?.kind === 'contact')
    io.stderr(`consented-to: ${recorded.name} (--contact-id ${recorded.contactId})`);
  else if (recorded?.kind === 'named') io.stderr(`consented-to: ${recorded.name} (--to)`);
  else if (recorded) io.stderr(`consented-to: any agency of kind ${recorded.agencyKind}`);
  else
    io.stderr(
      `consented-to: not recorded; add ${CONFIRM_RECEIVER_NAMED} if you named this receiver to the person`,
    );
}

/** Signing a referral, or one's own signing identity: as over IPC ('referral.export'). */
const SIGN_IN_REFERRAL: SignInFor = { permission: 'referrals.write', recovery: false };
/** Reading the store's trust list to judge a PDF: as over IPC ('referral.verify'). */
const SIGN_IN_VERIFY: SignInFor = { permission: 'referrals.verify', recovery: false };

/** `referral --data DIR --user NAME CASE_ID --out FILE.pdf --position TEXT [...]`: the signed referral PDF. */
export const referralCommand: CliCommand = {
  name: 'referral',
  signIn: SIGN_IN_REFERRAL,
  summary: 'build, sign and save the referral PDF of a case (recorded in the audit trail)',
  usage:
    'referral --data DIR --user NAME CASE_ID --out FILE.pdf --position TEXT [--to AGENCY | --contact-id ID] ' +
    '[--contact-person NAME] [--letter-number TEXT] [--team "NAME (ROLE); ..."] [--confirm-receiver-named]',
  run(args, io) {
    return guarded(io, this.usage, async () => {
      // A switch (no value): consent recorded without its receiver, which the officer confirms they named.
      const confirmReceiverNamed = args.includes(CONFIRM_RECEIVER_NAMED);
      const { flags, positionals } = parse(
        args.filter((a) => a !== CONFIRM_RECEIVER_NAMED),
        ['data', 'user', 'out', 'to', 'contact-id', 'contact-person', 'letter-number', 'position', 'team'],
      );
      const dir = resolve(required(flags, 'data'));
      const out = resolve(required(flags, 'out'));
      const caseId = onePositional(positionals, 'CASE_ID');
      const record = await withSession(
        io,
        new Vault(dir),
        required(flags, 'user'),
        SIGN_IN_REFERRAL,
        async (session) => {
          // Write exactly to --out: the folder target never overwrites, so an existing file is refused.
          const target = folderExportTarget(dirname(out));
          try {
            return await signAndExportReferral(
              session,
              {
                caseId,
                receivingAgency: flags.to ?? '',
                ...(flags['contact-id'] ? { contactId: flags['contact-id'] } : {}),
                contactPerson: flags['contact-person'] ?? '',
                ...(flags['letter-number'] ? { letterNumber: flags['letter-number'] } : {}),
                officerPosition: flags.position ?? '',
                team: teamFrom(flags.team),
                confirmReceiverNamed,
              },
              target,
              basename(out),
            );
          } catch (err) {
            if (err instanceof ReferralNotReadyError) {
              for (const requirement of err.missing)
                io.stderr(`missing before signing: ${REQUIREMENT_HINTS[requirement]}`);
            }
            if (err instanceof ReferralReceiverError) reportReceiverRefusal(io, err);
            throw err;
          }
        },
      );
      if (!record) return 1;
      io.stdout(`file: ${resolve(dirname(out), record.fileName)}`);
      io.stdout(`sha256: ${record.fileSha256}`);
      io.stdout(`signer-fingerprint: ${record.signerFingerprint}`);
      return 0;
    });
  },
};

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The verdict one fact a line, as the README and the exit policy describe. */
export function verdictLines(verdict: TrustVerdict): string[] {
  return [
    `valid: ${yesNo(verdict.valid)}`,
    `trusted: ${yesNo(verdict.trusted)}`,
    `signer: ${verdict.signerName ?? '-'}`,
    `fingerprint: ${verdict.signerFingerprint ?? '-'}`,
    `store: ${verdict.storeFingerprint ?? '-'}`,
    `signatures: ${verdict.signatures}`,
    `covers-whole-document: ${yesNo(verdict.coversWholeDocument)}`,
    `reason: ${verdict.reason}: ${verdict.reasonWords}`,
  ];
}

/**
 * `verify-pdf FILE.pdf [--data DIR --user NAME] [--trust CERT.pem]...`: is the referral exactly what
 * one trusted signer signed? Exit 0 only when valid, trusted and one signature covers the whole file;
 * 3 when valid and whole but the signer is not trusted; 1 otherwise (2: usage).
 */
export const verifyPdfCommand: CliCommand = {
  name: 'verify-pdf',
  signIn: SIGN_IN_VERIFY,
  summary:
    'check a referral PDF: signature, signature count, coverage and trust (exit 0 trusted, 3 untrusted, 1 invalid)',
  usage: 'verify-pdf FILE.pdf [--data DIR --user NAME] [--trust CERT.pem]...',
  run(args, io) {
    return guarded(io, this.usage, async () => {
      let values: { data?: string; user?: string; trust?: string[] };
      let positionals: string[];
      try {
        ({ values, positionals } = parseArgs({
          args,
          options: {
            data: { type: 'string' },
            user: { type: 'string' },
            trust: { type: 'string', multiple: true },
          },
          allowPositionals: true,
          strict: true,
        }));
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const file = onePositional(positionals, 'FILE');
      if (values.data && !values.user) throw new UsageError('--data needs --user');
      if (values.user && !values.data) throw new UsageError('--user needs --data');
      const given: TrustList = {
        certificates: (values.trust ?? []).flatMap((f) => certificatesFromFile('--trust', f)),
        storeFingerprints: [],
      };
      const pdf = readBoundedFile(resolve(file), MAX_VERIFY_PDF_BYTES, (limit) => {
        io.stderr(
          `problem: ${file} is larger than ${limit}; a signed referral is far smaller, so it was not read`,
        );
        return new AppError('VALIDATION');
      });
      const fromStore =
        values.data && values.user
          ? await withSession(
              io,
              new Vault(resolve(values.data)),
              values.user,
              SIGN_IN_VERIFY,
              async (session) => storeTrustList(session),
            )
          : EMPTY_TRUST_LIST;
      const verdict = judgePdf(pdf, mergeTrustLists(given, fromStore));
      for (const line of verdictLines(verdict)) io.stdout(line);
      if (verdict.signingTime) io.stdout(`signing-time: ${verdict.signingTime}`);
      io.stdout(`sha256: ${verdict.documentSha256}`);
      return exitCodeOf(verdict);
    });
  },
};

/**
 * `import-signing-identity --data DIR --user NAME FILE.p12`: an agency-issued certificate and key for
 * this officer's referrals (password from FIELDSCREEN_P12_PASSWORD or a prompt). The container is kept
 * inside the encrypted store; the file itself can then be removed from the laptop.
 */
export const importSigningIdentityCommand = command({
  name: 'import-signing-identity',
  signIn: SIGN_IN_REFERRAL,
  summary: "import an agency PKCS#12 (certificate + key) as the officer's signing identity",
  usage: 'import-signing-identity --data DIR --user NAME [--label TEXT] FILE.p12',
  flags: ['data', 'user', 'label'],
  body: async ({ flags, positionals, io }) => {
    const dir = resolve(required(flags, 'data'));
    const file = onePositional(positionals, 'FILE.p12');
    // The container's bytes are wiped once stored (the store keeps its own copy).
    const p12 = readBoundedFile(resolve(file), MAX_P12_BYTES, (limit) => {
      io.stderr(`problem: ${file} is larger than ${limit}; a PKCS#12 signing identity is far smaller`);
      return new AppError('VALIDATION');
    });
    let summary: Awaited<ReturnType<typeof saveSigningIdentity>>;
    try {
      const password = await secret(io, 'FIELDSCREEN_P12_PASSWORD', 'PKCS#12 password');
      summary = await withSession(
        io,
        new Vault(dir),
        required(flags, 'user'),
        SIGN_IN_REFERRAL,
        async (session) =>
          saveSigningIdentity(session, { label: flags.label ?? basename(file), p12, password }),
      );
    } finally {
      wipe(p12);
    }
    io.stdout(`subject: ${summary.subject}`);
    io.stdout(`fingerprint: ${summary.fingerprint}`);
    io.stdout(`valid-until: ${summary.validTo}`);
    return 0;
  },
});

export const referralCommands: CliCommand[] = [
  referralCommand,
  verifyPdfCommand,
  importSigningIdentityCommand,
  directoryTrustCommand,
];
