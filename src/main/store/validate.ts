import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fieldProblemsOf } from '../../shared/field-problems';

/**
 * Parses service input; bad input is a typed VALIDATION error naming the wrong fields (paths and
 * message keys only; the zod issues themselves stay in `cause`). Input so deeply nested that a
 * recursive check overflows the stack is bad input too, not an internal error.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('VALIDATION', { cause: err });
    throw err;
  }
  if (!result.success) {
    throw new AppError('VALIDATION', {
      cause: result.error,
      fields: fieldProblemsOf(result.error, schema, value),
    });
  }
  return result.data;
}
