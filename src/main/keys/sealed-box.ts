import sodium from 'libsodium-wrappers';

/**
 * Sealed boxes (libsodium's crypto_box_seal: an ephemeral X25519 key, XSalsa20-Poly1305): anyone with
 * the recipient's public key can seal, only the holder of its private key can open, and the box says
 * nothing about who sealed it (the handover package is signed separately). Used for the 32-byte
 * content key of a handover package, sealed to the receiving agency's key (agency-key.ts).
 */

let ready: Promise<void> | null = null;

/** libsodium's WebAssembly must load once before the synchronous calls below. */
export function sodiumReady(): Promise<void> {
  ready ??= sodium.ready;
  return ready;
}

/** The box, sealed to a raw 32-byte X25519 public key. Call sodiumReady() first. */
export function sealToAgency(publicKey: Buffer, message: Buffer): Buffer {
  return Buffer.from(sodium.crypto_box_seal(message, publicKey));
}

/** The message, or null when the box is not for this key pair or was changed. Call sodiumReady() first. */
export function openSealedBox(box: Buffer, publicKey: Buffer, privateKey: Buffer): Buffer | null {
  try {
    return Buffer.from(sodium.crypto_box_seal_open(box, publicKey, privateKey));
  } catch {
    return null;
  }
}
