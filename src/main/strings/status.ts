import { type ReviewEntry, type ReviewState, reviewEntryOf, reviewStateOf } from '../../shared/i18n/review';
import { type Catalog, localeSource, type TargetLocale, targetText } from './catalog';

/** A string's review state, or 'missing' when the locale has no (or only empty) text for it. */
export type StringStatus = ReviewState | 'missing';

export function statusOf(
  catalog: Catalog,
  lng: TargetLocale,
  ns: string,
  key: string,
): { status: StringStatus; entry: ReviewEntry | undefined } {
  const entry = reviewEntryOf(catalog.statuses, lng, ns, key);
  const source = localeSource(catalog, lng, ns).get(key) ?? '';
  const target = targetText(catalog, lng, ns, key);
  if (target === undefined || target.trim() === '') return { status: 'missing', entry };
  return { status: reviewStateOf(entry, source, target), entry };
}
