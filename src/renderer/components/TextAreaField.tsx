import { Field } from './Field';
import { ZawgyiCheck } from './ZawgyiCheck';

/**
 * A labelled text area (a reason, a note) with an optional hint, the Zawgyi check under it, and an
 * error said under it in the officer's language (described by it, the area marked invalid).
 */
export function TextAreaField({
  label,
  hint,
  error,
  value,
  onChange,
  testId,
  rows = 2,
  maxLength,
  required = false,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(id, describedBy, invalid) => (
        <>
          <textarea
            id={id}
            rows={rows}
            maxLength={maxLength}
            aria-required={required || undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
          />
          <ZawgyiCheck text={value} onConvert={onChange} />
        </>
      )}
    </Field>
  );
}
