import { answerSchemaFor } from './answer-for-question';
import type { Answers, AnswerValue } from './answers';
import type { Instrument, Question } from './schema';

/**
 * Stored answers as the current instrument reads them. Answers are stored as given and never rewritten;
 * when a question changes form, this is where old answers are read in the new form:
 * - a yes/no answer to a question that is now an either/or choice reads through `fromYesNo`;
 * - an answer that no longer fits its question (an option since removed, a contradictory selection
 *   saved before exclusive options were checked) is left out of the screening: the question is asked
 *   again rather than guessed. Answers to questions no longer in the instrument are left out as well.
 * Declined answers always read as declined (also a "prefers not to say" saved on an officer question).
 */
export function readAnswer(question: Question, stored: AnswerValue | undefined): AnswerValue | undefined {
  if (stored === undefined) return undefined;
  if (stored.kind === 'declined') return stored;
  if (stored.kind === 'choice') {
    const value = stored.value;
    if (value === 'not_sure' || value === 'prefer_not') return { kind: 'declined', reason: value };
    if (question.kind === 'single' && question.fromYesNo)
      return { kind: 'single', option: question.fromYesNo[value] };
  }
  const parsed = answerSchemaFor(question).safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export function readAnswers(instrument: Instrument, stored: Answers): Answers {
  const out: Answers = {};
  for (const section of instrument.sections) {
    for (const question of section.questions) {
      const value = readAnswer(question, stored[question.id]);
      if (value !== undefined) out[question.id] = value;
    }
  }
  return out;
}
