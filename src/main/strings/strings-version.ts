import { hashText } from '../../shared/i18n/review';
import type { Catalog } from './catalog';

/**
 * A fingerprint of one namespace's English source: any added, removed or reworded string changes it.
 * Exports carry it, and an import made against other English text is refused.
 */
export function namespaceVersion(texts: ReadonlyMap<string, string>): string {
  const pairs = [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hashText(JSON.stringify(pairs));
}

/** The fingerprint of the whole English source set (all namespaces), shown by `strings report`. */
export function stringsVersion(catalog: Catalog): string {
  const perNamespace = catalog.namespaces.map((ns) => [
    ns,
    namespaceVersion(catalog.source.get(ns)?.texts ?? new Map()),
  ]);
  return hashText(JSON.stringify(perNamespace));
}
