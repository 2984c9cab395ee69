import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ActionButton, SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { RecoveryResetFields } from './RecoveryResetFields';
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

  return (
    <section className="panel narrow" aria-labelledby="reset-title" data-testid="recovery-reset">
      <h1 id="reset-title">{t('recoveryReset.title')}</h1>
      <p>{t('recoveryReset.intro')}</p>
      <form ref={form.formRef} noValidate onSubmit={form.onSubmit}>
        <TextField
          label={t('recoveryReset.username')}
          value={username}
          onChange={setUsername}
          testId="reset-username"
          autoComplete="username"
          inputRef={first}
        />
        <RecoveryResetFields form={form} testIdPrefix="reset" />
        <ErrorMessage error={form.error} />
        <div className="row">
          <SubmitButton
            busy={form.busy}
            disabled={!username || !form.recoveryKey}
            label={t('recoveryReset.submit')}
            testId="reset-submit"
          />
          <ActionButton testId="reset-cancel" onClick={onCancel}>
            {t('recoveryReset.back')}
          </ActionButton>
        </div>
      </form>
    </section>
  );
}
