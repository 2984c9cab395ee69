import type { CaseDetail } from '../../shared/domain/cases';
import type { AnswerWording, InterviewSummary } from '../../shared/domain/interviews';
import type { PersonDetailsFromAnswers } from '../../shared/domain/person-details';
import type { Person } from '../../shared/domain/persons';
import type { FollowUpDays } from '../../shared/domain/settings';
import type { Locale } from '../../shared/i18n/locales';
import type { Answers } from '../../shared/instrument';
import type { ScreeningResult } from '../../shared/screening';

/** A translator fixed to one language: (key, values) -> text. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface ReceivingContact {
  province: string;
  address: string;
  phone: string;
  email: string;
}

/** Who the person was asked to agree to be referred to, as the interview recorded it. */
export type ConsentAsked =
  | { kind: 'contact'; name: string }
  | { kind: 'agencyKind'; agencyKind: string }
  /** Recorded before receivers were named with the consent: the question named "the agency I told you about". */
  | { kind: 'unnamed' }
  /**
   * Recorded before receivers were named, and the signing officer confirmed that this receiver (its
   * name; empty for the default, the multidisciplinary team) was the one named to the person.
   */
  | { kind: 'confirmedByOfficer'; receiver: string };

export interface TeamMember {
  name: string;
  /** Agency or role, as typed. */
  role: string;
}

/** Everything the referral prints, gathered in main. Pure data: building the model does no I/O. */
export interface ReferralFacts {
  caseDetail: CaseDetail;
  person: Person | null;
  /** The person's details as the answers give them (printed where the person record has nothing). */
  derived: PersonDetailsFromAnswers;
  /** The person's interviews, oldest first; the last one's language and interpreter are printed. */
  interviews: InterviewSummary[];
  /** All answers of the person's interviews, the later overriding the earlier. */
  answers: Answers;
  /** The wording each answer was asked in, as recorded with it (absent for older answers). */
  wordings: Record<string, AnswerWording>;
  result: ScreeningResult;
  agency: { name: string; unit: string; province: string; address: string; phone: string };
  officer: { name: string; position: string };
  letter: { number: string; date: string };
  /** The receiving agency's name; empty for the default (the multidisciplinary team, translated). */
  receivingAgency: string;
  receivingContactPerson: string;
  /** The directory entry chosen, as stored in the settings; null for an agency typed by hand. */
  receivingContact: ReceivingContact | null;
  consentAsked: ConsentAsked;
  /** Multidisciplinary team members present, as the officer listed them for this referral. */
  team: TeamMember[];
  /** Enclosures listed in the letter (file names of the case's attachments chosen). */
  enclosures: string[];
  followUpDays: FollowUpDays;
  intervieweeLanguage: Locale;
  signer: {
    name: string;
    position: string;
    agency: string;
    fingerprint: string;
    signedAt: string;
    /** The fingerprint of the store identity that certified the signer (keys/store-identity.ts). */
    storeFingerprint?: string;
    /** The store's signed audit head when the referral was made (audit/anchor.ts), in compact form. */
    auditAnchor?: string;
  };
}
