import { createHash, randomUUID } from 'node:crypto';
import forge from 'node-forge';
import { entityId, sha256Hex } from '../../shared/domain/common';
import {
  type Referral,
  type ReferralRecordInput,
  referralRecordInput,
  type SigningIdentityInput,
  type SigningIdentitySummary,
  signingIdentityInput,
} from '../../shared/domain/referrals';
import { AppError } from '../../shared/errors';
import { seal, unseal } from '../keys/aead';
import { wipe } from '../keys/wipe';
import { insertAttachment } from './attachments';
import { loadAttribution } from './attribution';
import { advanceCaseStatus } from './case-outcome';
import { assertCaseOpen, loadCaseRow, touchCase } from './cases';
import type { Session } from './session';
import { parseInput } from './validate';

export interface ReferralRow {
  id: string;
  case_id: string;
  receiving_agency: string;
  file_name: string;
  file_sha256: string;
  signer_fingerprint: string;
  signer_name: string;
  signed_at: string;
  attachment_id: string | null;
  created_at: string;
  created_by: string;
}

export function referralFromRow(r: ReferralRow, name: (s: string) => string): Referral {
  return {
    id: r.id,
    caseId: r.case_id,
    receivingAgency: r.receiving_agency,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    signerFingerprint: r.signer_fingerprint,
    signerName: r.signer_name,
    signedAt: r.signed_at,
    attachmentId: r.attachment_id,
    createdAt: r.created_at,
    createdBy: name(r.created_by),
  };
}

/**
 * Records a signed referral: the PDF's SHA-256, who signed with which certificate, when, and to whom
 * it goes; optionally the PDF itself as an encrypted attachment. A draft or screened case becomes
 * "referred" in the same transaction (audited with the reason "automatic").
 */
export function recordReferral(session: Session, input: ReferralRecordInput): Referral {
  const user = session.require('referrals.write');
  const p = parseInput(referralRecordInput, input);
  const id = session.write((db, now) => {
    assertCaseOpen(loadCaseRow(db, p.caseId));
    const attachmentId = p.pdf
      ? insertAttachment(session, db, now, {
          caseId: p.caseId,
          fileName: p.fileName,
          mediaType: 'application/pdf',
          content: p.pdf,
        })
      : null;
    const referralId = randomUUID();
    db.prepare(
      `INSERT INTO referrals (id, case_id, receiving_agency, file_name, file_sha256, signer_fingerprint, signer_name,
         signed_at, attachment_id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      referralId,
      p.caseId,
      p.receivingAgency,
      p.fileName,
      p.fileSha256,
      p.signerFingerprint,
      p.signerName,
      p.signedAt,
      attachmentId,
      now.toISOString(),
      user.id,
    );
    touchCase(db, p.caseId, user.id, now, { bumpRevision: false });
    session.audit(db, now, {
      action: 'referral.record',
      entityType: 'referral',
      entityId: referralId,
      details: {
        caseId: p.caseId,
        new: {
          receivingAgency: p.receivingAgency,
          fileName: p.fileName,
          fileSha256: p.fileSha256,
          signerFingerprint: p.signerFingerprint,
          signedAt: p.signedAt,
          attachmentId,
          ...(p.consentReceiver ? { consentReceiver: p.consentReceiver } : {}),
        },
      },
    });
    advanceCaseStatus(session, db, now, p.caseId, 'referral_signed');
    return referralId;
  });
  return session.read((db) => {
    const names = loadAttribution(db);
    return referralFromRow(db.prepare('SELECT * FROM referrals WHERE id = ?').get(id) as ReferralRow, (s) =>
      names.name(s),
    );
  });
}

export function listReferrals(session: Session, caseId: string): Referral[] {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  return session.read((db) => {
    const names = loadAttribution(db);
    return (
      db.prepare('SELECT * FROM referrals WHERE case_id = ? ORDER BY created_at, id').all(id) as ReferralRow[]
    ).map((r) => referralFromRow(r, (s) => names.name(s)));
  });
}

/** The referral recorded in this store whose signed PDF has this SHA-256, if any (the latest). */
/** When each referral recorded in this store was signed (for numbering the next letter). */
export function referralSignedTimes(session: Session): string[] {
  return session.read((db) => db.prepare('SELECT signed_at FROM referrals').pluck().all() as string[]);
}

export function findReferralBySha256(
  session: Session,
  sha256: string,
): { caseId: string; signedAt: string } | null {
  session.require('cases.read');
  if (!sha256Hex.safeParse(sha256).success) return null;
  const row = session.read(
    (db) =>
      db
        .prepare(
          'SELECT case_id, signed_at FROM referrals WHERE file_sha256 = ? ORDER BY signed_at DESC LIMIT 1',
        )
        .get(sha256) as Pick<ReferralRow, 'case_id' | 'signed_at'> | undefined,
  );
  return row ? { caseId: row.case_id, signedAt: row.signed_at } : null;
}

// ---- signing identities ----

interface IdentityRow {
  id: string;
  user_id: string;
  label: string;
  p12: Buffer;
  p12_password: string;
  fingerprint: string;
  subject: string;
  valid_from: string;
  valid_to: string;
  created_at: string;
}

/** Reads certificate facts from a PKCS#12; wrong password or no certificate+key -> VALIDATION. */
export function inspectPkcs12(
  p12: Uint8Array,
  password: string,
): {
  fingerprint: string;
  subject: string;
  validFrom: string;
  validTo: string;
} {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, password);
    const bags = (oid: string | undefined) => (oid ? (parsed.getBags({ bagType: oid })[oid] ?? []) : []);
    const certBags = bags(forge.pki.oids.certBag);
    const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
    const cert = certBags[0]?.cert;
    if (!cert || keyBags.length === 0) throw new Error('no certificate and key');
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
    const cn = cert.subject.getField('CN') as { value?: unknown } | null;
    return {
      fingerprint: createHash('sha256').update(der).digest('hex'),
      subject: typeof cn?.value === 'string' ? cn.value : '',
      validFrom: cert.validity.notBefore.toISOString(),
      validTo: cert.validity.notAfter.toISOString(),
    };
  } catch (err) {
    throw new AppError('VALIDATION', { cause: err });
  }
}

/** Stores the signed-in user's certificate and key (PKCS#12) and its password inside the encrypted DB. */
export function saveSigningIdentity(session: Session, input: SigningIdentityInput): SigningIdentitySummary {
  const user = session.require('referrals.write');
  const p = parseInput(signingIdentityInput, input);
  const facts = inspectPkcs12(p.p12, p.password);
  const identityKey = personIdentityKey(session);
  const id = session.write((db, now) => {
    const at = now.toISOString();
    db.prepare('UPDATE signing_identities SET replaced_at = ? WHERE user_id = ? AND replaced_at IS NULL').run(
      at,
      user.id,
    );
    const identityId = randomUUID();
    db.prepare(
      `INSERT INTO signing_identities (id, user_id, label, p12, p12_password, fingerprint, subject, valid_from, valid_to, created_at, sealed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ).run(
      identityId,
      user.id,
      p.label,
      sealIdentity(identityKey, user.id, p.p12, p.password),
      '',
      facts.fingerprint,
      facts.subject,
      facts.validFrom,
      facts.validTo,
      at,
    );
    session.audit(db, now, {
      action: 'signing_identity.save',
      entityType: 'signing_identity',
      entityId: identityId,
      details: { new: { label: p.label, fingerprint: facts.fingerprint, subject: facts.subject } },
    });
    return identityId;
  });
  const summary = getSigningIdentitySummary(session);
  if (!summary || summary.id !== id) throw new AppError('INTERNAL');
  return summary;
}

/**
 * An imported identity (PKCS#12 and password) is sealed under the person's identity key, which only
 * their passphrase opens (person-keys.ts): other accounts, supervisors included, hold the database key
 * but not this key, so they cannot sign with it.
 */
function personIdentityKey(session: Session): Buffer {
  const person = session.trust.person;
  if (!person) throw new AppError('SIGNING_KEY_PENDING');
  return Buffer.from(person.identityKey, 'base64');
}

const identityAad = (userId: string) => `fieldscreen/signing-identity/v1/${userId}`;

function sealIdentity(key: Buffer, userId: string, p12: Uint8Array, password: string): Buffer {
  const plain = Buffer.from(JSON.stringify({ p12: Buffer.from(p12).toString('base64'), password }), 'utf8');
  try {
    return Buffer.from(JSON.stringify(seal(key, plain, identityAad(userId))), 'utf8');
  } finally {
    wipe(plain, key);
  }
}

function openIdentityBox(
  key: Buffer,
  userId: string,
  stored: Buffer,
): { p12: Buffer; password: string } | null {
  try {
    const plain = unseal(key, JSON.parse(stored.toString('utf8')), identityAad(userId));
    if (!plain) return null;
    const parsed = JSON.parse(plain.toString('utf8')) as { p12: string; password: string };
    wipe(plain);
    return { p12: Buffer.from(parsed.p12, 'base64'), password: parsed.password };
  } catch {
    return null;
  } finally {
    wipe(key);
  }
}

function identityRow(session: Session): IdentityRow | undefined {
  const user = session.requireUser();
  return session.read(
    (db) =>
      db
        .prepare(
          'SELECT * FROM signing_identities WHERE user_id = ? AND replaced_at IS NULL AND sealed = 1 ORDER BY created_at DESC LIMIT 1',
        )
        .get(user.id) as IdentityRow | undefined,
  );
}

export function getSigningIdentitySummary(session: Session): SigningIdentitySummary | null {
  const row = identityRow(session);
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    fingerprint: row.fingerprint,
    subject: row.subject,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    createdAt: row.created_at,
  };
}

/** The signed-in user's PKCS#12 and password, for the PDF signer in main. Never send this to the renderer. */
export function getSigningIdentity(
  session: Session,
): { p12: Buffer; password: string; fingerprint: string } | null {
  const user = session.require('referrals.write');
  const row = identityRow(session);
  if (!row) return null;
  const opened = openIdentityBox(personIdentityKey(session), user.id, Buffer.from(row.p12));
  if (!opened) throw new AppError('ACCOUNT_KEYS_UNTRUSTED');
  return { ...opened, fingerprint: row.fingerprint };
}
