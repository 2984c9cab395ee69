import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAction } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import type { AdminAuditEntry } from '../../../shared/ipc/channels/admin';
import { listAuditRows } from '../../audit/log';
import { boundAuditSigner } from '../../audit/signer';
import { loadAttribution } from '../../store/attribution';
import { verifyAudit } from '../../store/audit';
import { createBackup, prepareRestore } from '../../store/backup';
import { fileStamp } from '../../store/paths';
import { getSettings, updateSettings } from '../../store/settings';
import { addUser, disableUser, getUser, listUsers } from '../../store/users';
import { resetPassphraseAsSupervisor } from '../../store/vault';
import type { Handler } from '../dispatch';

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
  'admin.audit.list': Handler<'admin.audit.list'>;
  'admin.audit.verify': Handler<'admin.audit.verify'>;
  'admin.backup.create': Handler<'admin.backup.create'>;
  'admin.users.resetPassphrase': Handler<'admin.users.resetPassphrase'>;
  'admin.backup.restoreSources': Handler<'admin.backup.restoreSources'>;
  'admin.backup.pick': Handler<'admin.backup.pick'>;
  'admin.backup.restore': Handler<'admin.backup.restore'>;
} = {
  'admin.users.list': (_req, ctx) => listUsers(ctx.sessions.require()),
  'admin.users.add': (req, ctx) => addUser(ctx.sessions.require(), req),
  'admin.users.disable': (req, ctx) => disableUser(ctx.sessions.require(), req.userId),
  'admin.users.resetPassphrase': async (req, ctx) => {
    const session = ctx.sessions.require();
    await resetPassphraseAsSupervisor(session, req);
    return getUser(session, req.userId);
  },
  'admin.settings.get': (_req, ctx) => {
    const session = ctx.sessions.require();
    session.require('settings.device');
    return { settings: getSettings(session) };
  },
  'admin.settings.update': (req, ctx) => updateSettings(ctx.sessions.require(), req),
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
  'admin.backup.restoreSources': async (_req, ctx) => {
    ctx.sessions.require().require('backup.restore');
    const source = ctx.importSource;
    return { mode: source.mode, files: source.mode === 'list' ? await source.list('backup') : [] };
  },
  'admin.backup.pick': async (req, ctx) => {
    ctx.sessions.require().require('backup.restore');
    const file = await ctx.importSource.pick('backup', req.name);
    if (!file) return { picked: null };
    const { path: _path, ...info } = file;
    return { picked: { id: ctx.picked.hold(file), file: info } };
  },
  'admin.backup.restore': async (req, ctx) => {
    const session = ctx.sessions.require();
    const user = session.require('backup.restore');
    const file = ctx.picked.get(req.pickedId);
    if (!file) throw new AppError('NOT_FOUND');
    // Every check (key, format, integrity, migration) runs on a copy while the session stays open.
    const prepared = await prepareRestore({
      from: file.path,
      dir: session.dir,
      recoveryKey: req.recoveryKey,
      now: () => session.now().getTime(),
      actor: { kind: 'user', id: user.id },
      // The restore row in the restored store is signed by the supervisor restoring it.
      signer: boundAuditSigner(session.db),
    });
    try {
      await ctx.sessions.replaceStore(session, () => prepared.commit());
    } finally {
      prepared.discard();
    }
    ctx.picked.clear();
    const result = { backupCreatedAt: prepared.backupCreatedAt, keyringRestored: prepared.keyringRestored };
    ctx.emit({ type: 'restored', ...result });
    return result;
  },
};
