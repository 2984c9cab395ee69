import { z } from 'zod';

/**
 * Fingerprints as people read them aloud and compare them: SHA-256 as upper-case hex pairs joined by
 * ':' (a certificate's: of its DER; a store's: of its store identity CA's public key). Typed or pasted
 * forms (any case, with or without ':' or spaces) are brought to that one form.
 */

/** The one written form, or null when the text is not 32 bytes of hex. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

/** A SHA-256 fingerprint in any typed form, stored in the written form. */
export const fingerprint = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const normal = normaliseFingerprint(text);
    if (normal === null) {
      ctx.addIssue({ code: 'custom', message: 'expected a SHA-256 fingerprint (64 hex digits)' });
      return z.NEVER;
    }
    return normal;
  });

/** One X.509 certificate in PEM (the referral directory keeps the certificates it trusts this way). */
export const certificatePemText = z
  .string()
  .trim()
  .max(16_000)
  .regex(
    /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----$/,
    'expected one PEM certificate',
  );
