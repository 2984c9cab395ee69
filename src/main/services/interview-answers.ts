import { needsNamedReceiver } from '../../shared/domain/consent-receiver';
import type {
  InterviewStartInput,
  InterviewSummary,
  SaveAnswerInput,
  SaveAnswerResult,
} from '../../shared/domain/interviews';
import { AppError } from '../../shared/errors';
import { instrumentText } from '../i18n/translator';
import { assertCurrentInstrument, checkedAnswer } from '../store/answer-input';
import { saveAnswer, startInterview } from '../store/interviews';
import type { Session } from '../store/session';

/**
 * Interviews and answers as the screens (and the preview) bring them: only the instrument this app
 * carries, only answers that fit their question, and consent to referral only with its receiver
 * named. The wording asked is recorded from the bundled translations.
 */

export function startScreening(session: Session, input: InterviewStartInput): InterviewSummary {
  assertCurrentInstrument(input.instrumentId, input.instrumentVersion);
  return startInterview(session, input);
}

export function answerQuestion(session: Session, input: SaveAnswerInput): SaveAnswerResult {
  const value = checkedAnswer(input.questionId, input.value);
  // Consent to referral is consent to the receiver named when it was asked.
  if (needsNamedReceiver(input.questionId, value) && !input.receiver)
    throw new AppError('VALIDATION', { messageKey: 'errors.consentReceiverRequired' });
  return saveAnswer(session, { ...input, value }, { text: instrumentText });
}
