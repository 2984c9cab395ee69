import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { z } from 'zod';
import { type SealedBox, seal, unseal } from './aead';
import { generateAccountKeyPair } from './key-agreement';
import { newReferralKey, type RsaKeyPem, rsaKeyPairAsync } from './store-identity';
import { wipe } from './wipe';

/**
 * One person's secrets, sealed under their passphrase key only (never under the shared database key):
 * an Ed25519 signing key (audit rows, proofs of key changes), the X25519 sealing key (its private half
 * is also the keyring's keyPair), an RSA referral key (the store CA certifies it), a key that seals
 * their imported agency PKCS#12 in the database, the fingerprint of the store they belong to (so a
 * swapped store identity is noticed at sign-in), and for supervisors the store CA key.
 */
const bundleSchema = z.object({
  signingKey: z.string(),
  sealingKey: z.string(),
  referralKeyPem: z.string(),
  identityKey: z.string(),
  storeFingerprint: z.string().nullable(),
  storeCaKeyPem: z.string().nullable(),
});
export type PersonBundle = z.infer<typeof bundleSchema>;

export interface PersonPublicKeys {
  /** Ed25519 SPKI DER base64. */
  signingPublicKey: string;
  /** X25519 SPKI DER base64. */
  sealingPublicKey: string;
  /** RSA SPKI PEM. */
  referralPublicKeyPem: string;
}

/**
 * New keys for a person; `sealingKeyDer` keeps an existing X25519 key (PKCS#8 DER) instead of a new one;
 * `referralKey` is an RSA key made beforehand (newPersonBundleAsync), else one is made here.
 */
export function newPersonBundle(
  storeFingerprint: string | null,
  storeCaKeyPem: string | null,
  sealingKeyDer?: Buffer,
  referralKey?: RsaKeyPem,
): PersonBundle {
  const signing = generateKeyPairSync('ed25519');
  const sealing = sealingKeyDer ? { privateKeyDer: Buffer.from(sealingKeyDer) } : generateAccountKeyPair();
  const referral = referralKey ?? newReferralKey();
  try {
    return {
      signingKey: signing.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      sealingKey: sealing.privateKeyDer.toString('base64'),
      referralKeyPem: referral.privateKeyPem,
      identityKey: randomBytes(32).toString('base64'),
      storeFingerprint,
      storeCaKeyPem,
    };
  } finally {
    wipe(sealing.privateKeyDer);
  }
}

/** newPersonBundle with its RSA key made off the main thread (account set-up, passphrase changes). */
export async function newPersonBundleAsync(
  storeFingerprint: string | null,
  storeCaKeyPem: string | null,
): Promise<PersonBundle> {
  return newPersonBundle(storeFingerprint, storeCaKeyPem, undefined, await rsaKeyPairAsync(2048));
}

export function publicKeysOf(bundle: PersonBundle): PersonPublicKeys {
  const pub = (der: string, type: 'pkcs8') =>
    createPublicKey(createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type }))
      .export({ type: 'spki', format: 'der' })
      .toString('base64');
  return {
    signingPublicKey: pub(bundle.signingKey, 'pkcs8'),
    sealingPublicKey: pub(bundle.sealingKey, 'pkcs8'),
    referralPublicKeyPem: createPublicKey(bundle.referralKeyPem)
      .export({ type: 'spki', format: 'pem' })
      .toString(),
  };
}

export function signingKeyOf(bundle: PersonBundle): KeyObject {
  return createPrivateKey({ key: Buffer.from(bundle.signingKey, 'base64'), format: 'der', type: 'pkcs8' });
}

/** The X25519 private key, PKCS#8 DER (the keyring wraps it as the entry's keyPair). Wipe after use. */
export function sealingKeyDerOf(bundle: PersonBundle): Buffer {
  return Buffer.from(bundle.sealingKey, 'base64');
}

const bundleAad = (accountId: string) => `fieldscreen/keyring/v2/person-bundle/${accountId}`;

export function sealBundle(kek: Buffer, accountId: string, bundle: PersonBundle): SealedBox {
  const plain = Buffer.from(JSON.stringify(bundle), 'utf8');
  try {
    return seal(kek, plain, bundleAad(accountId));
  } finally {
    wipe(plain);
  }
}

/** The bundle, or null when the key or box is wrong. */
export function openBundle(kek: Buffer, accountId: string, box: SealedBox): PersonBundle | null {
  const plain = unseal(kek, box, bundleAad(accountId));
  if (!plain) return null;
  try {
    const parsed = bundleSchema.safeParse(JSON.parse(plain.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  } finally {
    wipe(plain);
  }
}

/** What a key-change proof covers: the account and its new public keys, in one unambiguous text. */
function proofText(accountId: string, keys: PersonPublicKeys): Buffer {
  return Buffer.from(
    JSON.stringify([
      'fieldscreen/key-change/v1',
      accountId,
      keys.signingPublicKey,
      keys.sealingPublicKey,
      keys.referralPublicKeyPem,
    ]),
    'utf8',
  );
}

/** The holder of the old signing key vouches for the new keys (first passphrase change). */
export function proveKeyChange(oldSigningKey: KeyObject, accountId: string, keys: PersonPublicKeys): string {
  return sign(null, proofText(accountId, keys), oldSigningKey).toString('base64');
}

export function keyChangeProven(
  oldSigningPublicKey: string,
  accountId: string,
  keys: PersonPublicKeys,
  proof: string,
): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(oldSigningPublicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return verify(null, proofText(accountId, keys), key, Buffer.from(proof, 'base64'));
  } catch {
    return false;
  }
}

/** Key id of an Ed25519 public key: hex SHA-256 of its raw 32 bytes (the last 32 of the SPKI DER). */
export function signingKeyId(signingPublicKey: string): string {
  const der = Buffer.from(signingPublicKey, 'base64');
  return createHash('sha256')
    .update(der.subarray(der.length - 32))
    .digest('hex');
}

/** The key that wraps the store's secrets under the recovery key (HKDF-SHA256 of R). */
export function recoveryWrapKey(recoveryKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.alloc(0), 'fieldscreen/recovery-wrap/v1', 32));
}
