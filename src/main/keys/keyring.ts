import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { normaliseUsername } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import { toStoreError } from '../db/errors';
import { writeFileAtomic } from '../util/atomic-file';
import { seal, unseal } from './aead';
import { deriveKek, type KdfParams, type KdfProfile, newKdfParams } from './kdf';
import { type SealedToPublicKey, sealToPublicKey, unsealWithPrivateKey } from './key-agreement';
import { openBundle, type PersonBundle, publicKeysOf, sealBundle, sealingKeyDerOf } from './person-keys';
import { signedRoster } from './roster';
import { wipe } from './wipe';

/**
 * keyring.json sits beside the database because it is needed before the database can be opened. It
 * holds, per account, the database key wrapped under a key derived from that account's passphrase, and
 * nothing readable: usernames appear only as salted HMACs, keys only wrapped. Anyone can read it; it
 * is only as strong as the passphrases and Argon2id. Back-off counters here slow down guessing through
 * the app; an attacker with the file goes offline and meets Argon2id instead.
 */
export const KEYRING_FILE = 'keyring.json';
export const KEYRING_FORMAT = 'fieldscreen.keyring';
/**
 * Version 2: the database key is derived from the recovery key (see database-key.ts). Version 1 (the
 * release before) used the recovery key itself as the database key; such a keyring is read as is and
 * upgraded at the next supervisor sign-in (vault-upgrade.ts).
 */
export const KEYRING_VERSION = 2;
export const LEGACY_KEYRING_VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const sealedBoxSchema = z.object({ iv: b64, tag: b64, ciphertext: b64 });
const sealedToPublicKeySchema = z.object({ ephemeralPublicKey: b64, box: sealedBoxSchema });

/** Bounds stop a tampered keyring from asking for absurd memory or time. */
const kdfParamsSchema = z.object({
  alg: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z
    .number()
    .int()
    .min(8)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: b64,
});

const backoffFields = {
  failedAttempts: z.number().int().min(0),
  /** Epoch milliseconds before which the next attempt is refused; null when none. */
  nextAttemptAt: z.number().int().nullable(),
};

const accountEntrySchema = z.object({
  accountId: z.uuid(),
  usernameLookup: hex64,
  kdf: kdfParamsSchema,
  /** The database key under this account's passphrase key (AES-256-GCM); null while a rotated key waits. */
  wrappedDbKey: sealedBoxSchema.nullable(),
  keyPair: z.object({ publicKey: b64, wrappedPrivateKey: sealedBoxSchema }),
  /** A new database key from a key rotation, sealed to keyPair.publicKey; taken up at next sign-in. */
  rotatedDbKey: sealedToPublicKeySchema.nullable(),
  /** The person's keys (person-keys.ts) under this passphrase key; absent on entries from version 1. */
  bundle: sealedBoxSchema.optional(),
  /** Public half of the bundle's signing key (Ed25519 SPKI DER): compared with the roster at sign-in. */
  signingPublicKey: b64.optional(),
  /**
   * New keys the person made at their first passphrase change, proven with the enrolment key (or
   * unproven for an account from before the roster), until a supervisor endorses them in the roster.
   */
  pending: z
    .object({
      signingPublicKey: b64,
      sealingPublicKey: b64,
      referralPublicKeyPem: z.string(),
      proof: b64.nullable(),
    })
    .optional(),
  ...backoffFields,
});

const keyringSchema = z.object({
  format: z.literal(KEYRING_FORMAT),
  version: z.union([z.literal(LEGACY_KEYRING_VERSION), z.literal(KEYRING_VERSION)]),
  createdAt: z.iso.datetime(),
  lookupSalt: b64,
  dbKeyCheck: hex64,
  accounts: z.array(accountEntrySchema),
  /** Back-off for names that match no account, so unknown and known names behave alike. */
  unknownAttempts: z.array(
    z.object({ usernameLookup: hex64, lastAttemptAt: z.number().int(), ...backoffFields }),
  ),
  /** Failed sign-ins seen while the database was closed; written to the audit log at the next unlock. */
  pendingFailedLogins: z.array(
    z.object({
      at: z.iso.datetime(),
      accountId: z.uuid().nullable(),
      method: z.enum(['passphrase', 'recovery_key']),
    }),
  ),
  /**
   * Present only while a key rotation is under way (written before PRAGMA rekey): the new key sealed to
   * every account and its check value, so a crash between rekey and the final keyring write can be
   * rolled back at the next sign-in instead of locking everyone out.
   */
  rotation: z
    .object({ newDbKeyCheck: hex64, sealed: z.record(z.uuid(), sealedToPublicKeySchema) })
    .nullable(),
  /**
   * The store identity (store-identity.ts): its CA certificate and fingerprint, and its secrets sealed
   * under a key derived from the recovery key. Absent until the first supervisor sign-in of an upgraded
   * store.
   */
  store: z
    .object({ fingerprint: z.string(), caCertificatePem: z.string(), recoveryBox: sealedBoxSchema })
    .optional(),
  /** Who may sign in, with which keys and role, signed by the store identity (roster.ts). */
  roster: signedRoster.optional(),
});

export type Keyring = z.infer<typeof keyringSchema>;
export type AccountEntry = z.infer<typeof accountEntrySchema>;
export type BackoffState = { failedAttempts: number; nextAttemptAt: number | null };

export const MAX_UNKNOWN_ATTEMPT_ENTRIES = 64;
export const MAX_PENDING_FAILED_LOGINS = 200;

/** A keyring from before the recovery key was split from the database key. */
export function isLegacyKeyring(keyring: Pick<Keyring, 'version'>): boolean {
  return keyring.version === LEGACY_KEYRING_VERSION;
}

export function keyringPath(dir: string): string {
  return join(dir, KEYRING_FILE);
}

/** Reads and validates keyring.json; null when absent. A damaged file is DB_CORRUPT (never rewritten). */
export function readKeyring(dir: string): Keyring | null {
  let text: string;
  try {
    text = readFileSync(keyringPath(dir), 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw toStoreError(err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('DB_CORRUPT', { cause: err });
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) throw new AppError('DB_CORRUPT', { cause: parsed.error });
  return parsed.data;
}

/** Validates a keyring object (e.g. the copy inside a backup); null when it is not one. */
export function parseKeyring(json: unknown): Keyring | null {
  const parsed = keyringSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Atomic replace: temp file in the same folder, fsync, rename, fsync folder. */
export function writeKeyring(dir: string, keyring: Keyring): void {
  const checked = keyringSchema.parse(keyring);
  writeFileAtomic(keyringPath(dir), `${JSON.stringify(checked, null, 2)}\n`);
}

export function newKeyring(dbKeyCheckHex: string, now: Date): Keyring {
  return {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    createdAt: now.toISOString(),
    lookupSalt: randomBytes(32).toString('base64'),
    dbKeyCheck: dbKeyCheckHex,
    accounts: [],
    unknownAttempts: [],
    pendingFailedLogins: [],
    rotation: null,
  };
}

/** Salted HMAC of the normalised username: finds the entry without storing names in clear. */
export function usernameLookup(keyring: Pick<Keyring, 'lookupSalt'>, username: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64'))
    .update(normaliseUsername(username), 'utf8')
    .digest('hex');
}

// ---- back-off (pure) ----

export const BACKOFF_CAP_SECONDS = 300;

/** Wait after the n-th consecutive failure: 1 s, 2 s, 4 s, … capped at 5 minutes. */
export function backoffSeconds(failedAttempts: number): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(2 ** (failedAttempts - 1), BACKOFF_CAP_SECONDS);
}

export function retryAfterSeconds(state: BackoffState, nowMs: number): number {
  if (state.nextAttemptAt === null || state.nextAttemptAt <= nowMs) return 0;
  return Math.ceil((state.nextAttemptAt - nowMs) / 1000);
}

export function afterFailure(state: BackoffState, nowMs: number): BackoffState {
  const failedAttempts = state.failedAttempts + 1;
  return { failedAttempts, nextAttemptAt: nowMs + backoffSeconds(failedAttempts) * 1000 };
}

// ---- account entries ----

const aad = {
  dbKey: (accountId: string) => `fieldscreen/keyring/v1/db-key/${accountId}`,
  privateKey: (accountId: string) => `fieldscreen/keyring/v1/private-key/${accountId}`,
  rotated: (accountId: string) => `fieldscreen/keyring/v1/rotated-db-key/${accountId}`,
};

/** A fresh entry: new salt, new key pair, the database key wrapped under the new passphrase key. */
export async function createAccountEntry(args: {
  keyring: Pick<Keyring, 'lookupSalt'>;
  accountId: string;
  username: string;
  passphrase: string;
  dbKey: Buffer;
  /** The person's keys, sealed under the new passphrase key. */
  bundle: PersonBundle;
  profile?: KdfProfile;
}): Promise<AccountEntry> {
  const kdf = newKdfParams(args.profile);
  const kek = await deriveKek(args.passphrase, kdf);
  try {
    return entryFromKek(
      args.accountId,
      usernameLookup(args.keyring, args.username),
      kdf,
      kek,
      args.dbKey,
      args.bundle,
    );
  } finally {
    wipe(kek);
  }
}

function entryFromKek(
  accountId: string,
  lookup: string,
  kdf: KdfParams,
  kek: Buffer,
  dbKey: Buffer,
  bundle: PersonBundle,
): AccountEntry {
  const sealingKey = sealingKeyDerOf(bundle);
  const keys = publicKeysOf(bundle);
  try {
    return {
      accountId,
      usernameLookup: lookup,
      kdf,
      wrappedDbKey: seal(kek, dbKey, aad.dbKey(accountId)),
      keyPair: {
        publicKey: keys.sealingPublicKey,
        wrappedPrivateKey: seal(kek, sealingKey, aad.privateKey(accountId)),
      },
      rotatedDbKey: null,
      bundle: sealBundle(kek, accountId, bundle),
      signingPublicKey: keys.signingPublicKey,
      failedAttempts: 0,
      nextAttemptAt: null,
    };
  } finally {
    wipe(sealingKey);
  }
}

/** The person's keys in an opened entry; null for an entry from before per-person keys. */
export function openEntryBundle(entry: AccountEntry, kek: Buffer): PersonBundle | null {
  return entry.bundle ? openBundle(kek, entry.accountId, entry.bundle) : null;
}

/** The same entry, now also holding a bundle (an account from before per-person keys gets its own). */
export function withBundle(entry: AccountEntry, kek: Buffer, bundle: PersonBundle): AccountEntry {
  const sealingKey = sealingKeyDerOf(bundle);
  const keys = publicKeysOf(bundle);
  try {
    return {
      ...entry,
      keyPair: {
        publicKey: keys.sealingPublicKey,
        wrappedPrivateKey: seal(kek, sealingKey, aad.privateKey(entry.accountId)),
      },
      bundle: sealBundle(kek, entry.accountId, bundle),
      signingPublicKey: keys.signingPublicKey,
    };
  } finally {
    wipe(sealingKey);
  }
}

export interface OpenedEntry {
  /** The passphrase key; wipe when done. */
  kek: Buffer;
  /** The database key this entry currently holds (wrapped or delivered by a rotation). */
  dbKey: Buffer;
  /** True when the key came from a rotation and should now be re-wrapped under kek. */
  fromRotation: boolean;
}

/** Derives the passphrase key and opens the entry; null when the passphrase is wrong. */
export async function openAccountEntry(entry: AccountEntry, passphrase: string): Promise<OpenedEntry | null> {
  const kek = await deriveKek(passphrase, entry.kdf);
  if (entry.wrappedDbKey) {
    const dbKey = unseal(kek, entry.wrappedDbKey, aad.dbKey(entry.accountId));
    if (dbKey) return { kek, dbKey, fromRotation: false };
  } else if (entry.rotatedDbKey) {
    const dbKey = openSealedForEntry(entry, kek, entry.rotatedDbKey);
    if (dbKey) return { kek, dbKey, fromRotation: true };
  }
  wipe(kek);
  return null;
}

/** Opens a box sealed to this entry's public key, using the private key unwrapped with kek. */
export function openSealedForEntry(
  entry: AccountEntry,
  kek: Buffer,
  sealed: SealedToPublicKey,
): Buffer | null {
  const privateKey = unseal(kek, entry.keyPair.wrappedPrivateKey, aad.privateKey(entry.accountId));
  if (!privateKey) return null;
  try {
    return unsealWithPrivateKey(privateKey, entry.keyPair.publicKey, sealed, aad.rotated(entry.accountId));
  } finally {
    wipe(privateKey);
  }
}

/** The same entry with the database key wrapped directly under kek (after a rotation, or a key change). */
export function rewrapEntry(entry: AccountEntry, kek: Buffer, dbKey: Buffer): AccountEntry {
  return { ...entry, wrappedDbKey: seal(kek, dbKey, aad.dbKey(entry.accountId)), rotatedDbKey: null };
}

/** Seals a (new) database key to an account's public key; no passphrase needed. */
export function sealDbKeyForEntry(entry: AccountEntry, dbKey: Buffer): SealedToPublicKey {
  return sealToPublicKey(entry.keyPair.publicKey, dbKey, aad.rotated(entry.accountId));
}

/**
 * Burns about the same time as a real attempt for a name with no account, so timing does not tell
 * whether a username exists. Uses the strongest parameters present in the keyring.
 */
export async function spendDecoyDerivation(keyring: Keyring, passphrase: string): Promise<void> {
  const template = keyring.accounts.reduce<KdfParams | null>(
    (best, a) =>
      best === null || a.kdf.memoryKiB * a.kdf.iterations > best.memoryKiB * best.iterations ? a.kdf : best,
    null,
  );
  const params = template ?? newKdfParams('strong');
  wipe(await deriveKek(passphrase, { ...params, salt: randomBytes(16).toString('base64') }));
}
