import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/domain/referrals';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import type { UiKey } from '../../app/i18n-key';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReceivingAgencyPicker, type ReceivingChoice } from './ReceivingAgencyPicker';
import {
  EMPTY_REFERRAL_DETAILS,
  ReferralDetails,
  type ReferralDetailsValue,
  referralFactsOf,
} from './ReferralDetails';
import { VerifyPdf } from './VerifyPdf';

/**
 * Sign and save the referral (main opens the save dialog and writes the file), and list those made.
 * caseProvince: the case's province, to offer its agencies first; read here when not given.
 */
export function ReferralPanel({
  caseId,
  caseProvince,
  onChanged,
}: {
  caseId: string;
  caseProvince?: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [choice, setChoice] = useState<ReceivingChoice>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  // Kept as a key, so the message follows a change of UI language.
  const [message, setMessage] = useState<{ key: UiKey; file?: string } | null>(null);
  const [made, setMade] = useState<Referral[]>([]);
  const [details, setDetails] = useState<ReferralDetailsValue>(EMPTY_REFERRAL_DETAILS);
  const [ready, setReady] = useState(false);

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
    if (choice.kind === 'none') return setBusy(false);
    // A directory entry goes by id: main prints the contact details it has stored, not the screen's.
    const facts = referralFactsOf(details);
    const reply = await call(
      'referral.export',
      choice.kind === 'contact'
        ? { caseId, receivingAgency: choice.contact.name, contactId: choice.contact.id, ...facts }
        : { caseId, receivingAgency: choice.name, ...facts },
    );
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setMessage(
      reply.value.referral
        ? { key: 'referral.exported', file: reply.value.referral.fileName }
        : { key: 'referral.cancelled' },
    );
    await load();
    onChanged();
  };

  return (
    <div className="panel" data-testid="referral-panel">
      <h2>{t('referral.title')}</h2>
      <ReceivingAgencyPicker caseId={caseId} caseProvince={caseProvince} onChange={setChoice} />
      <ReferralDetails value={details} onChange={setDetails} onReadiness={setReady} />
      <button
        type="button"
        disabled={busy || choice.kind === 'none' || !ready}
        onClick={() => void exportNow()}
        data-testid="export-referral"
      >
        {busy ? t('actions.working') : t('referral.export')}
      </button>
      <ErrorMessage error={error} />
      {message && (
        <p className="notice" role="status" data-testid="referral-message">
          {t(message.key, { file: message.file })}
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
