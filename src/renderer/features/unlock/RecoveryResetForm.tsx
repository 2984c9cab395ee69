import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { NewPassphraseFields } from '../../components/AccountFields';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useFocusFirstInvalid } from '../../components/form-problems';
import { RecoveryKeyField } from './RecoveryKeyField';
import { useRecoveryReset } from './useRecoveryReset';

/** Messages for this form where the general one would mislead (no such name, after a right key). */
export function resetError(error: ReplyError): ReplyError {
  if (error.code === 'NOT_FOUND') return { ...error, messageKey: 'recoveryReset.noSuchAccount' };
  return error;
}

/**
 * "Forgot passphrase": a new passphrase for one account, proven with the recovery key. Main counts
 * wrong keys and makes further attempts wait; the key and passphrases are cleared after every try.
 */
export function RecoveryResetForm({
  initialUsername,
  onCancel,
  onDone,
}: {
  initialUsername: string;
  onCancel: () => void;
  onDone: (username: string) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(initialUsername);
  const form = useRecoveryReset(
    (recoveryKey, newPassphrase) => call('vault.resetPassphrase', { username, recoveryKey, newPassphrase }),
    () => onDone(username),
    resetError,
  );
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formElement);

  return (
    <section className="panel narrow" aria-labelledby="reset-title" data-testid="recovery-reset">
      <h1 id="reset-title">{t('recoveryReset.title')}</h1>
      <p>{t('recoveryReset.intro')}</p>
      <form
        ref={formElement}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit().then((sent) => sent || focusFirstInvalid());
        }}
      >
        <Field label={t('recoveryReset.username')}>
          {(id) => (
            <input
              ref={first}
              id={id}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="reset-username"
              autoComplete="username"
            />
          )}
        </Field>
        <RecoveryKeyField
          value={form.recoveryKey}
          onChange={form.setRecoveryKey}
          testId="reset-recovery-key"
          error={form.problems.recoveryKey}
        />
        <NewPassphraseFields
          values={form.passphrases}
          onChange={form.changePassphrases}
          testIdPrefix="reset"
          label={t('recoveryReset.newPassphrase')}
          problems={form.problems}
        />
        <ErrorMessage error={form.error} />
        <div className="row">
          <button
            type="submit"
            disabled={form.busy || !username || !form.recoveryKey}
            data-testid="reset-submit"
          >
            {form.busy ? t('actions.working') : t('recoveryReset.submit')}
          </button>
          <button type="button" className="secondary" onClick={onCancel} data-testid="reset-cancel">
            {t('recoveryReset.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
