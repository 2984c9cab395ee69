/**
 * i18next JSON files as nested objects of strings, and their flat `a.b.c` key paths. Writing keeps the
 * file's own key order and the repository's formatting (2-space JSON and a final newline), so a
 * translator's import shows up in review as a diff of the changed lines only.
 */
export type JsonTree = { [key: string]: JsonTree | string };

/** Parses a namespace file; returns an error message instead of throwing so callers can report it. */
export function parseTree(text: string): { tree: JsonTree } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON (${(err as Error).message})` };
  }
  const error = treeError(data, '');
  return error ? { error } : { tree: data as JsonTree };
}

function treeError(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return path ? `"${path}" must be text or an object` : 'the file must hold a JSON object';
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    // i18next separates key levels with '.', so a '.' inside one key could never be looked up.
    if (key === '' || key.includes('.')) return `key "${childPath}" is empty or contains "."`;
    if (typeof child === 'string') continue;
    const error = treeError(child, childPath);
    if (error) return error;
  }
  return undefined;
}

/** Every string with its key path, in file order. */
export function flattenTree(
  tree: JsonTree,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flattenTree(value, path, out);
  }
  return out;
}

/**
 * Sets the text at a key path. A key the file does not have yet is placed where English has it (after its
 * nearest preceding English sibling), creating parent objects as needed; existing keys keep their place.
 */
export function setText(tree: JsonTree, keyPath: string, text: string, english: JsonTree): void {
  const parts = keyPath.split('.');
  let node = tree;
  let englishNode: JsonTree | undefined = english;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const englishChild = englishNode && Object.hasOwn(englishNode, part) ? englishNode[part] : undefined;
    if (!Object.hasOwn(node, part)) insertInEnglishOrder(node, part, last ? text : {}, englishNode);
    else if (last) node[part] = text;
    if (last) return;
    const next = node[part];
    if (typeof next !== 'object')
      throw new Error(`"${parts.slice(0, i + 1).join('.')}" is text, not an object`);
    node = next;
    englishNode = typeof englishChild === 'object' ? englishChild : undefined;
  });
}

function insertInEnglishOrder(
  node: JsonTree,
  key: string,
  value: JsonTree | string,
  englishNode: JsonTree | undefined,
): void {
  const englishKeys = englishNode ? Object.keys(englishNode) : [];
  const englishIndex = englishKeys.indexOf(key);
  const existing = Object.entries(node);
  let insertAt = existing.length;
  if (englishIndex >= 0) {
    insertAt = 0;
    existing.forEach(([k], i) => {
      const idx = englishKeys.indexOf(k);
      if (idx >= 0 && idx < englishIndex) insertAt = i + 1;
    });
  }
  existing.splice(insertAt, 0, [key, value]);
  for (const k of Object.keys(node)) delete node[k];
  for (const [k, v] of existing) node[k] = v;
}

export function serializeTree(tree: JsonTree): string {
  return `${JSON.stringify(tree, null, 2)}\n`;
}
