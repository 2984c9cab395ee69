import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bangkokTime, officialDate } from '../../../shared/domain/official-time';
import { MAX_VERIFY_PDF_BYTES } from '../../../shared/domain/referrals';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatSize } from '../cases/casework/format-size';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type VerifyResult = ResponseOf<'referral.verify'>;

/**
 * What the check found, in the order the CLI prints it: trusted and whole (a notice), intact but from
 * a signer this laptop does not trust (a warning: maybe forged), or not intact (a warning with why).
 */
function Verdict({ result, when }: { result: VerifyResult; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('referral.facts.yes') : t('referral.facts.no'));
  const accepted = result.valid && result.trusted && result.signatures === 1 && result.coversWholeDocument;
  const untrusted = result.valid && !result.trusted && result.signatures === 1 && result.coversWholeDocument;
  const facts: [string, string, string][] = [
    ['valid', t('referral.facts.valid'), yesNo(result.valid)],
    ['trusted', t('referral.facts.trusted'), yesNo(result.trusted)],
    ['signer', t('referral.facts.signer'), result.signerName ?? '—'],
    ['organization', t('referral.facts.organization'), result.signerOrganization ?? '—'],
    ['signing-time', t('referral.facts.signingTime'), result.signingTime ? when(result.signingTime) : '—'],
    ['fingerprint', t('referral.facts.fingerprint'), result.signerFingerprint ?? '—'],
    ['store', t('referral.facts.store'), result.storeFingerprint ?? t('referral.facts.noStore')],
    ['signatures', t('referral.facts.signatures'), String(result.signatures)],
    ['covers-whole-document', t('referral.facts.coversWholeDocument'), yesNo(result.coversWholeDocument)],
    ['reason', t('referral.facts.reason'), t(`referral.reasons.${result.reason}`)],
  ];
  // Fingerprints in a fixed-width face, to compare pair by pair (not the "no store" words).
  const monospace = new Set([
    ...(result.signerFingerprint ? ['fingerprint'] : []),
    ...(result.storeFingerprint ? ['store'] : []),
  ]);
  return (
    <div
      className={accepted ? 'notice' : 'warning'}
      role={accepted ? 'status' : 'alert'}
      data-testid="verify-result"
      data-valid={result.valid}
      data-trusted={result.trusted}
      data-accepted={accepted}
      data-reason={result.reason}
      data-signatures={result.signatures}
    >
      <p>
        <strong data-testid="verify-headline">
          {accepted
            ? t('referral.verdict.accepted')
            : untrusted
              ? t('referral.verdict.untrusted')
              : t('referral.verdict.refused', { reason: t(`referral.reasons.${result.reason}`) })}
        </strong>
      </p>
      <dl className="verify-facts">
        {facts.map(([key, label, value]) => (
          <div key={key} data-testid={`verify-fact-${key}`}>
            <dt className="verify-fact-label">{label}</dt>
            <dd className={`verify-fact-value${monospace.has(key) ? ' fingerprint' : ''}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {result.matchesReferral
          ? t('referral.matches', { reference: result.matchesReferral.reference })
          : t('referral.noMatch')}
      </p>
    </div>
  );
}

/** Open a PDF the user picks and check its signature, and whether it matches a referral made here. */
export function VerifyPdf() {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const id = useId();
  // Thai in the Buddhist Era; always Thailand's time with its zone, whatever the laptop's clock zone.
  const when = (iso: string) =>
    t('referral.verifyTime', { date: officialDate(iso, uiLanguage), time: bangkokTime(iso, uiLanguage) });
  const [result, setResult] = useState<ResponseOf<'referral.verify'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  const onFile = async (file: File | undefined) => {
    setResult(null);
    setError(null);
    setTooLarge(false);
    if (!file) return;
    // The same limit main applies, checked before the file is read into memory.
    if (file.size > MAX_VERIFY_PDF_BYTES) return setTooLarge(true);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reply = await call('referral.verify', { pdfBase64: toBase64(bytes) });
    if (!reply.ok) return setError(reply.error);
    setResult(reply.value);
  };

  return (
    <div className="verify" data-testid="verify-pdf">
      <h3>{t('referral.verifyTitle')}</h3>
      <label htmlFor={id}>{t('referral.verifyPick')}</label>{' '}
      <input
        id={id}
        type="file"
        accept="application/pdf"
        onChange={(e) => void onFile(e.target.files?.[0])}
        data-testid="verify-file"
      />
      <ErrorMessage error={error} />
      {tooLarge && (
        <p className="error" role="alert" data-testid="verify-too-large">
          {t('referral.verifyTooLarge', { size: formatSize(MAX_VERIFY_PDF_BYTES, uiLanguage) })}
        </p>
      )}
      {result && <Verdict result={result} when={when} />}
    </div>
  );
}
