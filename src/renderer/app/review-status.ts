import i18next from 'i18next';
import reviewFile from '../../../resources/locales/review-status.json';
import { type LocaleReviewState, localeReviewState, reviewStatusFileSchema } from '../../shared/i18n/review';

const statuses = reviewStatusFileSchema.parse(reviewFile);

/** Review state of one string in one language: 'source' (English), 'reviewed', 'draft' or 'stale'. */
export function reviewStateOf(lng: string, ns: string, key: string): LocaleReviewState {
  const source = i18next.getFixedT('en', ns)(key);
  const target = i18next.exists(key, { lng, ns, fallbackLng: false })
    ? i18next.getFixedT(lng, ns)(key)
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
