import { AppError } from '../../../shared/errors';
import { findQuestion, INSTRUMENT, parseAnswerFor } from '../../../shared/instrument';
import { instrumentText } from '../../i18n/translator';
import { getInterview, saveAnswer, setInterviewState, startInterview } from '../../store/interviews';
import type { Handler } from '../dispatch';

export const interviewHandlers: {
  'interview.start': Handler<'interview.start'>;
  'interview.get': Handler<'interview.get'>;
  'interview.saveAnswer': Handler<'interview.saveAnswer'>;
  'interview.setState': Handler<'interview.setState'>;
} = {
  'interview.start': (req, ctx) => {
    if (req.instrumentId !== INSTRUMENT.id || req.instrumentVersion !== INSTRUMENT.version) {
      throw new AppError('VALIDATION');
    }
    return startInterview(ctx.sessions.require(), req);
  },
  'interview.get': (req, ctx) => getInterview(ctx.sessions.require(), req.id),
  'interview.saveAnswer': (req, ctx) => {
    // The store keeps answers as opaque JSON; the instrument decides what a valid answer is.
    const question = findQuestion(INSTRUMENT, req.questionId);
    if (!question) throw new AppError('VALIDATION');
    let value: unknown;
    try {
      value = parseAnswerFor(question, req.value);
    } catch {
      throw new AppError('VALIDATION');
    }
    return saveAnswer(
      ctx.sessions.require(),
      { ...req, value: value as typeof req.value },
      { text: instrumentText },
    );
  },
  'interview.setState': (req, ctx) => setInterviewState(ctx.sessions.require(), req),
};
