import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary } from '../../../../shared/domain/attachments';
import { MAX_UPLOAD_BYTES } from '../../../../shared/ipc/channels/casework';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDateTime } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatSize } from './format-size';

/** Reads a picked file as base64 (the renderer never writes files; main stores the bytes encrypted). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Files kept with the case: names and sizes only here (opening them is not part of this screen). */
export function AttachmentsPanel({
  caseId,
  closed,
  onChanged,
}: {
  caseId: string;
  closed: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [items, setItems] = useState<AttachmentSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const maxSize = formatSize(MAX_UPLOAD_BYTES, uiLanguage);

  const load = useCallback(async () => {
    const reply = await call('casework.attachments.list', { caseId });
    if (!reply.ok) return setError(reply.error);
    setItems(reply.value);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setMessage(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setMessage(t('attachments.tooLarge', { size: maxSize }));
      input.value = '';
      return;
    }
    if (file.size === 0) {
      setMessage(t('attachments.empty'));
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const mediaType = (file.type || 'application/octet-stream').split(';')[0]?.trim() ?? '';
      const reply = await call('casework.attachments.add', {
        caseId,
        fileName: file.name,
        mediaType: mediaType || 'application/octet-stream',
        contentBase64,
      });
      if (!reply.ok) return setError(reply.error);
      setMessage(t('attachments.added', { name: reply.value.fileName }));
      await load();
      onChanged();
    } catch {
      setError({ code: 'IO_ERROR', messageKey: 'errors.ioError' });
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <section className="panel" aria-labelledby="attachments-title" data-testid="attachments-panel">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      {items.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      <ul className="attachments">
        {items.map((a) => (
          <li key={a.id} data-testid="attachment">
            <span className="file-name">{a.fileName}</span>{' '}
            <span className="muted">
              {formatSize(a.size, uiLanguage)} ·{' '}
              {t('attachments.by', { user: a.createdBy, time: formatDateTime(a.createdAt, uiLanguage) })}
            </span>
          </li>
        ))}
      </ul>
      {closed ? (
        <p className="muted">{t('attachments.closed')}</p>
      ) : (
        <div className="field">
          <label htmlFor={inputId}>{t('attachments.pick')}</label>
          <input
            id={inputId}
            type="file"
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void upload(e.currentTarget)}
            data-testid="attachment-file"
          />
          <small id={`${inputId}-hint`} className="muted">
            {t('attachments.hint', { size: maxSize })}
          </small>
        </div>
      )}
      {busy && <p role="status">{t('attachments.saving')}</p>}
      {message && !closed && (
        <p className="notice" role="status" data-testid="attachment-message">
          {message}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
