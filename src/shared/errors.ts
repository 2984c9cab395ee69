import type common from '../../resources/locales/en/common.json';
import type { FieldProblem } from './field-problems';

type CommonErrors = (typeof common)['errors'];

/**
 * Every failure that crosses a boundary (IPC, preview HTTP, CLI) is an AppError: a stable code for
 * programs and an i18next key (namespace `common`, under `errors.`) for people. Never put personal
 * data or stack traces in either.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_SIGNED_IN',
  'FORBIDDEN_ROLE',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'ACCOUNT_DISABLED',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_INITIALISED',
  'NOT_INITIALISED',
  'DB_NEWER_THAN_APP',
  'DB_CORRUPT',
  'NOT_A_BACKUP',
  'BACKUP_UNTRUSTED',
  'DISK_FULL',
  'READ_ONLY',
  'IO_ERROR',
  'SIGNATURE_INVALID',
  'TRUST_BROKEN',
  'STORE_IDENTITY_CHANGED',
  'ACCOUNT_KEYS_UNTRUSTED',
  'PASSPHRASE_CHANGE_REQUIRED',
  'SIGNING_KEY_PENDING',
  'PASSPHRASE_UNCHANGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Maps each code to its translation key: the compiler checks each names a key of `common`
 * (src/types/i18n-keys.d.ts); tests check it exists in all six locales.
 */
export const ERROR_MESSAGE_KEYS: Record<ErrorCode, `errors.${keyof CommonErrors}`> = {
  VALIDATION: 'errors.validation',
  UNKNOWN_CHANNEL: 'errors.unknownChannel',
  FORBIDDEN_SENDER: 'errors.forbiddenSender',
  NOT_SIGNED_IN: 'errors.notSignedIn',
  FORBIDDEN_ROLE: 'errors.forbiddenRole',
  LOCKED: 'errors.locked',
  WRONG_PASSPHRASE: 'errors.wrongPassphrase',
  WRONG_RECOVERY_KEY: 'errors.wrongRecoveryKey',
  TOO_MANY_ATTEMPTS: 'errors.tooManyAttempts',
  ACCOUNT_DISABLED: 'errors.accountDisabled',
  NOT_FOUND: 'errors.notFound',
  CONFLICT: 'errors.conflict',
  ALREADY_INITIALISED: 'errors.alreadyInitialised',
  NOT_INITIALISED: 'errors.notInitialised',
  DB_NEWER_THAN_APP: 'errors.dbNewerThanApp',
  DB_CORRUPT: 'errors.dbCorrupt',
  NOT_A_BACKUP: 'errors.notABackup',
  BACKUP_UNTRUSTED: 'errors.backupUntrusted',
  DISK_FULL: 'errors.diskFull',
  READ_ONLY: 'errors.readOnly',
  TRUST_BROKEN: 'errors.trustBroken',
  STORE_IDENTITY_CHANGED: 'errors.storeIdentityChanged',
  ACCOUNT_KEYS_UNTRUSTED: 'errors.accountKeysUntrusted',
  PASSPHRASE_CHANGE_REQUIRED: 'errors.passphraseChangeRequired',
  SIGNING_KEY_PENDING: 'errors.signingKeyPending',
  PASSPHRASE_UNCHANGED: 'errors.passphraseUnchanged',
  IO_ERROR: 'errors.ioError',
  SIGNATURE_INVALID: 'errors.signatureInvalid',
  INTERNAL: 'errors.internal',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  /** Seconds the caller must wait (wrong-passphrase back-off); safe to show. */
  readonly retryAfterSeconds?: number;
  /** Which fields of the request are wrong and why (field names and positions only; no values). */
  readonly fields?: readonly FieldProblem[];

  constructor(
    code: ErrorCode,
    options: {
      messageKey?: string;
      retryAfterSeconds?: number;
      fields?: readonly FieldProblem[];
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? ERROR_MESSAGE_KEYS[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.fields && options.fields.length > 0) this.fields = options.fields;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
