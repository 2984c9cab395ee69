import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountStatus, changePassphraseInput } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { accountRequestProblems, NewPassphraseFields } from '../../components/AccountFields';
import { SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  generalError,
  hasProblems,
  problemsFromReply,
  useFormProblems,
} from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { TextField } from '../../components/TextField';

/** The form's fields by their name in the request (what main's reply names), and the second entry. */
const CHANGE_FIELDS = ['currentPassphrase', 'newPassphrase', 'confirm'];

/**
 * The person changes their own passphrase: the current one (on first sign-in, the one they were given),
 * then the new one twice. What is wrong is said under its field with the focus on it: before sending
 * (nothing typed, too short, the two entries differing), else from main's reply (the current one is
 * not right, the new one is the same). Every field is cleared after a try that was sent.
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
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const currentInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear, edit } = useFormProblems(form);
  useEffect(() => {
    if (first) currentInput.current?.focus();
  }, [first]);

  const submit = async () => {
    setError(null);
    const request = { currentPassphrase: current, newPassphrase: passphrases.passphrase };
    if (!show(accountRequestProblems(changePassphraseInput.strict(), request, passphrases, 'newPassphrase')))
      return;
    setBusy(true);
    const reply = await call('account.changePassphrase', request);
    setBusy(false);
    setCurrent('');
    setPassphrases({ passphrase: '', confirm: '' });
    if (reply.ok) return onChanged(reply.value.status);
    setError(generalError(reply.error, (key) => CHANGE_FIELDS.includes(key)));
    const named = problemsFromReply(reply.error);
    if (hasProblems(named)) show(named);
    else currentInput.current?.focus();
  };

  return (
    <form ref={form} noValidate onSubmit={onSubmitting(submit, busy)} data-testid="change-passphrase">
      <TextField
        label={t(first ? 'account.givenPassphrase' : 'account.currentPassphrase')}
        error={problem('currentPassphrase')}
        type="password"
        value={current}
        onChange={edit(setCurrent, 'currentPassphrase')}
        testId="account-current"
        autoComplete="current-password"
        inputRef={currentInput}
      />
      <NewPassphraseFields
        values={passphrases}
        onChange={(patch) => {
          setPassphrases((v) => ({ ...v, ...patch }));
          clear('confirm', 'passphrase' in patch ? 'newPassphrase' : 'confirm');
        }}
        testIdPrefix="account-new"
        label={t('account.newPassphrase')}
        problems={{ passphrase: problem('newPassphrase'), confirm: problem('confirm') }}
      />
      <ErrorMessage error={error} />
      <div className="row">
        <SubmitButton busy={busy} label={t('account.change')} testId="account-change-submit" />
      </div>
    </form>
  );
}
