import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../shared/ipc/reply';

/** Shows a reply error in the officer's language; never a code or a stack trace. */
export function ErrorMessage({ error }: { error: ReplyError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="error" data-code={error.code}>
      {t(error.messageKey, { seconds: error.retryAfterSeconds ?? 0, defaultValue: t('errors.internal') })}
    </p>
  );
}
