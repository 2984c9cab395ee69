import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type SessionUser, type UserSummary } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

/** Accounts on this laptop: add an officer (or supervisor) with a first passphrase, disable one. */
export function UsersAdmin({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const reply = await call('admin.users.list', {});
    if (!reply.ok) return setError(reply.error);
    setUsers(reply.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const disable = async (u: UserSummary) => {
    setError(null);
    const reply = await call('admin.users.disable', { userId: u.id });
    setConfirming(null);
    if (!reply.ok) return setError(reply.error);
    setMessage(t('admin.users.disabledDone', { name: u.username }));
    await load();
  };

  return (
    <div data-testid="admin-users">
      <h2>{t('admin.users.title')}</h2>
      <div className="table-wrap">
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.displayName')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.created')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row" data-username={u.username}>
                <td>
                  {u.username}
                  {u.id === user.id && <span className="muted"> {t('admin.users.you')}</span>}
                </td>
                <td>{u.displayName}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{formatDate(u.createdAt, uiLanguage)}</td>
                <td data-testid="user-state">
                  {u.disabledAt
                    ? t('admin.users.disabledSince', { date: formatDate(u.disabledAt, uiLanguage) })
                    : t('admin.users.active')}
                </td>
                <td>
                  {!u.disabledAt && u.id !== user.id && confirming !== u.id && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setConfirming(u.id)}
                      data-testid="user-disable"
                    >
                      {t('admin.users.disable')}
                    </button>
                  )}
                  {confirming === u.id && (
                    <span className="row tight">
                      <span>{t('admin.users.disableConfirm', { name: u.username })}</span>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void disable(u)}
                        data-testid="user-disable-confirm"
                      >
                        {t('admin.users.disableYes')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                        {t('actions.cancel')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <ErrorMessage error={error} />
      <AddUserForm
        onAdded={async (u) => {
          setMessage(t('admin.users.added', { name: u.username }));
          await load();
        }}
      />
    </div>
  );
}

function AddUserForm({ onAdded }: { onAdded: (user: UserSummary) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<'officer' | 'supervisor'>('officer');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    setLocalError(null);
    if (passphrase.length < MIN_PASSPHRASE_LENGTH)
      return setLocalError(t('setup.passphraseTooShort', { count: MIN_PASSPHRASE_LENGTH }));
    if (passphrase !== confirm) return setLocalError(t('setup.passphraseMismatch'));
    setBusy(true);
    const reply = await call('admin.users.add', { displayName, username, role, passphrase });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setDisplayName('');
    setUsername('');
    setPassphrase('');
    setConfirm('');
    setRole('officer');
    await onAdded(reply.value);
  };

  return (
    <form
      className="grid-form add-user"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('admin.users.addTitle')}</legend>
        <Field label={t('setup.displayName')}>
          {(id) => (
            <input
              id={id}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="new-user-display-name"
              autoComplete="off"
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
              data-testid="new-user-username"
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('admin.users.role')}>
          {(id) => (
            <select
              id={id}
              value={role}
              onChange={(e) => setRole(e.target.value === 'supervisor' ? 'supervisor' : 'officer')}
              data-testid="new-user-role"
            >
              <option value="officer">{t('roles.officer')}</option>
              <option value="supervisor">{t('roles.supervisor')}</option>
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('admin.users.firstPassphrase')}</legend>
        <Field
          label={t('setup.passphrase')}
          hint={t('admin.users.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        >
          {(id, hint) => (
            <input
              id={id}
              type="password"
              aria-describedby={hint}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              data-testid="new-user-passphrase"
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
              data-testid="new-user-confirm"
              autoComplete="new-password"
            />
          )}
        </Field>
      </fieldset>
      {localError && (
        <p className="error" role="alert">
          {localError}
        </p>
      )}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy} data-testid="new-user-submit">
        {busy ? t('actions.working') : t('admin.users.add')}
      </button>
    </form>
  );
}
