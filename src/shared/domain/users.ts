import { z } from 'zod';
import { entityId, isoDateTime } from './common';

export const USER_ROLES = ['supervisor', 'officer'] as const;
export const userRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRole>;

/**
 * Login names: letters (any script), digits, dot, dash, underscore; compared case-insensitively after
 * Unicode NFC normalisation (see normaliseUsername).
 */
export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{M}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore only');

export const displayName = z.string().trim().min(1).max(120);

/** Minimum length for a new passphrase. Long passphrases in any script are welcome. */
export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_PASSPHRASE_LENGTH = 1024;

/** A passphrase being set (first run, new account, change, reset). Never trimmed: spaces count. */
export const newPassphrase = z.string().min(MIN_PASSPHRASE_LENGTH).max(MAX_PASSPHRASE_LENGTH);
/** A passphrase being tried: no policy hints before sign-in. */
export const passphraseAttempt = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);

/** Canonical form used for lookups and uniqueness: NFC, lower case. */
export function normaliseUsername(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('und');
}

export const initialiseInput = z.object({
  username,
  displayName,
  passphrase: newPassphrase,
});
export type InitialiseInput = z.infer<typeof initialiseInput>;

export const unlockInput = z.object({
  username: z.string().min(1).max(200),
  passphrase: passphraseAttempt,
});
export type UnlockInput = z.infer<typeof unlockInput>;

export const addUserInput = z.object({
  username,
  displayName,
  role: userRole,
  /** First passphrase, told to the new user in person; they should change it at first sign-in. */
  passphrase: newPassphrase,
});
export type AddUserInput = z.infer<typeof addUserInput>;

export const changePassphraseInput = z.object({
  currentPassphrase: passphraseAttempt,
  newPassphrase,
});

/**
 * The signed-in person's own account as "My account" shows it: whether they must choose their passphrase
 * first, where their referral-signing key stands (none before the store has an identity; pending until a
 * supervisor endorses keys made by the person; endorsed), its fingerprint, and the store's.
 */
export const accountStatus = z.strictObject({
  mustChangePassphrase: z.boolean(),
  signingKey: z.enum(['none', 'pending', 'endorsed']),
  /** SHA-256 of the person's referral certificate (colon hex), once endorsed. */
  certificateFingerprint: z.string().nullable(),
  /** The store identity's fingerprint (also printed with the recovery key and on referrals). */
  storeFingerprint: z.string().nullable(),
});
export type AccountStatus = z.infer<typeof accountStatus>;
export type ChangePassphraseInput = z.infer<typeof changePassphraseInput>;

export const resetPassphraseInput = z.object({
  userId: entityId,
  newPassphrase,
});
export type ResetPassphraseInput = z.infer<typeof resetPassphraseInput>;

export const sessionUser = z.object({
  id: entityId,
  username: z.string(),
  displayName: z.string(),
  role: userRole,
});
export type SessionUser = z.infer<typeof sessionUser>;

/**
 * A sign-in's reply: the user, and a recovery key to show once when this sign-in upgraded the store
 * to a recovery key of its own (stores from before it used the database key as recovery key).
 */
export const signInResult = sessionUser.extend({
  newRecoveryKey: z.string().optional(),
  /** With a new recovery key: the store identity made at the same upgrade, written down beside it. */
  storeFingerprint: z.string().optional(),
  /** Someone else set this passphrase: the person chooses their own before anything else. */
  mustChangePassphrase: z.boolean().optional(),
});
export type SignInResult = z.infer<typeof signInResult>;

/** Where an account's keys stand in the signed roster (store/key-states.ts). */
export const accountKeyState = z.enum(['none', 'given', 'pending', 'endorsed']);
export type AccountKeyState = z.infer<typeof accountKeyState>;

export const userSummary = sessionUser.extend({
  createdAt: isoDateTime,
  disabledAt: isoDateTime.nullable(),
  /** Supervisors' list only: whether the person chose their own passphrase and keys were endorsed. */
  keyState: accountKeyState.optional(),
});
export type UserSummary = z.infer<typeof userSummary>;

/** The recovery key as shown once: 64 hex characters in dash-separated groups of four. */
export const recoveryKeyText = z
  .string()
  .max(200)
  .refine((s) => /^[0-9a-fA-F]{64}$/.test(s.replace(/[\s-]/g, '')), {
    message: 'expected 64 hex characters',
  });

export const recoveryKeyIssued = z.object({
  /** Grouped for reading aloud and printing, e.g. "1a2b-3c4d-…". */
  recoveryKey: z.string(),
  /** The same 64 hex characters without separators. */
  recoveryKeyHex: z.string().regex(/^[0-9a-f]{64}$/),
  /** The store identity's fingerprint (written down with the recovery key; printed on referrals). */
  storeFingerprint: z.string().optional(),
});
export type RecoveryKeyIssued = z.infer<typeof recoveryKeyIssued>;
