import { z } from 'zod';
import {
  accountStatus,
  changePassphraseInput,
  initialiseInput,
  newPassphrase,
  recoveryKeyText,
  sessionUser,
  signInResult,
  unlockInput,
} from '../../domain/users';
import { channel } from '../channel';

export const sessionChannels = {
  /** Before sign-in: is there a store on this device, and who (if anyone) is signed in now. */
  'vault.status': channel(
    'public',
    z.strictObject({}),
    z.strictObject({
      initialised: z.boolean(),
      user: sessionUser.nullable(),
      /** The signed-in person must first choose their own passphrase (after a reload). */
      mustChangePassphrase: z.boolean(),
    }),
  ),
  /** First run: creates the store and its supervisor; the recovery key is returned this once. */
  'vault.initialise': channel(
    'public',
    initialiseInput.strict(),
    z.strictObject({ recoveryKey: z.string(), storeFingerprint: z.string().nullable(), user: sessionUser }),
  ),
  'session.unlock': channel('public', unlockInput.strict(), signInResult),
  /**
   * "Forgot passphrase": a new passphrase for one account, proven with the recovery key. Public (it is
   * used before sign-in), so wrong keys are counted in the keyring and meet a growing back-off.
   */
  'vault.resetPassphrase': channel(
    'public',
    z.strictObject({ username: unlockInput.shape.username, recoveryKey: recoveryKeyText, newPassphrase }),
    z.strictObject({ reset: z.literal(true) }),
  ),
  /** The signed-in person's own account (open also while they must first choose their passphrase). */
  'account.status': channel('signedIn', z.strictObject({}), accountStatus),
  /**
   * The person changes their own passphrase, proving the current one. The first change after someone
   * else set it (enrolment, reset) also makes the person's own keys, which a supervisor then endorses.
   */
  'account.changePassphrase': channel(
    'settings.personal',
    changePassphraseInput.strict(),
    z.strictObject({ changed: z.literal(true), status: accountStatus }),
  ),
  /** The officer is typing or clicking: keeps the idle lock from firing mid-form (the dispatcher records it). */
  'session.touch': channel('signedIn', z.strictObject({}), z.strictObject({ ok: z.literal(true) })),
  'session.lock': channel(
    'public',
    z.strictObject({ reason: z.enum(['manual', 'switch_user', 'quick_hide']) }),
    z.strictObject({ locked: z.literal(true) }),
  ),
};
