import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAction } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import type { AdminAuditEntry } from '../../../shared/ipc/channels/admin';
import { listAuditRows } from '../../audit/log';
import { loadAttribution } from '../../store/attribution';
import { verifyAudit } from '../../store/audit';
import { createBackup } from '../../store/backup';
import { fileStamp } from '../../store/paths';
import { getSettings, updateSettings } from '../../store/settings';
import { addUser, disableUser, listUsers } from '../../store/users';
import type { Handler } from '../dispatch';
import { readFollowUpDays, writeFollowUpDays } from './casework';

/**
 * A backup is read into memory once to hand it to the export target (which writes atomically, or
 * asks where in the desktop app). Larger stores should be backed up with `npm run cli -- backup`.
 */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export const adminHandlers: {
  'admin.users.list': Handler<'admin.users.list'>;
  'admin.users.add': Handler<'admin.users.add'>;
  'admin.users.disable': Handler<'admin.users.disable'>;
  'admin.settings.get': Handler<'admin.settings.get'>;
  'admin.settings.update': Handler<'admin.settings.update'>;
  'admin.followUpDays.set': Handler<'admin.followUpDays.set'>;
  'admin.audit.list': Handler<'admin.audit.list'>;
  'admin.audit.verify': Handler<'admin.audit.verify'>;
  'admin.backup.create': Handler<'admin.backup.create'>;
} = {
  'admin.users.list': (_req, ctx) => listUsers(ctx.sessions.require()),
  'admin.users.add': (req, ctx) => addUser(ctx.sessions.require(), req),
  'admin.users.disable': (req, ctx) => disableUser(ctx.sessions.require(), req.userId),
  'admin.settings.get': (_req, ctx) => {
    const session = ctx.sessions.require();
    session.require('settings.device');
    return { settings: getSettings(session), followUpDays: session.read((db) => readFollowUpDays(db)) };
  },
  'admin.settings.update': (req, ctx) => updateSettings(ctx.sessions.require(), req),
  'admin.followUpDays.set': (req, ctx) => writeFollowUpDays(ctx.sessions.require(), req),
  'admin.audit.list': (req, ctx) => {
    const session = ctx.sessions.require();
    session.require('audit.read');
    return session.read((db) => {
      const rows = listAuditRows(db, {
        action: req.action as AuditAction | undefined,
        beforeSeq: req.beforeSeq,
        limit: req.limit,
      });
      const names = loadAttribution(db);
      return rows.map(
        (r): AdminAuditEntry => ({
          seq: r.seq,
          at: r.at,
          actorKind: r.actorKind,
          actor: r.actorKind === 'user' && r.actorId ? names.name(r.actorId) : r.actorId,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          details: r.details,
        }),
      );
    });
  },
  'admin.audit.verify': (_req, ctx) => verifyAudit(ctx.sessions.require()),
  'admin.backup.create': async (_req, ctx) => {
    const session = ctx.sessions.require();
    const name = `fieldscreen-backup-${fileStamp(session.now())}.db`;
    // Written beside the store first (same disk, same protection: the copy is encrypted), then handed on.
    const staging = mkdtempSync(join(session.dir, '.backup-'));
    try {
      const result = await createBackup(session, join(staging, name));
      if (result.bytes > MAX_BACKUP_BYTES) {
        throw new AppError('IO_ERROR', { messageKey: 'admin.backup.tooLarge' });
      }
      const fileName = await ctx.exportTarget.write(name, readFileSync(result.file));
      return { fileName, bytes: result.bytes, createdAt: result.createdAt };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  },
};
