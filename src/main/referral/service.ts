import { createHash } from 'node:crypto';
import type { CaseDetail } from '../../shared/domain/cases';
import type { AnswerWording } from '../../shared/domain/interviews';
import { personDetailsFromAnswers } from '../../shared/domain/person-details';
import type { ReferralContact, Settings } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { isLocale, type Locale } from '../../shared/i18n/locales';
import { type Answers, answerValueSchema, INSTRUMENT } from '../../shared/instrument';
import { SIGNING_REQUIREMENTS } from '../../shared/ipc/channels/referrals';
import { evaluate } from '../../shared/screening';
import { formatAnchor } from '../audit/anchor';
import { currentAnchor } from '../audit/log';
import { isCatalogWord, isFormWording, translatorFor } from '../i18n/translator';
import { describeCertificate, identityFromPem, type OpenedIdentity, openIdentity } from '../pdf/identity';
import type { DocModel } from '../pdf/model';
import { renderPdf } from '../pdf/render';
import { signPdf } from '../pdf/sign';
import { listAttachments } from '../store/attachments';
import { getCase } from '../store/cases';
import { answersOfCaseInterviews } from '../store/interviews';
import { getSigningIdentity, recordReferral, referralSignedTimes } from '../store/referrals';
import type { Session } from '../store/session';
import { getSettings } from '../store/settings';
import { buildReferralModel, referralConsentAnswer, yes } from './build-model';
import { type ConsentReceiverBasis, consentForReceiver, referralReceiver } from './consent-receiver';
import type { ReferralFacts, TeamMember } from './facts';
import { REFERRAL_FORM_V2 } from './form-layout';
import { nextLetterNumber } from './letter-number';
import { isReviewed } from './review';

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
  /** How the receiver's consent was established (recorded with the answer, or confirmed when signing). */
  consentReceiver: ConsentReceiverBasis;
}

/** Where a signed referral goes: the shell asks the user (save dialog); the CLI and tests name a path. */
export interface ExportTarget {
  /** Writes the bytes atomically and returns the file's name, or null when the user cancelled. */
  write(suggestedFileName: string, bytes: Buffer): Promise<string | null>;
  /**
   * Copies a finished file (a handover package, possibly large) into place without reading it into
   * memory; returns the name or null when the user cancelled. Targets without it get the bytes.
   */
  writeFile?(suggestedFileName: string, sourcePath: string): Promise<string | null>;
}

const hex = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();

/**
 * The signing identity of the signed-in person: an agency PKCS#12 they imported (sealed under their own
 * key), else their own referral key with the certificate the store CA issued for it (the signature
 * carries that certificate and the store's CA certificate, so a receiver sees which store vouches for
 * the signer). Nobody else's key is reachable from this session. Until a supervisor endorsed the
 * person's keys there is no certificate: SIGNING_KEY_PENDING.
 */
function signingIdentity(session: Session): OpenedIdentity {
  const trust = session.trust;
  const cached = openedBySession.get(session);
  if (cached && !session.locked && cached.person === trust.person) return cached.opened;
  const imported = getSigningIdentity(session);
  let opened: OpenedIdentity;
  if (imported) opened = openIdentity(imported.p12, imported.password);
  else if (trust.person && trust.referralCertificatePem && trust.storeCaCertificatePem)
    opened = identityFromPem(trust.person.referralKeyPem, trust.referralCertificatePem, [
      trust.storeCaCertificatePem,
    ]);
  else throw new AppError('SIGNING_KEY_PENDING');
  openedBySession.set(session, { person: trust.person, opened });
  return opened;
}

interface GatheredReferral {
  model: DocModel;
  caseDetail: CaseDetail;
  receivingAgency: string;
  opened: OpenedIdentity;
  signerName: string;
  signerFingerprint: string;
  signedAt: string;
  consentReceiver: ConsentReceiverBasis;
  /** The settings the referral was gathered with (read once per referral). */
  settings: Settings;
}

/**
 * Opening an identity costs ~40 ms in node-forge, so it is kept for the life of the unlocked session
 * only (a WeakMap on the Session: locking drops the session, and with it the key — the same exposure
 * as the database key, which an unlocked session holds anyway).
 */
const openedBySession = new WeakMap<Session, { person: unknown; opened: OpenedIdentity }>();

/** What a referral is made from: the case, the receiving agency, and this referral's own facts. */
export interface ReferralInput {
  caseId: string;
  /**
   * The agency's name as typed (or as the screen showed the chosen directory entry); empty for the
   * multidisciplinary team, printed in each language.
   */
  receivingAgency?: string;
  /** A referral directory entry: its name and contact details are read from the settings, here in main. */
  contactId?: string;
  /** The person the letter is addressed to at the receiving agency. */
  contactPerson?: string;
  /** The number the agency's registry gave this letter; by default the next number of this store. */
  letterNumber?: string;
  /** The signing officer's position (ตำแหน่ง), printed under the signature. Required. */
  officerPosition?: string;
  /** Multidisciplinary team members present. */
  team?: TeamMember[];
  /** Ids of the case's attachments sent with the letter (listed as enclosures). */
  enclosureIds?: string[];
  /**
   * For consent recorded before receivers were recorded with it: the officer confirms that this
   * receiver was named to the person when consent was asked (audited, and stated on the form).
   */
  confirmReceiverNamed?: boolean;
  now?: Date;
}

/** What must be on record before a referral can be signed (a Thai official letter names its sender). */
export { SIGNING_REQUIREMENTS };
export type SigningRequirement = (typeof SIGNING_REQUIREMENTS)[number];

/** The requirements not met, in the order of SIGNING_REQUIREMENTS. Pure. */
export function missingForSigning(agency: Settings['agency'], officerPosition: string): SigningRequirement[] {
  const present: Record<SigningRequirement, string> = {
    'agency.name': agency.name,
    'agency.unit': agency.unit,
    'agency.province': agency.province,
    'agency.phone': agency.phone,
    'officer.position': officerPosition,
  };
  return SIGNING_REQUIREMENTS.filter((requirement) => !present[requirement].trim());
}

/** Refused: the referral cannot be signed until these are entered. The message names the first. */
export class ReferralNotReadyError extends AppError {
  constructor(readonly missing: readonly SigningRequirement[]) {
    super('VALIDATION', {
      messageKey: `errors.referralMissing.${missing[0] ?? 'agency.name'}`,
      // The position is the referral form's own field; the agency's details are the settings'.
      ...(missing.includes('officer.position')
        ? { fields: [{ path: ['officerPosition'], messageKey: 'errors.referralMissing.officer.position' }] }
        : {}),
    });
  }
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

/**
 * The person's interviews, oldest first, and all their answers (the later overriding the earlier), read
 * within the view of the case the caller recorded (getCase): no audit row of its own.
 */
export function interviewsAndAnswers(session: Session, caseDetail: CaseDetail, personId: string | null) {
  const interviews = caseDetail.interviews
    .filter((i) => (personId ? i.personId === personId : true))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const answers: Answers = {};
  const wordings: Record<string, AnswerWording> = {};
  // The caller opened the case with getCase (one audited view): its interviews are read as part of it.
  const stored = answersOfCaseInterviews(
    session,
    caseDetail.id,
    interviews.map((i) => i.id),
  );
  for (const interviewAnswers of stored) {
    for (const a of interviewAnswers) {
      const parsed = answerValueSchema.safeParse(a.value);
      if (!parsed.success) continue;
      answers[a.questionId] = parsed.data;
      if (a.wording) wordings[a.questionId] = a.wording;
      else delete wordings[a.questionId];
    }
  }
  return { interviews, answers, wordings };
}

/** Gathers the case's facts, screens the answers and lays out the referral as a document model. */
async function gatherReferral(session: Session, input: ReferralInput): Promise<GatheredReferral> {
  const user = session.require('referrals.write');
  const settings = getSettings(session);
  const contact = chosenContact(settings, input.contactId);
  const receivingAgency = contact ? contact.name : (input.receivingAgency ?? '').trim();
  const officerPosition = (input.officerPosition ?? '').trim();
  const missing = missingForSigning(settings.agency, officerPosition);
  if (missing.length > 0) throw new ReferralNotReadyError(missing);
  const caseDetail = getCase(session, input.caseId);
  const person = caseDetail.persons[0] ?? null;
  const { interviews, answers, wordings } = interviewsAndAnswers(session, caseDetail, person?.id ?? null);
  const latest = interviews.at(-1) ?? null;
  if (!latest) throw new AppError('VALIDATION', { messageKey: 'errors.noInterview' });
  if (!yes(referralConsentAnswer(answers))) {
    throw new AppError('VALIDATION', { messageKey: 'errors.noReferralConsent' });
  }
  // Only to the receiver the person consented to (consent-receiver.ts): refused before anything is written.
  const consent = consentForReceiver(
    answers,
    wordings,
    referralReceiver(contact, receivingAgency),
    input.confirmReceiverNamed === true,
  );
  const result = evaluate(INSTRUMENT, answers, { tier: latest.tier === 'full' ? 'full' : 'short' });
  const opened = signingIdentity(session);
  const certificate = opened.chainDer[0];
  if (!certificate) throw new AppError('SIGNATURE_INVALID');
  const fingerprint = describeCertificate(certificate).fingerprintSha256;
  const signedAt = (input.now ?? new Date()).toISOString();
  const intervieweeLanguage: Locale = isLocale(latest.intervieweeLanguage)
    ? latest.intervieweeLanguage
    : 'en';
  const enclosureIds = new Set(input.enclosureIds ?? []);
  const facts: ReferralFacts = {
    caseDetail,
    person,
    derived: personDetailsFromAnswers(INSTRUMENT, answers),
    interviews,
    answers,
    wordings,
    result,
    agency: settings.agency,
    officer: { name: user.displayName, position: officerPosition },
    letter: {
      number:
        input.letterNumber?.trim() ||
        nextLetterNumber(referralSignedTimes(session), settings.agency.letterPrefix, signedAt),
      date: signedAt,
    },
    receivingAgency,
    receivingContactPerson: (input.contactPerson ?? '').trim(),
    receivingContact: contact,
    consentAsked: consent.asked,
    team: (input.team ?? []).filter((m) => m.name.trim()),
    enclosures: listAttachments(session, caseDetail.id)
      .filter((a) => enclosureIds.has(a.id))
      .map((a) => a.fileName),
    followUpDays: settings.followUpDays,
    intervieweeLanguage,
    signer: {
      name: user.displayName,
      position: officerPosition,
      agency: settings.agency.name,
      fingerprint,
      signedAt,
      ...(session.trust.storeFingerprint ? { storeFingerprint: session.trust.storeFingerprint } : {}),
      // The trail's head now, signed by this officer: a cut or rewritten trail no longer contains it.
      auditAnchor: formatAnchor(session.read((db) => currentAnchor(db))),
    },
  };
  const model = buildReferralModel(
    REFERRAL_FORM_V2,
    facts,
    translatorFor('th'),
    translatorFor(intervieweeLanguage),
    isReviewed,
  );
  return {
    model,
    settings,
    caseDetail,
    receivingAgency: receivingAgency || translatorFor('th')('referral:defaultReceiver'),
    signerName: user.displayName,
    signerFingerprint: hex(fingerprint),
    opened,
    signedAt,
    consentReceiver: consent.basis,
  };
}

/** What still has to be entered before this officer can sign, and the letter number due next. */
export function referralReadiness(session: Session, officerPosition = '') {
  session.require('referrals.write');
  const settings = getSettings(session);
  return {
    missing: missingForSigning(settings.agency, officerPosition),
    nextLetterNumber: nextLetterNumber(
      referralSignedTimes(session),
      settings.agency.letterPrefix,
      new Date().toISOString(),
    ),
  };
}

/** The referral's document model alone (benchmarks and layout checks). */
export async function buildModelForCase(session: Session, input: ReferralInput): Promise<DocModel> {
  return (await gatherReferral(session, input)).model;
}

/** The steps of preparing a referral, as `npm run bench` times them. */
export type ReferralPhase = 'gather' | 'render' | 'sign';

/**
 * Builds and signs the referral PDF in memory (nothing written yet). `onPhase` hears how long each
 * step took (the benchmark's figures).
 */
export async function prepareReferral(
  session: Session,
  input: ReferralInput,
  onPhase?: (phase: ReferralPhase, ms: number) => void,
): Promise<PreparedReferral> {
  let started = performance.now();
  const lap = (phase: ReferralPhase) => {
    const now = performance.now();
    onPhase?.(phase, now - started);
    started = now;
  };
  const g = await gatherReferral(session, input);
  const settings = g.settings;
  lap('gather');
  const unsigned = await renderPdf(g.model, {
    creationDate: new Date(g.signedAt),
    thaiFace: settings.referralFont,
    // The form's own wording is laid out once per process; the person's details never outlive the build.
    isPublicText: isFormWording,
    isPublicPiece: isCatalogWord,
  });
  lap('render');
  const pdf = await signPdf(unsigned, {
    reason: `FieldScreen referral ${g.caseDetail.reference}`,
    location: g.caseDetail.place.province ?? 'Thailand',
    name: g.signerName,
    contactInfo: settings.agency.phone,
    signingTime: new Date(g.signedAt),
    opened: g.opened,
  });
  lap('sign');
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
    consentReceiver: g.consentReceiver,
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
    consentReceiver: prepared.consentReceiver,
  });
}

/**
 * Builds, signs, writes and records a referral in one step (the screens and the CLI). `fileName`
 * names the file exactly (the CLI's --out) instead of the suggested name. Null when the user cancelled.
 */
export async function signAndExportReferral(
  session: Session,
  input: ReferralInput,
  target: ExportTarget,
  fileName?: string,
) {
  const prepared = await prepareReferral(session, input);
  return exportReferral(session, fileName ? { ...prepared, suggestedFileName: fileName } : prepared, target);
}
