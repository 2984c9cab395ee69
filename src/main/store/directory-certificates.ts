import { X509Certificate } from 'node:crypto';
import type { ReferralContact } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { formatFingerprint } from '../pdf/identity';

/**
 * Main's check of a referral directory before it is saved: every certificate an agency trusts must be
 * an X.509 certificate Node can read (zod only checks its PEM shape), and kept once per agency.
 */
export function checkDirectoryCertificates(directory: readonly ReferralContact[]): void {
  for (const agency of directory) {
    const seen = new Set<string>();
    for (const pem of agency.trustedCertificates) {
      let fingerprint: string;
      try {
        fingerprint = formatFingerprint(new X509Certificate(pem).raw);
      } catch {
        throw new AppError('VALIDATION');
      }
      if (seen.has(fingerprint)) throw new AppError('VALIDATION');
      seen.add(fingerprint);
    }
  }
}
