import { createHmac } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/driver';
import {
  type AccountEntry,
  afterFailure,
  BACKOFF_CAP_SECONDS,
  type BackoffState,
  type Keyring,
  MAX_PENDING_FAILED_LOGINS,
  MAX_UNKNOWN_ATTEMPT_ENTRIES,
  type OpenedEntry,
  retryAfterSeconds,
  rewrapEntry,
} from '../keys/keyring';

/**
 * Back-off bookkeeping in the keyring (pure, except flushPendingFailedLogins which writes the audit
 * log): failed sign-ins and recovery-key attempts, the waits they cause, and clearing them after a
 * success.
 */

export function recordFailure(
  keyring: Keyring,
  entry: AccountEntry | null,
  lookup: string | null,
  nowMs: number,
  method: 'passphrase' | 'recovery_key',
  next: (state: BackoffState, nowMs: number) => BackoffState = afterFailure,
): Keyring {
  const pending = [
    ...keyring.pendingFailedLogins,
    { at: new Date(nowMs).toISOString(), accountId: entry?.accountId ?? null, method },
  ].slice(-MAX_PENDING_FAILED_LOGINS);
  if (entry) {
    return {
      ...keyring,
      pendingFailedLogins: pending,
      accounts: keyring.accounts.map((a) =>
        a.accountId === entry.accountId ? { ...a, ...next(a, nowMs) } : a,
      ),
    };
  }
  if (lookup === null) return { ...keyring, pendingFailedLogins: pending };
  const previous = keyring.unknownAttempts.find((u) => u.usernameLookup === lookup) ?? {
    usernameLookup: lookup,
    failedAttempts: 0,
    nextAttemptAt: null,
    lastAttemptAt: nowMs,
  };
  // The recovery-key bucket is never evicted: trying many unknown names must not reset its back-off.
  const pinned = recoveryLookup(keyring);
  const kept = keyring.unknownAttempts.filter(
    (u) => u.usernameLookup !== lookup && u.usernameLookup === pinned,
  );
  const others = keyring.unknownAttempts
    .filter((u) => u.usernameLookup !== lookup && u.usernameLookup !== pinned)
    .sort((x, y) => y.lastAttemptAt - x.lastAttemptAt)
    .slice(0, MAX_UNKNOWN_ATTEMPT_ENTRIES - 1 - kept.length);
  return {
    ...keyring,
    pendingFailedLogins: pending,
    unknownAttempts: [...kept, ...others, { ...previous, ...next(previous, nowMs), lastAttemptAt: nowMs }],
  };
}

// ---- recovery-key back-off (pure) ----

/** Wrong recovery keys that are free (a 64-character key is easy to mistype) before waits begin. */
export const FREE_RECOVERY_ATTEMPTS = 3;

/** Wait after the n-th consecutive wrong recovery key: none for the first few, then 2 s, 4 s, … 5 min. */
export function recoveryBackoffSeconds(failedAttempts: number): number {
  const over = failedAttempts - FREE_RECOVERY_ATTEMPTS;
  if (over <= 0) return 0;
  return Math.min(2 ** over, BACKOFF_CAP_SECONDS);
}

function afterRecoveryFailure(state: BackoffState, nowMs: number): BackoffState {
  const failedAttempts = state.failedAttempts + 1;
  const wait = recoveryBackoffSeconds(failedAttempts);
  return { failedAttempts, nextAttemptAt: wait > 0 ? nowMs + wait * 1000 : null };
}

/**
 * The keyring slot that counts recovery-key attempts. It lives among the unknown-name slots (the
 * keyring format has no other place) under an HMAC input no username can produce: 0xff never occurs
 * in UTF-8 text.
 */
function recoveryLookup(keyring: Pick<Keyring, 'lookupSalt'>): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64'))
    .update(Buffer.from([0xff]))
    .update('fieldscreen/recovery-key')
    .digest('hex');
}

export function assertRecoveryAttemptAllowed(keyring: Keyring, nowMs: number): void {
  const lookup = recoveryLookup(keyring);
  const state = keyring.unknownAttempts.find((u) => u.usernameLookup === lookup);
  const wait = state ? retryAfterSeconds(state, nowMs) : 0;
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });
}

export function recordRecoveryFailure(keyring: Keyring, nowMs: number): Keyring {
  return recordFailure(keyring, null, recoveryLookup(keyring), nowMs, 'recovery_key', afterRecoveryFailure);
}

/**
 * After a right recovery key its back-off is cleared; pending failures too when they were just
 * written to the audit log (flushed), else they wait for the next unlock.
 */
export function afterRecoverySuccess(keyring: Keyring, flushed: boolean): Keyring {
  const lookup = recoveryLookup(keyring);
  const hasBucket = keyring.unknownAttempts.some((u) => u.usernameLookup === lookup);
  const clearPending = flushed && keyring.pendingFailedLogins.length > 0;
  if (!hasBucket && !clearPending) return keyring;
  return {
    ...keyring,
    pendingFailedLogins: clearPending ? [] : keyring.pendingFailedLogins,
    unknownAttempts: keyring.unknownAttempts.filter((u) => u.usernameLookup !== lookup),
  };
}

/** After a good sign-in: clear back-off and the flushed failures; take up a rotated key. */
export function afterSuccess(keyring: Keyring, entry: AccountEntry, opened: OpenedEntry): Keyring {
  const current = keyring.accounts.find((a) => a.accountId === entry.accountId) ?? entry;
  const needsChange =
    current.failedAttempts > 0 ||
    current.nextAttemptAt !== null ||
    keyring.pendingFailedLogins.length > 0 ||
    opened.fromRotation;
  if (!needsChange) return keyring;
  const reset = { ...current, failedAttempts: 0, nextAttemptAt: null };
  const updated = opened.fromRotation ? rewrapEntry(reset, opened.kek, opened.dbKey) : reset;
  return {
    ...keyring,
    pendingFailedLogins: [],
    accounts: keyring.accounts.map((a) => (a.accountId === entry.accountId ? updated : a)),
  };
}

export function flushPendingFailedLogins(db: Db, keyring: Keyring, now: Date): void {
  for (const f of keyring.pendingFailedLogins) {
    appendAudit(db, { kind: 'system', id: null }, now, {
      action: 'auth.login_failed',
      entityType: f.accountId ? 'user' : undefined,
      entityId: f.accountId ?? undefined,
      details: { attemptedAt: f.at, method: f.method, knownAccount: f.accountId !== null },
    });
  }
}
