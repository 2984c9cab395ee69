import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, SessionUser } from '../../../shared/domain/users';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FingerprintText } from '../../components/FingerprintText';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/**
 * My account: who is signed in, where their signing key stands, the fingerprints a receiver compares,
 * and the change of their own passphrase (nobody else may know it).
 */
export function MyAccountScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    void call('account.status', {}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, []);

  return (
    <section className="panel narrow" aria-labelledby="account-title" data-testid="my-account">
      <h1 id="account-title">{t('account.title')}</h1>
      <ErrorMessage error={error} />
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>
          {user.displayName} ({t(`roles.${user.role}`)})
        </dd>
        {status && (
          <>
            <dt>{t('account.signingKey')}</dt>
            <dd data-testid="account-signing-key">{t(`account.signingKeyState.${status.signingKey}`)}</dd>
            {status.certificateFingerprint && (
              <>
                <dt>{t('account.certificateFingerprint')}</dt>
                <dd className="fingerprint" data-testid="account-certificate-fingerprint">
                  <FingerprintText value={status.certificateFingerprint} />
                </dd>
              </>
            )}
            {status.storeFingerprint && (
              <>
                <dt>{t('account.storeFingerprint')}</dt>
                <dd className="fingerprint" data-testid="account-store-fingerprint">
                  <FingerprintText value={status.storeFingerprint} />
                </dd>
              </>
            )}
          </>
        )}
      </dl>
      {status?.storeFingerprint && <p className="muted">{t('account.storeFingerprintHint')}</p>}
      <h2>{t('account.change')}</h2>
      {changed && (
        <p role="status" data-testid="account-changed">
          {t('account.changed')}
        </p>
      )}
      <ChangePassphraseForm
        first={false}
        onChanged={(next) => {
          setStatus(next);
          setChanged(true);
        }}
      />
    </section>
  );
}
