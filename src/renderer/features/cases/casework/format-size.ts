import { LOCALE_TAGS, type Locale } from '../../../../shared/i18n/locales';

/** A file size in the UI language's own number format and units (Intl does the words). */
export function formatSize(bytes: number, lng: Locale): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(LOCALE_TAGS[lng], {
    style: 'unit',
    unit,
    // CLDR's short English form for bytes is "510 byte"; the long one reads right ("510 bytes").
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}
