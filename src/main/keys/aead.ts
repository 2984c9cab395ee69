import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM box, base64 fields, as stored in the keyring. */
export interface SealedBox {
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * Encrypts with a fresh random 96-bit IV. `aad` binds the box to its purpose and owner (e.g. account
 * id), so a box copied to another entry or field does not open.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Returns the plaintext, or null when the key, AAD or box is wrong (authentication failed). */
export function unseal(key: Buffer, box: SealedBox, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
