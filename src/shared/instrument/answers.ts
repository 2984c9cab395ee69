import { z } from 'zod';

/**
 * Answer values: JSON-serialisable, one shape per answer kind. Every question also accepts
 * `{ kind: 'declined', reason }` so "not sure" and "prefers not to say" are always possible; the engine
 * never reads a declined answer as "no" and never counts it against the person.
 */

export const DECLINE_REASONS = ['not_sure', 'prefer_not'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

/** Longest free-text answer accepted (the person's words, not a full testimony). */
export const TEXT_MAX_LENGTH = 2000;

const declinedSchema = z.object({ kind: z.literal('declined'), reason: z.enum(DECLINE_REASONS) }).strict();
/** A yes/no answer may carry 'not_sure' / 'prefer_not' directly; parseAnswerFor turns that into `declined`. */
const choiceSchema = z
  .object({ kind: z.literal('choice'), value: z.enum([...YES_NO, ...DECLINE_REASONS]) })
  .strict();
const singleSchema = z.object({ kind: z.literal('single'), option: z.string().min(1).max(64) }).strict();
const multiSchema = z
  .object({ kind: z.literal('multi'), options: z.array(z.string().min(1).max(64)).min(1).max(64) })
  .strict();
const numberSchema = z.object({ kind: z.literal('number'), value: z.number().finite() }).strict();
const isoDateSchema = z
  .object({ kind: z.literal('date'), iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
  .strict()
  .refine((v) => isCalendarDate(v.iso), { message: 'not a calendar date', path: ['iso'] });
const approxDateSchema = z
  .object({
    kind: z.literal('approxDate'),
    year: z.number().int().min(1900).max(2200),
    month: z.number().int().min(1).max(12).optional(),
  })
  .strict();
const textSchema = z.object({ kind: z.literal('text'), text: z.string().max(TEXT_MAX_LENGTH) }).strict();

/** Any answer value, whatever the question. Use `answerSchemaFor(question)` to check it fits a question. */
/** Told apart by `kind` first: only the one matching shape is tried (stored answers are read often). */
export const answerValueSchema = z.discriminatedUnion('kind', [
  declinedSchema,
  choiceSchema,
  singleSchema,
  multiSchema,
  numberSchema,
  isoDateSchema,
  approxDateSchema,
  textSchema,
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type DeclinedAnswer = z.infer<typeof declinedSchema>;

/** All answers of one interview record, by question id. */
export const answersSchema = z.record(z.string().min(1).max(64), answerValueSchema);
export type Answers = Record<string, AnswerValue>;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2023-02-30). */
export function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The reason an answer was declined, or null for a real answer. A yes/no 'not_sure' counts as declined. */
export function declineReasonOf(value: AnswerValue | undefined): DeclineReason | null {
  if (value === undefined) return null;
  if (value.kind === 'declined') return value.reason;
  if (value.kind === 'choice' && (value.value === 'not_sure' || value.value === 'prefer_not'))
    return value.value;
  return null;
}

/** True when the person gave a real answer (not missing, not "not sure", not "prefers not to say"). */
export function isSubstantive(value: AnswerValue | undefined): value is AnswerValue {
  return value !== undefined && declineReasonOf(value) === null;
}

/** Small constructors so screens and tests build answers the same way. */
export const answer = {
  yes: (): AnswerValue => ({ kind: 'choice', value: 'yes' }),
  no: (): AnswerValue => ({ kind: 'choice', value: 'no' }),
  notSure: (): AnswerValue => ({ kind: 'declined', reason: 'not_sure' }),
  preferNot: (): AnswerValue => ({ kind: 'declined', reason: 'prefer_not' }),
  single: (option: string): AnswerValue => ({ kind: 'single', option }),
  multi: (...options: string[]): AnswerValue => ({ kind: 'multi', options }),
  number: (value: number): AnswerValue => ({ kind: 'number', value }),
  date: (iso: string): AnswerValue => ({ kind: 'date', iso }),
  approxDate: (year: number, month?: number): AnswerValue =>
    month === undefined ? { kind: 'approxDate', year } : { kind: 'approxDate', year, month },
  text: (text: string): AnswerValue => ({ kind: 'text', text }),
};
