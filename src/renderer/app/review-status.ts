import i18next from 'i18next';
import reviewFile from '../../../resources/locales/review-status.json';
import { type LocaleReviewState, localeReviewState, reviewStatusFileSchema } from '../../shared/i18n/review';

const statuses = reviewStatusFileSchema.parse(reviewFile);

/** Any string's text: the keys here come from the review catalog (every key), not from code. */
const textOf = (lng: string, ns: string, key: string): unknown =>
  (i18next.getFixedT(lng, ns as never) as unknown as (key: string) => unknown)(key);

/** Review state of one string in one language: 'source' (English), 'reviewed', 'draft' or 'stale'. */
export function reviewStateOf(lng: string, ns: string, key: string): LocaleReviewState {
  const source = textOf('en', ns, key);
  const target = i18next.exists(key as never, { lng, ns: ns as never, fallbackLng: false })
    ? textOf(lng, ns, key)
    : undefined;
  return localeReviewState(
    statuses,
    lng,
    ns,
    key,
    String(source),
    target === undefined ? undefined : String(target),
  );
}
