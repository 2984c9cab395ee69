import { X509Certificate } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { auditRowHash } from '../audit/chain';
import { asSealed, openSealed } from '../audit/sealed-details';
import { rowSignatureMessage, verifyAuditSignature } from '../audit/signer';
import { agencyKeyId, agencyKeyPair } from '../keys/agency-key';
import {
  closePackage,
  ed25519PublicKey,
  type OpenedPackage,
  openPackage,
  PackageError,
  PackageReader,
  verifyPackage,
} from '../keys/package-stream';
import { signingKeyId } from '../keys/person-keys';
import { type RosterBody, verifyRoster } from '../keys/roster';
import { openSealedBox, sodiumReady } from '../keys/sealed-box';
import { wipe } from '../keys/wipe';
import { judgePdf } from '../pdf/trust-judge';
import { agencyKeyOfStore } from './agency-keys';
import { checkCaseDocument, insertCaseDocument } from './case-document';
import {
  type HandoverHeader,
  type HandoverManifest,
  handoverHeader,
  handoverManifestOuter,
  MAX_MANIFEST_BYTES,
} from './handover-format';
import { judgePeerSigner, knownPeerRoster, rememberPeerRoster } from './peer-rosters';
import type { Session } from './session';
import { readSettings } from './settings';
import { requireStoreCa } from './trust';
import { storeTrustList } from './trust-list';

/**
 * Receiving a handover package (issue 18), all checks before anything is written:
 * 1. the file is a package and names this store as its recipient (its fingerprint and agency key);
 * 2. its sender's store is trusted here: that store's agency key was imported into the referral
 *    directory (the only trust list packages are judged against);
 * 3. the signature by the key the header names covers every byte (a changed byte, a cut file, another
 *    signature all fail here, before any decryption);
 * 4. it was not received before;
 * 5. it opens with this store's agency key, and inside, the sender's roster is signed by that trusted
 *    store and endorses the signing key for an enabled account (whose certificate names the officer);
 *    when a newer roster of that store is known here (peer-rosters.ts), the account must still be
 *    enabled in it (`signer-withdrawn`), and the carried roster, when newer, is remembered;
 * 6. the case document passes the checks of any import (instrument, answers, Zawgyi, links), and each
 *    attachment its size and SHA-256 as it is read.
 * Then one transaction creates the case, records where it came from with the sender's audit rows as
 * a verified appendix, and audits it. Any refusal leaves the store as it was.
 */

/** Refused, with what to tell the person (a translated message key). */
export class HandoverReceiveError extends AppError {
  constructor(
    code: 'VALIDATION' | 'CONFLICT' | 'SIGNATURE_INVALID',
    messageKey: string,
    readonly reason: string,
  ) {
    super(code, { messageKey });
  }
}

const refuse = (
  reason: string,
  messageKey: string,
  code: 'VALIDATION' | 'CONFLICT' | 'SIGNATURE_INVALID' = 'VALIDATION',
) => new HandoverReceiveError(code, messageKey, reason);

export interface AppendixEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  details: unknown;
  /** The row's hash recomputes from its content and the hash before it. */
  hashOk: boolean;
  /** 'verified': signed by a key the sender's roster endorses; 'unsigned'; 'bad': signed, but not verifiable. */
  signature: 'verified' | 'unsigned' | 'bad';
}

export interface AppendixSummary {
  rows: number;
  hashesOk: number;
  signaturesVerified: number;
  unsigned: number;
  problems: number;
}

export interface ReceivedHandover {
  caseId: string;
  reference: string;
  packageId: string;
  packageSha256: string;
  agencyId: string;
  agencyName: string;
  officerName: string;
  senderStoreFingerprint: string;
  sentAt: string;
  receivedAt: string;
  attachments: number;
  appendix: AppendixSummary;
  convertedFromZawgyi: string[];
  referral: { valid: boolean; trusted: boolean; reason: string };
}

/** The officer's name as the sender's store certified it (CN of the certificate its CA issued). */
export function certifiedName(certificatePem: string | null, caCertificatePem: string): string | null {
  if (!certificatePem) return null;
  try {
    const cert = new X509Certificate(certificatePem);
    const ca = new X509Certificate(caCertificatePem);
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return null;
    const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
    return cn?.trim() || null;
  } catch {
    return null;
  }
}

/** Each appendix row checked: its hash, its signature against the keys the sender's roster endorses. */
export function verifyAppendix(
  audit: HandoverManifest['audit'],
  roster: RosterBody,
): { entries: AppendixEntry[]; summary: AppendixSummary } {
  const keys = new Map(roster.endorsedKeys.map((k) => [signingKeyId(k.signingPublicKey), k]));
  const caseKey = audit.caseKey ? Buffer.from(audit.caseKey, 'base64') : null;
  try {
    const entries = audit.rows.map((row): AppendixEntry => {
      const hashOk = auditRowHash(row.prevHash, row) === row.hash;
      let signature: AppendixEntry['signature'] = 'unsigned';
      if (row.signerKey || row.signature) {
        const key = row.signerKey ? keys.get(row.signerKey) : undefined;
        const valid =
          key !== undefined &&
          row.signature !== null &&
          verifyAuditSignature(
            ed25519PublicKey(key.signingPublicKey),
            rowSignatureMessage(row.seq, row.hash),
            Buffer.from(row.signature, 'base64url'),
          );
        signature = valid ? 'verified' : 'bad';
      }
      let details: unknown = null;
      try {
        const stored = JSON.parse(row.detailsJson) as unknown;
        const sealed = asSealed(stored);
        if (!sealed) details = stored;
        else {
          const opened = caseKey
            ? openSealed(
                caseKey,
                { seq: row.seq, action: row.action, entityType: row.entityType, entityId: row.entityId },
                sealed,
              )
            : null;
          details = opened === null ? { unreadable: true } : (JSON.parse(opened) as unknown);
        }
      } catch {
        details = { unreadable: true };
      }
      return {
        seq: row.seq,
        at: row.at,
        actor: row.actorId ? (audit.actors[row.actorId] ?? row.actorId) : null,
        action: row.action,
        details,
        hashOk,
        signature,
      };
    });
    const summary: AppendixSummary = {
      rows: entries.length,
      hashesOk: entries.filter((e) => e.hashOk).length,
      signaturesVerified: entries.filter((e) => e.signature === 'verified').length,
      unsigned: entries.filter((e) => e.signature === 'unsigned').length,
      problems: entries.filter((e) => !e.hashOk || e.signature === 'bad').length,
    };
    return { entries, summary };
  } finally {
    wipe(caseKey);
  }
}

function readHeader(pkg: OpenedPackage): HandoverHeader {
  let json: unknown;
  try {
    json = JSON.parse(pkg.header);
  } catch {
    throw refuse('not-a-package', 'errors.handoverNotAPackage');
  }
  const parsed = handoverHeader.safeParse(json);
  if (!parsed.success) throw refuse('not-a-package', 'errors.handoverNotAPackage');
  return parsed.data;
}

function packageProblem(err: unknown): never {
  if (err instanceof PackageError) {
    if (err.problem === 'not-a-package') throw refuse('not-a-package', 'errors.handoverNotAPackage');
    throw refuse(err.problem, 'errors.handoverDamaged', 'SIGNATURE_INVALID');
  }
  throw err;
}

/** Opens, checks and receives the package at `file`. See the module comment for the order of checks. */
export async function receiveHandover(session: Session, file: string): Promise<ReceivedHandover> {
  const user = session.require('handover.receive');
  const ca = requireStoreCa(session);
  await sodiumReady();
  let pkg: OpenedPackage;
  try {
    pkg = openPackage(file);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new AppError('NOT_FOUND');
    packageProblem(err);
  }
  const own = agencyKeyPair(ca);
  try {
    const header = readHeader(pkg);
    if (
      header.recipient.storeFingerprint !== session.trust.storeFingerprint ||
      header.recipient.agencyKeyId !== agencyKeyId(own.publicKey)
    )
      throw refuse('another-recipient', 'errors.handoverForAnotherAgency');
    const sender = session.read((db) => agencyKeyOfStore(db, header.sender.storeFingerprint));
    if (!sender) throw refuse('untrusted-sender', 'errors.handoverUntrustedSender');
    let signingKey: ReturnType<typeof ed25519PublicKey>;
    try {
      signingKey = ed25519PublicKey(header.sender.signingPublicKey);
    } catch {
      throw refuse('not-a-package', 'errors.handoverNotAPackage');
    }
    let packageSha256: string;
    try {
      packageSha256 = verifyPackage(pkg, signingKey);
    } catch (err) {
      packageProblem(err);
    }
    const seen = session.read((db) =>
      db
        .prepare("SELECT 1 FROM handovers WHERE package_id = ? AND direction = 'received'")
        .get(header.packageId),
    );
    if (seen) throw refuse('already-received', 'errors.handoverAlreadyReceived', 'CONFLICT');

    const contentKey = openSealedBox(
      Buffer.from(header.sealedContentKey, 'base64'),
      own.publicKey,
      own.privateKey,
    );
    if (!contentKey) throw refuse('damaged', 'errors.handoverDamaged', 'SIGNATURE_INVALID');
    const reader = new PackageReader(pkg, contentKey, Buffer.from(header.noncePrefix, 'base64'));
    wipe(contentKey);
    const manifest = readManifest(reader, header);

    const roster = verifyRoster(manifest.sender.roster, sender.caCertificatePem, sender.storeFingerprint);
    if (!roster) throw refuse('untrusted-signer', 'errors.handoverUntrustedSender');
    const known = session.read((db) => knownPeerRoster(db, sender.storeFingerprint, sender.caCertificatePem));
    const signer = judgePeerSigner(roster, known, manifest.sender.accountId, header.sender.signingPublicKey);
    if (!signer.ok)
      throw signer.reason === 'signer-withdrawn'
        ? refuse('signer-withdrawn', 'errors.handoverSignerWithdrawn')
        : refuse('untrusted-signer', 'errors.handoverUntrustedSender');
    const { account } = signer;
    const officerName = certifiedName(account.referralCertificatePem, sender.caCertificatePem);
    if (!officerName) throw refuse('untrusted-signer', 'errors.handoverUntrustedSender');

    // Checked exactly like an import; the attachments' bytes are checked as they are read below.
    const { document, converted } = checkCaseDocument(manifest.document, { separateContent: true });
    const referralAttachment = document.attachments.find((a) => a.id === manifest.referral.attachmentId);
    const referralRow = document.referrals.find((r) => r.id === manifest.referral.referralId);
    if (
      !referralAttachment ||
      !referralRow ||
      referralRow.attachmentId !== referralAttachment.id ||
      referralAttachment.sha256 !== manifest.referral.fileSha256
    )
      throw refuse('damaged', 'errors.handoverDamaged', 'SIGNATURE_INVALID');
    const appendix = verifyAppendix(manifest.audit, roster);
    const agency = session
      .read((db) => readSettings(db))
      .referralDirectory.find((entry) => entry.id === sender.agencyId);
    const agencyName = agency?.name ?? manifest.sender.agency.name;

    let referralPdf: Buffer | null = null;
    const received = session.write((db, now) => {
      if (
        db
          .prepare('SELECT 1 FROM cases WHERE id = ? OR reference = ?')
          .get(document.case.id, document.case.reference)
      )
        throw refuse('case-exists', 'errors.handoverCaseExists', 'CONFLICT');
      const counts = insertCaseDocument(db, user.id, document, (a) => {
        let bytes: Buffer;
        try {
          bytes = reader.read(a.size);
        } catch (err) {
          packageProblem(err);
        }
        if (a.id === referralAttachment.id) referralPdf = Buffer.from(bytes);
        return bytes;
      });
      try {
        reader.end();
      } catch (err) {
        packageProblem(err);
      }
      db.prepare(
        `INSERT INTO handovers (package_id, direction, case_id, agency_id, agency_name, other_store_fingerprint,
           package_sha256, officer_name, sent_at, recorded_at, recorded_by, appendix_json)
         VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        header.packageId,
        document.case.id,
        sender.agencyId,
        agencyName,
        sender.storeFingerprint,
        packageSha256,
        officerName,
        header.createdAt,
        now.toISOString(),
        user.id,
        JSON.stringify({ summary: appendix.summary, entries: appendix.entries }),
      );
      rememberPeerRoster(db, sender.caCertificatePem, manifest.sender.roster, roster, now, header.packageId);
      session.audit(db, now, {
        action: 'handover.receive',
        entityType: 'case',
        entityId: document.case.id,
        details: {
          packageId: header.packageId,
          packageSha256,
          fromAgencyId: sender.agencyId,
          fromAgency: agencyName,
          fromStore: sender.storeFingerprint,
          officer: officerName,
          sentAt: header.createdAt,
          senderRosterSerial: roster.serial,
          reference: document.case.reference,
          convertedFromZawgyi: converted,
          counts,
          appendix: appendix.summary,
        },
      });
      return { receivedAt: now.toISOString(), attachments: counts.attachments };
    });
    const verdict = referralPdf ? judgePdf(referralPdf, storeTrustList(session)) : null;
    wipe(referralPdf);
    return {
      caseId: document.case.id,
      reference: document.case.reference,
      packageId: header.packageId,
      packageSha256,
      agencyId: sender.agencyId,
      agencyName,
      officerName,
      senderStoreFingerprint: sender.storeFingerprint,
      sentAt: header.createdAt,
      receivedAt: received.receivedAt,
      attachments: received.attachments,
      appendix: appendix.summary,
      convertedFromZawgyi: converted,
      referral: verdict
        ? { valid: verdict.valid, trusted: verdict.trusted, reason: verdict.reason }
        : { valid: false, trusted: false, reason: 'not-signed' },
    };
  } catch (err) {
    if (err instanceof PackageError) packageProblem(err);
    throw err;
  } finally {
    wipe(own.privateKey);
    closePackage(pkg);
  }
}

/** The manifest (its document still unchecked: checkCaseDocument does that, as for any import). */
function readManifest(reader: PackageReader, header: HandoverHeader) {
  const length = reader.read(4).readUInt32BE(0);
  if (length > MAX_MANIFEST_BYTES) throw refuse('damaged', 'errors.handoverDamaged', 'SIGNATURE_INVALID');
  let json: unknown;
  try {
    json = JSON.parse(reader.read(length).toString('utf8'));
  } catch {
    throw refuse('damaged', 'errors.handoverDamaged', 'SIGNATURE_INVALID');
  }
  const parsed = handoverManifestOuter.safeParse(json);
  if (
    !parsed.success ||
    parsed.data.packageId !== header.packageId ||
    parsed.data.sender.storeFingerprint !== header.sender.storeFingerprint
  )
    throw refuse('damaged', 'errors.handoverDamaged', 'SIGNATURE_INVALID');
  return parsed.data;
}
