import { X509Certificate } from 'node:crypto';
import { type ReferralContact, referralContact, type Settings } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { certificatePem } from '../pdf/certificate-text';
import { formatFingerprint } from '../pdf/identity';
import { normaliseFingerprint } from '../pdf/store-fingerprint';
import { EMPTY_TRUST_LIST, type TrustList } from '../pdf/trust-judge';
import type { Session } from './session';
import { getSettings, readSettings, updateSettings } from './settings';
import { parseInput } from './validate';

/**
 * Whom a referral's receiver trusts, read from the store: the store's own signers, and the
 * certificates and store fingerprints a supervisor keeps with each receiving agency of the referral
 * directory (Administration → Referral directory, or `cli directory-trust`).
 */

/**
 * The store's own signers: every referral certificate its store CA issued (to an account whose keys
 * a supervisor endorsed), named by the store fingerprint the session checked at sign-in against the
 * keyring's CA certificate and the person's own pinned copy. A same-name referral from another store
 * carries another store's CA, so it is not trusted here. A store from before the store identity (not
 * yet upgraded by a supervisor's sign-in) trusts only its directory.
 */
export function ownStoreTrust(session: Session): TrustList {
  const fingerprint = session.trust.storeFingerprint;
  return fingerprint ? { certificates: [], storeFingerprints: [fingerprint] } : EMPTY_TRUST_LIST;
}

/** Several trust lists as one. */
export function mergeTrustLists(...lists: readonly TrustList[]): TrustList {
  return {
    certificates: lists.flatMap((list) => list.certificates),
    storeFingerprints: [...new Set(lists.flatMap((list) => list.storeFingerprints))],
  };
}

/** Every certificate and store fingerprint the directory's agencies carry. */
export function directoryTrust(settings: Pick<Settings, 'referralDirectory'>): TrustList {
  return {
    certificates: settings.referralDirectory.flatMap((agency) => agency.trustedCertificates),
    storeFingerprints: settings.referralDirectory.flatMap((agency) => agency.trustedStores),
  };
}

/** The store's trust list: its own signers plus the directory's trusted certificates and stores. */
export function storeTrustList(session: Session): TrustList {
  session.requireUser();
  return mergeTrustLists(
    ownStoreTrust(session),
    session.read((db) => directoryTrust(readSettings(db))),
  );
}

export interface DirectoryTrustChange {
  addCertificates?: readonly X509Certificate[];
  addStores?: readonly string[];
  /** Certificate fingerprints (formatFingerprint, any typed form) to drop. */
  removeCertificates?: readonly string[];
  removeStores?: readonly string[];
}

/** What one agency trusts, as people read it. */
export interface AgencyTrust {
  id: string;
  name: string;
  certificates: { fingerprint: string; subject: string }[];
  stores: string[];
}

export function agencyTrustOf(agency: ReferralContact): AgencyTrust {
  return {
    id: agency.id,
    name: agency.name,
    certificates: agency.trustedCertificates.map((pem) => {
      const x509 = new X509Certificate(pem);
      return { fingerprint: formatFingerprint(x509.raw), subject: x509.subject.replace(/\n/g, ', ') };
    }),
    stores: agency.trustedStores,
  };
}

/**
 * Changes what one directory agency trusts (supervisors: the directory is a device setting; audited
 * like every settings change). Adding what is there already or removing what is not changes nothing;
 * an unknown agency is NOT_FOUND, a fingerprint that is not one is VALIDATION.
 */
export function changeDirectoryTrust(
  session: Session,
  agencyId: string,
  change: DirectoryTrustChange,
): AgencyTrust {
  const fingerprints = (list: readonly string[] | undefined) =>
    (list ?? []).map((text) => {
      const normal = normaliseFingerprint(text);
      if (!normal) throw new AppError('VALIDATION');
      return normal;
    });
  const addStores = fingerprints(change.addStores);
  const removeStores = new Set(fingerprints(change.removeStores));
  const removeCertificates = new Set(fingerprints(change.removeCertificates));
  const directory = getSettings(session).referralDirectory;
  const agency = directory.find((entry) => entry.id === agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { messageKey: 'errors.referralContactNotFound' });

  const certificates = agency.trustedCertificates.filter(
    (pem) => !removeCertificates.has(formatFingerprint(new X509Certificate(pem).raw)),
  );
  const have = new Set(certificates.map((pem) => formatFingerprint(new X509Certificate(pem).raw)));
  for (const certificate of change.addCertificates ?? []) {
    const fingerprint = formatFingerprint(certificate.raw);
    if (have.has(fingerprint)) continue;
    have.add(fingerprint);
    certificates.push(certificatePem(certificate));
  }
  const stores = [...new Set([...agency.trustedStores, ...addStores])].filter((fp) => !removeStores.has(fp));
  const updated = parseInput(referralContact, {
    ...agency,
    trustedCertificates: certificates,
    trustedStores: stores,
  });
  const saved = updateSettings(session, {
    referralDirectory: directory.map((entry) => (entry.id === agencyId ? updated : entry)),
  }).referralDirectory.find((entry) => entry.id === agencyId);
  if (!saved) throw new AppError('INTERNAL');
  return agencyTrustOf(saved);
}
