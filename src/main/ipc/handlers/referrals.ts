import { judgePdf } from '../../pdf/trust-judge';
import { exportReferral, prepareReferral, referralReadiness } from '../../referral/service';
import { getCase } from '../../store/cases';
import { findReferralBySha256, listReferrals } from '../../store/referrals';
import { getSettings } from '../../store/settings';
import { storeTrustList } from '../../store/trust-list';
import type { Handler } from '../dispatch';

export const referralHandlers: {
  'referral.export': Handler<'referral.export'>;
  'referral.list': Handler<'referral.list'>;
  'referral.directory': Handler<'referral.directory'>;
  'referral.verify': Handler<'referral.verify'>;
  'referral.readiness': Handler<'referral.readiness'>;
} = {
  'referral.readiness': (req, ctx) => referralReadiness(ctx.sessions.require(), req.officerPosition),
  'referral.export': async (req, ctx) => {
    const session = ctx.sessions.require();
    const prepared = await prepareReferral(session, req);
    return { referral: await exportReferral(session, prepared, ctx.exportTarget) };
  },
  'referral.list': (req, ctx) => listReferrals(ctx.sessions.require(), req.caseId),
  /** Only the directory: the other settings (agency, device policy) stay on the supervisor's channel. */
  'referral.directory': (_req, ctx) => {
    const session = ctx.sessions.require();
    session.require('referrals.write');
    return getSettings(session).referralDirectory;
  },
  'referral.verify': async (req, ctx) => {
    const session = ctx.sessions.require();
    const verdict = judgePdf(Buffer.from(req.pdfBase64, 'base64'), storeTrustList(session));
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
  },
};
