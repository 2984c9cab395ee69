import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/** "20 MiB": a byte limit as the terminal says it. */
export const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/**
 * The bytes of a file named on the command line, at most `maxBytes`. The size is checked before the
 * file is read, so a huge file is refused at once instead of filling memory. Errors: NOT_FOUND when
 * it is missing, VALIDATION when it cannot be read as a file, and `tooLarge(limit)` when it is larger.
 */
export function readBoundedFile(
  file: string,
  maxBytes: number,
  tooLarge: (limit: string) => AppError,
): Buffer {
  try {
    if (statSync(file).size > maxBytes) throw tooLarge(mebibytes(maxBytes));
    return readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'VALIDATION', { cause: err });
  }
}
