import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A neutral, unbranded screen (no app name, no case data, nothing that says what this laptop is
 * for). The session is already locked; pressing Enter leads to the passphrase screen.
 */
export function QuickHideScreen({ onReturn }: { onReturn: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="neutral-screen" data-testid="neutral-screen">
      <button
        ref={ref}
        type="button"
        className="neutral-return"
        aria-label={t('actions.continue')}
        onClick={onReturn}
      >
        <span aria-hidden="true">●</span>
      </button>
    </div>
  );
}
