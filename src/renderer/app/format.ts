import { LOCALE_TAGS, type Locale } from '../../shared/i18n/locales';

/**
 * Dates are stored as ISO; shown in the Thai Buddhist calendar when the UI is Thai, Gregorian
 * otherwise (Intl does the conversion).
 */
export function formatDate(iso: string, lng: Locale): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = lng === 'th' ? 'th-TH-u-ca-buddhist' : LOCALE_TAGS[lng];
  return new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function formatDateTime(iso: string, lng: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = lng === 'th' ? 'th-TH-u-ca-buddhist' : LOCALE_TAGS[lng];
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
