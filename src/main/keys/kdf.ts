import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

/**
 * Passphrase -> Argon2id -> 256-bit key-encryption key (KEK). The parameters travel with each wrapped
 * key in the keyring, so they can be raised later without breaking existing accounts.
 */
export interface KdfParams {
  alg: 'argon2id';
  /** Argon2 version 0x13 (19). */
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** 16 random bytes, base64. */
  salt: string;
}

/**
 * `strong` is the only profile for real data. Measured on the development machine (2 vCPU): 256 MiB,
 * t=3, p=1 takes about 0.5–0.8 s per derivation (64 MiB t=3 took 0.12–0.2 s; 256 MiB t=3 p=4 was
 * faster per call but a field laptop may have fewer cores than threads). p=1 keeps the cost the same
 * for an attacker's GPU lanes and our one core. `test` exists only so the unit tests stay fast; it is
 * chosen explicitly, never by default.
 */
export const KDF_PROFILES = {
  strong: { memoryKiB: 256 * 1024, iterations: 3, parallelism: 1 },
  test: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
} as const;
export type KdfProfile = keyof typeof KDF_PROFILES;
export const DEFAULT_KDF_PROFILE: KdfProfile = 'strong';

export function newKdfParams(profile: KdfProfile = DEFAULT_KDF_PROFILE): KdfParams {
  const p = KDF_PROFILES[profile];
  return {
    alg: 'argon2id',
    version: 19,
    memoryKiB: p.memoryKiB,
    iterations: p.iterations,
    parallelism: p.parallelism,
    salt: randomBytes(16).toString('base64'),
  };
}

/** Passphrases are compared after Unicode NFC so the same words typed with another input method still match. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  const secret = passphraseBytes(passphrase);
  try {
    return await hashRaw(secret, {
      algorithm: 2, // Argon2id (the package's const enum cannot be imported under isolatedModules)
      version: 1, // 0x13
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      salt: Buffer.from(params.salt, 'base64'),
      outputLen: 32,
    });
  } finally {
    secret.fill(0);
  }
}
