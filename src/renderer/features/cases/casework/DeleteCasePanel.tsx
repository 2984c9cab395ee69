import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { type FormProblem, useFormProblems } from '../../../components/form-problems';
import { ReasonField } from '../../../components/ReasonField';
import { CheckField } from '../../../components/TextField';

/**
 * Supervisors only (main refuses anyone else): delete the case for good, with a reason. A reason
 * missing or the confirmation not ticked is said under its field with the focus on it, before
 * anything is sent, and so is what main's reply names.
 */
export function DeleteCasePanel({
  caseId,
  reference,
  onDeleted,
}: {
  caseId: string;
  reference: string;
  onDeleted: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear, refused } = useFormProblems(form);

  const remove = async () => {
    setError(null);
    const found: Record<string, FormProblem> = {};
    if (!reason.trim()) found.reason = { messageKey: 'errors.field.required' };
    if (!understood) found.understood = { messageKey: 'deletion.understoodMissing' };
    if (!show(found)) return;
    setBusy(true);
    const reply = await call('casework.deleteCase', { caseId, reason: reason.trim() });
    setBusy(false);
    if (!reply.ok) {
      return setError(refused(reply.error, (key) => key === 'reason'));
    }
    onDeleted(reply.value.reference);
  };

  return (
    <section className="panel danger-zone" aria-labelledby="delete-title" data-testid="delete-panel">
      <h2 id="delete-title">{t('deletion.title')}</h2>
      <p>{t('deletion.explain', { reference })}</p>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="delete-open">
          {t('deletion.start')}
        </button>
      ) : (
        <form
          ref={form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void remove();
          }}
          data-testid="delete-form"
        >
          <p className="muted small">{t('deletion.limitation')}</p>
          <ReasonField
            label={t('deletion.reason')}
            hint={t('deletion.reasonHint')}
            error={problem('reason')}
            value={reason}
            onChange={setReason}
            onEdit={() => clear('reason')}
            testId="delete-reason"
          />
          <CheckField
            label={t('deletion.understood')}
            checked={understood}
            error={problem('understood')}
            onChange={(next) => {
              setUnderstood(next);
              clear('understood');
            }}
            testId="delete-understood"
          />
          <div className="row">
            <button type="submit" className="danger" disabled={busy} data-testid="delete-confirm">
              {busy ? t('actions.working') : t('deletion.submit')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
