import { AppError, isAppError } from '../../shared/errors';

/** Maps an OS or SQLite failure to the typed error the officer sees explained in their language. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new AppError('DISK_FULL', { cause: err });
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_CANTOPEN':
      return new AppError('READ_ONLY', { cause: err });
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new AppError('DB_CORRUPT', { cause: err });
    default:
      return new AppError('IO_ERROR', { cause: err });
  }
}
