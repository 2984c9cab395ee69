import {
  type ConsentReceiver,
  type ConsentReceiverChoice,
  isReferralConsentQuestion,
  resolveConsentReceiver,
} from '../../shared/domain/consent-receiver';
import { AppError } from '../../shared/errors';
import type { Session } from './session';
import { getSettings } from './settings';

/**
 * The receiver to record with a referral-consent answer, from the screen's choice: a directory entry
 * as the stored settings have it now, or a kind of agency. A receiver sent with any other question is
 * refused (VALIDATION), an entry the directory does not have is NOT_FOUND. Null when none was sent.
 */
export function consentReceiverToRecord(
  session: Session,
  questionId: string,
  choice: ConsentReceiverChoice | undefined,
): ConsentReceiver | null {
  if (!choice) return null;
  if (!isReferralConsentQuestion(questionId)) throw new AppError('VALIDATION');
  const receiver = resolveConsentReceiver(getSettings(session).referralDirectory, choice);
  if (!receiver) throw new AppError('NOT_FOUND', { messageKey: 'errors.referralContactNotFound' });
  return receiver;
}
