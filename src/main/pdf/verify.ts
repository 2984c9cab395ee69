import { createHash } from 'node:crypto';
import { checkSignedData, parseSignedData } from './cms';
import { describeCertificate } from './identity';

/**
 * Verifies the last signature of a PDF in Node, independently of any PDF reader: the byte ranges must
 * cover the whole file except the /Contents hex string, the CMS messageDigest must equal the digest
 * of those ranges, and the CMS signature must verify with the signer certificate's public key.
 * Trust in the certificate (who issued it) is a separate question and is not answered here.
 */

export interface VerifyResult {
  signed: boolean;
  /** Cryptographically intact and covering the whole file. */
  valid: boolean;
  coversWholeDocument: boolean;
  signer?: {
    commonName?: string;
    organization?: string;
    organizationalUnit?: string;
    fingerprintSha256: string;
  };
  /** ISO 8601, from the signed attributes. */
  signingTime?: string;
  /** SHA-256 (hex) of the whole file as given. */
  documentSha256: string;
  reason?: string;
  digestMatches?: boolean;
  signatureVerifies?: boolean;
}

interface SignatureLocation {
  byteRange: [number, number, number, number];
  /** Offset of the '/ByteRange' key, inside the signature dictionary. */
  at: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

function lastSignature(text: string): SignatureLocation | undefined {
  let found: SignatureLocation | undefined;
  for (const match of text.matchAll(BYTE_RANGE)) {
    const [, a, b, c, d] = match;
    found = { byteRange: [Number(a), Number(b), Number(c), Number(d)], at: match.index ?? 0 };
  }
  return found;
}

/** Decodes a PDF literal string body (escapes, then UTF-16BE with BOM or PDFDocEncoding ~ Latin-1). */
export function decodePdfLiteral(body: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body.charCodeAt(i);
    if (char !== 0x5c) {
      bytes.push(char & 0xff);
      continue;
    }
    const next = body[++i] ?? '';
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    const mapped = escapes[next];
    if (mapped !== undefined) bytes.push(mapped);
    else if (/[0-7]/.test(next)) {
      let octal = next;
      while (octal.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) octal += body[++i];
      bytes.push(Number.parseInt(octal, 8) & 0xff);
    } else if (next === '\r' || next === '\n') {
      if (next === '\r' && body[i + 1] === '\n') i++;
    } else bytes.push(next.charCodeAt(0) & 0xff);
  }
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le');
  return buffer.toString('latin1');
}

/** A literal-string entry of the signature dictionary around `at` (balanced parentheses). */
export function readDictString(text: string, at: number, name: '/Reason' | '/M'): string | undefined {
  const dictStart = text.lastIndexOf(' obj', at);
  const dictEnd = text.indexOf('endobj', at);
  if (dictStart < 0 || dictEnd < 0) return undefined;
  const dict = text.slice(dictStart, dictEnd);
  const key = dict.search(new RegExp(`${name.replace('/', '\\/')}(?![A-Za-z])`));
  if (key < 0) return undefined;
  let i = dict.indexOf('(', key);
  if (i < 0) return undefined;
  let depth = 0;
  const start = i + 1;
  for (; i < dict.length; i++) {
    const char = dict[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return decodePdfLiteral(dict.slice(start, i));
  }
  return undefined;
}

/** A PDF date string, D:YYYYMMDDHHmmSS with an optional zone (Z, or +HH'mm'). */
export function pdfDate(value: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, zone, sign, zh, zm] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = zone && zone !== 'Z' ? (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) : 0;
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function verifyPdf(bytes: Uint8Array): VerifyResult {
  const file = Buffer.from(bytes);
  const documentSha256 = createHash('sha256').update(file).digest('hex');
  const text = file.toString('latin1');
  const location = lastSignature(text);
  if (!location) return { signed: false, valid: false, coversWholeDocument: false, documentSha256 };

  const [a, b, c, d] = location.byteRange;
  const hex = text.slice(b, c);
  const rangesSane = a === 0 && b > 0 && c > b && c + d <= file.length;
  const contentsIsHex = rangesSane && /^<[0-9A-Fa-f\s]*>$/.test(hex);
  const coversWholeDocument = contentsIsHex && c + d === file.length;
  const result: VerifyResult = {
    signed: true,
    valid: false,
    coversWholeDocument,
    documentSha256,
    reason: readDictString(text, location.at, '/Reason'),
  };
  if (!contentsIsHex) return result;

  try {
    const cms = Buffer.from(hex.slice(1, -1).replace(/\s+/g, ''), 'hex');
    const parsed = parseSignedData(cms);
    const signedContent = Buffer.concat([file.subarray(a, a + b), file.subarray(c, c + d)]);
    const { digestMatches, signatureVerifies } = checkSignedData(parsed, signedContent);
    result.digestMatches = digestMatches;
    result.signatureVerifies = signatureVerifies;
    // PAdES (ETSI.CAdES.detached) claims the signing time in the dictionary's /M, not in the CMS.
    const claimed = parsed.signer.signingTime ?? pdfDate(readDictString(text, location.at, '/M'));
    if (claimed) result.signingTime = claimed.toISOString();
    if (parsed.signerCertificate) {
      const certificate = describeCertificate(parsed.signerCertificate);
      result.signer = {
        commonName: certificate.commonName,
        organization: certificate.organization,
        organizationalUnit: certificate.organizationalUnit,
        fingerprintSha256: certificate.fingerprintSha256,
      };
    }
    result.valid = coversWholeDocument && digestMatches && signatureVerifies;
  } catch {
    result.valid = false;
  }
  return result;
}
