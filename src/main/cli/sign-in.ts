import type { Session } from '../store/session';
import type { Vault } from '../store/vault';
import type { CliIo } from './types';

/**
 * Signs in for a command. When this sign-in upgraded a store from before the recovery key was split
 * from the database key, the new recovery key is printed (it is shown only this once, as at `init`).
 */
export async function signIn(io: CliIo, vault: Vault, user: string, passphrase: string): Promise<Session> {
  const session = await vault.unlock(user, passphrase);
  const issued = session.upgradeRecoveryKey;
  session.upgradeRecoveryKey = null;
  if (issued) {
    io.stdout(`recovery-key: ${issued.recoveryKey}`);
    io.stdout(
      'note: this store was upgraded to a recovery key of its own; the old recovery key no longer opens it (keep it only with older backups). Write the new one down now.',
    );
  }
  return session;
}
