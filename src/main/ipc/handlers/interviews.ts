import { answerQuestion, startScreening } from '../../services/interview-answers';
import { getInterview, setInterviewState } from '../../store/interviews';
import type { Handler } from '../dispatch';

export const interviewHandlers: {
  'interview.start': Handler<'interview.start'>;
  'interview.get': Handler<'interview.get'>;
  'interview.saveAnswer': Handler<'interview.saveAnswer'>;
  'interview.setState': Handler<'interview.setState'>;
} = {
  'interview.start': (req, ctx) => startScreening(ctx.sessions.require(), req),
  'interview.get': (req, ctx) => getInterview(ctx.sessions.require(), req.id),
  'interview.saveAnswer': (req, ctx) => answerQuestion(ctx.sessions.require(), req),
  'interview.setState': (req, ctx) => setInterviewState(ctx.sessions.require(), req),
};
