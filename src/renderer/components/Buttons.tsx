import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form's submit button. While the form is being sent (`busy`) it is disabled and says so instead of
 * its label; `disabled` also holds it back when there is nothing to send yet.
 */
export function SubmitButton({
  label,
  testId,
  busy = false,
  disabled = false,
  danger = false,
}: {
  label: string;
  testId: string;
  busy?: boolean;
  disabled?: boolean;
  /** For a step that cannot be undone (stop, delete, restore). */
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      className={danger ? 'danger' : undefined}
      disabled={busy || disabled}
      data-testid={testId}
    >
      {busy ? t('actions.working') : label}
    </button>
  );
}

/** Leaves a form without sending anything. */
export function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" onClick={onCancel}>
      {t('actions.cancel')}
    </button>
  );
}

/**
 * A button that acts at once, never submitting the form it stands in: `secondary` by default, `danger`
 * for a step that cannot be undone, `link` for one that reads as a link.
 */
export function ActionButton({
  look = 'secondary',
  testId,
  disabled,
  onClick,
  children,
}: {
  look?: 'secondary' | 'danger' | 'link';
  testId?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={look} disabled={disabled} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
