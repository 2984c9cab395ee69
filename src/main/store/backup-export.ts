import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExportTarget } from '../referral/service';
import { createBackup } from './backup';
import { fileStamp } from './paths';
import type { Session } from './session';

/**
 * A backup is read into memory once to hand it to the export target (which writes atomically, or
 * asks where in the desktop app). Larger stores should be backed up with `npm run cli -- backup`.
 */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface ExportedBackup {
  /** The name the target wrote, or null when the person cancelled the save dialog. */
  fileName: string | null;
  bytes: number;
  createdAt: string;
}

/**
 * Takes a backup (createBackup: supervisors only, audited) and hands it to the export target. The copy
 * is written beside the store first (same disk, same protection: the copy is encrypted), in a staging
 * folder that is removed whatever happens.
 */
export async function exportBackup(
  session: Session,
  target: ExportTarget,
  maxBytes = MAX_BACKUP_BYTES,
): Promise<ExportedBackup> {
  if (session.kind === 'user') session.require('backup.create');
  const name = `fieldscreen-backup-${fileStamp(session.now())}.db`;
  const staging = mkdtempSync(join(session.dir, '.backup-'));
  try {
    const result = await createBackup(session, join(staging, name));
    if (result.bytes > maxBytes) throw new AppError('IO_ERROR', { messageKey: 'admin.backup.tooLarge' });
    const fileName = await target.write(name, readFileSync(result.file));
    return { fileName, bytes: result.bytes, createdAt: result.createdAt };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
