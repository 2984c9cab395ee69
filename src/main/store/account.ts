import { X509Certificate } from 'node:crypto';
import type { AccountStatus } from '../../shared/domain/users';
import type { Session } from './session';

/** The signed-in person's own account, from what their session holds (no database read). */
export function accountStatusOf(session: Session): AccountStatus {
  session.requireUser();
  const trust = session.trust;
  const certificate = trust.referralCertificatePem;
  return {
    mustChangePassphrase: trust.mustChangePassphrase,
    signingKey: certificate ? 'endorsed' : trust.storeFingerprint ? 'pending' : 'none',
    certificateFingerprint: certificate ? new X509Certificate(certificate).fingerprint256 : null,
    storeFingerprint: trust.storeFingerprint,
  };
}
