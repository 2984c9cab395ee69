import { createPrivateKey, type KeyObject } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer, SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { AppError } from '../../shared/errors';
import { createSignedData } from './cms';
import { describeCertificate, type OpenedIdentity, openIdentity } from './identity';
import { addPlaceholder } from './placeholder';

/**
 * Signs finished PDF bytes as a PAdES baseline B-B signature: an incremental update adds a signature
 * field (SubFilter ETSI.CAdES.detached) whose /Contents placeholder receives a detached CMS SignedData
 * (SHA-256, RSA or ECDSA; signed attributes content-type, message-digest and signing-certificate-v2,
 * no signing-time: the claimed time is the dictionary's /M) over every byte of the file except the
 * placeholder itself. Any later change to the file breaks the signature.
 *
 * @signpdf places the ByteRange and the signature; the CMS itself is ours (cms.ts), because
 * @signpdf/signer-p12 (not installed) builds it with node-forge, which breaks certificates with
 * non-ASCII names. @signpdf/placeholder-plain never loads pdfkit: package.json's `overrides` points
 * its pdfkit 0.10 peer at our pdfkit, so the old pdfkit and its crypto-js 3 are not installed
 * (tests/unit/dependencies.test.ts).
 */

/** @signpdf signer that hands the bytes to our CMS builder. */
class CmsSigner extends Signer {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly certificates: readonly Buffer[],
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    // PAdES: the signing time is the signature dictionary's /M, never a CMS signing-time attribute.
    return createSignedData({
      content: pdfBuffer,
      certificates: this.certificates,
      privateKey: this.privateKey,
      signingTime: null,
    });
  }
}

export interface SignOptions {
  /** A PKCS#12 and its password, unless `opened` is given. */
  p12?: Uint8Array;
  password?: string;
  reason: string;
  location: string;
  /** Signer's name as written into the signature dictionary (/Name). */
  name: string;
  contactInfo: string;
  /** Defaults to now; fixed in tests. */
  signingTime?: Date;
  /** The container already opened by the caller (decrypting a PKCS#12 takes ~40 ms): skips a second open. */
  opened?: OpenedIdentity;
}

/**
 * An ASCII stand-in for a PDF text string, for where only ASCII survives. Non-ASCII characters become
 * escapes of their code points.
 */
export function asciiForPdfString(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) return char;
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }).join('');
}

/** UTF-16BE with a byte order mark, as hex: the PDF text string form for any script. */
export function utf16PdfHexString(text: string): string {
  const hex = Buffer.from(text.normalize('NFC'), 'utf16le').swap16().toString('hex').toUpperCase();
  return `<FEFF${hex}>`;
}

/**
 * @signpdf writes the signature dictionary's strings as literal byte strings, which only survive
 * ASCII. So each text string is first written as a run of one reserved letter exactly as long as its
 * UTF-16 hex form, then replaced in place by that form: no offset in the file moves, and the signer's
 * Thai name reads as Thai in every PDF reader (and in pdfsig).
 */
const TEXT_SLOTS = { name: 'N', location: 'L', contactInfo: 'C' } as const;
type TextSlot = keyof typeof TEXT_SLOTS;

function slotFor(field: TextSlot, text: string): string {
  // `(` + letters + `)` must be as long as `<FEFF` + 4 hex digits a UTF-16 unit + `>`.
  return TEXT_SLOTS[field].repeat(utf16PdfHexString(text).length - 2);
}

export function fillTextSlots(pdf: Buffer, texts: Record<TextSlot, string>): Buffer {
  const out = Buffer.from(pdf);
  for (const field of Object.keys(TEXT_SLOTS) as TextSlot[]) {
    const literal = `(${slotFor(field, texts[field])})`;
    const at = out.lastIndexOf(literal, undefined, 'latin1');
    if (at < 0) throw new AppError('VALIDATION');
    const hex = utf16PdfHexString(texts[field]);
    if (hex.length !== literal.length) throw new AppError('INTERNAL');
    out.write(hex, at, 'latin1');
  }
  return out;
}

/**
 * @signpdf/placeholder-plain writes `startxref` one byte early (pointing at the newline before
 * `xref`), which qpdf reports as a warning. Point it at the `xref` keyword itself.
 */
export function fixStartXref(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const keyword = text.lastIndexOf('startxref');
  const match = /^startxref\s+(\d+)(\s*%%EOF\s*)$/.exec(text.slice(keyword));
  if (keyword < 0 || !match) return pdf;
  let offset = Number(match[1]);
  while (offset < text.length && /\s/.test(text.charAt(offset))) offset++;
  if (!text.startsWith('xref', offset) || offset === Number(match[1])) return pdf;
  return Buffer.concat([pdf.subarray(0, keyword), Buffer.from(`startxref\n${offset}${match[2]}`, 'latin1')]);
}

/** Room for the CMS: the certificates plus signature and attributes, with margin. */
function signatureLength(chainDer: readonly Buffer[]): number {
  const certificates = chainDer.reduce((sum, der) => sum + der.length, 0);
  return Math.max(8192, certificates + 4096);
}

/**
 * Node's key object for an opened identity's private key, made once per opened identity (converting
 * node-forge's key through PEM costs about a millisecond a signature). Weakly held: it goes when the
 * opened identity goes (see referral/service.ts: it lives only as long as the unlocked session).
 */
const nodeKeys = new WeakMap<object, KeyObject>();

function nodePrivateKey(identity: OpenedIdentity): KeyObject {
  let key = nodeKeys.get(identity.privateKey);
  if (!key) {
    key = createPrivateKey(forge.pki.privateKeyToPem(identity.privateKey));
    nodeKeys.set(identity.privateKey, key);
  }
  return key;
}

export async function signPdf(pdfBytes: Uint8Array, options: SignOptions): Promise<Buffer> {
  const identity = options.opened ?? openIdentity(options.p12 ?? new Uint8Array(), options.password ?? '');
  const signingTime = options.signingTime ?? new Date();
  const signerCertificate = identity.chainDer[0];
  if (!signerCertificate) throw new AppError('VALIDATION');
  const certificate = describeCertificate(signerCertificate);
  if (signingTime < new Date(certificate.notBefore) || signingTime > new Date(certificate.notAfter)) {
    // An expired or not-yet-valid certificate would make a referral that no reader accepts.
    throw new AppError('SIGNATURE_INVALID');
  }
  const texts = { name: options.name, location: options.location, contactInfo: options.contactInfo };
  const fields = {
    reason: asciiForPdfString(options.reason),
    location: slotFor('location', texts.location),
    name: slotFor('name', texts.name),
    contactInfo: slotFor('contactInfo', texts.contactInfo),
    signingTime,
    signatureLength: signatureLength(identity.chainDer),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'FieldScreen',
  };
  let withPlaceholder: Buffer;
  try {
    const pdf = Buffer.isBuffer(pdfBytes) ? pdfBytes : Buffer.from(pdfBytes);
    // What pdfkit writes takes the fast path (placeholder.ts); anything else placeholder-plain itself.
    const placed =
      addPlaceholder(pdf, fields) ??
      fixStartXref(plainAddPlaceholder({ pdfBuffer: Buffer.from(pdf), ...fields }));
    withPlaceholder = fillTextSlots(placed, texts);
  } catch {
    throw new AppError('VALIDATION');
  }
  try {
    const signer = new CmsSigner(nodePrivateKey(identity), identity.chainDer);
    return await new SignPdf().sign(withPlaceholder, signer, signingTime);
  } catch {
    throw new AppError('SIGNATURE_INVALID');
  }
}
