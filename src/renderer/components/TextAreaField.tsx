import { Field, tiedTo, type ValueFieldProps } from './Field';
import { ZawgyiCheck } from './ZawgyiCheck';

/**
 * A labelled text area (a reason, a note) with an optional hint, the Zawgyi check under it, and an
 * error said under it in the officer's language (described by it, the area marked invalid).
 */
export function TextAreaField({
  value,
  onChange,
  testId,
  rows = 2,
  maxLength,
  required = false,
  ...labelled
}: ValueFieldProps & {
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field {...labelled}>
      {(...tie) => (
        <>
          <textarea
            {...tiedTo(...tie)}
            rows={rows}
            maxLength={maxLength}
            aria-required={required || undefined}
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
