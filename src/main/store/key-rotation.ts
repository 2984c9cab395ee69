import { randomBytes } from 'node:crypto';
import type { RecoveryKeyIssued } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import { toStoreError } from '../db/errors';
import { deriveDatabaseKey, readDatabaseSalt } from '../keys/database-key';
import { dbKeyCheck } from '../keys/key-check';
import {
  KEYRING_VERSION,
  type Keyring,
  type OpenedEntry,
  rewrapEntry,
  sealDbKeyForEntry,
  writeKeyring,
} from '../keys/keyring';
import { sealStoreSecrets } from '../keys/store-recovery';
import { wipe } from '../keys/wipe';
import { withKeyringLock } from './keyring-lock';
import { openOwnEntry } from './passphrases';
import { storePaths } from './paths';
import type { Session } from './session';
import { mayReceiveRotatedKey } from './sign-in-trust';
import { requireStoreCa, rosterOf } from './trust';
import { issuedRecoveryKey, rekey, sameKey } from './vault-keys';

/**
 * New recovery key and database key. Needs the supervisor's passphrase again. Other accounts keep
 * working without a reset: the new key is sealed to each account's X25519 public key and taken up at
 * their next sign-in. Disabled accounts have no entry and get nothing, so rotation also cuts off
 * anyone holding the old key or an old keyring copy. Backups taken before stay under the old key:
 * keep the old recovery key with them.
 */
export async function rotateDatabaseKey(
  session: Session,
  currentPassphrase: string,
): Promise<RecoveryKeyIssued> {
  const user = session.require('vault.rotateKey');
  return withKeyringLock(session.dir, async () => {
    // Behind the same back-off as sign-in: a wrong passphrase counts as a failed attempt.
    const { keyring, opened } = await openOwnEntry(session, user.id, currentPassphrase);
    try {
      const ca = keyring.store ? requireStoreCa(session) : null;
      return rotateLocked(session, keyring, user.id, opened, 'vault.rotate_key', (final, recovery) =>
        final.store && ca
          ? { ...final, store: { ...final.store, recoveryBox: sealStoreSecrets(recovery, ca) } }
          : final,
      );
    } finally {
      wipe(opened.kek, opened.dbKey);
    }
  });
}

/**
 * The rotation itself, under the keyring lock, for the supervisor whose entry `opened` is. A new
 * recovery key R' gives the new database key K' = PBKDF2(R', the file's salt); PRAGMA rekey keeps the
 * salt (WAL mode), so R' opens the file in any SQLCipher 4 tool. Also the upgrade of a version-1
 * store (whose recovery key was the database key itself): the keyring ends at the current version.
 *
 * Order (crash-safe): 1) keyring gains `rotation` (new key sealed to all); 2) PRAGMA rekey + checkpoint;
 * 3) keyring switches to the new key. A crash between 1 and 3 is resolved at the next sign-in by
 * returning to the old key (the new recovery key was never shown).
 */
export function rotateLocked(
  session: Session,
  keyring: Keyring,
  userId: string,
  opened: OpenedEntry,
  action: 'vault.rotate_key' | 'vault.upgrade',
  /** Last changes to the keyring before it is written (the store secrets under the new recovery key). */
  finish: (final: Keyring, newRecovery: Buffer) => Keyring,
): RecoveryKeyIssued {
  const newRecovery = randomBytes(32);
  let newKey: Buffer | null = null;
  try {
    if (!sameKey(opened.dbKey, session.dbKey)) throw new AppError('DB_CORRUPT');
    newKey = deriveDatabaseKey(newRecovery, readDatabaseSalt(storePaths(session.dir).db));
    const key = newKey;
    // Only accounts the signed roster lists as enabled, with the sealing key it endorsed (or one the
    // person proved), receive the new key: an entry planted in keyring.json gets nothing.
    const roster = rosterOf(keyring);
    const sealed: Record<string, ReturnType<typeof sealDbKeyForEntry>> = {};
    for (const a of keyring.accounts)
      if (a.accountId !== userId && (!roster || mayReceiveRotatedKey(roster, a)))
        sealed[a.accountId] = sealDbKeyForEntry(a, key);
    writeKeyring(session.dir, { ...keyring, rotation: { newDbKeyCheck: dbKeyCheck(key), sealed } });
    try {
      rekey(session.db, key);
    } catch (err) {
      writeKeyring(session.dir, { ...keyring, rotation: null });
      throw err;
    }
    session.replaceDbKey(key);
    const final: Keyring = finish(
      {
        ...keyring,
        version: KEYRING_VERSION,
        dbKeyCheck: dbKeyCheck(key),
        rotation: null,
        accounts: keyring.accounts.map((a) =>
          a.accountId === userId
            ? { ...rewrapEntry(a, opened.kek, key), failedAttempts: 0, nextAttemptAt: null }
            : { ...a, wrappedDbKey: null, rotatedDbKey: sealed[a.accountId] ?? null },
        ),
      },
      newRecovery,
    );
    writeKeyring(session.dir, final);
    const delivered = Object.keys(sealed).length + 1;
    session.write((db, now) =>
      session.audit(db, now, {
        action,
        details: { accounts: delivered, excluded: keyring.accounts.length - delivered },
      }),
    );
    return issuedRecoveryKey(newRecovery);
  } catch (err) {
    throw toStoreError(err);
  } finally {
    wipe(newRecovery, newKey);
  }
}
