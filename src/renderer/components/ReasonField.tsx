import { TextAreaField } from './TextAreaField';

/** The longest reason main accepts (a status change, a deletion, a stopped interview). */
export const REASON_MAX_LENGTH = 2000;

/**
 * The required reason of a recorded decision (a status change, a deletion, a stopped interview):
 * a text area of at most REASON_MAX_LENGTH characters whose edits also clear the problem said under it.
 */
export function ReasonField({
  label,
  hint,
  error,
  value,
  onChange,
  onEdit,
  testId,
  rows,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  /** Called after every edit: clears the problems the edit answers. */
  onEdit: () => void;
  testId: string;
  rows?: number;
}) {
  return (
    <TextAreaField
      label={label}
      {...(hint ? { hint } : {})}
      error={error}
      required
      {...(rows ? { rows } : {})}
      maxLength={REASON_MAX_LENGTH}
      value={value}
      onChange={(next) => {
        onChange(next);
        onEdit();
      }}
      testId={testId}
    />
  );
}
