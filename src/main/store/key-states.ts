import type { AccountKeyState } from '../../shared/domain/users';
import type { Keyring } from '../keys/keyring';
import { rosterAccountOf, verifyRoster } from '../keys/roster';
import { pendingKeysProven } from './sign-in-trust';

/**
 * Where each account's keys stand, as the supervisor's Users screen shows it, from the signed roster
 * (never from the users table): `given` — set up by someone else, the person has not chosen their own
 * passphrase yet; `pending` — their own keys, proven by the given ones, wait for a supervisor's
 * endorsement (at that supervisor's next sign-in); `endorsed` — in use, signs referrals; `none` — no
 * keys yet (the store has no identity, or an account from before per-person keys makes them at its next
 * sign-in), or the roster does not list the account (it cannot sign in).
 */
export function accountKeyStates(keyring: Keyring | null): (accountId: string) => AccountKeyState {
  const store = keyring?.store;
  const roster =
    keyring && store && keyring.roster
      ? verifyRoster(keyring.roster, store.caCertificatePem, store.fingerprint)
      : null;
  if (!keyring || !roster) return () => 'none';
  return (accountId) => {
    const account = rosterAccountOf(roster, accountId);
    if (!account) return 'none';
    if (account.keyState === 'endorsed') return 'endorsed';
    const entry = keyring.accounts.find((a) => a.accountId === accountId);
    // Pending: own keys proven; else an account from before per-person keys (none listed) makes its
    // own at its next sign-in, and anyone else still holds the keys set up for them.
    const ownKeys = entry?.pending?.signingPublicKey === entry?.signingPublicKey;
    if (entry && ownKeys && pendingKeysProven(account, entry)) return 'pending';
    return account.signingPublicKey === '' ? 'none' : 'given';
  };
}
