import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralContact } from '../../../shared/domain/settings';
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * The rights and safe-contact card: saved as a one-page PDF in the person's language and Thai (main opens
 * the save dialog), then marked as handed over. Both are recorded in the case's audit trail. Nothing on
 * the card identifies the person, so it can be given also after a safety stop.
 */
export function RightsCardPanel({
  caseId,
  interviewId,
  language,
  contactId,
  onHandedOver,
}: {
  caseId: string;
  interviewId?: string;
  /** Also told when the hand-over is recorded (the interview records it as its closing check too). */
  onHandedOver?: () => void;
  /** The person's language (the officer can change it). */
  language: string | null | undefined;
  /** The receiving agency already chosen, if any. */
  contactId?: string;
}) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Locale>(language && isLocale(language) ? language : 'my');
  const [agency, setAgency] = useState(contactId ?? '');
  const [directory, setDirectory] = useState<ReferralContact[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [saved, setSaved] = useState<{
    key: 'rightsCard.saved' | 'rightsCard.cancelled';
    file?: string;
  } | null>(null);
  const [handedOver, setHandedOver] = useState(false);

  useEffect(() => {
    void call('referral.directory', {}).then((reply) => {
      if (reply.ok) setDirectory(reply.value);
    });
  }, []);

  const request = () => ({
    caseId,
    language: lang,
    ...(interviewId ? { interviewId } : {}),
    ...(agency ? { contactId: agency } : {}),
  });

  const save = async () => {
    setBusy(true);
    setError(null);
    const reply = await call('rightsCard.save', request());
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    const file = reply.value.fileName;
    setSaved(file ? { key: 'rightsCard.saved', file } : { key: 'rightsCard.cancelled' });
  };

  const handOver = async () => {
    setBusy(true);
    setError(null);
    const reply = await call('rightsCard.handedOver', request());
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setHandedOver(true);
    onHandedOver?.();
  };

  return (
    <section className="panel rights-card" aria-labelledby="rights-card-title" data-testid="rights-card">
      <h2 id="rights-card-title">{t('rightsCard.title')}</h2>
      <p className="muted">{t('rightsCard.explain')}</p>
      <div className="row">
        <label className="field">
          {t('rightsCard.language')}
          <select
            value={lang}
            onChange={(e) => setLang(e.target.value as Locale)}
            data-testid="rights-card-language"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('rightsCard.agency')}
          <select value={agency} onChange={(e) => setAgency(e.target.value)} data-testid="rights-card-agency">
            <option value="">{t('rightsCard.noAgency')}</option>
            {directory.map((c) => (
              <option key={c.id} value={c.id}>
                {c.province ? `${c.name} · ${c.province}` : c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void save()} data-testid="rights-card-save">
          {t('rightsCard.save')}
        </button>
        <ActionButton
          testId="rights-card-handed-over"
          disabled={busy || handedOver}
          onClick={() => void handOver()}
        >
          {t('rightsCard.handedOver')}
        </ActionButton>
      </div>
      <ErrorMessage error={error} />
      {saved && (
        <p role="status" data-testid="rights-card-saved">
          {t(saved.key, { file: saved.file })}
        </p>
      )}
      {handedOver && (
        <p role="status" data-testid="rights-card-recorded">
          {t('rightsCard.recorded')}
        </p>
      )}
    </section>
  );
}
