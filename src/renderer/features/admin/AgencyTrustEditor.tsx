import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseFingerprint } from '../../../shared/domain/fingerprint';
import { MAX_TRUSTED_PER_AGENCY, type ReferralContact } from '../../../shared/domain/settings';
import { ActionButton } from '../../components/Buttons';
import { Field, tiedTo } from '../../components/Field';
import { TextField } from '../../components/TextField';

/** A certificate file is a few kilobytes; anything larger is not one. */
const MAX_CERTIFICATE_FILE_BYTES = 256 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The PEM certificates of a file (PEM blocks, or one DER certificate); main checks each one on save. */
function pemCertificates(bytes: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('-----BEGIN')) {
    return [...text.matchAll(PEM_BLOCK)].map((m) => {
      const body = m[0].replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
      return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
    });
  }
  // DER: a SEQUENCE with a long-form length.
  if (bytes[0] !== 0x30 || bytes.length < 64) return [];
  return [
    `-----BEGIN CERTIFICATE-----\n${
      base64(bytes)
        .match(/.{1,64}/g)
        ?.join('\n') ?? ''
    }\n-----END CERTIFICATE-----`,
  ];
}

function derOf(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}

/** The certificate fingerprint as verify-pdf prints it: SHA-256 of the DER, upper-case pairs and ':'. */
function useFingerprint(pem: string): string {
  const [fingerprint, setFingerprint] = useState('…');
  useEffect(() => {
    let live = true;
    try {
      void crypto.subtle
        .digest('SHA-256', derOf(pem))
        .then((digest) => {
          const hex = Array.from(new Uint8Array(digest), (b) =>
            b.toString(16).padStart(2, '0').toUpperCase(),
          );
          if (live) setFingerprint(hex.join(':'));
        })
        .catch(() => live && setFingerprint('—'));
    } catch {
      setFingerprint('—');
    }
    return () => {
      live = false;
    };
  }, [pem]);
  return fingerprint;
}

function CertificateItem({ pem, index, onRemove }: { pem: string; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const fingerprint = useFingerprint(pem);
  return (
    <li data-testid={`trust-certificate-${index}`} data-fingerprint={fingerprint}>
      <span className="fingerprint">{t('admin.settings.trust.certificateLabel', { fingerprint })}</span>{' '}
      <button
        type="button"
        className="secondary"
        aria-label={t('admin.settings.trust.removeNamed', { fingerprint })}
        onClick={onRemove}
      >
        {t('admin.settings.trust.remove')}
      </button>
    </li>
  );
}

/**
 * Whom a receiving agency is trusted by: the certificates (an officer's, or the agency CA that issues
 * them) and FieldScreen store fingerprints a supervisor got from the agency. Saved with the settings;
 * main checks every certificate and fingerprint again.
 */
export function AgencyTrustEditor({
  entry,
  index,
  onChange,
  certificatesError,
  storesError,
}: {
  entry: ReferralContact;
  index: number;
  /** What main found wrong with the saved lists, said under their inputs. */
  certificatesError?: string | null;
  storesError?: string | null;
  onChange: (
    patch: Pick<ReferralContact, 'trustedCertificates'> | Pick<ReferralContact, 'trustedStores'>,
  ) => void;
}) {
  const { t } = useTranslation();
  const [store, setStore] = useState('');
  const [problem, setProblem] = useState<'certificate' | 'store' | null>(null);

  const addFile = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const pems =
      file.size > MAX_CERTIFICATE_FILE_BYTES ? [] : pemCertificates(new Uint8Array(await file.arrayBuffer()));
    if (pems.length === 0) return setProblem('certificate');
    const next = [...new Set([...entry.trustedCertificates, ...pems])].slice(0, MAX_TRUSTED_PER_AGENCY);
    onChange({ trustedCertificates: next });
  };

  const addStore = () => {
    const normal = normaliseFingerprint(store);
    if (!normal) return setProblem('store');
    setProblem(null);
    setStore('');
    if (!entry.trustedStores.includes(normal))
      onChange({ trustedStores: [...entry.trustedStores, normal].slice(0, MAX_TRUSTED_PER_AGENCY) });
  };

  return (
    <fieldset
      className="agency-trust"
      style={{ gridColumn: '1 / -1', minWidth: 0 }}
      data-testid={`directory-trust-${index}`}
    >
      <legend>{t('admin.settings.trust.title')}</legend>
      <p className="muted small">{t('admin.settings.trust.hint')}</p>
      <fieldset>
        <legend>{t('admin.settings.trust.certificates')}</legend>
        {entry.trustedCertificates.length === 0 ? (
          <p className="muted">{t('admin.settings.trust.none')}</p>
        ) : (
          <ul>
            {entry.trustedCertificates.map((pem, i) => (
              <CertificateItem
                key={pem}
                pem={pem}
                index={i}
                onRemove={() =>
                  onChange({ trustedCertificates: entry.trustedCertificates.filter((p) => p !== pem) })
                }
              />
            ))}
          </ul>
        )}
        <Field label={t('admin.settings.trust.addCertificate')} error={certificatesError}>
          {(...tie) => (
            <input
              {...tiedTo(...tie)}
              type="file"
              accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert"
              onChange={(e) => {
                void addFile(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid={`trust-add-certificate-${index}`}
            />
          )}
        </Field>
        {problem === 'certificate' && (
          <p className="error" role="alert">
            {t('admin.settings.trust.badCertificate')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.trust.stores')}</legend>
        {entry.trustedStores.length === 0 ? (
          <p className="muted">{t('admin.settings.trust.none')}</p>
        ) : (
          <ul>
            {entry.trustedStores.map((fingerprint, i) => (
              <li key={fingerprint} data-testid={`trust-store-${i}`}>
                <span className="fingerprint">{fingerprint}</span>{' '}
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('admin.settings.trust.removeNamed', { fingerprint })}
                  onClick={() =>
                    onChange({ trustedStores: entry.trustedStores.filter((s) => s !== fingerprint) })
                  }
                >
                  {t('admin.settings.trust.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <TextField
          label={t('admin.settings.trust.storeInput')}
          error={storesError}
          value={store}
          onChange={setStore}
          testId={`trust-store-input-${index}`}
          autoComplete="off"
          spellCheck={false}
          onEnter={addStore}
        />
        <ActionButton testId={`trust-add-store-${index}`} onClick={addStore}>
          {t('admin.settings.trust.addStore')}
        </ActionButton>
        {problem === 'store' && (
          <p className="error" role="alert">
            {t('admin.settings.trust.badStore')}
          </p>
        )}
      </fieldset>
    </fieldset>
  );
}
