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
  accountRequestProblems,
  EMPTY_ACCOUNT,
  IdentityFields,
  NewPassphraseFields,
  useAccountValues,
} from '../../components/AccountFields';
import { ActionButton, CancelButton, SubmitButton } from '../../components/Buttons';
import { ColumnHeads } from '../../components/ColumnHeads';
import { ErrorMessage } from '../../components/ErrorMessage';
import { generalError, problemsFromReply, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { SelectField } from '../../components/SelectField';
import { RecoveryResetFields } from '../unlock/RecoveryResetFields';
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
          <ColumnHeads
            labels={[
              t('admin.users.username'),
              t('admin.users.displayName'),
              t('admin.users.role'),
              t('admin.users.created'),
              t('admin.users.state'),
            ]}
            actions={t('admin.users.actions')}
          />
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
                        <ActionButton
                          testId="user-reset"
                          onClick={() => {
                            setMessage(null);
                            setResetting(u);
                          }}
                        >
                          {t('recoveryReset.adminButton')}
                        </ActionButton>
                      )}
                      {!u.disabledAt && u.id !== user.id && confirming !== u.id && (
                        <ActionButton testId="user-disable" onClick={() => setConfirming(u.id)}>
                          {t('admin.users.disable')}
                        </ActionButton>
                      )}
                    </span>
                    {confirming === u.id && (
                      <span className="row tight">
                        <span>{t('admin.users.disableConfirm', { name: u.username })}</span>
                        <ActionButton
                          look="danger"
                          testId="user-disable-confirm"
                          onClick={() => void disable(u)}
                        >
                          {t('admin.users.disableYes')}
                        </ActionButton>
                        <CancelButton onCancel={() => setConfirming(null)} />
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
  const [role, setRole] = useState<'officer' | 'supervisor'>('officer');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear, edit } = useFormProblems(form);
  const [account, setAccount, change] = useAccountValues(clear);

  const submit = async () => {
    setError(null);
    const { displayName, username, passphrase } = account;
    const request = { displayName, username, role, passphrase };
    if (!show(accountRequestProblems(addUserInput.strict(), request, account))) return;
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
      onSubmit={onSubmitting(submit, busy)}
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
          onChange={edit(setRole, 'role')}
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
      <SubmitButton busy={busy} label={t('admin.users.add')} testId="new-user-submit" />
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

  return (
    <form
      ref={form.formRef}
      noValidate
      className="panel"
      aria-labelledby="reset-user-title"
      data-testid="user-reset-form"
      onSubmit={form.onSubmit}
    >
      <h3 id="reset-user-title" ref={heading} tabIndex={-1}>
        {t('recoveryReset.adminTitle', { name: target.username })}
      </h3>
      <p>{t('recoveryReset.adminIntro')}</p>
      <RecoveryResetFields
        form={form}
        testIdPrefix="user-reset"
        hint={t('admin.users.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        inGrid
      />
      <ErrorMessage error={form.error} />
      <div className="row">
        <SubmitButton
          busy={form.busy}
          disabled={!form.recoveryKey}
          label={t('recoveryReset.submit')}
          testId="user-reset-submit"
        />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
