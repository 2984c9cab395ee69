import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type SessionUser } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

/** First run: the supervisor account, then the recovery key shown once. */
export function SetupScreen({ onDone }: { onDone: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ recoveryKey: string; user: SessionUser } | null>(null);
  const [stored, setStored] = useState(false);

  if (issued) {
    return (
      <section className="panel narrow" aria-labelledby="rk-title">
        <h1 id="rk-title">{t('setup.recoveryTitle')}</h1>
        <p>{t('setup.recoveryExplain')}</p>
        <p className="recovery-key" data-testid="recovery-key" lang="en">
          {issued.recoveryKey}
        </p>
        <p className="warning">{t('setup.recoveryWarning')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={stored}
            onChange={(e) => setStored(e.target.checked)}
            data-testid="recovery-stored"
          />
          {t('setup.recoveryStored')}
        </label>
        <button
          type="button"
          disabled={!stored}
          onClick={() => onDone(issued.user)}
          data-testid="recovery-continue"
        >
          {t('actions.continue')}
        </button>
      </section>
    );
  }

  const submit = async () => {
    setError(null);
    setLocalError(null);
    if (passphrase.length < MIN_PASSPHRASE_LENGTH)
      return setLocalError(t('setup.passphraseTooShort', { count: MIN_PASSPHRASE_LENGTH }));
    if (passphrase !== confirm) return setLocalError(t('setup.passphraseMismatch'));
    setBusy(true);
    const reply = await call('vault.initialise', { displayName, username, passphrase });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setPassphrase('');
    setConfirm('');
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
        <Field label={t('setup.displayName')}>
          {(id) => (
            <input
              id={id}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="setup-display-name"
              autoComplete="name"
            />
          )}
        </Field>
        <Field label={t('setup.username')} hint={t('setup.usernameHint')}>
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="setup-username"
              autoComplete="username"
            />
          )}
        </Field>
        <Field
          label={t('setup.passphrase')}
          hint={t('setup.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        >
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              data-testid="setup-passphrase"
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field label={t('setup.confirm')}>
          {(id) => (
            <input
              id={id}
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="setup-confirm"
              autoComplete="new-password"
            />
          )}
        </Field>
        {localError && (
          <p className="error" role="alert">
            {localError}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="setup-submit">
          {busy ? t('actions.working') : t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
