import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import {
  AccountFields,
  EMPTY_ACCOUNT,
  FormProblem,
  useNewPassphraseProblem,
} from '../../components/AccountFields';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RecoveryKeyCard } from '../../components/RecoveryKeyCard';

/** First run: the supervisor account, then the recovery key shown once. */
export function SetupScreen({ onDone }: { onDone: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [account, setAccount] = useState(EMPTY_ACCOUNT);
  const passphraseProblem = useNewPassphraseProblem();
  const [error, setError] = useState<ReplyError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
    const problem = passphraseProblem(account);
    setLocalError(problem);
    if (problem) return;
    setBusy(true);
    const { displayName, username, passphrase } = account;
    const reply = await call('vault.initialise', { displayName, username, passphrase });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setAccount((a) => ({ ...a, passphrase: '', confirm: '' }));
    setIssued(reply.value);
  };

  return (
    <section className="panel narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <AccountFields
          values={account}
          onChange={(patch) => setAccount((a) => ({ ...a, ...patch }))}
          testIdPrefix="setup"
          ownAccount
        />
        <FormProblem text={localError} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="setup-submit">
          {busy ? t('actions.working') : t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
