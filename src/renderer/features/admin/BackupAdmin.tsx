import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFileInfo } from '../../../shared/ipc/channels/admin';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { announce } from '../../app/app-events';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton, SubmitButton } from '../../components/Buttons';
import { ColumnHeads } from '../../components/ColumnHeads';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFocusFirstInvalid } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { CheckField } from '../../components/TextField';
import { formatSize } from '../cases/casework/format-size';
import { RecoveryKeyField, useRecoveryKeyProblem } from '../unlock/RecoveryKeyField';

/** An encrypted copy of the whole store, and putting one back. */
export function BackupAdmin() {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ResponseOf<'admin.backup.create'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  // Bumped after a new backup so the restore list shows it.
  const [made, setMade] = useState(0);

  const create = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const reply = await call('admin.backup.create', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setResult(reply.value);
    setMade((n) => n + 1);
  };

  return (
    <div data-testid="admin-backup">
      <h2>{t('admin.backup.title')}</h2>
      <p>{t('admin.backup.explain')}</p>
      <button type="button" onClick={() => void create()} disabled={busy} data-testid="backup-create">
        {busy ? t('actions.working') : t('admin.backup.create')}
      </button>
      {result && (
        <p className="notice" role="status" data-testid="backup-result">
          {result.fileName
            ? t('admin.backup.created', { file: result.fileName, size: formatSize(result.bytes, uiLanguage) })
            : t('admin.backup.cancelled')}
        </p>
      )}
      <ErrorMessage error={error} />
      <RestoreBackup refreshKey={made} />
    </div>
  );
}

type Picked = NonNullable<ResponseOf<'admin.backup.pick'>['picked']>;

/** Messages for a restore that failed before anything was touched. */
function restoreError(error: ReplyError): ReplyError {
  const keys: Partial<Record<ReplyError['code'], string>> = {
    WRONG_RECOVERY_KEY: 'backupRestore.wrongKey',
    NOT_A_BACKUP: 'backupRestore.notABackup',
    DB_CORRUPT: 'backupRestore.damaged',
    NOT_FOUND: 'backupRestore.gone',
  };
  const messageKey = keys[error.code];
  return messageKey ? { ...error, messageKey } : error;
}

/**
 * Restore: main picks the file (open dialog in the desktop app, a list of the export folder's backups
 * in the preview), the supervisor types that backup's recovery key and confirms. Main checks the
 * backup on a copy first; only then does it lock everyone out and swap the files.
 */
function RestoreBackup({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const [sources, setSources] = useState<ResponseOf<'admin.backup.restoreSources'> | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [noPick, setNoPick] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);

  const load = useCallback(async () => {
    const reply = await call('admin.backup.restoreSources', {});
    if (!reply.ok) return setError(reply.error);
    setSources(reply.value);
  }, []);
  useEffect(() => {
    void refreshKey;
    void load();
  }, [load, refreshKey]);

  const pick = async (name: string | null) => {
    setError(null);
    setNoPick(false);
    const reply = await call('admin.backup.pick', { name });
    if (!reply.ok) return setError(reply.error);
    setPicked(reply.value.picked);
    setNoPick(reply.value.picked === null);
  };

  return (
    <section aria-labelledby="restore-title" data-testid="restore">
      <h3 id="restore-title">{t('backupRestore.title')}</h3>
      <p>{t('backupRestore.explain')}</p>
      {picked ? (
        <RestoreConfirm
          picked={picked}
          onOther={() => {
            setPicked(null);
            void load();
          }}
        />
      ) : sources?.mode === 'dialog' ? (
        <ActionButton testId="restore-choose" onClick={() => void pick(null)}>
          {t('backupRestore.choose')}
        </ActionButton>
      ) : sources ? (
        <BackupList files={sources.files} onPick={(name) => void pick(name)} />
      ) : null}
      {noPick && (
        <p className="muted" role="status">
          {t('backupRestore.noneChosen')}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function BackupList({ files, onPick }: { files: BackupFileInfo[]; onPick: (name: string) => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  if (files.length === 0) return <p className="muted">{t('backupRestore.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="cases" data-testid="restore-files">
        <caption className="visually-hidden">{t('backupRestore.listCaption')}</caption>
        <ColumnHeads
          labels={[t('backupRestore.file'), t('backupRestore.saved'), t('backupRestore.size')]}
          actions={t('admin.users.actions')}
        />
        <tbody>
          {files.map((f) => (
            <tr key={f.name} data-testid="restore-file" data-name={f.name}>
              <td lang="en" dir="ltr">
                {f.name}
              </td>
              <td>{formatDateTime(f.modifiedAt, uiLanguage)}</td>
              <td>{formatSize(f.bytes, uiLanguage)}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onPick(f.name)}
                  aria-label={t('backupRestore.useNamed', { file: f.name })}
                  data-testid="restore-use"
                >
                  {t('backupRestore.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RestoreConfirm({ picked, onOther }: { picked: Picked; onOther: () => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const [understoodMissing, setUnderstoodMissing] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const keyProblem = useRecoveryKeyProblem();
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formElement);

  // What is wrong is said under its field before anything is sent (a key that is not 64 hex
  // characters, the confirmation not ticked), and a key that does not open the backup under the key.
  const restore = async () => {
    setError(null);
    const problem = keyProblem(recoveryKey);
    setLocalError(problem);
    setUnderstoodMissing(!understood);
    if (problem || !understood) return focusFirstInvalid();
    setBusy(true);
    const reply = await call('admin.backup.restore', { pickedId: picked.id, recoveryKey });
    setBusy(false);
    setRecoveryKey('');
    if (!reply.ok) {
      if (reply.error.code === 'WRONG_RECOVERY_KEY') {
        setLocalError(t('backupRestore.wrongKey'));
        focusFirstInvalid();
      }
      return setError(restoreError(reply.error));
    }
    // Main has locked the session; go to the unlock screen now, whatever the pushed event does.
    announce({ type: 'restored', ...reply.value });
  };

  return (
    <form ref={formElement} noValidate data-testid="restore-confirm" onSubmit={onSubmitting(restore)}>
      <p className="notice" data-testid="restore-picked">
        {t('backupRestore.picked', {
          file: picked.file.name,
          date: formatDateTime(picked.file.modifiedAt, uiLanguage),
          size: formatSize(picked.file.bytes, uiLanguage),
        })}
      </p>
      <RecoveryKeyField
        value={recoveryKey}
        onChange={(value) => {
          setRecoveryKey(value);
          setLocalError(null);
        }}
        testId="restore-recovery-key"
        error={localError}
      />
      <div className="warning" role="note" data-testid="restore-warning">
        <strong>{t('backupRestore.warningTitle')}</strong>
        <ul>
          <li>{t('backupRestore.warningReplace')}</li>
          <li>{t('backupRestore.warningKept')}</li>
          <li>{t('backupRestore.warningSignIn')}</li>
        </ul>
      </div>
      <CheckField
        label={t('backupRestore.confirm')}
        checked={understood}
        error={understoodMissing ? t('backupRestore.confirmMissing') : null}
        onChange={(checked) => {
          setUnderstood(checked);
          setUnderstoodMissing(false);
        }}
        testId="restore-understood"
      />
      {error && (
        <div data-testid="restore-error">
          {error.code !== 'WRONG_RECOVERY_KEY' && <ErrorMessage error={error} />}
          <p className="muted" role="status">
            {t('backupRestore.nothingChanged')}
          </p>
        </div>
      )}
      <div className="row">
        <SubmitButton danger busy={busy} label={t('backupRestore.submit')} testId="restore-submit" />
        <ActionButton testId="restore-other" disabled={busy} onClick={onOther}>
          {t('backupRestore.chooseOther')}
        </ActionButton>
      </div>
    </form>
  );
}
