import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import { entityId } from '../../shared/domain/common';
import { AppError } from '../../shared/errors';
import { ed25519PublicKey } from '../keys/package-stream';
import { publicKeysOf, signingKeyOf } from '../keys/person-keys';
import { rosterAccountOf, signedRoster, verifyRoster } from '../keys/roster';
import { agencyKeyOfStore } from './agency-keys';
import { certifiedName } from './handover-receive';
import { judgePeerSigner, knownPeerRoster, rememberPeerRoster } from './peer-rosters';
import type { Session } from './session';
import { readSettings } from './settings';
import { currentKeyring, rosterOf } from './trust';
import { parseInput } from './validate';

/**
 * The receipt (issue 18, part 4): the receiving store says it received a package, signed by the
 * person who issues it (their own Ed25519 key, endorsed by the receiving store's roster, which travels
 * with it). The sender imports it: the receiving store must be the one the package went to (its agency
 * key in the directory), the roster must verify under that store's CA and endorse the key, and the
 * package must be one sent from here to that store. Then the case page says "received by <agency> on
 * <date>" and the follow-up counters run from that date. A changed receipt is refused.
 *
 * File (`.fsreceipt`): JSON { text, signature, signingPublicKey }, signature = Ed25519 over
 * "fieldscreen.handover-receipt.v1\n" ‖ text. No personal data: ids, hashes, dates, the agency.
 */
export const RECEIPT_FORMAT = 'fieldscreen.handover-receipt';
export const MAX_RECEIPT_BYTES = 512 * 1024;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const receiptBody = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  version: z.literal(1),
  packageId: z.uuid(),
  packageSha256: hex64,
  caseId: z.uuid(),
  reference: z.string().max(64),
  receivedAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
  sender: z.strictObject({ storeFingerprint: z.string().max(200) }),
  receiver: z.strictObject({
    storeFingerprint: z.string().max(200),
    agencyName: z.string().max(200),
    accountId: z.uuid(),
    roster: signedRoster,
  }),
});
type ReceiptBody = z.infer<typeof receiptBody>;

const receiptFile = z.strictObject({
  text: z.string().max(MAX_RECEIPT_BYTES),
  signature: b64.max(200),
  signingPublicKey: b64.max(200),
});

const message = (text: string) => Buffer.from(`fieldscreen.handover-receipt.v1\n${text}`, 'utf8');

interface ReceivedRow {
  package_id: string;
  case_id: string;
  package_sha256: string;
  other_store_fingerprint: string;
  recorded_at: string;
}

/** Issues the receipt of a case received here (the receiver's side); audited, and kept with the case. */
export function issueReceipt(
  session: Session,
  caseId: string,
): { bytes: Buffer; packageId: string; reference: string } {
  const user = session.require('handover.send');
  const id = parseInput(entityId, caseId);
  const bundle = session.trust.person;
  const keyring = currentKeyring(session.dir);
  const roster = rosterOf(keyring);
  const account = roster ? rosterAccountOf(roster, user.id) : undefined;
  const signingPublicKey = bundle ? publicKeysOf(bundle).signingPublicKey : null;
  if (
    !bundle ||
    !keyring.roster ||
    account?.keyState !== 'endorsed' ||
    !account.enabled ||
    account.signingPublicKey !== signingPublicKey
  )
    throw new AppError('SIGNING_KEY_PENDING');
  const row = session.read(
    (db) =>
      db
        .prepare(
          "SELECT * FROM handovers WHERE case_id = ? AND direction = 'received' ORDER BY recorded_at DESC LIMIT 1",
        )
        .get(id) as ReceivedRow | undefined,
  );
  if (!row) throw new AppError('NOT_FOUND', { messageKey: 'errors.receiptNotReceived' });
  const reference = session.read(
    (db) => db.prepare('SELECT reference FROM cases WHERE id = ?').pluck().get(id) as string,
  );
  const now = session.now();
  const body: ReceiptBody = {
    format: RECEIPT_FORMAT,
    version: 1,
    packageId: row.package_id,
    packageSha256: row.package_sha256,
    caseId: id,
    reference,
    receivedAt: row.recorded_at,
    issuedAt: now.toISOString(),
    sender: { storeFingerprint: row.other_store_fingerprint },
    receiver: {
      storeFingerprint: session.trust.storeFingerprint ?? '',
      agencyName: session.read((db) => readSettings(db)).agency.name,
      accountId: user.id,
      roster: keyring.roster,
    },
  };
  const text = JSON.stringify(receiptBody.parse(body));
  const file = {
    text,
    signature: sign(null, message(text), signingKeyOf(bundle)).toString('base64'),
    signingPublicKey,
  };
  session.write((db, at) => {
    db.prepare(
      `UPDATE handovers SET receipt_at = ?, receipt_by = ?, receipt_json = ?
       WHERE package_id = ? AND direction = 'received'`,
    ).run(at.toISOString(), user.username, JSON.stringify(file), row.package_id);
    session.audit(db, at, {
      action: 'handover.receipt_issue',
      entityType: 'case',
      entityId: id,
      details: { packageId: row.package_id, packageSha256: row.package_sha256, receivedAt: row.recorded_at },
    });
  });
  return {
    bytes: Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'),
    packageId: row.package_id,
    reference,
  };
}

export interface ImportedReceipt {
  caseId: string;
  packageId: string;
  agencyName: string;
  receivedAt: string;
  receivedBy: string;
  alreadyRecorded: boolean;
}

const refused = () => new AppError('SIGNATURE_INVALID', { messageKey: 'errors.receiptInvalid' });

/** Imports a receipt on the sender's side; a changed or unknown receipt is refused and changes nothing. */
export function importReceipt(session: Session, bytes: Buffer): ImportedReceipt {
  const user = session.require('handover.send');
  if (bytes.length > MAX_RECEIPT_BYTES) throw refused();
  let file: z.infer<typeof receiptFile>;
  let body: ReceiptBody;
  try {
    file = receiptFile.parse(JSON.parse(bytes.toString('utf8')));
    body = receiptBody.parse(JSON.parse(file.text));
  } catch {
    throw refused();
  }
  let signed = false;
  try {
    signed = verify(
      null,
      message(file.text),
      ed25519PublicKey(file.signingPublicKey),
      Buffer.from(file.signature, 'base64'),
    );
  } catch {
    signed = false;
  }
  if (!signed) throw refused();
  if (body.sender.storeFingerprint !== session.trust.storeFingerprint) throw refused();
  const receiver = session.read((db) => agencyKeyOfStore(db, body.receiver.storeFingerprint));
  if (!receiver) throw new AppError('SIGNATURE_INVALID', { messageKey: 'errors.receiptUntrusted' });
  const roster = verifyRoster(body.receiver.roster, receiver.caCertificatePem, receiver.storeFingerprint);
  if (!roster) throw new AppError('SIGNATURE_INVALID', { messageKey: 'errors.receiptUntrusted' });
  const known = session.read((db) =>
    knownPeerRoster(db, receiver.storeFingerprint, receiver.caCertificatePem),
  );
  const signer = judgePeerSigner(roster, known, body.receiver.accountId, file.signingPublicKey);
  if (!signer.ok)
    throw new AppError('SIGNATURE_INVALID', {
      messageKey:
        signer.reason === 'signer-withdrawn' ? 'errors.receiptSignerWithdrawn' : 'errors.receiptUntrusted',
    });
  const { account } = signer;
  const by = certifiedName(account.referralCertificatePem, receiver.caCertificatePem);
  if (!by) throw new AppError('SIGNATURE_INVALID', { messageKey: 'errors.receiptUntrusted' });
  return session.write((db, now) => {
    const sent = db
      .prepare("SELECT * FROM handovers WHERE package_id = ? AND direction = 'sent'")
      .get(body.packageId) as
      | (ReceivedRow & { agency_name: string; receipt_at: string | null; receipt_json: string | null })
      | undefined;
    if (
      !sent ||
      sent.package_sha256 !== body.packageSha256 ||
      sent.case_id !== body.caseId ||
      sent.other_store_fingerprint !== body.receiver.storeFingerprint
    )
      throw new AppError('NOT_FOUND', { messageKey: 'errors.receiptUnknownPackage' });
    const result = {
      caseId: sent.case_id,
      packageId: body.packageId,
      agencyName: sent.agency_name,
      receivedAt: body.receivedAt,
      receivedBy: by,
    };
    if (sent.receipt_json !== null) return { ...result, alreadyRecorded: true };
    db.prepare(
      `UPDATE handovers SET receipt_at = ?, receipt_by = ?, receipt_json = ?
       WHERE package_id = ? AND direction = 'sent'`,
    ).run(body.receivedAt, by, bytes.toString('utf8'), body.packageId);
    rememberPeerRoster(db, receiver.caCertificatePem, body.receiver.roster, roster, now, body.packageId);
    session.audit(db, now, {
      action: 'handover.receipt_import',
      entityType: 'case',
      entityId: sent.case_id,
      details: {
        packageId: body.packageId,
        packageSha256: body.packageSha256,
        agencyName: sent.agency_name,
        receiverStore: body.receiver.storeFingerprint,
        receivedAt: body.receivedAt,
        receivedBy: by,
        importedBy: user.id,
      },
    });
    return { ...result, alreadyRecorded: false };
  });
}
