import { z } from 'zod';
import { entityId } from '../../domain/common';
import { LOCALES } from '../../i18n/locales';
import { channel } from '../channel';

/**
 * The rights and safe-contact card (issue 15): a one-page PDF in the person's language and Thai, with
 * no personal data. Saved from the interview (also after a safety stop) or the case page; saving and
 * handing it over are recorded in the case's audit trail.
 */
const cardInput = z.strictObject({
  caseId: entityId,
  interviewId: entityId.optional(),
  /** The person's language (the card is also in Thai). */
  language: z.enum(LOCALES),
  /** The receiving agency chosen from the referral directory, if any: its contact is printed. */
  contactId: entityId.optional(),
});
export type RightsCardSaveInput = z.output<typeof cardInput>;
export type RightsCardHandedOverInput = z.output<typeof cardInput>;

export const rightsCardChannels = {
  /** Builds the card and saves it where the user chooses; fileName null when the user cancelled. */
  'rightsCard.save': channel('signedIn', cardInput, z.strictObject({ fileName: z.string().nullable() })),
  /** Records that the card was handed over to the person. */
  'rightsCard.handedOver': channel('signedIn', cardInput, z.strictObject({ recorded: z.literal(true) })),
};
