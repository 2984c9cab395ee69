import type { ResponseOf } from '../../shared/ipc/contract';
import { judgePdf } from '../pdf/trust-judge';
import { getCase } from '../store/cases';
import { findReferralBySha256 } from '../store/referrals';
import type { Session } from '../store/session';
import { storeTrustList } from '../store/trust-list';

/**
 * The receiver's check in the app: the PDF judged against this store's trust list (trust-judge.ts),
 * and, when this store signed that very file, the case and time it was signed for.
 */
export function verifyReferral(session: Session, pdf: Uint8Array): ResponseOf<'referral.verify'> {
  const verdict = judgePdf(pdf, storeTrustList(session));
  const match = findReferralBySha256(session, verdict.documentSha256);
  return {
    valid: verdict.valid,
    trusted: verdict.trusted,
    signerName: verdict.signerName,
    signerOrganization: verdict.signerOrganization,
    signerFingerprint: verdict.signerFingerprint,
    storeFingerprint: verdict.storeFingerprint,
    signatures: verdict.signatures,
    coversWholeDocument: verdict.coversWholeDocument,
    reason: verdict.reason,
    signingTime: verdict.signingTime,
    documentSha256: verdict.documentSha256,
    matchesReferral: match
      ? {
          caseId: match.caseId,
          reference: getCase(session, match.caseId).reference,
          signedAt: match.signedAt,
        }
      : null,
  };
}
