import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInResult } from '../../../shared/domain/users';
import type { AppEvent } from '../../../shared/ipc/api';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton, SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { type FormProblem, hasProblems, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { TextField } from '../../components/TextField';
import { RecoveryResetForm } from './RecoveryResetForm';

/** Why the unlock screen is shown, when main said so. */
export type LockNotice =
  | { kind: 'idle' | 'manual' | 'suspend' }
  | { kind: 'restored'; backupCreatedAt: string; keyringRestored: boolean };

export function lockNoticeOf(event: AppEvent): LockNotice {
  return event.type === 'restored'
    ? { kind: 'restored', backupCreatedAt: event.backupCreatedAt, keyringRestored: event.keyringRestored }
    : { kind: event.reason };
}

/**
 * Sign in on a shared laptop: the name of whoever works now, and their passphrase. A forgotten
 * passphrase is replaced here with the recovery key (kept by the supervisor). After quick-hide
 * (`neutral`) it is a plain sign-in that says nothing of the app or its purpose.
 */
export function UnlockScreen({
  notice,
  neutral = false,
  onUnlocked,
}: {
  notice?: LockNotice | undefined;
  neutral?: boolean;
  onUnlocked: (result: SignInResult) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'signIn' | 'reset'>('signIn');
  const [resetDone, setResetDone] = useState(false);
  const [username, setUsername] = useState('');

  if (mode === 'reset') {
    return (
      <RecoveryResetForm
        initialUsername={username}
        onCancel={() => setMode('signIn')}
        onDone={(name) => {
          setUsername(name);
          setResetDone(true);
          setMode('signIn');
        }}
      />
    );
  }

  return (
    <section className="panel narrow" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{neutral ? t('unlock.neutralTitle') : t('unlock.title')}</h1>
      {resetDone ? (
        <p className="notice" role="status" data-testid="reset-done">
          {t('recoveryReset.done')}
        </p>
      ) : (
        <LockNoticeText notice={notice} />
      )}
      <SignInForm
        neutral={neutral}
        username={username}
        onUsername={setUsername}
        onUnlocked={onUnlocked}
        focusPassphrase={resetDone}
      />
      <div className="row">
        <ActionButton
          look="link"
          testId="forgot-passphrase"
          onClick={() => {
            setResetDone(false);
            setMode('reset');
          }}
        >
          {t('recoveryReset.forgot')}
        </ActionButton>
      </div>
    </section>
  );
}

function LockNoticeText({ notice }: { notice?: LockNotice }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  if (notice?.kind === 'idle')
    return (
      <p className="notice" data-testid="idle-notice">
        {t('unlock.lockedIdle')}
      </p>
    );
  if (notice?.kind === 'suspend') return <p className="notice">{t('unlock.lockedSuspend')}</p>;
  if (notice?.kind === 'restored')
    return (
      <p className="notice" role="status" data-testid="restored-notice">
        {t('unlock.restored', { date: formatDateTime(notice.backupCreatedAt, uiLanguage) })}
        {!notice.keyringRestored && ` ${t('unlock.restoredNoKeyring')}`}
      </p>
    );
  return null;
}

function SignInForm({
  neutral,
  username,
  onUsername,
  onUnlocked,
  focusPassphrase,
}: {
  neutral: boolean;
  username: string;
  onUsername: (name: string) => void;
  onUnlocked: (result: SignInResult) => void;
  focusPassphrase: boolean;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const passInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(form);
  // Focus once, on arrival (after a reset the name is already filled in).
  const focusPass = useRef(focusPassphrase);
  useEffect(() => (focusPass.current ? passInput.current : nameInput.current)?.focus(), []);

  // A field left empty is said under it (nothing is sent); a wrong name or passphrase stays one
  // message for both, so it does not tell which accounts exist.
  const submit = async () => {
    setError(null);
    const found: Record<string, FormProblem> = {};
    if (!username.trim()) found.username = { messageKey: 'errors.field.required' };
    if (!passphrase) found.passphrase = { messageKey: 'errors.field.required' };
    problems.show(found);
    if (hasProblems(found)) return;
    setBusy(true);
    const reply = await call('session.unlock', { username, passphrase });
    setBusy(false);
    setPassphrase('');
    if (!reply.ok) return setError(reply.error);
    onUnlocked(reply.value);
  };

  return (
    <form ref={form} noValidate onSubmit={onSubmitting(submit, busy)}>
      <TextField
        label={t('unlock.username')}
        error={problems.text('username')}
        value={username}
        onChange={problems.edit(onUsername, 'username')}
        testId="unlock-username"
        autoComplete="username"
        inputRef={nameInput}
      />
      <TextField
        label={t('unlock.passphrase')}
        error={problems.text('passphrase')}
        type="password"
        value={passphrase}
        onChange={problems.edit(setPassphrase, 'passphrase')}
        testId="unlock-passphrase"
        autoComplete="current-password"
        inputRef={passInput}
      />
      <ErrorMessage error={error} />
      <SubmitButton
        busy={busy}
        label={neutral ? t('unlock.neutralTitle') : t('unlock.submit')}
        testId="unlock-submit"
      />
    </form>
  );
}
