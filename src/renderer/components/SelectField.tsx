import { Field } from './Field';

/**
 * A labelled select over a fixed list of values; the caller gives each option its translated label
 * (and the language it is written in, when that is not the officer's). A hint and an error are said
 * under it.
 */
export function SelectField<V extends string>({
  label,
  hint,
  error,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: V;
  options: readonly { value: V; label: string; lang?: string }[];
  onChange: (value: V) => void;
  testId: string;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(id, describedBy, invalid) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
          data-testid={testId}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
