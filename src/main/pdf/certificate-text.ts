import { X509Certificate } from 'node:crypto';

/**
 * Certificates as people hand them over: PEM (one or more "BEGIN CERTIFICATE" blocks) or one DER
 * certificate. Anything else is refused as a whole (null), never half-read.
 */

/** A trust file larger than this is not a certificate list (a certificate is a few kilobytes). */
export const MAX_CERTIFICATE_FILE_BYTES = 256 * 1024;
/** At most this many certificates in one file. */
export const MAX_CERTIFICATES_PER_FILE = 32;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

export function parseCertificates(bytes: Uint8Array): X509Certificate[] | null {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_CERTIFICATE_FILE_BYTES) return null;
  const text = Buffer.from(bytes).toString('latin1');
  try {
    if (text.includes('-----BEGIN')) {
      const blocks = [...text.matchAll(PEM_BLOCK)];
      if (blocks.length === 0 || blocks.length > MAX_CERTIFICATES_PER_FILE) return null;
      return blocks.map((block) => new X509Certificate(block[0]));
    }
    return [new X509Certificate(Buffer.from(bytes))];
  } catch {
    return null;
  }
}

/** One certificate as PEM text (the form the referral directory keeps). */
export function certificatePem(certificate: X509Certificate): string {
  return certificate.toString().trim();
}
