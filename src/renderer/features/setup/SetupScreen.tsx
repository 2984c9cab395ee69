import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initialiseInput, type SessionUser } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { AccountFields, accountRequestProblems, useAccountValues } from '../../components/AccountFields';
import { SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { RecoveryKeyCard } from '../../components/RecoveryKeyCard';

/** The setup form's fields, by their name in the request (what main's reply names). */
const SETUP_FIELDS = ['displayName', 'username', 'passphrase', 'confirm'];

/**
 * First run: the supervisor account, then the recovery key shown once. What is wrong is said under
 * each field with the focus on the first: before sending (the schema main parses with, and the
 * passphrase typed twice), else from main's reply. What was typed stays until the store is made.
 */
export function SetupScreen({ onDone }: { onDone: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear, refused } = useFormProblems(form);
  const [account, setAccount, change] = useAccountValues(clear);
  const [issued, setIssued] = useState<{
    recoveryKey: string;
    storeFingerprint: string | null;
    user: SessionUser;
  } | null>(null);

  if (issued) {
    return (
      <RecoveryKeyCard
        recoveryKey={issued.recoveryKey}
        storeFingerprint={issued.storeFingerprint}
        onContinue={() => onDone(issued.user)}
      />
    );
  }

  const submit = async () => {
    setError(null);
    const { displayName, username, passphrase } = account;
    const request = { displayName, username, passphrase };
    if (!show(accountRequestProblems(initialiseInput.strict(), request, account))) return;
    setBusy(true);
    const reply = await call('vault.initialise', request);
    setBusy(false);
    if (!reply.ok) {
      return setError(refused(reply.error, (key) => SETUP_FIELDS.includes(key)));
    }
    setAccount((a) => ({ ...a, passphrase: '', confirm: '' }));
    setIssued(reply.value);
  };

  return (
    <section className="panel narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form ref={form} noValidate data-testid="setup-form" onSubmit={onSubmitting(submit, busy)}>
        <AccountFields
          values={account}
          onChange={change}
          testIdPrefix="setup"
          ownAccount
          problems={{
            displayName: problem('displayName'),
            username: problem('username'),
            passphrase: problem('passphrase'),
            confirm: problem('confirm'),
          }}
        />
        <ErrorMessage error={error} />
        <SubmitButton busy={busy} label={t('setup.submit')} testId="setup-submit" />
      </form>
    </section>
  );
}
