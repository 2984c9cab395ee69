import { useRef } from 'react';
import { Field } from './Field';

/** A labelled one-line input (text, a date or a number), with an optional hint and an error said under it. */
export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  testId,
  autoFocus = false,
  type = 'text',
  range,
  list,
  autoComplete,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** For the one field a screen is for (the next crew member's name). */
  autoFocus?: boolean;
  type?: 'text' | 'date' | 'number' | 'password';
  /** Bounds of a number (whole steps unless said). */
  range?: { min: number; max: number; step?: number };
  /** The id of a datalist to suggest from (then the browser's own autocomplete is off). */
  list?: string;
  /** What the browser may fill in (`new-password`, `username`, `off`…). */
  autoComplete?: string;
}) {
  const focusOnce = useRef(autoFocus);
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          ref={(el) => {
            if (el && focusOnce.current) {
              focusOnce.current = false;
              el.focus();
            }
          }}
          type={type}
          {...(range ? { min: range.min, max: range.max, step: range.step ?? 1 } : {})}
          {...(autoComplete ? { autoComplete } : {})}
          {...(list ? { list, autoComplete: 'off' } : {})}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/** A checkbox with its label, and an error said under it (described by it) when there is one. */
export function CheckField({
  label,
  checked,
  error,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  error?: string | null;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  const errorId = error ? `${testId}-error` : undefined;
  return (
    <div className={error ? 'check-field invalid' : 'check-field'}>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={testId}
        />
        {label}
      </label>
      {error && (
        <small id={errorId} className="field-error" data-testid="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
