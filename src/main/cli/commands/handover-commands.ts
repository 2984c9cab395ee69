import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { translatorFor } from '../../i18n/translator';
import { importProblems } from '../../store/case-document';
import { importReceipt, issueReceipt, MAX_RECEIPT_BYTES } from '../../store/handover-receipt';
import { HandoverReceiveError, receiveHandover } from '../../store/handover-receive';
import { HandoverRefusedError, recordHandoverSent, sealHandover } from '../../store/handover-send';
import { Vault } from '../../store/vault';
import { writeFileAtomic } from '../../util/atomic-file';
import { readBoundedFile } from '../bounded-file';
import { cliLanguage } from '../language';
import type { CliCommand, CliIo, SignInFor } from '../types';
import { saying } from './agency-key-commands';
import { command, onePositional, required, UsageError, withSession } from './store-commands';

/** As over IPC ('handover.send', 'handover.receive'). */
export const SIGN_IN_HANDOVER: SignInFor = { permission: 'handover.send', recovery: false };
export const SIGN_IN_RECEIVE: SignInFor = { permission: 'handover.receive', recovery: false };

/** What the consent names, when a handover to another receiver was refused (an agency's name or kind). */
function reportConsent(io: CliIo, err: unknown): void {
  if (!(err instanceof HandoverRefusedError) || !err.recorded) return;
  const recorded = err.recorded;
  if (recorded.kind === 'contact') io.stderr(`consented-to: ${recorded.name} (--to ${recorded.contactId})`);
  else if (recorded.kind === 'named') io.stderr(`consented-to: ${recorded.name}`);
  else io.stderr(`consented-to: any agency of kind ${recorded.agencyKind}`);
}

/**
 * `handover --data DIR --user NAME CASE_ID --to AGENCY --out F.fshandover`: the case sealed to the
 * receiving agency's key (AGENCY: its referral directory id, as `directory import-key` printed it),
 * signed by the officer; audited with the package's hash, which is printed.
 */
export const handoverCommand = command({
  name: 'handover',
  signIn: SIGN_IN_HANDOVER,
  summary:
    "seal a case (document, attachments, signed referral, audit rows) to a receiving agency's key, signed by you (prints the package hash)",
  usage: 'handover --data DIR --user NAME CASE_ID --to AGENCY_ID --out FILE.fshandover',
  flags: ['data', 'user', 'to', 'out'],
  body: async ({ flags, positionals, io }) => {
    const caseId = onePositional(positionals, 'CASE_ID');
    const dir = resolve(required(flags, 'data'));
    const out = resolve(required(flags, 'out'));
    const to = required(flags, 'to');
    if (existsSync(out)) throw new UsageError(`${out} exists; choose another --out`);
    const sealed = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_HANDOVER, (s) =>
      saying(io, async () => {
        try {
          const made = await sealHandover(s, { caseId, agencyId: to }, out);
          recordHandoverSent(s, made, basename(out));
          return made;
        } catch (err) {
          reportConsent(io, err);
          throw err;
        }
      }),
    );
    io.stdout(`file: ${out}`);
    io.stdout(`package-id: ${sealed.packageId}`);
    io.stdout(`sha256: ${sealed.packageSha256}`);
    io.stdout(`agency: ${sealed.agencyName}`);
    io.stdout(`recipient-store: ${sealed.recipientStoreFingerprint}`);
    io.stdout(`attachments: ${sealed.attachments}`);
    return 0;
  },
});

/**
 * `receive --data DIR --user NAME F.fshandover`: checks the package (recipient, trusted sender,
 * signature, not received before), opens it with this store's agency key and creates the case like an
 * import. A refusal says why in the terminal's language and changes nothing.
 */
export const receiveCommand = command({
  name: 'receive',
  signIn: SIGN_IN_RECEIVE,
  summary:
    'receive a handover package sealed to this store: check it, open it, create its case (supervisors)',
  usage: 'receive --data DIR --user NAME FILE.fshandover',
  flags: ['data', 'user'],
  body: async ({ flags, positionals, io }) => {
    const file = resolve(onePositional(positionals, 'FILE.fshandover'));
    if (!existsSync(file)) throw new AppError('NOT_FOUND');
    const dir = resolve(required(flags, 'data'));
    const received = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_RECEIVE, (s) =>
      saying(io, async () => {
        try {
          return await receiveHandover(s, file);
        } catch (err) {
          if (err instanceof HandoverReceiveError) io.stderr(`reason: ${err.reason}`);
          for (const line of importProblems(err)) io.stderr(`problem: ${line}`);
          throw err;
        }
      }),
    );
    const t = translatorFor(cliLanguage(io.env));
    io.stdout(`case-id: ${received.caseId}`);
    io.stdout(`reference: ${received.reference}`);
    io.stdout(`package-id: ${received.packageId}`);
    io.stdout(`sha256: ${received.packageSha256}`);
    io.stdout(`from-agency: ${received.agencyName}`);
    io.stdout(`from-officer: ${received.officerName}`);
    io.stdout(`from-store: ${received.senderStoreFingerprint}`);
    io.stdout(`sent-at: ${received.sentAt}`);
    io.stdout(`attachments: ${received.attachments}`);
    io.stdout(
      `audit-appendix: ${received.appendix.rows} rows, ${received.appendix.hashesOk} hashes recomputed, ${received.appendix.signaturesVerified} signatures verified, ${received.appendix.unsigned} unsigned, ${received.appendix.problems} problems`,
    );
    io.stdout(
      `referral: ${received.referral.valid ? 'valid' : 'not valid'}, ${received.referral.trusted ? 'trusted' : 'not trusted'} (${received.referral.reason})`,
    );
    for (const where of received.convertedFromZawgyi)
      io.stderr(`warning: Zawgyi text converted to Unicode at ${where}`);
    io.stdout(
      `message: ${t('handover.received', { agency: received.agencyName, officer: received.officerName })}`,
    );
    return 0;
  },
});

/**
 * `receipt --data DIR --user NAME CASE_ID --out F.fsreceipt` (the receiver: a signed receipt for a
 * received case) and `receipt import --data DIR --user NAME F.fsreceipt` (the sender: the case then
 * shows "received by <agency> on <date>" and its follow-up periods run from that date).
 */
export const receiptCommand = command({
  name: 'receipt',
  signIn: SIGN_IN_HANDOVER,
  summary:
    'issue the signed receipt of a received case (--out), or import one on the sending side (receipt import FILE)',
  usage:
    'receipt --data DIR --user NAME CASE_ID --out FILE.fsreceipt | receipt import --data DIR --user NAME FILE.fsreceipt',
  flags: ['data', 'user', 'out'],
  body: async ({ flags, positionals, io }) => {
    const dir = resolve(required(flags, 'data'));
    if (positionals[0] === 'import') {
      const file = resolve(onePositional(positionals.slice(1), 'FILE.fsreceipt'));
      const bytes = readBoundedFile(
        file,
        MAX_RECEIPT_BYTES,
        () => new AppError('SIGNATURE_INVALID', { messageKey: 'errors.receiptInvalid' }),
      );
      const imported = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_HANDOVER, (s) =>
        saying(io, async () => importReceipt(s, bytes)),
      );
      io.stdout(`case-id: ${imported.caseId}`);
      io.stdout(`package-id: ${imported.packageId}`);
      io.stdout(`received-by: ${imported.agencyName} (${imported.receivedBy})`);
      io.stdout(`received-at: ${imported.receivedAt}`);
      if (imported.alreadyRecorded) io.stdout('note: this receipt was imported before; nothing changed');
      return 0;
    }
    const caseId = onePositional(positionals, 'CASE_ID');
    const out = resolve(required(flags, 'out'));
    if (existsSync(out)) throw new UsageError(`${out} exists; choose another --out`);
    const issued = await withSession(io, new Vault(dir), required(flags, 'user'), SIGN_IN_HANDOVER, (s) =>
      saying(io, async () => issueReceipt(s, caseId)),
    );
    writeFileAtomic(out, issued.bytes);
    io.stdout(`file: ${out}`);
    io.stdout(`package-id: ${issued.packageId}`);
    io.stdout(`reference: ${issued.reference}`);
    return 0;
  },
});

export const handoverCommands: CliCommand[] = [handoverCommand, receiveCommand, receiptCommand];
