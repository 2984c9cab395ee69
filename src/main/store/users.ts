import { randomUUID } from 'node:crypto';
import { entityId } from '../../shared/domain/common';
import {
  type AccountStatus,
  type AddUserInput,
  addUserInput,
  type ChangePassphraseInput,
  changePassphraseInput,
  type SessionUser,
  type UserSummary,
} from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import { toStoreError } from '../db/errors';
import { readKeyring, writeKeyring } from '../keys/keyring';
import { accountStatusOf } from './account';
import {
  activeSupervisorCount,
  insertUser,
  listUserRows,
  markUserDisabled,
  readUserRow,
  readUserRowByUsername,
  toUserSummary,
} from './accounts';
import { accountKeyStates } from './key-states';
import { withKeyringLock } from './keyring-lock';
import {
  changeOwnPassphrase as changePassphrase,
  enrolmentEntry,
  resetPassphraseAsSupervisor,
} from './passphrases';
import type { Session } from './session';
import { keyringWithRosterAccount, requireStoreCa, rosterOf } from './trust';
import { parseInput } from './validate';

export function currentUser(session: Session): SessionUser {
  return session.requireUser();
}

/**
 * Supervisors add officers (or other supervisors) with a first passphrase. The keyring entry is written
 * first: if the database insert then fails, the entry is removed again; an entry left by a crash has
 * no account and simply never signs in.
 */
export async function addUser(session: Session, input: AddUserInput): Promise<UserSummary> {
  const actor = session.require('users.manage');
  const parsed = parseInput(addUserInput, input);
  const taken = session.read((db) => readUserRowByUsername(db, parsed.username));
  if (taken) throw new AppError('CONFLICT');
  const id = randomUUID();
  await withKeyringLock(session.dir, async () => {
    const keyring = readKeyring(session.dir);
    if (!keyring) throw new AppError('DB_CORRUPT');
    // The supervisor knows the first passphrase, so these keys are only for enrolment: the person
    // makes their own at the first sign-in.
    const { entry, enrol } = await enrolmentEntry(session, keyring, {
      accountId: id,
      username: parsed.username,
      role: parsed.role,
      passphrase: parsed.passphrase,
    });
    const next = enrol({ ...keyring, accounts: [...keyring.accounts, entry] });
    writeKeyring(session.dir, next);
    try {
      session.write((db, now) => {
        insertUser(
          db,
          { id, username: parsed.username, displayName: parsed.displayName },
          parsed.role,
          now,
          actor.id,
        );
        session.audit(db, now, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          details: { role: parsed.role },
        });
      });
    } catch (err) {
      const latest = readKeyring(session.dir);
      if (latest)
        writeKeyring(session.dir, { ...latest, accounts: latest.accounts.filter((a) => a.accountId !== id) });
      throw toStoreError(err);
    }
  });
  return getUser(session, id);
}

export function getUser(session: Session, id: string): UserSummary {
  const row = session.read((db) => readUserRow(db, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toUserSummary(row);
}

/**
 * All accounts, for supervisors (a recovery session may list too, to pick whom to reset), each with
 * where its keys stand in the signed roster.
 */
export function listUsers(session: Session): UserSummary[] {
  if (session.kind === 'user') session.require('users.manage');
  let keyring = null;
  try {
    keyring = readKeyring(session.dir);
  } catch {
    // An unreadable keyring vouches for nobody's keys: every account shows "none".
  }
  const keyStateOf = accountKeyStates(keyring);
  return session
    .read((db) => listUserRows(db))
    .map((row) => ({ ...toUserSummary(row), keyState: keyStateOf(row.id) }));
}

/**
 * Disables an account: its keyring entry is deleted, so its passphrase no longer opens anything. (It
 * could still open an old copy of the keyring and database; rotate the database key to cut that off.)
 * A supervisor cannot disable themself or the last active supervisor.
 */
export async function disableUser(session: Session, userId: string): Promise<UserSummary> {
  const actor = session.require('users.manage');
  const id = parseInput(entityId, userId);
  if (id === actor.id) throw new AppError('CONFLICT');
  const ca = readKeyring(session.dir)?.store ? requireStoreCa(session) : null;
  session.write((db, now) => {
    const row = readUserRow(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.disabled_at) return;
    if (row.role === 'supervisor' && activeSupervisorCount(db) <= 1) throw new AppError('CONFLICT');
    markUserDisabled(db, id, actor.id, now);
    session.audit(db, now, { action: 'user.disable', entityType: 'user', entityId: id });
  });
  await withKeyringLock(session.dir, async () => {
    const keyring = readKeyring(session.dir);
    if (!keyring) return;
    const without = { ...keyring, accounts: keyring.accounts.filter((a) => a.accountId !== id) };
    // The signed roster says so too: re-enabling in the users table (any account can write it) or
    // putting the entry back does not let the account in again, and rotation leaves it out.
    const listed = rosterOf(keyring)?.accounts.find((a) => a.accountId === id);
    writeKeyring(
      session.dir,
      ca && listed
        ? keyringWithRosterAccount(without, ca, { ...listed, enabled: false }, session.now())
        : without,
    );
  });
  return getUser(session, id);
}

/**
 * Own passphrase change: proves the current one. Keeps the person's keys, except at the first change
 * after someone else set the passphrase (passphrases.ts changeOwnPassphrase). Returns the account's
 * status after the change (a new signing key waits for endorsement).
 */
export async function changeOwnPassphrase(
  session: Session,
  input: ChangePassphraseInput,
): Promise<AccountStatus> {
  const parsed = parseInput(changePassphraseInput, input);
  await changePassphrase(session, parsed.currentPassphrase, parsed.newPassphrase);
  return accountStatusOf(session);
}

/**
 * A supervisor resets someone's passphrase, proving the recovery key (passphrases.ts
 * resetPassphraseAsSupervisor); returns the account as it is now.
 */
export async function resetAccountPassphrase(
  session: Session,
  args: { userId: string; recoveryKey: string; newPassphrase: string },
): Promise<UserSummary> {
  await resetPassphraseAsSupervisor(session, args);
  return getUser(session, args.userId);
}
