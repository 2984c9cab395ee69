import { needsNamedReceiver } from '../../../shared/domain/consent-receiver';
import { AppError } from '../../../shared/errors';
import { instrumentText } from '../../i18n/translator';
import { assertCurrentInstrument, checkedAnswer } from '../../store/answer-input';
import { getInterview, saveAnswer, setInterviewState, startInterview } from '../../store/interviews';
import type { Handler } from '../dispatch';

export const interviewHandlers: {
  'interview.start': Handler<'interview.start'>;
  'interview.get': Handler<'interview.get'>;
  'interview.saveAnswer': Handler<'interview.saveAnswer'>;
  'interview.setState': Handler<'interview.setState'>;
} = {
  'interview.start': (req, ctx) => {
    assertCurrentInstrument(req.instrumentId, req.instrumentVersion);
    return startInterview(ctx.sessions.require(), req);
  },
  'interview.get': (req, ctx) => getInterview(ctx.sessions.require(), req.id),
  'interview.saveAnswer': (req, ctx) => {
    const value = checkedAnswer(req.questionId, req.value);
    // Consent to referral is consent to the receiver named when it was asked.
    if (needsNamedReceiver(req.questionId, value) && !req.receiver)
      throw new AppError('VALIDATION', { messageKey: 'errors.consentReceiverRequired' });
    return saveAnswer(ctx.sessions.require(), { ...req, value }, { text: instrumentText });
  },
  'interview.setState': (req, ctx) => setInterviewState(ctx.sessions.require(), req),
};
