import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Note, noteCreateInput } from '../../../../shared/domain/notes';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDateTime } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { SubmitButton } from '../../../components/Buttons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { problemsFromSchema, useFormProblems } from '../../../components/form-problems';
import { onSubmitting } from '../../../components/form-submit';
import { TextAreaField } from '../../../components/TextAreaField';

/**
 * Notes on the case, oldest first; they can be added at any status, also after closing. An empty or
 * too long note is said under the field (before sending, with the schema main parses it with, and
 * from main's reply); what was typed stays until the note is saved.
 */
export function NotesPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [notes, setNotes] = useState<Note[]>([]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clearAll, refused } = useFormProblems(form);

  const load = useCallback(async () => {
    const reply = await call('casework.notes.list', { caseId });
    if (!reply.ok) return setError(reply.error);
    setNotes(reply.value);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async () => {
    setError(null);
    const found = problemsFromSchema(noteCreateInput, { caseId, body });
    if (!show(found)) return;
    setBusy(true);
    const reply = await call('casework.notes.add', { caseId, body });
    setBusy(false);
    if (!reply.ok) {
      return setError(refused(reply.error, (key) => key === 'body'));
    }
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
      <form ref={form} noValidate onSubmit={onSubmitting(add, busy)} data-testid="note-form">
        <TextAreaField
          label={t('notes.body')}
          hint={t('notes.hint')}
          error={problem('body')}
          rows={3}
          maxLength={20_000}
          value={body}
          onChange={(next) => {
            setBody(next);
            clearAll();
          }}
          testId="note-body"
        />
        <SubmitButton busy={busy} label={t('notes.add')} testId="note-add" />
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
