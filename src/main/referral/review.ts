import reviewFile from '../../../resources/locales/review-status.json';
import type { Locale } from '../../shared/i18n/locales';
import { localeReviewState, reviewStatusFileSchema } from '../../shared/i18n/review';
import { mainI18n } from '../i18n/translator';

const statuses = reviewStatusFileSchema.parse(reviewFile);

/**
 * Whether a qualified translator reviewed this string (`ns:key`) in this language, as it is now
 * (review-status.json; see shared/i18n/review.ts). English is the source and counts as reviewed.
 */
export function isReviewed(lng: Locale, nsKey: string): boolean {
  const [ns, ...rest] = nsKey.split(':');
  const key = rest.join(':');
  if (!ns || !key) return false;
  const i18n = mainI18n();
  const source = i18n.getResource('en', ns, key);
  const target = i18n.getResource(lng, ns, key);
  const state = localeReviewState(
    statuses,
    lng,
    ns,
    key,
    typeof source === 'string' ? source : '',
    typeof target === 'string' ? target : undefined,
  );
  return state === 'source' || state === 'reviewed';
}
