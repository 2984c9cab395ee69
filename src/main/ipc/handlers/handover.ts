import {
  agencyKeyStatus,
  exportAgencyKeyFile,
  importPickedAgencyKey,
  pickAgencyKey,
} from '../../services/agency-key-files';
import type { Handler } from '../dispatch';

export const handoverHandlers: {
  'admin.agencyKey.status': Handler<'admin.agencyKey.status'>;
  'admin.agencyKey.export': Handler<'admin.agencyKey.export'>;
  'admin.agencyKey.pick': Handler<'admin.agencyKey.pick'>;
  'admin.agencyKey.import': Handler<'admin.agencyKey.import'>;
} = {
  'admin.agencyKey.status': (_req, ctx) => agencyKeyStatus(ctx),
  'admin.agencyKey.export': (_req, ctx) => exportAgencyKeyFile(ctx),
  'admin.agencyKey.pick': (req, ctx) => pickAgencyKey(ctx, req.name),
  'admin.agencyKey.import': (req, ctx) => importPickedAgencyKey(ctx, req),
};
