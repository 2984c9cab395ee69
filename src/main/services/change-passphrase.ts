import type { AccountStatus, ChangePassphraseInput } from '../../shared/domain/users';
import { AppError, isAppError } from '../../shared/errors';
import type { Session } from '../store/session';
import { changeOwnPassphrase } from '../store/users';

/**
 * The person changes their own passphrase (store/users.ts), saying which field is wrong when the
 * store refuses it: a current passphrase that does not open the account, or a new one equal to it.
 * Returns the account's status after the change. The codes stay (the back-off counts wrong passphrases the same); only the field is named.
 */
export async function changePassphraseNamingFields(
  session: Session,
  input: ChangePassphraseInput,
): Promise<AccountStatus> {
  try {
    return await changeOwnPassphrase(session, input);
  } catch (err) {
    if (isAppError(err) && err.code === 'WRONG_PASSPHRASE') {
      throw new AppError('WRONG_PASSPHRASE', {
        cause: err,
        fields: [{ path: ['currentPassphrase'], messageKey: 'errors.field.passphraseWrong' }],
      });
    }
    if (isAppError(err) && err.code === 'PASSPHRASE_UNCHANGED') {
      throw new AppError('PASSPHRASE_UNCHANGED', {
        cause: err,
        fields: [{ path: ['newPassphrase'], messageKey: 'errors.passphraseUnchanged' }],
      });
    }
    throw err;
  }
}
