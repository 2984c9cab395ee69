import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Urgent action as one line above the question (so the answers stay on screen), announced once when it
 * appears; the reasons and the hotline open on demand.
 */
export function UrgentBadge({ messageKeys }: { messageKeys: readonly string[] }) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <div className="urgent-badge" data-testid="urgent">
      <span role="alert">
        <strong>{t('interview.urgentTitle')}</strong> ({messageKeys.length})
      </span>
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={detailsId}
        data-testid="urgent-toggle"
        onClick={() => setOpen(!open)}
      >
        {open ? t('interview.urgentHide') : t('interview.urgentShow')}
      </button>
      <div id={detailsId} hidden={!open} className="urgent-details" data-testid="urgent-details">
        <ul>
          {messageKeys.map((k) => (
            <li key={k}>{ti(k)}</li>
          ))}
        </ul>
        <p>{t('interview.hotline')}</p>
      </div>
    </div>
  );
}
