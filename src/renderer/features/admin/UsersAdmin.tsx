import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addUserInput,
  MIN_PASSPHRASE_LENGTH,
  type SessionUser,
  type UserSummary,
} from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import {
  type AccountValues,
  EMPTY_ACCOUNT,
  IdentityFields,
  NewPassphraseFields,
} from '../../components/AccountFields';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  generalError,
  problemsFromReply,
  problemsFromSchema,
  useFocusFirstInvalid,
  useFormProblems,
} from '../../components/form-problems';
import { SelectField } from '../../components/SelectField';
import { RecoveryKeyField } from '../unlock/RecoveryKeyField';
import { useRecoveryReset } from '../unlock/useRecoveryReset';
import { DatabaseKeyPanel } from './DatabaseKeyPanel';

/** Accounts on this laptop: add an officer (or supervisor) with a first passphrase, disable one. */
export function UsersAdmin({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  /** Someone was disabled here: changing the database key is the next step. */
  const [disabledSomeone, setDisabledSomeone] = useState(false);

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
    setDisabledSomeone(true);
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
              <Fragment key={u.id}>
                <tr data-testid="user-row" data-username={u.username}>
                  <td>
                    {u.username}
                    {u.id === user.id && <span className="muted"> {t('admin.users.you')}</span>}
                  </td>
                  <td>{u.displayName}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>{formatDate(u.createdAt, uiLanguage)}</td>
                  <td>
                    <span data-testid="user-state">
                      {u.disabledAt
                        ? t('admin.users.disabledSince', { date: formatDate(u.disabledAt, uiLanguage) })
                        : t('admin.users.active')}
                    </span>
                    {!u.disabledAt && u.keyState && (
                      <div className="muted" data-testid="user-key-state" data-state={u.keyState}>
                        {t(`admin.users.keyState.${u.keyState}`)}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className="row tight">
                      {!u.disabledAt && confirming !== u.id && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => {
                            setMessage(null);
                            setResetting(u);
                          }}
                          data-testid="user-reset"
                        >
                          {t('recoveryReset.adminButton')}
                        </button>
                      )}
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
                    </span>
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
                {resetting?.id === u.id && (
                  <tr>
                    <td colSpan={6}>
                      <ResetPassphraseForm
                        target={resetting}
                        onCancel={() => setResetting(null)}
                        onDone={(done) => {
                          setResetting(null);
                          setMessage(t('recoveryReset.adminDone', { name: done.username }));
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
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
      <DatabaseKeyPanel afterDisable={disabledSomeone} />
      <AddUserForm
        onAdded={async (u) => {
          setMessage(t('admin.users.added', { name: u.username }));
          await load();
        }}
      />
    </div>
  );
}

/** The add-account form's fields, by their name in the request (what main's reply names). */
const ADD_USER_FIELDS = ['displayName', 'username', 'role', 'passphrase', 'confirm'] as const;

/**
 * Adds an account. What is wrong is said under each field, with the focus on the first: before
 * sending (the shared schema main parses with, and the passphrase typed twice), else from main's
 * reply (a sign-in name already taken). What was typed stays until the account is added.
 */
function AddUserForm({ onAdded }: { onAdded: (user: UserSummary) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [account, setAccount] = useState(EMPTY_ACCOUNT);
  const [role, setRole] = useState<'officer' | 'supervisor'>('officer');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear } = useFormProblems(form);
  const change = (patch: Partial<AccountValues>) => {
    setAccount((a) => ({ ...a, ...patch }));
    clear(...Object.keys(patch));
  };

  const submit = async () => {
    setError(null);
    const { displayName, username, passphrase, confirm } = account;
    const request = { displayName, username, role, passphrase };
    const found = { ...problemsFromSchema(addUserInput.strict(), request) };
    if (!found.passphrase && passphrase !== confirm)
      found.confirm = { messageKey: 'setup.passphraseMismatch' };
    if (!show(found)) return;
    setBusy(true);
    const reply = await call('admin.users.add', request);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return show(problemsFromReply(reply.error));
    }
    setAccount(EMPTY_ACCOUNT);
    setRole('officer');
    await onAdded(reply.value);
  };

  return (
    <form
      ref={form}
      className="grid-form add-user"
      noValidate
      data-testid="add-user-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <fieldset>
        <legend>{t('admin.users.addTitle')}</legend>
        <IdentityFields
          values={account}
          onChange={change}
          testIdPrefix="new-user"
          problems={{ displayName: problem('displayName'), username: problem('username') }}
        />
        <SelectField
          label={t('admin.users.role')}
          error={problem('role')}
          value={role}
          options={[
            { value: 'officer', label: t('roles.officer') },
            { value: 'supervisor', label: t('roles.supervisor') },
          ]}
          onChange={(next) => {
            setRole(next);
            clear('role');
          }}
          testId="new-user-role"
        />
      </fieldset>
      <fieldset>
        <legend>{t('admin.users.firstPassphrase')}</legend>
        <NewPassphraseFields
          values={account}
          onChange={change}
          testIdPrefix="new-user"
          hint={t('admin.users.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
          problems={{ passphrase: problem('passphrase'), confirm: problem('confirm') }}
        />
      </fieldset>
      <ErrorMessage
        error={generalError(error, (key) => (ADD_USER_FIELDS as readonly string[]).includes(key))}
      />
      <button type="submit" disabled={busy} data-testid="new-user-submit">
        {busy ? t('actions.working') : t('admin.users.add')}
      </button>
    </form>
  );
}

/**
 * A new passphrase for someone who forgot theirs. Needs the recovery key as well as the supervisor's
 * session; the key and passphrases are cleared after every try.
 */
function ResetPassphraseForm({
  target,
  onDone,
  onCancel,
}: {
  target: UserSummary;
  onDone: (user: UserSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useRecoveryReset(
    (recoveryKey, newPassphrase) =>
      call('admin.users.resetPassphrase', { userId: target.id, recoveryKey, newPassphrase }),
    onDone,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formElement);

  return (
    <form
      ref={formElement}
      noValidate
      className="panel"
      aria-labelledby="reset-user-title"
      data-testid="user-reset-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit().then((sent) => sent || focusFirstInvalid());
      }}
    >
      <h3 id="reset-user-title" ref={heading} tabIndex={-1}>
        {t('recoveryReset.adminTitle', { name: target.username })}
      </h3>
      <p>{t('recoveryReset.adminIntro')}</p>
      <div className="grid-form">
        <div>
          <RecoveryKeyField
            value={form.recoveryKey}
            onChange={form.setRecoveryKey}
            testId="user-reset-recovery-key"
            error={form.problems.recoveryKey}
          />
        </div>
        <div>
          <NewPassphraseFields
            values={form.passphrases}
            onChange={form.changePassphrases}
            testIdPrefix="user-reset"
            label={t('recoveryReset.newPassphrase')}
            problems={form.problems}
            hint={t('admin.users.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
          />
        </div>
      </div>
      <ErrorMessage error={form.error} />
      <div className="row">
        <button type="submit" disabled={form.busy || !form.recoveryKey} data-testid="user-reset-submit">
          {form.busy ? t('actions.working') : t('recoveryReset.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
