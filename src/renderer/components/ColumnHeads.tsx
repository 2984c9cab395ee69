/**
 * A table's column headings; `actions` names a last column of buttons, heard by screen readers but not
 * shown.
 */
export function ColumnHeads({ labels, actions }: { labels: readonly string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns; two may share a translation
          <th key={i} scope="col">
            {label}
          </th>
        ))}
        {actions !== undefined && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
