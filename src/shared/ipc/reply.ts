import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors';

/** What every channel answers: a value, or a typed error with an i18next key. Nothing else crosses. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };
export interface ReplyError {
  code: ErrorCode;
  messageKey: string;
  retryAfterSeconds?: number;
}

export const replyErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  messageKey: z.string().max(200),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});

export function replySchema<T extends z.ZodType>(value: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: replyErrorSchema }),
  ]);
}
