import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatSize } from '../cases/casework/format-size';

/** An encrypted copy of the whole store; restoring one is a command-line operation (app closed). */
export function BackupAdmin() {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ResponseOf<'admin.backup.create'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const reply = await call('admin.backup.create', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setResult(reply.value);
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
      <h3>{t('admin.backup.restoreTitle')}</h3>
      <p>{t('admin.backup.restoreExplain')}</p>
      <pre className="command" lang="en">
        {t('admin.backup.restoreCommand')}
      </pre>
    </div>
  );
}
