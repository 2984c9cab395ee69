import { type ReactNode, useId } from 'react';

/**
 * A labelled form control; the label is always visible and tied to the input for screen readers. An
 * `error` is shown right under the control, in the officer's language, and described by it: the child
 * gets the ids to put in aria-describedby and whether to set aria-invalid.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null | undefined;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy, Boolean(error))}
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error" data-testid="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** What every labelled field takes: its label, an optional hint and error said under it. */
export interface LabelledProps {
  label: string;
  hint?: string;
  error?: string | null;
}

/** A labelled field over one string value, with the test id of its control. */
export interface ValueFieldProps<V extends string = string> extends LabelledProps {
  value: V;
  onChange: (value: V) => void;
  testId: string;
}

/** The attributes that tie a control to its Field: its id, what describes it, whether it is invalid. */
export function tiedTo(id: string, describedBy: string | undefined, invalid: boolean) {
  return { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
}

/** Moves the focus to the first field marked invalid in `root` (after the errors have rendered). */
export function focusFirstInvalid(root: HTMLElement | null): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
