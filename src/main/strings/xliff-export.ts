import { js2xliff, type XliffJsUnit } from 'xliff';
import { audienceOf } from '../../shared/i18n/audience';
import { hashText, SOURCE_LANGUAGE } from '../../shared/i18n/review';
import { type Catalog, isTargetLocale, localeSource, type TargetLocale, targetText } from './catalog';
import { describeAudience, describeString } from './context';
import { StringsError } from './errors';
import { placeholdersOf, tagsOf } from './interpolation';
import { pluralNote } from './plural-notes';
import { type StringStatus, statusOf } from './status';
import { namespaceVersion } from './strings-version';

/**
 * The FieldScreen extension of XLIFF 2.0 (attributes in our own namespace, which XLIFF tools must keep):
 * on the one <group> of each <file>, the English version the file was made from; on each <unit>, the hash of
 * the translation at export time (to notice a concurrent change) and its review status.
 */
export const FS_XMLNS = 'urn:fieldscreen:strings:1';
export const FS_GROUP_ID = '_fieldscreen';
export const ATTR_STRINGS_VERSION = 'fs:stringsVersion';
export const ATTR_TARGET_HASH = 'fs:targetHash';
/** fs:targetHash value for a string that had no translation at export time. */
export const NO_TARGET = 'none';

export interface ExportOptions {
  lng: string;
  /** Default: every namespace English has. */
  namespaces?: string[];
  appVersion: string;
  now: Date;
}

export interface ExportResult {
  xml: string;
  lng: TargetLocale;
  units: number;
  byStatus: Record<StringStatus, number>;
}

export async function buildXliff(catalog: Catalog, options: ExportOptions): Promise<ExportResult> {
  const lng = checkTargetLanguage(options.lng);
  const namespaces = options.namespaces?.length ? options.namespaces : catalog.namespaces;
  const unknown = namespaces.filter((ns) => !catalog.source.has(ns));
  if (unknown.length)
    throw new StringsError('UNKNOWN_KEYS', `unknown namespace: ${unknown.join(', ')}`, [
      `known: ${catalog.namespaces.join(', ')}`,
    ]);
  const broken = namespaces.flatMap((ns) => {
    const file = catalog.files.get(lng)?.get(ns);
    return file?.kind === 'invalid' ? [`${lng}/${ns}.json: ${file.error}`] : [];
  });
  if (broken.length) throw new StringsError('INVALID_LOCALES', 'a locale file cannot be read', broken);

  const trailingBreaks = namespaces.flatMap((ns) =>
    [...(catalog.source.get(ns)?.texts ?? [])].flatMap(([key, text]) =>
      [text, targetText(catalog, lng, ns, key) ?? ''].some((t) => /\n\s*$/.test(t)) ? [`${ns}:${key}`] : [],
    ),
  );
  // The xliff package drops a final line break when reading, so such a string would not survive the trip.
  if (trailingBreaks.length)
    throw new StringsError(
      'INVALID_LOCALES',
      'some strings end with a line break; remove it first',
      trailingBreaks,
    );

  const byStatus: Record<StringStatus, number> = { draft: 0, reviewed: 0, stale: 0, missing: 0 };
  const resources: Record<string, Record<string, XliffJsUnit>> = {};
  let units = 0;
  for (const ns of namespaces) {
    const source = localeSource(catalog, lng, ns);
    if (source.has(FS_GROUP_ID))
      throw new StringsError('INVALID_LOCALES', `the key ${FS_GROUP_ID} is reserved`);
    const groupUnits: Record<string, XliffJsUnit> = {};
    for (const [key, text] of source) {
      const { status, notes } = unitNotes(catalog, lng, ns, key, text);
      const target = targetText(catalog, lng, ns, key);
      byStatus[status] += 1;
      units += 1;
      groupUnits[key] = {
        source: text,
        ...(target === undefined ? {} : { target }),
        note: notes,
        additionalAttributes: {
          // One segment per string: a split string could not be put back into i18next.
          canResegment: 'no',
          [ATTR_TARGET_HASH]: target === undefined ? NO_TARGET : hashText(target),
          'fs:status': status,
          'fs:audience': audienceOf(ns, key),
        },
      };
    }
    resources[ns] = {
      [FS_GROUP_ID]: {
        groupUnits,
        additionalAttributes: {
          name: `FieldScreen ${ns} strings`,
          'xmlns:fs': FS_XMLNS,
          [ATTR_STRINGS_VERSION]: namespaceVersion(catalog.source.get(ns)?.texts ?? new Map()),
          'fs:appVersion': options.appVersion,
          'fs:exportedAt': options.now.toISOString(),
        },
      },
    };
  }
  const body = await js2xliff({ sourceLanguage: SOURCE_LANGUAGE, targetLanguage: lng, resources });
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, lng, units, byStatus };
}

export function checkTargetLanguage(lng: string | undefined): TargetLocale {
  if (lng === SOURCE_LANGUAGE)
    throw new StringsError(
      'WRONG_LANGUAGE',
      'English is the source language; it is not translated or reviewed',
    );
  if (!isTargetLocale(lng))
    throw new StringsError('WRONG_LANGUAGE', `"${lng ?? ''}" is not a FieldScreen language`, [
      'languages: th, my, km, lo, vi',
    ]);
  return lng;
}

/** Context for the translator, in the order they need it. */
function unitNotes(
  catalog: Catalog,
  lng: TargetLocale,
  ns: string,
  key: string,
  sourceText: string,
): { status: StringStatus; notes: string[] } {
  const notes = [
    `Where: ${ns} › ${key} — ${describeString(ns, key)}`,
    `Read by: ${describeAudience(audienceOf(ns, key))}`,
  ];
  const thai = lng === 'th' ? undefined : targetText(catalog, 'th', ns, key);
  if (thai !== undefined && thai.trim() !== '')
    notes.push(`Thai reference (${statusLabel(statusOf(catalog, 'th', ns, key).status)}): ${thai}`);

  const { status, entry } = statusOf(catalog, lng, ns, key);
  const by = entry ? ` by ${entry.reviewer} on ${entry.reviewedAt.slice(0, 10)}` : '';
  const statusText: Record<StringStatus, string> = {
    draft: 'draft — not yet reviewed by a qualified translator',
    reviewed: `reviewed${by}`,
    stale: `stale — reviewed${by}, but the English source or this translation changed since`,
    missing: 'missing — there is no translation yet',
  };
  notes.push(`Status: ${statusText[status]}`);

  const keep = [...new Set([...placeholdersOf(sourceText), ...tagsOf(sourceText)])];
  if (keep.length) notes.push(`Keep exactly, in any order the language needs: ${keep.join(' ')}`);
  const plural = pluralNote(lng, key, catalog.source.get(ns)?.texts ?? new Map());
  if (plural) notes.push(plural);
  return { status, notes };
}

function statusLabel(status: StringStatus): string {
  if (status === 'reviewed') return 'reviewed';
  return status === 'stale' ? 'changed since it was reviewed' : 'draft, not yet reviewed';
}
