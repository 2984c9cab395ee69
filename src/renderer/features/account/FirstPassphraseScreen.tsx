import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/**
 * After a sign-in with a passphrase someone else set (a supervisor adding the account, a reset with the
 * recovery key): nothing else opens until the person chose their own (main refuses every other call).
 */
export function FirstPassphraseScreen({ user, onDone }: { user: SessionUser; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="first-passphrase-title" data-testid="first-passphrase">
      <h1 id="first-passphrase-title">{t('account.firstTitle', { name: user.displayName })}</h1>
      <p>{t('account.firstIntro')}</p>
      <ChangePassphraseForm first onChanged={onDone} />
    </section>
  );
}
