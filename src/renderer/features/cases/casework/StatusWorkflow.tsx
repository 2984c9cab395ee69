import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseDetail,
  type CaseStatus,
  STATUSES_NEEDING_REASON,
  statusChoices,
} from '../../../../shared/domain/cases';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ZawgyiCheck } from '../../../components/ZawgyiCheck';

/**
 * draft -> screened -> referred -> closed, or consent withdrawn from any open state. The store enforces
 * the transitions and the reason; the screen only offers what is allowed and asks for the reason.
 * Main also moves the status by itself (screened on a completed interview, referred on a signed referral).
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
  const reasonId = useId();
  // "Screened" is offered only after a completed interview (main refuses it otherwise, and sets it by itself).
  const next = statusChoices(
    detail.status,
    detail.interviews.some((i) => i.state === 'completed'),
  );
  const needsReason = target !== null && STATUSES_NEEDING_REASON.includes(target);
  const ready = target !== null && (!needsReason || reason.trim().length > 0);

  const apply = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    const reply = await call('cases.setStatus', {
      id: detail.id,
      status: target,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void apply();
          }}
        >
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
                    onChange={() => setTarget(s)}
                    data-testid={`status-option-${s}`}
                  />
                  {t(`status.${s}`)}
                </label>
              ))}
            </div>
            {needsReason && (
              <div className="field">
                <label htmlFor={reasonId}>{t('casework.status.reason')}</label>
                <textarea
                  id={reasonId}
                  rows={2}
                  required
                  aria-required="true"
                  aria-describedby={`${reasonId}-hint`}
                  value={reason}
                  maxLength={2000}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="status-reason"
                />
                <ZawgyiCheck text={reason} onConvert={setReason} />
                <small id={`${reasonId}-hint`} className="muted">
                  {t('casework.status.reasonHint')}
                </small>
              </div>
            )}
            <button type="submit" disabled={!ready || busy} data-testid="status-apply">
              {busy ? t('actions.working') : t('casework.status.apply')}
            </button>
          </fieldset>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
