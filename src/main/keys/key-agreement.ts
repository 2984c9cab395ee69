import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { type SealedBox, seal, unseal } from './aead';

/**
 * X25519 boxes let a supervisor hand a new database key to every account during key rotation without
 * knowing their passphrases: each account has a key pair whose private half is wrapped under that
 * account's passphrase key; rotation seals the new database key to the public half. The next sign-in
 * opens it and re-wraps it directly under the passphrase key.
 */
export interface AccountKeyPair {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER; wrap it, then wipe it. */
  privateKeyDer: Buffer;
}

export interface SealedToPublicKey {
  /** The sender's one-time X25519 public key, SPKI DER, base64. */
  ephemeralPublicKey: string;
  box: SealedBox;
}

export function generateAccountKeyPair(): AccountKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function boxKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublic, recipientPublic]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'fieldscreen/x25519-box/v1', 32));
  shared.fill(0);
  return key;
}

export function sealToPublicKey(publicKeyB64: string, plaintext: Buffer, aad: string): SealedToPublicKey {
  const recipientDer = Buffer.from(publicKeyB64, 'base64');
  const recipient = createPublicKey({ key: recipientDer, format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const key = boxKey(
    diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }),
    ephDer,
    recipientDer,
  );
  try {
    return { ephemeralPublicKey: ephDer.toString('base64'), box: seal(key, plaintext, aad) };
  } finally {
    key.fill(0);
  }
}

export function unsealWithPrivateKey(
  privateKeyDer: Buffer,
  recipientPublicKeyB64: string,
  sealed: SealedToPublicKey,
  aad: string,
): Buffer | null {
  let privateKey: KeyObject;
  let ephemeral: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    ephemeral = createPublicKey({
      key: Buffer.from(sealed.ephemeralPublicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
  } catch {
    return null;
  }
  const key = boxKey(
    diffieHellman({ privateKey, publicKey: ephemeral }),
    Buffer.from(sealed.ephemeralPublicKey, 'base64'),
    Buffer.from(recipientPublicKeyB64, 'base64'),
  );
  try {
    return unseal(key, sealed.box, aad);
  } finally {
    key.fill(0);
  }
}
