import { ZodError } from 'zod';
import { AppError, type ErrorCode, isAppError } from '../../shared/errors';

/**
 * Maps SQLite (extended result codes, e.g. SQLITE_IOERR_WRITE) and OS errors to the typed AppError
 * the officer sees explained in their language. The cause is kept for diagnostics in main only; the
 * AppError itself carries no path, value or key material.
 */
export function toStoreError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof ZodError) return new AppError('VALIDATION', { cause: err });
  return new AppError(classify(err), { cause: err });
}

function classify(err: unknown): ErrorCode {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'DISK_FULL';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY')) {
    return 'READ_ONLY';
  }
  if (code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    // SQLite folds ENOSPC/EROFS into IOERR_WRITE on some paths; the errno is not exposed, so say
    // "could not write" rather than guess.
    return 'IO_ERROR';
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return 'DB_CORRUPT';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'CONFLICT';
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_CANTOPEN')
  ) {
    return 'IO_ERROR';
  }
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'EIO') return 'IO_ERROR';
  return 'INTERNAL';
}

export function sqliteCode(err: unknown): string {
  return String((err as { code?: unknown } | null)?.code ?? '');
}
