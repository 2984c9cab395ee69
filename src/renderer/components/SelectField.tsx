import { Field, tiedTo, type ValueFieldProps } from './Field';

/**
 * A labelled select over a fixed list of values; the caller gives each option its translated label
 * (and the language it is written in, when that is not the officer's). A hint and an error are said
 * under it.
 */
export function SelectField<V extends string>({
  value,
  options,
  onChange,
  testId,
  ...labelled
}: ValueFieldProps<V> & {
  options: readonly { value: V; label: string; lang?: string }[];
}) {
  return (
    <Field {...labelled}>
      {(...tie) => (
        <select
          {...tiedTo(...tie)}
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
