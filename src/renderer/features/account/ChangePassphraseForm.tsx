import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { FormProblem, NewPassphraseFields, useNewPassphraseProblem } from '../../components/AccountFields';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

/**
 * The person changes their own passphrase: the current one (on first sign-in, the one they were given),
 * then the new one twice. Main checks the current one and refuses keeping it unchanged; every field is
 * cleared after a try, and what went wrong is said under the form.
 */
export function ChangePassphraseForm({
  first,
  onChanged,
}: {
  /** First sign-in: the current passphrase is the one someone else set. */
  first: boolean;
  onChanged: (status: AccountStatus) => void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [passphrases, setPassphrases] = useState({ passphrase: '', confirm: '' });
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = useNewPassphraseProblem();
  const currentInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (first) currentInput.current?.focus();
  }, [first]);

  const submit = async () => {
    const found = problem(passphrases);
    setLocalError(found);
    setError(null);
    if (found) return;
    setBusy(true);
    const reply = await call('account.changePassphrase', {
      currentPassphrase: current,
      newPassphrase: passphrases.passphrase,
    });
    setBusy(false);
    setCurrent('');
    setPassphrases({ passphrase: '', confirm: '' });
    if (reply.ok) onChanged(reply.value.status);
    else {
      setError(reply.error);
      currentInput.current?.focus();
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="change-passphrase"
    >
      <Field label={t(first ? 'account.givenPassphrase' : 'account.currentPassphrase')}>
        {(id) => (
          <input
            ref={currentInput}
            id={id}
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            data-testid="account-current"
            autoComplete="current-password"
          />
        )}
      </Field>
      <NewPassphraseFields
        values={passphrases}
        onChange={(patch) => setPassphrases((v) => ({ ...v, ...patch }))}
        testIdPrefix="account-new"
        label={t('account.newPassphrase')}
      />
      <FormProblem text={localError} />
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" disabled={busy || !current} data-testid="account-change-submit">
          {busy ? t('actions.working') : t('account.change')}
        </button>
      </div>
    </form>
  );
}
