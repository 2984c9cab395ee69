import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/**
 * Parses service input; bad input is a typed VALIDATION error (the zod issues stay in `cause`). Input
 * so deeply nested that a recursive check overflows the stack is bad input too, not an internal error.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('VALIDATION', { cause: err });
    throw err;
  }
  if (!result.success) throw new AppError('VALIDATION', { cause: result.error });
  return result.data;
}
