import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FileList } from '../../components/FileList';

type OfCase = ResponseOf<'handover.ofCase'>;
type Target = ResponseOf<'handover.targets'>[number];

/**
 * Handing the case over to another FieldScreen store (issue 18): where a received case came from,
 * with the sender's history; the packages sent from here with their receipts; and, for whoever may
 * send, the agencies with an imported key this case may go to (the consent names them, and their
 * referral is signed). Main checks everything again when the package is made.
 */
export function HandoverPanel({
  caseId,
  version,
  canSend,
  onChanged,
}: {
  caseId: string;
  version: number;
  canSend: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [state, setState] = useState<OfCase | null>(null);
  const [targets, setTargets] = useState<Target[]>([]);
  const [agencyId, setAgencyId] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<ResponseOf<'handover.send'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [receiptNote, setReceiptNote] = useState<string | null>(null);
  const [receiptError, setReceiptError] = useState<ReplyError | null>(null);
  const [receiptFiles, setReceiptFiles] = useState<ResponseOf<'handover.receiptSources'> | null>(null);

  const load = useCallback(async () => {
    const reply = await call('handover.ofCase', { caseId });
    if (reply.ok) setState(reply.value);
    if (canSend) {
      const found = await call('handover.targets', { caseId });
      if (found.ok) setTargets(found.value);
    }
  }, [caseId, canSend]);
  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  const send = async () => {
    setError(null);
    setSent(null);
    setBusy(true);
    const reply = await call('handover.send', { caseId, agencyId });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setSent(reply.value);
    if (reply.value.fileName) onChanged();
  };

  const issueReceipt = async () => {
    setReceiptError(null);
    setReceiptNote(null);
    const reply = await call('handover.receipt', { caseId });
    if (!reply.ok) return setReceiptError(reply.error);
    setReceiptNote(
      reply.value.fileName
        ? t('handover.case.receiptSaved', { file: reply.value.fileName })
        : t('handover.case.receiptCancelled'),
    );
    onChanged();
  };

  const showReceipts = async () => {
    setReceiptError(null);
    const reply = await call('handover.receiptSources', {});
    if (!reply.ok) return setReceiptError(reply.error);
    setReceiptFiles(reply.value);
    if (reply.value.mode === 'dialog') await importReceipt(null);
  };

  const importReceipt = async (name: string | null) => {
    setReceiptError(null);
    setReceiptNote(null);
    const reply = await call('handover.receiptImport', { name });
    if (!reply.ok) return setReceiptError(reply.error);
    const got = reply.value.imported;
    if (!got) return;
    setReceiptFiles(null);
    setReceiptNote(
      got.alreadyRecorded
        ? t('handover.case.receiptAgain')
        : t('handover.case.receiptImported', { agency: got.agencyName, date: when(got.receivedAt) }),
    );
    onChanged();
  };

  const received = state?.records.find((r) => r.direction === 'received') ?? null;
  const outgoing = state?.records.filter((r) => r.direction === 'sent') ?? [];
  const when = (iso: string) => formatDateTime(iso, uiLanguage);
  if (!received && outgoing.length === 0 && targets.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="handover-title" data-testid="handover-panel">
      <h2 id="handover-title">{t('handover.case.title')}</h2>
      {received && (
        <div className="notice" data-testid="handover-received">
          <p>
            <strong>
              {t('handover.case.receivedFrom', {
                agency: received.agencyName,
                officer: received.officerName,
                date: when(received.sentAt),
              })}
            </strong>
          </p>
          <p className="small">
            {t('handover.case.receivedAt', { date: when(received.recordedAt) })}{' '}
            <span className="fingerprint">{t('handover.case.hash', { hash: received.packageSha256 })}</span>
          </p>
        </div>
      )}
      {received && canSend && (
        <div className="row">
          <ActionButton testId="handover-issue-receipt" onClick={() => void issueReceipt()}>
            {t('handover.case.issueReceipt')}
          </ActionButton>
        </div>
      )}
      {received && state?.appendix && (
        <details data-testid="handover-appendix">
          <summary>
            {t('handover.case.appendix', { count: state.appendix.summary.rows })} ·{' '}
            {t('handover.case.checked', {
              rows: state.appendix.summary.rows,
              verified: state.appendix.summary.rows - state.appendix.summary.problems,
            })}
          </summary>
          <p className="muted small">{t('handover.case.appendixHint')}</p>
          <ol className="appendix">
            {state.appendix.entries.map((e) => (
              <li key={e.seq} data-verified={e.verified}>
                {when(e.at)} · {e.actor ?? '—'} · <code>{e.action}</code>{' '}
                {e.verified ? (
                  <span className="muted small">
                    {e.signed ? t('handover.case.rowSigned') : t('handover.case.rowChained')}
                  </span>
                ) : (
                  <strong className="error">{t('handover.case.rowProblem')}</strong>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
      {outgoing.length > 0 && (
        <ul className="handover-sent" data-testid="handover-sent">
          {outgoing.map((r) => (
            <li key={r.packageId}>
              {t('handover.case.sentTo', {
                agency: r.agencyName,
                date: when(r.sentAt),
                officer: r.officerName,
              })}{' '}
              <span className="fingerprint small">{t('handover.case.hash', { hash: r.packageSha256 })}</span>
              <br />
              {r.receipt ? (
                <strong data-testid="handover-receipt">
                  {t('handover.case.receivedBy', {
                    agency: r.agencyName,
                    date: when(r.receipt.at),
                    by: r.receipt.by,
                  })}
                </strong>
              ) : (
                <span className="muted">{t('handover.case.noReceipt')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canSend && outgoing.some((r) => !r.receipt) && (
        <div className="handover-receipt-import">
          <ActionButton testId="handover-import-receipt" onClick={() => void showReceipts()}>
            {t('handover.case.importReceipt')}
          </ActionButton>
          {receiptFiles?.mode === 'list' && (
            <FileList
              files={receiptFiles.files}
              onPick={(name) => void importReceipt(name)}
              testId="handover-receipt-files"
            />
          )}
        </div>
      )}
      {receiptNote && (
        <p className="notice" role="status" data-testid="handover-receipt-note">
          {receiptNote}
        </p>
      )}
      <ErrorMessage error={receiptError} />
      {canSend && targets.length > 0 && (
        <div className="handover-send">
          <p className="muted small">{t('handover.case.sendHint')}</p>
          <Field label={t('handover.case.to')}>
            {(id) => (
              <select
                id={id}
                value={agencyId}
                onChange={(e) => setAgencyId(e.target.value)}
                data-testid="handover-target"
              >
                <option value="">{t('handover.case.choose')}</option>
                {targets.map((target) => (
                  <option
                    key={target.agencyId}
                    value={target.agencyId}
                    disabled={!target.consented || !target.referralSigned}
                  >
                    {target.name} ({target.shortFingerprint})
                    {!target.consented
                      ? ` — ${t('handover.case.notConsented')}`
                      : !target.referralSigned
                        ? ` — ${t('handover.case.noReferral')}`
                        : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            disabled={!agencyId || busy}
            onClick={() => void send()}
            data-testid="handover-send"
          >
            {busy ? t('actions.working') : t('handover.case.send')}
          </button>
          {sent && (
            <p className="notice" role="status" data-testid="handover-sent-notice">
              {sent.fileName && sent.packageSha256
                ? t('handover.case.sent', {
                    file: sent.fileName,
                    agency: sent.agencyName,
                    hash: sent.packageSha256,
                  })
                : t('handover.case.cancelled')}
            </p>
          )}
          <ErrorMessage error={error} />
        </div>
      )}
    </section>
  );
}
