import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FingerprintText } from './FingerprintText';
import { CheckField } from './TextField';

/**
 * A recovery key shown once (first run, or a store upgraded to a recovery key of its own): the person
 * confirms it is stored safely before going on (going on without it says so under the box). `intro`
 * says why it is shown now.
 */
export function RecoveryKeyCard({
  recoveryKey,
  storeFingerprint = null,
  intro,
  onContinue,
}: {
  recoveryKey: string;
  /** The store identity's fingerprint, written down beside the key (receivers compare it). */
  storeFingerprint?: string | null;
  intro?: string;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [missing, setMissing] = useState(false);
  return (
    <section className="panel narrow" aria-labelledby="rk-title">
      <h1 id="rk-title">{t('setup.recoveryTitle')}</h1>
      {intro && <p data-testid="recovery-intro">{intro}</p>}
      <p>{t('setup.recoveryExplain')}</p>
      <p className="recovery-key" data-testid="recovery-key" lang="en">
        {recoveryKey}
      </p>
      {storeFingerprint && (
        <>
          <p>{t('setup.storeFingerprintExplain')}</p>
          <p className="fingerprint" data-testid="store-fingerprint" lang="en">
            <FingerprintText value={storeFingerprint} />
          </p>
        </>
      )}
      <p className="warning">{t('setup.recoveryWarning')}</p>
      <CheckField
        label={t('setup.recoveryStored')}
        checked={stored}
        error={missing ? t('setup.recoveryStoredMissing') : null}
        onChange={(checked) => {
          setStored(checked);
          setMissing(false);
        }}
        testId="recovery-stored"
      />
      <button
        type="button"
        onClick={() => {
          if (stored) return onContinue();
          // Not ticked: said under the box, with the focus on it.
          setMissing(true);
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>('[data-testid="recovery-stored"]')?.focus(),
          );
        }}
        data-testid="recovery-continue"
      >
        {t('actions.continue')}
      </button>
    </section>
  );
}
