/**
 * Minimal DER reading and writing for CMS. Hand-rolled on purpose: node-forge re-encodes a
 * certificate's issuer name when it builds a SignedData and double-encodes UTF8String values, so a
 * certificate with a Thai, Burmese or Khmer name in its subject or issuer gets a SignerInfo that
 * points to no certificate. Here issuer and serial are copied byte for byte from the certificate.
 */

export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;

export interface Tlv {
  tag: number;
  /** Offset of the tag byte in the source buffer. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the element. */
  end: number;
}

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Reads one element at `offset`. Only single-byte tags and definite lengths (which is all DER has). */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated');
  const tag = bytes[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tag');
  let length = bytes[offset + 1] ?? 0;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[contentStart + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('truncated');
  return { tag, start: offset, contentStart, end };
}

/** The elements inside a constructed element. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const list: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset, parent.end);
    list.push(child);
    offset = child.end;
  }
  return list;
}

export function content(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

export function whole(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

export function decodeOid(value: Uint8Array): string {
  const parts: number[] = [];
  let current = 0;
  value.forEach((byte) => {
    current = current * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) {
        const first = current < 80 ? Math.floor(current / 40) : 2;
        parts.push(first, current - first * 40);
      } else {
        parts.push(current);
      }
      current = 0;
    }
  });
  return parts.join('.');
}

/** UTCTime or GeneralizedTime (the forms CMS signing time uses: ...Z) to a Date. */
export function decodeTime(tag: number, value: Uint8Array): Date {
  const text = Buffer.from(value).toString('latin1');
  const match =
    tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new DerError('unsupported time');
  const [, y, mo, d, h, mi, s] = match;
  let year = Number(y);
  if (tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
}

// ---- writing ----

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

export function encode(tag: number, ...parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag, ...lengthBytes(body.length)]), body]);
}

export function encodeOid(oid: string): Buffer {
  const numbers = oid.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = numbers;
  const bytes: number[] = [];
  for (const value of [first * 40 + second, ...rest]) {
    const chunk: number[] = [value & 0x7f];
    for (let rem = Math.floor(value / 128); rem > 0; rem = Math.floor(rem / 128))
      chunk.unshift((rem & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encode(TAG.OID, Buffer.from(bytes));
}

export function encodeInteger(value: number): Buffer {
  return encode(TAG.INTEGER, Buffer.from([value]));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 rule, also used for CMS signing time). */
export function encodeTime(date: Date): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = date.getUTCFullYear();
  const utc = year >= 1950 && year < 2050;
  const text =
    (utc ? pad(year % 100) : String(year).padStart(4, '0')) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  return encode(utc ? TAG.UTC_TIME : TAG.GENERALIZED_TIME, Buffer.from(text, 'latin1'));
}

/** DER SET OF: elements sorted by their encodings. */
export function encodeSetOf(elements: Buffer[]): Buffer {
  return encode(TAG.SET, ...[...elements].sort(Buffer.compare));
}

export const NULL = Buffer.from([TAG.NULL, 0]);
