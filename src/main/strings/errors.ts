import { AppError } from '../../shared/errors';

/** Why a strings export, import or check was refused; the CLI prints the summary and the details. */
export type StringsErrorReason =
  | 'USAGE'
  | 'INVALID_LOCALES'
  | 'NOT_XLIFF'
  | 'WRONG_LANGUAGE'
  | 'WRONG_VERSION'
  | 'UNKNOWN_KEYS'
  | 'INVALID_UNITS'
  | 'CONFLICT'
  | 'NOT_TRANSLATED'
  | 'INVALID_TARGETS';

/**
 * A refused strings operation. It is an AppError (VALIDATION or CONFLICT) for any caller that only knows
 * codes; summary and details name strings and keys, never personal data (these are app texts).
 */
export class StringsError extends AppError {
  readonly reason: StringsErrorReason;
  readonly summary: string;
  readonly details: readonly string[];

  constructor(reason: StringsErrorReason, summary: string, details: readonly string[] = []) {
    super(reason === 'CONFLICT' || reason === 'WRONG_VERSION' ? 'CONFLICT' : 'VALIDATION');
    this.name = 'StringsError';
    this.reason = reason;
    this.summary = summary;
    this.details = details;
  }
}

export function isStringsError(value: unknown): value is StringsError {
  return value instanceof StringsError;
}
