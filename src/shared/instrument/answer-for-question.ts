import { z } from 'zod';
import { AppError } from '../errors';
import { type AnswerValue, type DeclineReason, isCalendarDate, TEXT_MAX_LENGTH } from './answers';
import { declineReasonsFor, isContradictorySelection } from './audience';
import type { Question } from './schema';

/**
 * Kind-specific validation of one answer for one question, for the IPC layer and the screens.
 * The result is canonical: a yes/no "not sure" / "prefers not to say" becomes `{ kind: 'declined' }`,
 * multi-choice options are de-duplicated, free text is trimmed and NFC-normalised. Refused: an exclusive
 * option combined with others ("Nothing like this" + "Hitting"), and "prefers not to say" on the
 * officer's own questions.
 */

/** The decline reasons this question accepts, as a zod enum. */
function declineEnum(question: Question) {
  return z.enum(
    declineReasonsFor(question) as readonly DeclineReason[] as [DeclineReason, ...DeclineReason[]],
  );
}

function declinedSchemaFor(question: Question) {
  return z.strictObject({ kind: z.literal('declined'), reason: declineEnum(question) });
}

function optionIdSchema(question: Question): z.ZodType<string> {
  const ids =
    question.kind === 'single' || question.kind === 'multi' ? question.options.map((o) => o.id) : [];
  return z.string().refine((id) => ids.includes(id), { message: 'unknown option' });
}

function substantiveSchemaFor(question: Question): z.ZodType<AnswerValue> {
  switch (question.kind) {
    case 'yesNo':
      return z
        .strictObject({
          kind: z.literal('choice'),
          value: z.union([z.enum(['yes', 'no']), declineEnum(question)]),
        })
        .transform((v): AnswerValue => {
          if (v.value === 'yes' || v.value === 'no') return { kind: 'choice', value: v.value };
          return { kind: 'declined', reason: v.value };
        });
    case 'single':
      return z.strictObject({ kind: z.literal('single'), option: optionIdSchema(question) });
    case 'multi':
      return z
        .strictObject({ kind: z.literal('multi'), options: z.array(optionIdSchema(question)).min(1).max(64) })
        .refine((v) => !isContradictorySelection(question, v.options), {
          message: 'an exclusive option cannot be combined with others',
        })
        .transform((v): AnswerValue => ({ kind: 'multi', options: [...new Set(v.options)] }));
    case 'number': {
      let value = z.number().finite().min(question.min).max(question.max);
      if (question.integer) value = value.int();
      return z.strictObject({ kind: z.literal('number'), value });
    }
    case 'date':
      return z.union([
        z.strictObject({
          kind: z.literal('date'),
          iso: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .refine(isCalendarDate, { message: 'not a calendar date' }),
        }),
        z.strictObject({
          kind: z.literal('approxDate'),
          year: z.number().int().min(1900).max(2200),
          month: z.number().int().min(1).max(12).optional(),
        }),
      ]);
    case 'text':
      return z
        .strictObject({
          kind: z.literal('text'),
          text: z
            .string()
            .max(Math.min(question.maxLength, TEXT_MAX_LENGTH))
            // Trimmed and NFC-normalised: the same words in any script are stored the same way.
            .transform((t) => t.trim().normalize('NFC'))
            .pipe(z.string().min(1)),
        })
        .transform((v): AnswerValue => ({ kind: 'text', text: v.text }));
  }
}

/** Schemas made once per question object (building a zod schema costs far more than using it). */
const schemas = new WeakMap<Question, z.ZodType<AnswerValue, unknown>>();

/** The zod schema for an answer to this question (declined is always allowed). */
export function answerSchemaFor(question: Question): z.ZodType<AnswerValue, unknown> {
  let schema = schemas.get(question);
  if (!schema) {
    // The substantive shape first: most answers are one, and a union stops at the first that fits.
    schema = z.union([substantiveSchemaFor(question), declinedSchemaFor(question)]);
    schemas.set(question, schema);
  }
  return schema;
}

/** Validates and canonicalises an answer for this question; throws AppError('VALIDATION') otherwise. */
export function parseAnswerFor(question: Question, value: unknown): AnswerValue {
  const result = answerSchemaFor(question).safeParse(value);
  // The zod issues may echo the answer text (personal data), so they never travel in the error.
  if (!result.success) throw new AppError('VALIDATION');
  return result.data;
}
