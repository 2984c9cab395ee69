import { z } from 'zod';
import { entityId } from '../../domain/common';
import {
  interviewDetail,
  interviewSetStateInput,
  interviewStartInput,
  interviewSummary,
  saveAnswerInput,
  saveAnswerResult,
} from '../../domain/interviews';
import { channel } from '../channel';

export const interviewChannels = {
  'interview.start': channel('signedIn', interviewStartInput.strict(), interviewSummary),
  'interview.get': channel('signedIn', z.strictObject({ id: entityId }), interviewDetail),
  /** Acknowledged only after the answer's transaction has committed (durable save). */
  'interview.saveAnswer': channel('signedIn', saveAnswerInput.strict(), saveAnswerResult),
  'interview.setState': channel('signedIn', interviewSetStateInput.strict(), interviewSummary),
};
