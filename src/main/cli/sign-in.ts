import { can, type Permission } from '../../shared/domain/permissions';
import { AppError } from '../../shared/errors';
import type { Session } from '../store/session';
import type { Vault } from '../store/vault';
import type { CliIo } from './types';

/** The account signed in is not allowed what the command does (the same refusal as over IPC). */
export class CommandForbiddenError extends AppError {
  constructor(readonly permission: Permission) {
    super('FORBIDDEN_ROLE');
  }
}

/**
 * Refuses a signed-in account whose role lacks the permission, per the one table
 * (src/shared/domain/permissions.ts) the IPC dispatcher also consults. A recovery-key session holds
 * every permission (the recovery key opens everything anyway).
 */
export function requirePermission(session: Session, permission: Permission): void {
  if (session.kind !== 'user') return;
  const user = session.requireUser();
  if (!can(user.role, permission)) throw new CommandForbiddenError(permission);
}

/**
 * Signs in for a command that needs `permission`: refused (and locked again) before anything is read
 * or written when the account's role lacks it, or when the account must first change the passphrase
 * someone else set. When this sign-in upgraded a store from before the
 * recovery key was split from the database key, the new recovery key is printed (it is shown only
 * this once, as at `init`).
 */
export async function signIn(
  io: CliIo,
  vault: Vault,
  user: string,
  passphrase: string,
  permission: Permission,
  options: { passphraseChange?: boolean } = {},
): Promise<Session> {
  const session = await vault.unlock(user, passphrase);
  const issued = session.upgradeRecoveryKey;
  session.upgradeRecoveryKey = null;
  if (issued) {
    io.stdout(`recovery-key: ${issued.recoveryKey}`);
    if (session.trust.storeFingerprint) io.stdout(`store: ${session.trust.storeFingerprint}`);
    io.stdout(
      'note: this store was upgraded to a recovery key of its own; the old recovery key no longer opens it (keep it only with older backups). Write the new one down now.',
    );
  }
  try {
    requirePermission(session, permission);
    // Someone else set this passphrase (enrolment, reset): the account does nothing until the person
    // chose their own (`cli change-passphrase`, or the app's first sign-in).
    if (session.trust.mustChangePassphrase && !options.passphraseChange)
      throw new AppError('PASSPHRASE_CHANGE_REQUIRED');
  } catch (err) {
    session.lock('manual');
    throw err;
  }
  return session;
}
