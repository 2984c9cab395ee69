import { AppError } from '../../src/shared/errors';

/** The AppError's code; anything else than an AppError is named. */
export const errorCode = (e: unknown): string =>
  e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;

/** The AppError code `fn` throws, or null when it returns. Anything else than an AppError is named. */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return errorCode(e);
  }
}

/** The AppError code the promise rejects with, or null when it resolves. */
export function codeOfAsync(p: Promise<unknown>): Promise<string | null> {
  return p.then(() => null, errorCode);
}
