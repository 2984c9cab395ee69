import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary } from '../../../../shared/domain/attachments';
import { MAX_UPLOAD_BYTES } from '../../../../shared/domain/attachments';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDateTime } from '../../../app/format';
import type { UiKey } from '../../../app/i18n-key';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { AttachmentPicture } from './AttachmentPicture';
import { formatSize } from './format-size';
import './casework.css';

/** Pictures the page can show inline; main checks the bytes as well before sending them. */
const VIEWABLE = new Set(['image/jpeg', 'image/png']);

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

/**
 * Files kept with the case: add one, save a copy where the user chooses (the only way a file leaves the
 * encrypted store), and look at JPEG and PNG pictures in the page.
 */
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
  // Kept as keys, not text, so a message follows a change of the UI language.
  const [message, setMessage] = useState<{ key: UiKey; name?: string } | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string | null } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [focusView, setFocusView] = useState<string | null>(null);
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
      setMessage({ key: 'attachments.tooLarge' });
      input.value = '';
      return;
    }
    if (file.size === 0) {
      setMessage({ key: 'attachments.empty' });
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
      setMessage({ key: 'attachments.added', name: reply.value.fileName });
      await load();
      onChanged();
    } catch {
      setError({ code: 'IO_ERROR', messageKey: 'errors.ioError' });
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  // The button stays enabled (a disabled button would drop the keyboard focus); one save at a time.
  const saveCopy = async (a: AttachmentSummary) => {
    if (saving) return;
    setSaving(a.id);
    setSaved(null);
    setError(null);
    const reply = await call('casework.attachments.save', { attachmentId: a.id });
    setSaving(null);
    if (!reply.ok) return setError(reply.error);
    setSaved({ id: a.id, name: reply.value.fileName });
    if (reply.value.fileName !== null) onChanged();
  };

  const closePicture = (id: string) => {
    setViewing(null);
    setFocusView(id);
  };
  // Once the picture is gone, the keyboard goes back to the button that opened it.
  useEffect(() => {
    if (!focusView || viewing) return;
    document.querySelector<HTMLButtonElement>(`[data-view-id="${focusView}"]`)?.focus();
    setFocusView(null);
  }, [focusView, viewing]);

  return (
    <section className="panel" aria-labelledby="attachments-title" data-testid="attachments-panel">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      {items.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      <ul className="attachments">
        {items.map((a) => (
          <li key={a.id} data-testid="attachment" data-attachment-id={a.id}>
            <span className="file-name" id={`attachment-${a.id}-name`}>
              {a.fileName}
            </span>{' '}
            <span className="muted">
              {formatSize(a.size, uiLanguage)} ·{' '}
              {t('attachments.by', { user: a.createdBy, time: formatDateTime(a.createdAt, uiLanguage) })}
            </span>
            <span className="attachment-actions">
              {VIEWABLE.has(a.mediaType.toLowerCase()) && viewing !== a.id && (
                <button
                  type="button"
                  className="secondary small-button"
                  aria-describedby={`attachment-${a.id}-name`}
                  data-view-id={a.id}
                  onClick={() => setViewing(a.id)}
                  data-testid="attachment-view"
                >
                  {t('attachmentCopy.view')}
                </button>
              )}
              <button
                type="button"
                className="secondary small-button"
                aria-describedby={`attachment-${a.id}-name`}
                aria-busy={saving === a.id}
                onClick={() => void saveCopy(a)}
                data-testid="attachment-save"
              >
                {saving === a.id ? t('attachmentCopy.saving') : t('attachmentCopy.save')}
              </button>
            </span>
            {saved?.id === a.id && (
              <span className="notice attachment-saved" role="status" data-testid="attachment-saved">
                {saved.name === null
                  ? t('attachmentCopy.cancelled')
                  : t('attachmentCopy.saved', { name: saved.name })}
              </span>
            )}
            {viewing === a.id && (
              <AttachmentPicture
                attachmentId={a.id}
                fileName={a.fileName}
                onClose={() => closePicture(a.id)}
              />
            )}
          </li>
        ))}
      </ul>
      {items.length > 0 && <p className="muted small">{t('attachmentCopy.copyWarning')}</p>}
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
          {t(message.key, { size: maxSize, name: message.name })}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
