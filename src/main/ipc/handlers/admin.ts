import { addAccount } from '../../services/add-account';
import { backupRestoreSources, pickBackup, restorePickedBackup } from '../../services/backup-restore';
import { listAuditForViewer, verifyAudit } from '../../store/audit';
import { exportBackup } from '../../store/backup-export';
import { rotateDatabaseKey } from '../../store/key-rotation';
import { getDeviceSettings, updateSettings } from '../../store/settings';
import { disableUser, listUsers, resetAccountPassphrase } from '../../store/users';
import type { Handler } from '../dispatch';

export const adminHandlers: {
  'admin.users.list': Handler<'admin.users.list'>;
  'admin.users.add': Handler<'admin.users.add'>;
  'admin.users.disable': Handler<'admin.users.disable'>;
  'admin.settings.get': Handler<'admin.settings.get'>;
  'admin.settings.update': Handler<'admin.settings.update'>;
  'admin.audit.list': Handler<'admin.audit.list'>;
  'admin.audit.verify': Handler<'admin.audit.verify'>;
  'admin.backup.create': Handler<'admin.backup.create'>;
  'admin.users.resetPassphrase': Handler<'admin.users.resetPassphrase'>;
  'admin.backup.restoreSources': Handler<'admin.backup.restoreSources'>;
  'admin.backup.pick': Handler<'admin.backup.pick'>;
  'admin.backup.restore': Handler<'admin.backup.restore'>;
  'admin.vault.rotateKey': Handler<'admin.vault.rotateKey'>;
} = {
  'admin.users.list': (_req, ctx) => listUsers(ctx.sessions.require()),
  'admin.users.add': (req, ctx) => addAccount(ctx.sessions.require(), req),
  'admin.users.disable': (req, ctx) => disableUser(ctx.sessions.require(), req.userId),
  'admin.users.resetPassphrase': (req, ctx) => resetAccountPassphrase(ctx.sessions.require(), req),
  'admin.settings.get': (_req, ctx) => ({ settings: getDeviceSettings(ctx.sessions.require()) }),
  'admin.settings.update': (req, ctx) => updateSettings(ctx.sessions.require(), req),
  'admin.audit.list': (req, ctx) => listAuditForViewer(ctx.sessions.require(), req),
  'admin.audit.verify': (_req, ctx) => verifyAudit(ctx.sessions.require()),
  'admin.backup.create': (_req, ctx) => exportBackup(ctx.sessions.require(), ctx.exportTarget),
  'admin.backup.restoreSources': (_req, ctx) => backupRestoreSources(ctx),
  'admin.backup.pick': (req, ctx) => pickBackup(ctx, req.name),
  'admin.backup.restore': (req, ctx) => restorePickedBackup(ctx, req),
  'admin.vault.rotateKey': (req, ctx) => rotateDatabaseKey(ctx.sessions.require(), req.currentPassphrase),
};
