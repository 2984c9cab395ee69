import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/domain/notes';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDateTime } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ZawgyiCheck } from '../../../components/ZawgyiCheck';

/** Notes on the case, oldest first; they can be added at any status, also after closing. */
export function NotesPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [notes, setNotes] = useState<Note[]>([]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const bodyId = useId();

  const load = useCallback(async () => {
    const reply = await call('casework.notes.list', { caseId });
    if (!reply.ok) return setError(reply.error);
    setNotes(reply.value);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async () => {
    setBusy(true);
    setError(null);
    const reply = await call('casework.notes.add', { caseId, body });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setBody('');
    await load();
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="notes-title" data-testid="notes-panel">
      <h2 id="notes-title">{t('notes.title')}</h2>
      {notes.length === 0 && <p className="muted">{t('notes.none')}</p>}
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id} data-testid="note">
            <p className="note-body">{n.body}</p>
            <small className="muted">
              {n.importedFrom === null
                ? t('notes.by', { author: n.authorId, time: formatDateTime(n.createdAt, uiLanguage) })
                : t('notes.byImported', {
                    author: n.authorId,
                    exporter: n.importedFrom,
                    time: formatDateTime(n.createdAt, uiLanguage),
                  })}
            </small>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) void add();
        }}
      >
        <div className="field">
          <label htmlFor={bodyId}>{t('notes.body')}</label>
          <textarea
            id={bodyId}
            rows={3}
            maxLength={20_000}
            value={body}
            aria-describedby={`${bodyId}-hint`}
            onChange={(e) => setBody(e.target.value)}
            data-testid="note-body"
          />
          <ZawgyiCheck text={body} onConvert={setBody} />
          <small id={`${bodyId}-hint`} className="muted">
            {t('notes.hint')}
          </small>
        </div>
        <button type="submit" disabled={busy || !body.trim()} data-testid="note-add">
          {busy ? t('actions.working') : t('notes.add')}
        </button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
