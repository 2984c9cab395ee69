import { z } from 'zod';
import { entityId } from './common';
import { CONSENT_QUESTIONS } from './consent';
import { agencyKind } from './settings';

/**
 * Consent to referral is consent to a named receiver. Before the referral-consent question is asked,
 * the officer chooses who would receive the referral (an agency of the referral directory, or a kind of
 * agency), names it to the person, and the answer is recorded with that receiver (in the answer's
 * wording: it is part of what was asked). A referral may then go only to that receiver.
 */

/** An agency's name as typed (an agency the directory does not have). */
const typedName = z.string().trim().normalize('NFC').min(1).max(200);

/**
 * What the screen sends with the answer: a directory entry by id (main reads its name), a kind of
 * agency, or the name of an agency the directory does not have, as typed.
 */
export const consentReceiverChoice = z.union([
  z.strictObject({ contactId: entityId }),
  z.strictObject({ agencyKind }),
  z.strictObject({ name: typedName }),
]);
export type ConsentReceiverChoice = z.infer<typeof consentReceiverChoice>;

/** The receiver as recorded with the answer: the directory entry as it was then, or the kind asked. */
export const consentReceiver = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('contact'),
    contactId: entityId,
    name: z.string().trim().min(1).max(200),
    agencyKind,
  }),
  z.strictObject({ kind: z.literal('agencyKind'), agencyKind }),
  z.strictObject({ kind: z.literal('named'), name: typedName }),
]);
export type ConsentReceiver = z.infer<typeof consentReceiver>;

/** The questions that ask for consent to referral (each asked naming its receiver). */
export const REFERRAL_CONSENT_QUESTIONS: readonly string[] = CONSENT_QUESTIONS.referral;

export function isReferralConsentQuestion(questionId: string): boolean {
  return REFERRAL_CONSENT_QUESTIONS.includes(questionId);
}

/** The same receiver (a directory entry by id; a kind by kind). Pure. */
export function sameConsentReceiver(a: ConsentReceiver | undefined, b: ConsentReceiver | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'contact') return b.kind === 'contact' && a.contactId === b.contactId && a.name === b.name;
  if (a.kind === 'named') return b.kind === 'named' && a.name === b.name;
  return b.kind === 'agencyKind' && a.agencyKind === b.agencyKind;
}

/** A directory entry as the settings keep it (only what the consent records). */
interface DirectoryEntry {
  id: string;
  name: string;
  kind: z.infer<typeof agencyKind>;
}

/**
 * The receiver to record for the screen's choice: a directory entry is read from the stored directory
 * (so nothing the screen sends is recorded as an agency's name); null for an id it does not have.
 */
export function resolveConsentReceiver(
  directory: readonly DirectoryEntry[],
  choice: ConsentReceiverChoice,
): ConsentReceiver | null {
  if ('agencyKind' in choice) return { kind: 'agencyKind', agencyKind: choice.agencyKind };
  if ('name' in choice) return { kind: 'named', name: choice.name };
  const entry = directory.find((c) => c.id === choice.contactId);
  return entry ? { kind: 'contact', contactId: entry.id, name: entry.name, agencyKind: entry.kind } : null;
}

/**
 * True when this answer may only be saved with a named receiver: a "yes" to a referral-consent
 * question (the screens cannot record consent to "the agency I told you about" any more).
 */
export function needsNamedReceiver(questionId: string, value: unknown): boolean {
  if (!isReferralConsentQuestion(questionId)) return false;
  const v = value as { kind?: unknown; value?: unknown } | null;
  return v?.kind === 'choice' && v.value === 'yes';
}
