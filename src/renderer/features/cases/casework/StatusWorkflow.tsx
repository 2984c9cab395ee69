import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseDetail,
  type CaseStatus,
  STATUSES_NEEDING_REASON,
  statusChoices,
} from '../../../../shared/domain/cases';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { SubmitButton } from '../../../components/Buttons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { type FormProblem, hasProblems, useFormProblems } from '../../../components/form-problems';
import { onSubmitting } from '../../../components/form-submit';
import { ReasonField } from '../../../components/ReasonField';

/** The form's fields by their name in the request (what main's reply names). */
const STATUS_FIELDS = ['status', 'reason'];

/**
 * draft -> screened -> referred -> closed, or consent withdrawn from any open state. The store enforces
 * the transitions and the reason; the screen only offers what is allowed and asks for the reason.
 * Main also moves the status by itself (screened on a completed interview, referred on a signed referral).
 * A status not chosen or a reason missing is said under its field with the focus on it, before
 * anything is sent, and so is what main's reply names.
 */
export function StatusWorkflow({
  detail,
  onChanged,
}: {
  detail: CaseDetail;
  onChanged: (next: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clear, clearAll, refused } = useFormProblems(form);
  const statusErrorId = useId();
  // "Screened" is offered only after a completed interview (main refuses it otherwise, and sets it by itself).
  const next = statusChoices(
    detail.status,
    detail.interviews.some((i) => i.state === 'completed'),
  );
  const needsReason = target !== null && STATUSES_NEEDING_REASON.includes(target);

  const apply = async () => {
    setError(null);
    const found: Record<string, FormProblem> = {};
    if (!target) found.status = { messageKey: 'errors.field.choice' };
    else if (needsReason && !reason.trim()) found.reason = { messageKey: 'errors.field.required' };
    show(found);
    if (!target || hasProblems(found)) return;
    setBusy(true);
    const reply = await call('cases.setStatus', {
      id: detail.id,
      status: target,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!reply.ok) {
      return setError(refused(reply.error, (key) => STATUS_FIELDS.includes(key)));
    }
    setTarget(null);
    setReason('');
    onChanged(reply.value);
  };

  return (
    <section className="panel" aria-labelledby="status-title" data-testid="status-panel">
      <h2 id="status-title">{t('casework.status.title')}</h2>
      <p>
        {t('casework.status.now')} <strong data-testid="status-now">{t(`status.${detail.status}`)}</strong>
      </p>
      {detail.statusReason && (
        <p data-testid="status-reason-shown">
          {t('casework.status.reasonShown', { reason: detail.statusReason })}
        </p>
      )}
      {next.length === 0 ? (
        <p className="muted">{t('casework.status.final')}</p>
      ) : (
        <form ref={form} noValidate onSubmit={onSubmitting(apply, busy)}>
          <fieldset>
            <legend>{t('casework.status.changeTo')}</legend>
            <div className="choices-row">
              {next.map((s) => (
                <label key={s} className="check">
                  <input
                    type="radio"
                    name={`status-${detail.id}`}
                    value={s}
                    checked={target === s}
                    aria-invalid={problem('status') ? true : undefined}
                    aria-describedby={problem('status') ? statusErrorId : undefined}
                    onChange={() => {
                      setTarget(s);
                      clearAll();
                    }}
                    data-testid={`status-option-${s}`}
                  />
                  {t(`status.${s}`)}
                </label>
              ))}
            </div>
            {problem('status') && (
              <small id={statusErrorId} className="field-error" data-testid="field-error">
                {problem('status')}
              </small>
            )}
            {needsReason && (
              <ReasonField
                label={t('casework.status.reason')}
                hint={t('casework.status.reasonHint')}
                error={problem('reason')}
                value={reason}
                onChange={setReason}
                onEdit={() => clear('reason')}
                testId="status-reason"
              />
            )}
            <SubmitButton busy={busy} label={t('casework.status.apply')} testId="status-apply" />
          </fieldset>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
