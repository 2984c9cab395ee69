import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileList } from '../../components/FileList';

type Picked = NonNullable<ResponseOf<'handover.pick'>['picked']>;

/**
 * Cases → Receive a case (supervisors: the package opens with the store's agency key). Main picks
 * the file, checks it all (recipient, trusted sender, signature, not received before, the case like
 * any import) and creates the case; a refusal says why and changes nothing.
 */
export function ReceiveCaseScreen({
  onOpen,
  onBack,
}: {
  onOpen: (caseId: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [sources, setSources] = useState<ResponseOf<'handover.receiveSources'> | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [noPick, setNoPick] = useState(false);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<ResponseOf<'handover.receive'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);

  const load = useCallback(async () => {
    const reply = await call('handover.receiveSources', {});
    if (!reply.ok) return setError(reply.error);
    setSources(reply.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const pick = async (name: string | null) => {
    setError(null);
    setNoPick(false);
    setReceived(null);
    const reply = await call('handover.pick', { name });
    if (!reply.ok) return setError(reply.error);
    setPicked(reply.value.picked);
    setNoPick(reply.value.picked === null);
  };

  const receive = async () => {
    if (!picked) return;
    setError(null);
    setBusy(true);
    const reply = await call('handover.receive', { pickedId: picked.id });
    setBusy(false);
    setPicked(null);
    void load();
    if (!reply.ok) return setError(reply.error);
    setReceived(reply.value);
  };

  return (
    <section className="panel" aria-labelledby="receive-title" data-testid="receive-screen">
      <h1 id="receive-title">{t('handover.receive.title')}</h1>
      <p>{t('handover.receive.explain')}</p>
      {received ? (
        <div className="notice" role="status" data-testid="receive-done">
          <p>
            <strong>
              {t('handover.receive.done', {
                reference: received.reference,
                agency: received.agencyName,
                officer: received.officerName,
                date: formatDateTime(received.sentAt, uiLanguage),
              })}
            </strong>
          </p>
          <ul className="small">
            <li>{t('handover.receive.attachments', { count: received.attachments })}</li>
            <li>
              {t('handover.receive.appendix', { count: received.appendix.rows })} ·{' '}
              {t('handover.case.checked', {
                rows: received.appendix.rows,
                verified: received.appendix.rows - received.appendix.problems,
              })}
            </li>
            <li>
              {received.referral.valid && received.referral.trusted
                ? t('handover.receive.referralOk')
                : t('handover.receive.referralNotOk')}
            </li>
            <li className="fingerprint">{t('handover.case.hash', { hash: received.packageSha256 })}</li>
          </ul>
          <div className="row">
            <button type="button" onClick={() => onOpen(received.caseId)} data-testid="receive-open">
              {t('handover.receive.open')}
            </button>
            <ActionButton onClick={() => setReceived(null)}>{t('handover.receive.another')}</ActionButton>
          </div>
        </div>
      ) : picked ? (
        <div className="confirm" data-testid="receive-confirm">
          <p>{t('handover.receive.chosen', { file: picked.file.name })}</p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void receive()} data-testid="receive-submit">
              {busy ? t('actions.working') : t('handover.receive.submit')}
            </button>
            <ActionButton onClick={() => setPicked(null)}>{t('handover.keys.other')}</ActionButton>
          </div>
        </div>
      ) : sources?.mode === 'dialog' ? (
        <ActionButton testId="receive-choose" onClick={() => void pick(null)}>
          {t('handover.receive.choose')}
        </ActionButton>
      ) : sources ? (
        <FileList files={sources.files} onPick={(name) => void pick(name)} testId="receive-files" />
      ) : null}
      {noPick && (
        <p className="muted" role="status">
          {t('handover.keys.noneChosen')}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="row">
        <ActionButton testId="receive-back" onClick={onBack}>
          {t('handover.receive.back')}
        </ActionButton>
      </div>
    </section>
  );
}
