import { AppError } from '../../shared/errors';
import { type AnswerValue, findQuestion, INSTRUMENT, parseAnswerFor } from '../../shared/instrument';

/**
 * What the instrument accepts, checked the same way at every entry point that brings answers from
 * outside main: IPC (the screens, the preview) and imported case documents. saveAnswer itself keeps
 * answers as opaque JSON, so entry points call these first.
 */

/** Interviews run the instrument this app carries; anything else (older, newer, unknown) is refused. */
export function assertCurrentInstrument(instrumentId: string, instrumentVersion: string): void {
  if (instrumentId !== INSTRUMENT.id || instrumentVersion !== INSTRUMENT.version) {
    throw new AppError('VALIDATION');
  }
}

/** The canonical answer, or VALIDATION: a question the instrument does not have, or a value that does not fit it. */
export function checkedAnswer(questionId: string, value: unknown): AnswerValue {
  const question = findQuestion(INSTRUMENT, questionId);
  if (!question) throw new AppError('VALIDATION');
  return parseAnswerFor(question, value);
}
