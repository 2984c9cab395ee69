import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/domain/referrals';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { VerifyPdf } from './VerifyPdf';

/** Sign and save the referral (main opens the save dialog and writes the file), and list those made. */
export function ReferralPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [agency, setAgency] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [made, setMade] = useState<Referral[]>([]);

  const load = useCallback(async () => {
    const reply = await call('referral.list', { caseId });
    if (reply.ok) setMade(reply.value);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    const reply = await call('referral.export', { caseId, receivingAgency: agency });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setMessage(
      reply.value.referral
        ? t('referral.exported', { file: reply.value.referral.fileName })
        : t('referral.cancelled'),
    );
    await load();
    onChanged();
  };

  return (
    <div className="panel" data-testid="referral-panel">
      <h2>{t('referral.title')}</h2>
      <Field label={t('referral.receivingAgency')} hint={t('referral.receivingHint')}>
        {(id, hint) => (
          <input
            id={id}
            aria-describedby={hint}
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
            data-testid="receiving-agency"
          />
        )}
      </Field>
      <button
        type="button"
        disabled={busy || !agency.trim()}
        onClick={() => void exportNow()}
        data-testid="export-referral"
      >
        {busy ? t('actions.working') : t('referral.export')}
      </button>
      <ErrorMessage error={error} />
      {message && (
        <p className="notice" role="status" data-testid="referral-message">
          {message}
        </p>
      )}
      <h3>{t('referral.made')}</h3>
      {made.length === 0 && <p className="muted">{t('referral.none')}</p>}
      <ul className="referrals">
        {made.map((r) => (
          <li key={r.id} data-testid="referral-item">
            <strong>{r.receivingAgency}</strong> · {formatDateTime(r.signedAt, uiLanguage)} · {r.signerName}
            <br />
            <span className="muted">
              {t('referral.fingerprint')}: <code>{r.fileSha256}</code>
            </span>
          </li>
        ))}
      </ul>
      <VerifyPdf />
    </div>
  );
}
