import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { caseDocumentSchema } from '../../shared/domain/case-document';
import { entityId } from '../../shared/domain/common';
import type { ConsentReceiver } from '../../shared/domain/consent-receiver';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { agencyKeyId } from '../keys/agency-key';
import { PackageWriter } from '../keys/package-stream';
import { publicKeysOf, signingKeyOf } from '../keys/person-keys';
import { rosterAccountOf } from '../keys/roster';
import { sealToAgency, sodiumReady } from '../keys/sealed-box';
import { wipe } from '../keys/wipe';
import { referralConsentAnswer, yes } from '../referral/build-model';
import {
  checkConsentReceiver,
  recordedConsentReceiver,
  referralReceiver,
} from '../referral/consent-receiver';
import { interviewsAndAnswers } from '../referral/service';
import { fsyncDir } from '../util/atomic-file';
import { agencyKeyOfAgency } from './agency-keys';
import { loadAttribution } from './attribution';
import { caseAuditEntityIds } from './case-deletion';
import { buildDocument } from './case-document';
import { readCaseKey } from './case-keys';
import { getCase } from './cases';
import {
  type AppendixRow,
  HANDOVER_CONTENT_FORMAT,
  HANDOVER_FORMAT,
  type HandoverHeader,
  type HandoverManifest,
} from './handover-format';
import type { Session } from './session';
import { readSettings } from './settings';
import { currentKeyring, rosterOf } from './trust';
import { parseInput } from './validate';

/**
 * Handing a case over (issue 18): the case sealed to the receiving agency's key and signed by the
 * officer who sends it. Only to an agency of the referral directory whose agency key was imported,
 * only when the person consented to referral to that agency (the receiver recorded with the consent,
 * as for a referral; consent recorded without its receiver is not enough here), and only with the
 * signed referral to that agency, which travels inside. Nothing is recorded until the file is
 * written; then the handover is audited with the package's hash.
 */

/** Refused for a reason the officer can act on; `recorded` is what the consent names, if anything. */
export class HandoverRefusedError extends AppError {
  constructor(
    messageKey: string,
    readonly recorded: ConsentReceiver | null = null,
  ) {
    super('VALIDATION', { messageKey });
  }
}

export interface SealedHandover {
  packageId: string;
  packageSha256: string;
  caseId: string;
  reference: string;
  agencyId: string;
  agencyName: string;
  recipientStoreFingerprint: string;
  createdAt: string;
  attachments: number;
  bytes: number;
}

const comparable = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The case's audit rows (its own and its records'), oldest first, as stored. */
function caseAuditRows(db: Db, caseId: string): AppendixRow[] {
  const rows: AppendixRow[] = [];
  const stmt = db.prepare('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq');
  for (const id of caseAuditEntityIds(db, caseId)) {
    for (const r of stmt.all(id) as Record<string, unknown>[]) {
      rows.push({
        seq: r.seq as number,
        at: r.at as string,
        actorKind: r.actor_kind as string,
        actorId: (r.actor_id as string | null) ?? null,
        action: r.action as string,
        entityType: (r.entity_type as string | null) ?? null,
        entityId: (r.entity_id as string | null) ?? null,
        detailsJson: r.details_json as string,
        prevHash: r.prev_hash as string,
        hash: r.hash as string,
        signerKey: (r.signer_key as string | null | undefined) ?? null,
        signature: (r.signature as string | null | undefined) ?? null,
      });
    }
  }
  return rows.sort((a, b) => a.seq - b.seq);
}

/** What must hold before anything is sealed; returns what the package needs. */
function prepare(session: Session, caseId: string, agencyId: string) {
  const user = session.require('handover.send');
  const bundle = session.trust.person;
  const keyring = currentKeyring(session.dir);
  const roster = rosterOf(keyring);
  const account = roster ? rosterAccountOf(roster, user.id) : undefined;
  if (
    !bundle ||
    !keyring.roster ||
    !account?.enabled ||
    account.keyState !== 'endorsed' ||
    account.signingPublicKey !== publicKeysOf(bundle).signingPublicKey
  )
    throw new AppError('SIGNING_KEY_PENDING');
  const settings = session.read((db) => readSettings(db));
  const contact = settings.referralDirectory.find((entry) => entry.id === agencyId);
  if (!contact) throw new AppError('NOT_FOUND', { messageKey: 'errors.referralContactNotFound' });
  const agencyKey = session.read((db) => agencyKeyOfAgency(db, agencyId));
  if (!agencyKey) throw new HandoverRefusedError('errors.handoverNoAgencyKey');

  const caseDetail = getCase(session, caseId);
  const person = caseDetail.persons[0] ?? null;
  const { answers, wordings } = interviewsAndAnswers(session, caseDetail, person?.id ?? null);
  if (!yes(referralConsentAnswer(answers))) throw new HandoverRefusedError('errors.handoverNoConsent');
  const recorded = recordedConsentReceiver(answers, wordings);
  if (!recorded) throw new HandoverRefusedError('errors.handoverReceiverNotRecorded');
  if (!checkConsentReceiver(recorded, referralReceiver(contact, ''), false).ok)
    throw new HandoverRefusedError('errors.handoverReceiverNotConsented', recorded);

  const referral = session.read(
    (db) =>
      (
        db
          .prepare(
            `SELECT id, receiving_agency, file_sha256, attachment_id FROM referrals
             WHERE case_id = ? AND attachment_id IS NOT NULL ORDER BY created_at DESC, id`,
          )
          .all(caseId) as {
          id: string;
          receiving_agency: string;
          file_sha256: string;
          attachment_id: string;
        }[]
      ).find((r) => comparable(r.receiving_agency) === comparable(contact.name)) ?? null,
  );
  if (!referral) throw new HandoverRefusedError('errors.handoverNeedsReferral');
  return { user, bundle, roster: keyring.roster, contact, agencyKey, recorded, referral, caseDetail };
}

/**
 * Seals the case into a new file at `outFile` (which must not exist; written beside it under a
 * temporary name, then renamed). Records nothing: recordHandoverSent does, once the file is where
 * it goes.
 */
export async function sealHandover(
  session: Session,
  input: { caseId: string; agencyId: string },
  outFile: string,
): Promise<SealedHandover> {
  const caseId = parseInput(entityId, input.caseId);
  const agencyId = parseInput(entityId, input.agencyId);
  await sodiumReady();
  const p = prepare(session, caseId, agencyId);
  if (existsSync(outFile)) throw new AppError('CONFLICT');
  const now = session.now();
  const packageId = randomUUID();
  const { document, rows, caseKey, actors } = session.read((db) => {
    const doc = caseDocumentSchema.parse(
      buildDocument(db, caseId, p.user.username, now, { withContent: false }),
    );
    const auditRows = caseAuditRows(db, caseId);
    const names = loadAttribution(db);
    const actorIds = new Set(auditRows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
    const key = readCaseKey(db, caseId);
    const keyText = key ? key.toString('base64') : null;
    wipe(key);
    return {
      document: doc,
      rows: auditRows,
      caseKey: keyText,
      actors: Object.fromEntries([...actorIds].map((id) => [id, names.name(id)])),
    };
  });
  if (!document.attachments.some((a) => a.id === p.referral.attachment_id))
    throw new HandoverRefusedError('errors.handoverNeedsReferral');
  const settings = session.read((db) => readSettings(db));
  const manifest: HandoverManifest = {
    format: HANDOVER_CONTENT_FORMAT,
    version: 1,
    packageId,
    sender: {
      storeFingerprint: session.trust.storeFingerprint ?? '',
      agency: { name: settings.agency.name, province: settings.agency.province },
      accountId: p.user.id,
      roster: p.roster,
    },
    recipient: { agencyName: p.contact.name, consentReceiver: p.recorded },
    document,
    referral: {
      referralId: p.referral.id,
      attachmentId: p.referral.attachment_id,
      fileSha256: p.referral.file_sha256,
    },
    audit: { rows, caseKey, actors },
  };
  const contentKey = randomBytes(32);
  const noncePrefix = randomBytes(8);
  const header: HandoverHeader = {
    format: HANDOVER_FORMAT,
    version: 1,
    packageId,
    createdAt: now.toISOString(),
    recipient: {
      storeFingerprint: p.agencyKey.storeFingerprint,
      agencyKeyId: agencyKeyId(p.agencyKey.sealingPublicKey),
    },
    sender: {
      storeFingerprint: session.trust.storeFingerprint ?? '',
      signingPublicKey: publicKeysOf(p.bundle).signingPublicKey,
    },
    sealedContentKey: sealToAgency(p.agencyKey.sealingPublicKey, contentKey).toString('base64'),
    noncePrefix: noncePrefix.toString('base64'),
  };
  const tmp = `${outFile}.${process.pid}.${Date.now()}.tmp`;
  let bytes = 0;
  let packageSha256: string;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    const writer = new PackageWriter(fd, JSON.stringify(header), contentKey, noncePrefix);
    wipe(contentKey);
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(manifestBytes.length);
    writer.write(length);
    writer.write(manifestBytes);
    const content = session.db.prepare('SELECT content FROM attachments WHERE id = ?').pluck();
    for (const a of document.attachments) {
      const bytesOf = content.get(a.id) as Buffer;
      writer.write(bytesOf);
      bytes += bytesOf.length;
      wipe(bytesOf);
    }
    packageSha256 = writer.finish(signingKeyOf(p.bundle));
    closeSync(fd);
    renameSync(tmp, outFile);
    fsyncDir(dirname(outFile));
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  return {
    packageId,
    packageSha256,
    caseId,
    reference: document.case.reference,
    agencyId,
    agencyName: p.contact.name,
    recipientStoreFingerprint: p.agencyKey.storeFingerprint,
    createdAt: now.toISOString(),
    attachments: document.attachments.length,
    bytes,
  };
}

/** The handover, recorded once the package is where it goes: its row and its audit entry, with the hash. */
export function recordHandoverSent(session: Session, sealed: SealedHandover, fileName: string): void {
  const user = session.require('handover.send');
  const officer = session.read(
    (db) =>
      (db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(user.id) as
        | string
        | undefined) ?? user.username,
  );
  session.write((db, now) => {
    db.prepare(
      `INSERT INTO handovers (package_id, direction, case_id, agency_id, agency_name, other_store_fingerprint,
         package_sha256, officer_name, sent_at, recorded_at, recorded_by)
       VALUES (?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sealed.packageId,
      sealed.caseId,
      sealed.agencyId,
      sealed.agencyName,
      sealed.recipientStoreFingerprint,
      sealed.packageSha256,
      officer,
      sealed.createdAt,
      now.toISOString(),
      user.id,
    );
    session.audit(db, now, {
      action: 'handover.send',
      entityType: 'case',
      entityId: sealed.caseId,
      details: {
        packageId: sealed.packageId,
        packageSha256: sealed.packageSha256,
        agencyId: sealed.agencyId,
        agencyName: sealed.agencyName,
        recipientStore: sealed.recipientStoreFingerprint,
        fileName,
        attachments: sealed.attachments,
        attachmentBytes: sealed.bytes,
      },
    });
  });
}
