import type { ConsentReceiver } from '../../shared/domain/consent-receiver';
import type { AnswerWording } from '../../shared/domain/interviews';
import type { ReferralContact } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import type { Answers } from '../../shared/instrument';
import { getCase } from '../store/cases';
import type { Session } from '../store/session';
import { referralConsentAnswer, yes } from './build-model';
import type { ConsentAsked } from './facts';
import { interviewsAndAnswers } from './service';

/**
 * Whom a referral may go to: the receiver named to the person when their consent to referral was
 * asked (recorded with the answer, see shared/domain/consent-receiver.ts). Consent recorded before
 * receivers were recorded names none: such a referral goes out only when the signing officer confirms
 * that the receiver was named to the person, which the audit trail and the form both state.
 */

/** The receiver of this referral as the export names it. */
export interface ReferralReceiver {
  /** The directory entry chosen, if any. */
  contactId: string | null;
  /** Its name, or the name typed; empty for the default receiver (the multidisciplinary team). */
  name: string;
  /** Its kind, when known (a directory entry's; the default receiver is a multidisciplinary team). */
  agencyKind: ReferralContact['kind'] | null;
}

export function referralReceiver(contact: ReferralContact | null, typedName: string): ReferralReceiver {
  if (contact) return { contactId: contact.id, name: contact.name, agencyKind: contact.kind };
  const name = typedName.trim();
  return { contactId: null, name, agencyKind: name ? null : 'mdt' };
}

/** How the receiver was established, for the audit trail. */
export type ConsentReceiverBasis = 'recorded' | 'confirmedByOfficer';

export type ReceiverCheck =
  | { ok: true; asked: ConsentAsked; basis: ConsentReceiverBasis }
  | { ok: false; reason: 'notConsented' | 'unconfirmed' };

const comparable = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * May a referral go to `target`, given the receiver recorded with the consent? Pure.
 * - A directory entry was named: only that entry (or, typed by hand, the same name).
 * - An agency the directory does not have was named (typed): only that name (typed, or an entry's).
 * - A kind of agency was named: a directory entry of that kind (the default receiver is a
 *   multidisciplinary team); a name typed by hand has no known kind and is refused.
 * - Nothing was recorded (consent given before receivers were recorded): only when the officer
 *   confirms that they named this receiver to the person.
 */
export function checkConsentReceiver(
  recorded: ConsentReceiver | undefined,
  target: ReferralReceiver,
  officerConfirmsNamed: boolean,
): ReceiverCheck {
  if (!recorded) {
    return officerConfirmsNamed
      ? {
          ok: true,
          asked: { kind: 'confirmedByOfficer', receiver: target.name },
          basis: 'confirmedByOfficer',
        }
      : { ok: false, reason: 'unconfirmed' };
  }
  if (recorded.kind === 'contact') {
    const same =
      target.contactId !== null
        ? target.contactId === recorded.contactId
        : target.name !== '' && comparable(target.name) === comparable(recorded.name);
    return same
      ? { ok: true, asked: { kind: 'contact', name: recorded.name }, basis: 'recorded' }
      : { ok: false, reason: 'notConsented' };
  }
  if (recorded.kind === 'named') {
    return target.name !== '' && comparable(target.name) === comparable(recorded.name)
      ? { ok: true, asked: { kind: 'contact', name: recorded.name }, basis: 'recorded' }
      : { ok: false, reason: 'notConsented' };
  }
  return target.agencyKind === recorded.agencyKind
    ? { ok: true, asked: { kind: 'agencyKind', agencyKind: recorded.agencyKind }, basis: 'recorded' }
    : { ok: false, reason: 'notConsented' };
}

/** The referral-consent question whose answer counts (as referralConsentAnswer picks it). */
function countingQuestion(answers: Answers): string {
  return answers.consent_referral !== undefined ? 'consent_referral' : 'close_referral_consent';
}

/** The receiver recorded with the referral consent that counts, if any. */
export function recordedConsentReceiver(
  answers: Answers,
  wordings: Readonly<Record<string, AnswerWording>>,
): ConsentReceiver | undefined {
  return wordings[countingQuestion(answers)]?.receiver;
}

/** Refused: the person did not consent to referral to this receiver. Nothing is written. */
export class ReferralReceiverError extends AppError {
  constructor(
    readonly reason: 'notConsented' | 'unconfirmed',
    /** What the person consented to, when recorded (an agency's name or kind, never personal data). */
    readonly recorded: ConsentReceiver | undefined,
  ) {
    super('VALIDATION', {
      messageKey:
        reason === 'notConsented'
          ? 'errors.referralReceiverNotConsented'
          : 'errors.referralReceiverUnconfirmed',
    });
  }
}

/** What the consent line prints and how the receiver was established, or ReferralReceiverError. */
export function consentForReceiver(
  answers: Answers,
  wordings: Readonly<Record<string, AnswerWording>>,
  target: ReferralReceiver,
  officerConfirmsNamed: boolean,
): { asked: ConsentAsked; basis: ConsentReceiverBasis } {
  const recorded = recordedConsentReceiver(answers, wordings);
  const check = checkConsentReceiver(recorded, target, officerConfirmsNamed);
  if (!check.ok) throw new ReferralReceiverError(check.reason, recorded);
  return { asked: check.asked, basis: check.basis };
}

/** Whom the case's person consented to be referred to, for the referral screen. */
export function consentReceiverOfCase(session: Session, caseId: string) {
  session.require('referrals.write');
  const caseDetail = getCase(session, caseId);
  const person = caseDetail.persons[0] ?? null;
  const { answers, wordings } = interviewsAndAnswers(session, caseDetail, person?.id ?? null);
  return {
    given: yes(referralConsentAnswer(answers)),
    recorded: recordedConsentReceiver(answers, wordings) ?? null,
  };
}
