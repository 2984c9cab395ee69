import type { AddUserInput, UserSummary } from '../../shared/domain/users';
import { AppError, isAppError } from '../../shared/errors';
import type { Session } from '../store/session';
import { addUser } from '../store/users';

/**
 * Adds an account (store/users.ts), saying which field is wrong when the store refuses it for a
 * conflict: the only one adding an account meets is a sign-in name that is someone else's already.
 */
export async function addAccount(session: Session, input: AddUserInput): Promise<UserSummary> {
  try {
    return await addUser(session, input);
  } catch (err) {
    if (isAppError(err) && err.code === 'CONFLICT') {
      throw new AppError('CONFLICT', {
        cause: err,
        messageKey: 'errors.field.usernameTaken',
        fields: [{ path: ['username'], messageKey: 'errors.field.usernameTaken' }],
      });
    }
    throw err;
  }
}
