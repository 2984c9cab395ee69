import { LOCALE_TAGS, type Locale } from '../i18n/locales';

/**
 * Dates and times as a Thai official document gives them: Thai in the Buddhist Era ("7 ตุลาคม 2569"),
 * other languages in their own calendar style, and every time of day in Thailand's zone (Asia/Bangkok,
 * UTC+7, no daylight saving), whatever the laptop's clock zone. The zone's name is added by the caller
 * through i18next. Pure; runs in main (PDF) and in the renderer (verify display).
 */

export const THAI_TIME_ZONE = 'Asia/Bangkok';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function tagFor(locale: Locale): string {
  return locale === 'th' ? 'th-TH-u-ca-buddhist' : LOCALE_TAGS[locale];
}

/** Formatters are costly to make and cheap to use: one per set of options. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(tagFor(locale), options);
    formatters.set(key, made);
  }
  return made;
}

function parse(iso: string): Date | null {
  const date = new Date(CALENDAR_DATE.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A calendar day (YYYY-MM-DD, no zone: the day as recorded) or the Bangkok day of an instant, spelled
 * out ("7 ตุลาคม 2569"; `short`: "7 ต.ค. 2569"). Unparseable input comes back unchanged.
 */
export function officialDate(iso: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const date = parse(iso);
  if (!date) return iso;
  return formatter(locale, {
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: CALENDAR_DATE.test(iso) ? 'UTC' : THAI_TIME_ZONE,
  }).format(date);
}

/** The time of day of an instant in Bangkok, 24-hour ("16:39"). */
export function bangkokTime(iso: string, locale: Locale): string {
  const date = parse(iso);
  if (!date) return iso;
  return formatter(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: THAI_TIME_ZONE,
  }).format(date);
}

/** Whole minutes between two instants (never negative); null when either is missing or unparseable. */
export function minutesBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, Math.round((end - start) / 60_000));
}

/** The year in the Buddhist Era of an instant's Bangkok day (letter numbers count per year). */
export function buddhistYear(iso: string): number {
  const date = parse(iso);
  if (!date) return Number.NaN;
  const year = formatter('en', { year: 'numeric', timeZone: THAI_TIME_ZONE, calendar: 'gregory' }).format(
    date,
  );
  return Number(year) + 543;
}
