import { z } from 'zod';
import { TIERS } from '../instrument/schema';
import { WORDING_VARIANTS, wordingIdSchema } from '../instrument/wording';
import { boundedJson, entityId, isoDateTime, requiredText } from './common';
import { consentReceiver, consentReceiverChoice } from './consent-receiver';
import { genderPreference, languageTag } from './persons';

export const INTERVIEW_STATES = ['in_progress', 'paused', 'completed', 'stopped'] as const;
export const interviewState = z.enum(INTERVIEW_STATES);
export type InterviewState = z.infer<typeof interviewState>;

/** Answers can be saved while the interview is open (running or paused); completed/stopped are final. */
export const OPEN_INTERVIEW_STATES: readonly InterviewState[] = ['in_progress', 'paused'];

export const interpreter = z.object({
  name: requiredText(200),
  language: languageTag,
  /** Signed the confidentiality and conflict-of-interest declaration. */
  declarationSigned: z.boolean(),
  /** Declared a link to the person, employer, captain, broker, vessel or community. */
  conflictDeclared: z.boolean().default(false),
  notes: z.string().trim().normalize('NFC').max(2000).optional(),
});
export type Interpreter = z.infer<typeof interpreter>;

export const interviewStartInput = z.object({
  caseId: entityId,
  personId: entityId.optional(),
  instrumentId: requiredText(64),
  instrumentVersion: requiredText(32),
  /** Which part of the instrument, e.g. the short screen or the longer follow-up (instrument-defined). */
  tier: requiredText(32),
  intervieweeLanguage: languageTag,
  officerLanguage: languageTag.optional(),
  interpreter: interpreter.optional(),
  /**
   * From the pre-interview form, for the person record (main updates it, audited as automatic): the
   * person's dialect and the interviewer gender they prefer. The interview language leads their languages.
   */
  intervieweeDialect: z.string().trim().normalize('NFC').max(100).optional(),
  preferredInterviewerGender: genderPreference.optional(),
});
export type InterviewStartInput = z.input<typeof interviewStartInput>;

export const interviewSetStateInput = z.object({
  interviewId: entityId,
  state: interviewState,
  /** Required when stopping (e.g. unsafe to continue, person asked to stop). */
  reason: z.string().trim().normalize('NFC').min(1).max(2000).optional(),
  /** The question the officer was on, so a paused interview resumes in place. */
  position: z.string().min(1).max(128).nullable().optional(),
});
export type InterviewSetStateInput = z.input<typeof interviewSetStateInput>;

export const questionId = z.string().min(1).max(128);

export const saveAnswerInput = z.object({
  interviewId: entityId,
  questionId,
  /** Opaque JSON here; the instrument's per-question schema is checked before this call. */
  value: boundedJson,
  /**
   * Increases with every save the screen sends for this interview. A save whose clientSeq is not
   * newer than the stored one never overwrites it (late retries cannot undo a newer answer).
   */
  clientSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /**
   * For a referral-consent question only: the receiver the officer named to the person before asking
   * (shared/domain/consent-receiver.ts). Main reads a directory entry's name from the settings.
   */
  receiver: consentReceiverChoice.optional(),
});
export type SaveAnswerInput = z.input<typeof saveAnswerInput>;

/**
 * The exact wording a question was asked in, recorded by main with each answer: the instrument's wording
 * id (`<question>@<version>:<standard|child>:<short|full>`, src/shared/instrument/wording.ts) and its parts,
 * the instrument version, the text key shown, and the texts as shown in the interview's officer and
 * interviewee languages. Answers saved before it existed have none (null).
 */
export const answerWording = z.object({
  id: wordingIdSchema,
  instrumentVersion: z.string().max(32),
  questionId: z.string().max(128),
  version: z.number().int().min(1),
  variant: z.enum(WORDING_VARIANTS),
  tier: z.enum(TIERS),
  key: z.string().max(200),
  texts: z.record(z.string().max(35), z.string().max(4000)),
  /** Referral consent: the receiver named to the person when it was asked (absent before it was recorded). */
  receiver: consentReceiver.optional(),
});
export type AnswerWording = z.infer<typeof answerWording>;

export const saveAnswerResult = z.object({
  /** saved: committed; unchanged: same value already stored; superseded: a newer save is stored. */
  status: z.enum(['saved', 'unchanged', 'superseded']),
  revision: z.number().int().min(1),
  savedAt: isoDateTime,
  /** The wording recorded with the stored answer (null for questions outside the instrument). */
  wording: answerWording.nullable(),
});
export type SaveAnswerResult = z.infer<typeof saveAnswerResult>;

export const interviewSummary = z.object({
  id: entityId,
  caseId: entityId,
  personId: entityId.nullable(),
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  tier: z.string(),
  intervieweeLanguage: z.string(),
  officerLanguage: z.string().nullable(),
  interpreter: interpreter.nullable(),
  state: interviewState,
  stateReason: z.string().nullable(),
  position: z.string().nullable(),
  startedAt: isoDateTime,
  startedBy: z.string(),
  updatedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
});
export type InterviewSummary = z.infer<typeof interviewSummary>;

export const answerRecord = z.object({
  questionId: z.string(),
  value: z.json(),
  revision: z.number().int(),
  answeredAt: isoDateTime,
  answeredBy: z.string(),
  wording: answerWording.nullable(),
});
export type AnswerRecord = z.infer<typeof answerRecord>;

export const interviewDetail = interviewSummary.extend({
  answers: z.array(answerRecord),
  /** Time in progress so far, in ms: breaks, locks and the time after it ended do not count. */
  activeMs: z.number().int().min(0),
});
export type InterviewDetail = z.infer<typeof interviewDetail>;
