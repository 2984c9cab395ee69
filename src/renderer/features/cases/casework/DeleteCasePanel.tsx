import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ZawgyiCheck } from '../../../components/ZawgyiCheck';

/** Supervisors only (main refuses anyone else): delete the case for good, with a reason. */
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
  const reasonId = useId();
  const checkId = useId();

  const remove = async () => {
    setBusy(true);
    setError(null);
    const reply = await call('casework.deleteCase', { caseId, reason: reason.trim() });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
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
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() && understood) void remove();
          }}
        >
          <p className="muted small">{t('deletion.limitation')}</p>
          <div className="field">
            <label htmlFor={reasonId}>{t('deletion.reason')}</label>
            <textarea
              id={reasonId}
              rows={2}
              required
              aria-required="true"
              maxLength={2000}
              aria-describedby={`${reasonId}-hint`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="delete-reason"
            />
            <ZawgyiCheck text={reason} onConvert={setReason} />
            <small id={`${reasonId}-hint`} className="muted">
              {t('deletion.reasonHint')}
            </small>
          </div>
          <div className="check">
            <input
              id={checkId}
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              data-testid="delete-understood"
            />
            <label htmlFor={checkId}>{t('deletion.understood')}</label>
          </div>
          <div className="row">
            <button
              type="submit"
              className="danger"
              disabled={busy || !reason.trim() || !understood}
              data-testid="delete-confirm"
            >
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
