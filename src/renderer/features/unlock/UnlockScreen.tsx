import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

/** Sign in on a shared laptop: the name of whoever works now, and their passphrase. */
export function UnlockScreen({
  notice,
  onUnlocked,
}: {
  notice?: 'idle' | 'manual' | 'suspend';
  onUnlocked: (user: SessionUser) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const reply = await call('session.unlock', { username, passphrase });
    setBusy(false);
    setPassphrase('');
    if (!reply.ok) return setError(reply.error);
    onUnlocked(reply.value);
  };

  return (
    <section className="panel narrow" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {notice === 'idle' && (
        <p className="notice" data-testid="idle-notice">
          {t('unlock.lockedIdle')}
        </p>
      )}
      {notice === 'suspend' && <p className="notice">{t('unlock.lockedSuspend')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t('unlock.username')}>
          {(id) => (
            <input
              ref={first}
              id={id}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="unlock-username"
              autoComplete="username"
            />
          )}
        </Field>
        <Field label={t('unlock.passphrase')}>
          {(id) => (
            <input
              id={id}
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              data-testid="unlock-passphrase"
              autoComplete="current-password"
            />
          )}
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy || !username || !passphrase} data-testid="unlock-submit">
          {busy ? t('actions.working') : t('unlock.submit')}
        </button>
      </form>
    </section>
  );
}
