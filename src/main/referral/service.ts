import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { isLocale, type Locale } from '../../shared/i18n/locales';
import { type Answers, answerValueSchema, INSTRUMENT } from '../../shared/instrument';
import { evaluate } from '../../shared/screening';
import { translatorFor } from '../i18n/translator';
import { createSelfSignedIdentity, readIdentity } from '../pdf/identity';
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

/** Gathers the case's facts, screens the answers and produces the signed PDF (nothing written yet). */
export async function prepareReferral(
  session: Session,
  input: { caseId: string; receivingAgency: string; now?: Date },
): Promise<PreparedReferral> {
  const user = session.require('referrals.write');
  const receivingAgency = input.receivingAgency.trim();
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
  const settings = getSettings(session);
  const identity = await signingIdentity(session);
  const opened = readIdentity(identity.p12, identity.password);
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
    intervieweeLanguage,
    signer: {
      name: user.displayName,
      role: translatorFor('th')(`common:roles.${user.role}`),
      agency: settings.agency.name,
      fingerprint: opened.fingerprintSha256,
      signedAt,
    },
  };
  const model = buildReferralModel(
    REFERRAL_FORM_V1,
    facts,
    translatorFor('th'),
    translatorFor(intervieweeLanguage),
  );
  const unsigned = await renderPdf(model, { creationDate: new Date(signedAt) });
  const pdf = await signPdf(unsigned, {
    p12: identity.p12,
    password: identity.password,
    reason: `FieldScreen referral ${caseDetail.reference}`,
    location: caseDetail.place.province ?? 'Thailand',
    name: user.displayName,
    contactInfo: settings.agency.phone,
    signingTime: new Date(signedAt),
  });
  return {
    caseId: caseDetail.id,
    reference: caseDetail.reference,
    receivingAgency,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    signerName: user.displayName,
    signerFingerprint: hex(opened.fingerprintSha256),
    signedAt,
    suggestedFileName: `referral-${caseDetail.reference}.pdf`,
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
