import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Parses service input; bad input is a typed VALIDATION error (the zod issues stay in `cause`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION', { cause: result.error });
  return result.data;
}
