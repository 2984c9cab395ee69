import {
  agencyKeyStatus,
  exportAgencyKeyFile,
  importPickedAgencyKey,
  pickAgencyKey,
} from '../../services/agency-key-files';
import {
  handoverReceiveSources,
  importPickedReceipt,
  pickHandover,
  receiptSources,
  receivePickedHandover,
  saveReceipt,
  sendHandover,
} from '../../services/handover-files';
import { handoversOfCase, handoverTargets } from '../../store/handover-records';
import type { Handler } from '../dispatch';

export const handoverHandlers: {
  'admin.agencyKey.status': Handler<'admin.agencyKey.status'>;
  'admin.agencyKey.export': Handler<'admin.agencyKey.export'>;
  'admin.agencyKey.pick': Handler<'admin.agencyKey.pick'>;
  'admin.agencyKey.import': Handler<'admin.agencyKey.import'>;
  'handover.ofCase': Handler<'handover.ofCase'>;
  'handover.targets': Handler<'handover.targets'>;
  'handover.send': Handler<'handover.send'>;
  'handover.receiveSources': Handler<'handover.receiveSources'>;
  'handover.pick': Handler<'handover.pick'>;
  'handover.receive': Handler<'handover.receive'>;
  'handover.receipt': Handler<'handover.receipt'>;
  'handover.receiptSources': Handler<'handover.receiptSources'>;
  'handover.receiptImport': Handler<'handover.receiptImport'>;
} = {
  'admin.agencyKey.status': (_req, ctx) => agencyKeyStatus(ctx),
  'admin.agencyKey.export': (_req, ctx) => exportAgencyKeyFile(ctx),
  'admin.agencyKey.pick': (req, ctx) => pickAgencyKey(ctx, req.name),
  'admin.agencyKey.import': (req, ctx) => importPickedAgencyKey(ctx, req),
  'handover.ofCase': (req, ctx) => handoversOfCase(ctx.sessions.require(), req.caseId),
  'handover.targets': (req, ctx) => handoverTargets(ctx.sessions.require(), req.caseId),
  'handover.send': (req, ctx) => sendHandover(ctx, req),
  'handover.receiveSources': (_req, ctx) => handoverReceiveSources(ctx),
  'handover.pick': (req, ctx) => pickHandover(ctx, req.name),
  'handover.receive': (req, ctx) => receivePickedHandover(ctx, req),
  'handover.receipt': (req, ctx) => saveReceipt(ctx, req),
  'handover.receiptSources': (_req, ctx) => receiptSources(ctx),
  'handover.receiptImport': (req, ctx) => importPickedReceipt(ctx, req.name),
};
