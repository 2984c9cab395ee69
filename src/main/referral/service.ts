import { createHash } from 'node:crypto';
import type { CaseDetail } from '../../shared/domain/cases';
import type { ReferralContact, Settings } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { isLocale, type Locale } from '../../shared/i18n/locales';
import { type Answers, answerValueSchema, INSTRUMENT } from '../../shared/instrument';
import { evaluate } from '../../shared/screening';
import { translatorFor } from '../i18n/translator';
import {
  createSelfSignedIdentity,
  describeCertificate,
  type OpenedIdentity,
  openIdentity,
} from '../pdf/identity';
import type { DocModel } from '../pdf/model';
import { renderPdf } from '../pdf/render';
import { signPdf } from '../pdf/sign';
import { getCase } from '../store/cases';
import { getInterview } from '../store/interviews';
import { getSigningIdentity, recordReferral, saveSigningIdentity } from '../store/referrals';
import type { Session } from '../store/session';
import { getSettings } from '../store/settings';
import { buildReferralModel, type ReferralFacts, referralConsentAnswer, yes } from './build-model';
import { REFERRAL_FORM_V1 } from './form-layout';

export interface PreparedReferral {
  caseId: string;
  reference: string;
  receivingAgency: string;
  pdf: Buffer;
  sha256: string;
  signerName: string;
  signerFingerprint: string;
  signedAt: string;
  suggestedFileName: string;
}

/** Where a signed referral goes: the shell asks the user (save dialog); the CLI and tests name a path. */
export interface ExportTarget {
  /** Writes the bytes atomically and returns the file's name, or null when the user cancelled. */
  write(suggestedFileName: string, bytes: Buffer): Promise<string | null>;
}

const hex = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();

/** The officer's signing identity; a self-signed one is created on first use and kept in the store. */
async function signingIdentity(session: Session): Promise<{ p12: Buffer; password: string }> {
  const existing = getSigningIdentity(session);
  if (existing) return existing;
  const user = session.requireUser();
  const agency = getSettings(session).agency.name || 'FieldScreen';
  const created = createSelfSignedIdentity({ name: user.displayName, role: user.role, agency });
  saveSigningIdentity(session, {
    label: `${user.displayName} (self-signed)`,
    p12: new Uint8Array(created.p12),
    password: created.password,
  });
  return { p12: created.p12, password: created.password };
}

interface GatheredReferral {
  model: DocModel;
  caseDetail: CaseDetail;
  receivingAgency: string;
  identity: { p12: Buffer; password: string };
  opened: OpenedIdentity;
  signerName: string;
  signerFingerprint: string;
  signedAt: string;
}

/**
 * Decrypting a PKCS#12 costs ~40 ms in node-forge, so the opened identity is kept for the life of the
 * unlocked session only (a WeakMap on the Session: locking drops the session, and with it the key —
 * the same exposure as the database key, which an unlocked session holds anyway).
 */
const openedBySession = new WeakMap<Session, { p12: Buffer; opened: OpenedIdentity }>();

function openedIdentity(session: Session, identity: { p12: Buffer; password: string }): OpenedIdentity {
  const cached = openedBySession.get(session);
  if (cached && !session.locked && cached.p12.equals(identity.p12)) return cached.opened;
  const opened = openIdentity(identity.p12, identity.password);
  openedBySession.set(session, { p12: Buffer.from(identity.p12), opened });
  return opened;
}

/** What a referral is made from: the case, and the receiving agency typed or chosen from the directory. */
export interface ReferralInput {
  caseId: string;
  /** The agency's name as typed (or as the screen showed the chosen directory entry). */
  receivingAgency: string;
  /** A referral directory entry: its name and contact details are read from the settings, here in main. */
  contactId?: string;
  now?: Date;
}

/**
 * The directory entry chosen, looked up in the stored settings (the renderer only names it by id, so
 * nothing it sends ends up printed as an agency's contact details). Unknown id: NOT_FOUND.
 */
function chosenContact(settings: Settings, contactId: string | undefined): ReferralContact | null {
  if (contactId === undefined) return null;
  const contact = settings.referralDirectory.find((c) => c.id === contactId);
  if (!contact) throw new AppError('NOT_FOUND', { messageKey: 'errors.referralContactNotFound' });
  return contact;
}

/** Gathers the case's facts, screens the answers and lays out the referral as a document model. */
async function gatherReferral(session: Session, input: ReferralInput): Promise<GatheredReferral> {
  const user = session.require('referrals.write');
  const settings = getSettings(session);
  const contact = chosenContact(settings, input.contactId);
  const receivingAgency = contact ? contact.name : input.receivingAgency.trim();
  if (!receivingAgency) throw new AppError('VALIDATION');
  const caseDetail = getCase(session, input.caseId);
  const person = caseDetail.persons[0] ?? null;
  const interviews = caseDetail.interviews
    .filter((i) => (person ? i.personId === person.id : true))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const answers: Answers = {};
  for (const i of interviews) {
    for (const a of getInterview(session, i.id).answers) {
      const parsed = answerValueSchema.safeParse(a.value);
      if (parsed.success) answers[a.questionId] = parsed.data;
    }
  }
  const latest = interviews.at(-1) ?? null;
  if (!latest) throw new AppError('VALIDATION', { messageKey: 'errors.noInterview' });
  if (!yes(referralConsentAnswer(answers))) {
    throw new AppError('VALIDATION', { messageKey: 'errors.noReferralConsent' });
  }
  const result = evaluate(INSTRUMENT, answers, { tier: latest.tier === 'full' ? 'full' : 'short' });
  const identity = await signingIdentity(session);
  const opened = openedIdentity(session, identity);
  const certificate = opened.chainDer[0];
  if (!certificate) throw new AppError('SIGNATURE_INVALID');
  const fingerprint = describeCertificate(certificate).fingerprintSha256;
  const signedAt = (input.now ?? new Date()).toISOString();
  const intervieweeLanguage: Locale = isLocale(latest.intervieweeLanguage)
    ? latest.intervieweeLanguage
    : 'en';
  const facts: ReferralFacts = {
    caseDetail,
    person,
    interview: latest,
    answers,
    result,
    agency: settings.agency,
    officerName: user.displayName,
    receivingAgency,
    receivingContact: contact,
    intervieweeLanguage,
    signer: {
      name: user.displayName,
      role: translatorFor('th')(`common:roles.${user.role}`),
      agency: settings.agency.name,
      fingerprint,
      signedAt,
    },
  };
  const model = buildReferralModel(
    REFERRAL_FORM_V1,
    facts,
    translatorFor('th'),
    translatorFor(intervieweeLanguage),
  );
  return {
    model,
    caseDetail,
    receivingAgency,
    identity,
    signerName: user.displayName,
    signerFingerprint: hex(fingerprint),
    opened,
    signedAt,
  };
}

/** The referral's document model alone (benchmarks and layout checks). */
export async function buildModelForCase(session: Session, input: ReferralInput): Promise<DocModel> {
  return (await gatherReferral(session, input)).model;
}

/** Builds and signs the referral PDF in memory (nothing written yet). */
export async function prepareReferral(session: Session, input: ReferralInput): Promise<PreparedReferral> {
  const g = await gatherReferral(session, input);
  const unsigned = await renderPdf(g.model, { creationDate: new Date(g.signedAt) });
  const settings = getSettings(session);
  const pdf = await signPdf(unsigned, {
    p12: g.identity.p12,
    password: g.identity.password,
    reason: `FieldScreen referral ${g.caseDetail.reference}`,
    location: g.caseDetail.place.province ?? 'Thailand',
    name: g.signerName,
    contactInfo: settings.agency.phone,
    signingTime: new Date(g.signedAt),
    opened: g.opened,
  });
  return {
    caseId: g.caseDetail.id,
    reference: g.caseDetail.reference,
    receivingAgency: g.receivingAgency,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    signerName: g.signerName,
    signerFingerprint: g.signerFingerprint,
    signedAt: g.signedAt,
    suggestedFileName: `referral-${g.caseDetail.reference}.pdf`,
  };
}

/**
 * Writes the signed PDF where the user chose and records it (SHA-256, signer, time, receiving agency,
 * and an encrypted copy) in the store and its audit trail. Returns null when the user cancelled.
 */
export async function exportReferral(session: Session, prepared: PreparedReferral, target: ExportTarget) {
  const fileName = await target.write(prepared.suggestedFileName, prepared.pdf);
  if (fileName === null) return null;
  return recordReferral(session, {
    caseId: prepared.caseId,
    receivingAgency: prepared.receivingAgency,
    fileName,
    fileSha256: prepared.sha256,
    signerFingerprint: prepared.signerFingerprint,
    signerName: prepared.signerName,
    signedAt: prepared.signedAt,
    pdf: new Uint8Array(prepared.pdf),
  });
}
