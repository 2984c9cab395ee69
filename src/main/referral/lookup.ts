import { sha256Hex } from '../../shared/domain/common';
import type { Session } from '../store/session';

/** The referral recorded in this store whose signed PDF has this SHA-256, if any. */
export function findReferralBySha256(
  session: Session,
  sha256: string,
): { caseId: string; signedAt: string } | null {
  session.require('cases.read');
  if (!sha256Hex.safeParse(sha256).success) return null;
  const row = session.read(
    (db) =>
      db
        .prepare(
          'SELECT case_id, signed_at FROM referrals WHERE file_sha256 = ? ORDER BY signed_at DESC LIMIT 1',
        )
        .get(sha256) as { case_id: string; signed_at: string } | undefined,
  );
  return row ? { caseId: row.case_id, signedAt: row.signed_at } : null;
}
