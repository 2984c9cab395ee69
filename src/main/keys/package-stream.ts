import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  type Hash,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { wipe } from './wipe';

/**
 * The sealed container of a handover package (`.fshandover`), read and written a chunk at a time so
 * that a case with 100 MB of attachments never needs 100 MB of memory:
 *
 *   MAGIC (24 bytes) | u32 header length | header (JSON, no personal data)
 *   | frames: u32 length | AES-256-GCM(content key, iv = noncePrefix ‖ u32 counter,
 *                                      aad = SHA-256(MAGIC ‖ header) ‖ final flag)(≤ 64 KiB plaintext) ‖ tag
 *   | TRAILER_TAG (4 bytes) | Ed25519 signature (64 bytes)
 *
 * The last frame carries the final flag (a file cut at a frame boundary is noticed), the AAD binds
 * every frame to the header (its sender and recipient), and the signature, by the sending officer's
 * key named in the header, covers every byte before it:
 *   Ed25519("fieldscreen.handover.v1\n" ‖ hex SHA-256(everything before the trailer)).
 * The package hash is the SHA-256 of the whole file (what `sha256sum` prints).
 */

export const PACKAGE_MAGIC = Buffer.from('FIELDSCREEN-HANDOVER-v1\n', 'latin1');
const TRAILER_TAG = Buffer.from('SIG1', 'latin1');
const SIGNATURE_BYTES = 64;
const TRAILER_BYTES = TRAILER_TAG.length + SIGNATURE_BYTES;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
export const MAX_HEADER_BYTES = 64 * 1024;
const IO_BYTES = 256 * 1024;

function signatureMessage(prefixSha256: Buffer): Buffer {
  return Buffer.from(`fieldscreen.handover.v1\n${prefixSha256.toString('hex')}`, 'utf8');
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function ivFor(noncePrefix: Buffer, counter: number): Buffer {
  return Buffer.concat([noncePrefix, u32(counter)]);
}

/** Writes a package to an open file, frame by frame. */
export class PackageWriter {
  readonly #fd: number;
  readonly #key: Buffer;
  readonly #noncePrefix: Buffer;
  readonly #aad: Buffer;
  readonly #prefixHash: Hash = createHash('sha256');
  readonly #fileHash: Hash = createHash('sha256');
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #counter = 0;
  #finished = false;

  /** `header` is the exact JSON text stored; `contentKey` (32 bytes) is copied and wiped at finish. */
  constructor(fd: number, header: string, contentKey: Buffer, noncePrefix: Buffer) {
    if (noncePrefix.length !== 8) throw new Error('nonce prefix must be 8 bytes');
    this.#fd = fd;
    this.#key = Buffer.from(contentKey);
    this.#noncePrefix = Buffer.from(noncePrefix);
    const headerBytes = Buffer.from(header, 'utf8');
    if (headerBytes.length > MAX_HEADER_BYTES) throw new Error('header too large');
    this.#aad = createHash('sha256').update(PACKAGE_MAGIC).update(headerBytes).digest();
    this.#out(Buffer.concat([PACKAGE_MAGIC, u32(headerBytes.length), headerBytes]), true);
  }

  #out(bytes: Buffer, signed: boolean): void {
    if (signed) this.#prefixHash.update(bytes);
    this.#fileHash.update(bytes);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.#fd, bytes, off, bytes.length - off);
  }

  #frame(plain: Buffer, final: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.#key, ivFor(this.#noncePrefix, this.#counter++));
    cipher.setAAD(Buffer.concat([this.#aad, Buffer.from([final ? 1 : 0])]));
    const ct = cipher.update(plain);
    const rest = cipher.final();
    const tag = cipher.getAuthTag();
    this.#out(u32(ct.length + rest.length + tag.length), true);
    this.#out(ct, true);
    if (rest.length) this.#out(rest, true);
    this.#out(tag, true);
  }

  /** Appends plaintext (any size; encrypted in 64 KiB frames as it fills). */
  write(bytes: Buffer): void {
    if (this.#finished) throw new Error('package already finished');
    let off = 0;
    // Whole frames straight from the caller's buffer (no copy) while nothing is pending.
    while (this.#pendingBytes === 0 && bytes.length - off > CHUNK_BYTES) {
      this.#frame(bytes.subarray(off, off + CHUNK_BYTES), false);
      off += CHUNK_BYTES;
    }
    while (off < bytes.length) {
      const take = Math.min(CHUNK_BYTES - this.#pendingBytes, bytes.length - off);
      // A copy: the caller may wipe its buffer as soon as write returns.
      this.#pending.push(Buffer.from(bytes.subarray(off, off + take)));
      this.#pendingBytes += take;
      off += take;
      if (this.#pendingBytes === CHUNK_BYTES) {
        const chunk = Buffer.concat(this.#pending);
        wipe(...this.#pending);
        this.#pending = [];
        this.#pendingBytes = 0;
        this.#frame(chunk, false);
        wipe(chunk);
      }
    }
  }

  /** The final frame, the signature and fsync. Returns the package hash (hex SHA-256 of the file). */
  finish(signingKey: KeyObject): string {
    const chunk = Buffer.concat(this.#pending);
    this.#pending = [];
    this.#frame(chunk, true);
    wipe(chunk, this.#key);
    this.#finished = true;
    const signature = sign(null, signatureMessage(this.#prefixHash.digest()), signingKey);
    this.#out(Buffer.concat([TRAILER_TAG, signature]), false);
    fsyncSync(this.#fd);
    return this.#fileHash.digest('hex');
  }
}

/** Why a package cannot be read: its shape (truncated, not a package) or its signature. */
export type PackageProblem = 'not-a-package' | 'truncated' | 'bad-signature' | 'damaged';

export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(problem);
    this.name = 'PackageError';
  }
}

export interface OpenedPackage {
  fd: number;
  size: number;
  /** The header's exact text. */
  header: string;
  bodyStart: number;
  bodyEnd: number;
  signature: Buffer;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) throw new PackageError('truncated');
    got += n;
  }
  return out;
}

/** Opens a package file and reads its header and trailer (no decryption, no trust). Close with closePackage. */
export function openPackage(path: string): OpenedPackage {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < PACKAGE_MAGIC.length + 4) throw new PackageError('not-a-package');
    const magic = readExactly(fd, PACKAGE_MAGIC.length, 0);
    if (!magic.equals(PACKAGE_MAGIC)) throw new PackageError('not-a-package');
    const headerLength = readExactly(fd, 4, PACKAGE_MAGIC.length).readUInt32BE(0);
    if (headerLength > MAX_HEADER_BYTES) throw new PackageError('not-a-package');
    const bodyStart = PACKAGE_MAGIC.length + 4 + headerLength;
    if (size < bodyStart + TRAILER_BYTES) throw new PackageError('truncated');
    const header = readExactly(fd, headerLength, PACKAGE_MAGIC.length + 4).toString('utf8');
    const trailer = readExactly(fd, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!trailer.subarray(0, TRAILER_TAG.length).equals(TRAILER_TAG)) throw new PackageError('truncated');
    return {
      fd,
      size,
      header,
      bodyStart,
      bodyEnd: size - TRAILER_BYTES,
      signature: trailer.subarray(TRAILER_TAG.length),
    };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

export function closePackage(pkg: OpenedPackage): void {
  closeSync(pkg.fd);
}

/**
 * Reads every byte once: checks the Ed25519 signature (raw or SPKI public key) over everything before
 * the trailer, and returns the package hash (SHA-256 of the whole file). PackageError('bad-signature')
 * when the signature is not that key's over these bytes.
 */
export function verifyPackage(pkg: OpenedPackage, signingPublicKey: KeyObject): string {
  const prefix = createHash('sha256');
  const whole = createHash('sha256');
  const buffer = Buffer.alloc(IO_BYTES);
  let position = 0;
  while (position < pkg.size) {
    const n = readSync(pkg.fd, buffer, 0, Math.min(IO_BYTES, pkg.size - position), position);
    if (n === 0) throw new PackageError('truncated');
    const part = buffer.subarray(0, n);
    const signedPart = part.subarray(0, Math.max(0, Math.min(n, pkg.bodyEnd - position)));
    prefix.update(signedPart);
    whole.update(part);
    position += n;
  }
  let ok = false;
  try {
    ok = verify(null, signatureMessage(prefix.digest()), signingPublicKey, pkg.signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new PackageError('bad-signature');
  return whole.digest('hex');
}

/** An Ed25519 public key from SPKI DER base64 (as the roster and the header carry it). */
export function ed25519PublicKey(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}

/**
 * The plaintext of a package, decrypted a frame at a time as it is read. Any frame that does not
 * authenticate, a frame after the final one, a missing final frame or bytes left over is
 * PackageError('damaged').
 */
export class PackageReader {
  readonly #pkg: OpenedPackage;
  readonly #key: Buffer;
  readonly #noncePrefix: Buffer;
  readonly #aad: Buffer;
  #position: number;
  #counter = 0;
  #final = false;
  #plain: Buffer = Buffer.alloc(0);

  constructor(pkg: OpenedPackage, contentKey: Buffer, noncePrefix: Buffer) {
    this.#pkg = pkg;
    this.#key = Buffer.from(contentKey);
    this.#noncePrefix = Buffer.from(noncePrefix);
    this.#aad = createHash('sha256').update(PACKAGE_MAGIC).update(Buffer.from(pkg.header, 'utf8')).digest();
    this.#position = pkg.bodyStart;
  }

  #nextFrame(): void {
    if (this.#final) throw new PackageError('damaged');
    if (this.#position + 4 > this.#pkg.bodyEnd) throw new PackageError('damaged');
    const length = readExactly(this.#pkg.fd, 4, this.#position).readUInt32BE(0);
    if (length < TAG_BYTES || length > CHUNK_BYTES + TAG_BYTES) throw new PackageError('damaged');
    if (this.#position + 4 + length > this.#pkg.bodyEnd) throw new PackageError('damaged');
    const frame = readExactly(this.#pkg.fd, length, this.#position + 4);
    this.#position += 4 + length;
    const final = this.#position === this.#pkg.bodyEnd;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, ivFor(this.#noncePrefix, this.#counter++));
      decipher.setAAD(Buffer.concat([this.#aad, Buffer.from([final ? 1 : 0])]));
      decipher.setAuthTag(frame.subarray(length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(frame.subarray(0, length - TAG_BYTES)), decipher.final()]);
      this.#plain = this.#plain.length ? Buffer.concat([this.#plain, plain]) : plain;
    } catch {
      throw new PackageError('damaged');
    }
    this.#final = final;
  }

  /** Exactly `length` more bytes of plaintext (one buffer of that size; frames are copied into it). */
  read(length: number): Buffer {
    if (this.#plain.length === 0 && length > 0) this.#nextFrame();
    if (this.#plain.length >= length) {
      const out = this.#plain.subarray(0, length);
      this.#plain = this.#plain.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    while (at < length) {
      if (this.#plain.length === 0) this.#nextFrame();
      const take = Math.min(length - at, this.#plain.length);
      this.#plain.copy(out, at, 0, take);
      this.#plain = this.#plain.subarray(take);
      at += take;
    }
    return out;
  }

  /** The plaintext ended exactly here, with the final frame. */
  end(): void {
    if (this.#plain.length > 0) throw new PackageError('damaged');
    if (!this.#final) {
      // An empty final frame may still follow.
      this.#nextFrame();
      if (this.#plain.length > 0 || !this.#final) throw new PackageError('damaged');
    }
    wipe(this.#key);
  }
}
