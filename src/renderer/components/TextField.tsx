import { type KeyboardEvent, type RefObject, useRef } from 'react';
import { Field, tiedTo, type ValueFieldProps } from './Field';

/** A labelled one-line input (text, a date or a number), with an optional hint and an error said under it. */
export function TextField({
  value,
  onChange,
  testId,
  autoFocus = false,
  type = 'text',
  range,
  list,
  autoComplete,
  inputRef,
  spellCheck,
  onEnter,
  required = false,
  placeholder,
  ...labelled
}: ValueFieldProps & {
  /** For the one field a screen is for (the next crew member's name). */
  autoFocus?: boolean;
  type?: 'text' | 'date' | 'number' | 'password' | 'email' | 'tel';
  /** Bounds of a number (whole steps unless said). */
  range?: { min: number; max: number; step?: number };
  /** The id of a datalist to suggest from (then the browser's own autocomplete is off). */
  list?: string;
  /** What the browser may fill in (`new-password`, `username`, `off`…). */
  autoComplete?: string;
  /** For a form that moves the focus to this input itself (after a refused try). */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** False for a code typed by hand (a fingerprint): no spelling marks. */
  spellCheck?: boolean;
  /** Enter in the field does this instead of submitting the form the field stands in. */
  onEnter?: () => void;
  /** Said to screen readers: the form cannot be sent without it. */
  required?: boolean;
  /** A value shown greyed while the field is empty (what is used if nothing is typed). */
  placeholder?: string;
}) {
  const focusOnce = useRef(autoFocus);
  return (
    <Field {...labelled}>
      {(...tie) => (
        <input
          {...tiedTo(...tie)}
          ref={(el) => {
            if (inputRef) inputRef.current = el;
            if (el && focusOnce.current) {
              focusOnce.current = false;
              el.focus();
            }
          }}
          type={type}
          aria-required={required || undefined}
          placeholder={placeholder}
          {...(range ? { min: range.min, max: range.max, step: range.step ?? 1 } : {})}
          {...(autoComplete ? { autoComplete } : {})}
          {...(list ? { list, autoComplete: 'off' } : {})}
          spellCheck={spellCheck}
          {...(onEnter
            ? {
                onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  onEnter();
                },
              }
            : {})}
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
