import { consentReceiverOfCase } from '../../referral/consent-receiver';
import { referralReadiness, signAndExportReferral } from '../../referral/service';
import { verifyReferral } from '../../referral/verify-referral';
import { listReferrals } from '../../store/referrals';
import { getReferralDirectory } from '../../store/settings';
import type { Handler } from '../dispatch';

export const referralHandlers: {
  'referral.export': Handler<'referral.export'>;
  'referral.list': Handler<'referral.list'>;
  'referral.directory': Handler<'referral.directory'>;
  'referral.verify': Handler<'referral.verify'>;
  'referral.readiness': Handler<'referral.readiness'>;
  'referral.consentReceiver': Handler<'referral.consentReceiver'>;
} = {
  'referral.consentReceiver': (req, ctx) => consentReceiverOfCase(ctx.sessions.require(), req.caseId),
  'referral.readiness': (req, ctx) => referralReadiness(ctx.sessions.require(), req.officerPosition),
  'referral.export': async (req, ctx) => ({
    referral: await signAndExportReferral(ctx.sessions.require(), req, ctx.exportTarget),
  }),
  'referral.list': (req, ctx) => listReferrals(ctx.sessions.require(), req.caseId),
  'referral.directory': (_req, ctx) => getReferralDirectory(ctx.sessions.require()),
  'referral.verify': (req, ctx) =>
    verifyReferral(ctx.sessions.require(), Buffer.from(req.pdfBase64, 'base64')),
};
