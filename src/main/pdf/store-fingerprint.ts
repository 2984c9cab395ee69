import { X509Certificate } from 'node:crypto';
import { children, DerError, readTlv, TAG, whole } from './der';
import { formatFingerprint } from './identity';

export { normaliseFingerprint } from '../../shared/domain/fingerprint';

/**
 * The store identity as a receiver sees it. Every store has a store identity CA: a self-signed X.509
 * CA certificate (basicConstraints cA=true) whose key only supervisors and the recovery key can use.
 * Officers' referral certificates are issued by it, and a referral's CMS certificate set carries the
 * signer's certificate and the store CA's. The *store fingerprint* is the SHA-256 of the store CA
 * certificate's SubjectPublicKeyInfo (DER), written like a certificate fingerprint (upper-case hex
 * pairs joined by ':'): it names the key, so a re-issued CA certificate with the same key keeps it.
 */

/** The SubjectPublicKeyInfo of a certificate (DER), byte for byte as the certificate carries it. */
export function subjectPublicKeyInfoDer(certificateDer: Uint8Array): Buffer {
  const certificate = readTlv(certificateDer, 0);
  const [tbs] = children(certificateDer, certificate);
  if (!tbs || tbs.tag !== TAG.SEQUENCE) throw new DerError('certificate without tbsCertificate');
  const fields = children(certificateDer, tbs);
  // [0] version?, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const offset = fields[0]?.tag === TAG.CONTEXT_0 ? 1 : 0;
  const spki = fields[offset + 5];
  if (!spki || spki.tag !== TAG.SEQUENCE) throw new DerError('certificate without subjectPublicKeyInfo');
  return Buffer.from(whole(certificateDer, spki));
}

/** The store fingerprint of a store CA certificate (X509Certificate or DER). */
export function storeFingerprintOfCertificate(certificate: X509Certificate | Uint8Array): string {
  const der = certificate instanceof X509Certificate ? certificate.raw : certificate;
  return formatFingerprint(subjectPublicKeyInfoDer(der));
}

/** True when the certificate's validity period contains the instant. */
export function validAt(certificate: X509Certificate, at: Date): boolean {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  const t = at.getTime();
  return Number.isFinite(from) && Number.isFinite(to) && t >= from && t <= to;
}

/** True when `issuer` is a CA certificate whose key signed `certificate` (names and signature checked). */
export function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  if (!issuer.ca) return false;
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * The store CA of a signer: among the certificates a signature carries, the CA certificate that issued
 * the signer's (its signature over the signer's certificate verifies with the CA's key). A certificate
 * that only claims to be the issuer (same name, another key) is not the store. Self-signed signer
 * certificates (stores before the store identity existed) have no store: null.
 */
export function issuingStoreCa(
  signer: X509Certificate,
  carried: readonly X509Certificate[],
): X509Certificate | null {
  for (const candidate of carried) {
    if (candidate.raw.equals(signer.raw)) continue;
    if (issuedBy(signer, candidate)) return candidate;
  }
  return null;
}
