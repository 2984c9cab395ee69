import { AppError } from '../../shared/errors';
import type { ResponseOf } from '../../shared/ipc/contract';
import { boundAuditSigner } from '../audit/signer';
import { prepareRestore } from '../store/backup';
import type { AppContext } from './context';

/**
 * Restore from the supervisor screen, in three steps: main offers the backups it can read (or says it
 * will ask with a dialog), picks one (only an opaque id goes to the renderer, never a path), then
 * restores the picked file with its recovery key. Each step needs 'backup.restore'.
 */

export async function backupRestoreSources(
  ctx: AppContext,
): Promise<ResponseOf<'admin.backup.restoreSources'>> {
  ctx.sessions.require().require('backup.restore');
  const source = ctx.importSource;
  return { mode: source.mode, files: source.mode === 'list' ? await source.list('backup') : [] };
}

export async function pickBackup(
  ctx: AppContext,
  name: string | null,
): Promise<ResponseOf<'admin.backup.pick'>> {
  ctx.sessions.require().require('backup.restore');
  const file = await ctx.importSource.pick('backup', name);
  if (!file) return { picked: null };
  const { path: _path, ...info } = file;
  return { picked: { id: ctx.picked.hold(file), file: info } };
}

/**
 * Every check (key, format, integrity, migration) runs on a copy while the session stays open; only
 * then is the session closed and the files swapped. Everyone signs in again afterwards (announced with
 * a 'restored' event).
 */
export async function restorePickedBackup(
  ctx: AppContext,
  input: { pickedId: string; recoveryKey: string },
): Promise<ResponseOf<'admin.backup.restore'>> {
  const session = ctx.sessions.require();
  const user = session.require('backup.restore');
  const file = ctx.picked.get(input.pickedId);
  if (!file) throw new AppError('NOT_FOUND');
  const prepared = await prepareRestore({
    from: file.path,
    dir: session.dir,
    recoveryKey: input.recoveryKey,
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
}
