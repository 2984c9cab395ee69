import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors';
import { type FieldProblem, fieldProblemSchema, MAX_FIELD_PROBLEMS } from '../field-problems';

/** What every channel answers: a value, or a typed error with an i18next key. Nothing else crosses. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };
export interface ReplyError {
  code: ErrorCode;
  messageKey: string;
  retryAfterSeconds?: number;
  /** VALIDATION: each wrong field of the request (path and message key), for the form to mark. */
  fields?: FieldProblem[];
}

export const replyErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  messageKey: z.string().max(200),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  fields: z.array(fieldProblemSchema).max(MAX_FIELD_PROBLEMS).optional(),
});

export function replySchema<T extends z.ZodType>(value: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: replyErrorSchema }),
  ]);
}
