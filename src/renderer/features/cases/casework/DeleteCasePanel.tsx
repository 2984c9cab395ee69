import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { ActionButton, CancelButton, SubmitButton } from '../../../components/Buttons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { type FormProblem, useFormProblems } from '../../../components/form-problems';
import { onSubmitting } from '../../../components/form-submit';
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
  const { text: problem, show, clear, edit, refused } = useFormProblems(form);

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
        <ActionButton testId="delete-open" onClick={() => setOpen(true)}>
          {t('deletion.start')}
        </ActionButton>
      ) : (
        <form ref={form} noValidate onSubmit={onSubmitting(remove, busy)} data-testid="delete-form">
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
            onChange={edit(setUnderstood, 'understood')}
            testId="delete-understood"
          />
          <div className="row">
            <SubmitButton danger busy={busy} label={t('deletion.submit')} testId="delete-confirm" />
            <CancelButton onCancel={() => setOpen(false)} />
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
