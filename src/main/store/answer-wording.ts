import type { ConsentReceiver } from '../../shared/domain/consent-receiver';
import { type AnswerWording, answerWording } from '../../shared/domain/interviews';
import { isLocale, type Locale } from '../../shared/i18n/locales';
import {
  findQuestion,
  INSTRUMENT,
  questionTextKey,
  readAnswers,
  wordingId,
  wordingOf,
} from '../../shared/instrument';
import { assessChild } from '../../shared/screening/child';
import type { Db } from '../db/driver';
import { answersForInterview } from './interview-answers';
import type { InterviewRow } from './interview-rows';

/**
 * The text of an instrument key in one language. Passed in by the callers that have the bundled locales
 * (the IPC handler, the demo seed), so the store itself loads no translations.
 */
export type InstrumentText = (lng: Locale, key: string) => string;

/**
 * The wording the screen shows for this question right now, recorded with the answer: child or adult
 * from the answers given so far (before this save), short or full from the interview, and (given
 * `text`) the texts in the interview's officer and interviewee languages, and for referral consent the
 * receiver named to the person. Null for a question the instrument does not know.
 */
export function wordingToRecord(
  db: Db,
  interview: InterviewRow,
  questionId: string,
  text?: InstrumentText,
  receiver?: ConsentReceiver,
): AnswerWording | null {
  if (interview.instrument_id !== INSTRUMENT.id) return null;
  const question = findQuestion(INSTRUMENT, questionId);
  if (!question) return null;
  // As the screen plans it: the stored answers read in the current form of each question.
  const answers = readAnswers(INSTRUMENT, answersForInterview(db, interview));
  const child = assessChild(INSTRUMENT, answers).possibleChild;
  const wording = wordingOf(question, { child, tier: interview.tier === 'full' ? 'full' : 'short' });
  // The key the screen shows (questionTextKey with the same child flag gives the same variant).
  const key = questionTextKey(question, wording.variant === 'child');
  const texts: Record<string, string> = {};
  for (const lng of [interview.officer_language, interview.interviewee_language]) {
    if (text && lng && isLocale(lng)) texts[lng] = text(lng, key);
  }
  return {
    ...wording,
    id: wordingId(wording),
    instrumentVersion: interview.instrument_version,
    key,
    texts,
    ...(receiver ? { receiver } : {}),
  };
}

/** A stored wording column back to its shape (null when absent or unreadable). */
export function wordingFromJson(text: string | null): AnswerWording | null {
  if (text === null) return null;
  try {
    const parsed = answerWording.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
