import { type Audience, audienceOf } from '../../shared/i18n/audience';
import { hashText, SOURCE_LANGUAGE } from '../../shared/i18n/review';
import { type Catalog, isTargetLocale, localeSource, type TargetLocale, targetText } from './catalog';
import { contextLines } from './context';
import { StringsError } from './errors';
import { type StringStatus, statusOf } from './status';
import { namespaceVersion } from './strings-version';
import { attributes, escapeXml } from './xml';

/**
 * Export for translators in the two XLIFF versions real tools read. The FieldScreen extension (attributes
 * in our own namespace, which tools should keep but some drop) records on each <file> the English version
 * it was made from, and on each unit the hash of the translation at export time (to notice a change made
 * in the repository meanwhile), its status and audience. Every target is exported as not yet confirmed
 * (1.2 needs-review-translation, 2.0 initial), so a confirmed state in a returned file is the translator's
 * or reviewer's own act.
 */
export const FS_XMLNS = 'urn:fieldscreen:strings:1';
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const EXPORT_FORMATS = ['xliff12', 'xliff20'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  lng: string;
  format: string;
  /** Default: every namespace English has. */
  namespaces?: string[];
  appVersion: string;
  now: Date;
}

export interface ExportResult {
  xml: string;
  lng: TargetLocale;
  format: ExportFormat;
  units: number;
  byStatus: Record<StringStatus, number>;
}

interface ExportUnit {
  key: string;
  source: string;
  target: string | undefined;
  notes: string[];
  status: StringStatus;
  audience: Audience;
}

interface ExportFile {
  ns: string;
  stringsVersion: string;
  units: ExportUnit[];
}

interface Header {
  lng: TargetLocale;
  appVersion: string;
  exportedAt: string;
}

export function buildXliff(catalog: Catalog, options: ExportOptions): ExportResult {
  const lng = checkTargetLanguage(options.lng);
  const format = checkFormat(options.format);
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

  const byStatus: Record<StringStatus, number> = {
    draft: 0,
    translated: 0,
    reviewed: 0,
    stale: 0,
    missing: 0,
  };
  const files = namespaces.map((ns): ExportFile => {
    const units = [...localeSource(catalog, lng, ns)].map(([key, source]): ExportUnit => {
      const status = statusOf(catalog, lng, ns, key).status;
      byStatus[status] += 1;
      return {
        key,
        source,
        target: targetText(catalog, lng, ns, key),
        notes: contextLines(catalog, lng, ns, key, source),
        status,
        audience: audienceOf(ns, key),
      };
    });
    return { ns, stringsVersion: namespaceVersion(catalog.source.get(ns)?.texts ?? new Map()), units };
  });
  const header: Header = { lng, appVersion: options.appVersion, exportedAt: options.now.toISOString() };
  const xml = format === 'xliff12' ? xliff12(files, header) : xliff20(files, header);
  const units = files.reduce((n, f) => n + f.units.length, 0);
  return { xml, lng, format, units, byStatus };
}

/** fs:targetHash value for a string that had no translation at export time. */
export const NO_TARGET = 'none';

function unitMarks(unit: ExportUnit): Record<string, string> {
  return {
    'fs:targetHash': unit.target === undefined ? NO_TARGET : hashText(unit.target),
    'fs:status': unit.status,
    'fs:audience': unit.audience,
  };
}

function fileMarks(file: ExportFile, header: Header): Record<string, string> {
  return {
    'fs:stringsVersion': file.stringsVersion,
    'fs:appVersion': header.appVersion,
    'fs:exportedAt': header.exportedAt,
  };
}

/**
 * XLIFF 1.2. Unit ids are `<namespace>:<key>` because translate-toolkit's xliff2po turns ids into PO
 * locations (`#: common:app.name`) and po2xliff turns those back into location contexts: the import finds
 * the string again after a trip through PO. Context goes in `<note from="developer">`, the only notes
 * xliff2po keeps; xml:space="preserve" keeps line breaks through it.
 */
function xliff12(files: ExportFile[], header: Header): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${attributes({ version: '1.2', xmlns: XLIFF12_NS, 'xmlns:fs': FS_XMLNS })}>`,
  ];
  for (const file of files) {
    const fileAttrs = attributes({
      original: `${file.ns}.json`,
      'source-language': SOURCE_LANGUAGE,
      'target-language': header.lng,
      datatype: 'plaintext',
      'product-name': 'FieldScreen',
      'product-version': header.appVersion,
      ...fileMarks(file, header),
    });
    out.push(`  <file${fileAttrs}>`, '    <body>');
    for (const unit of file.units) {
      const unitAttrs = attributes({
        id: `${file.ns}:${unit.key}`,
        resname: unit.key,
        'xml:space': 'preserve',
        ...unitMarks(unit),
      });
      out.push(`      <trans-unit${unitAttrs}>`, `        <source>${escapeXml(unit.source)}</source>`);
      if (unit.target !== undefined)
        out.push(`        <target state="needs-review-translation">${escapeXml(unit.target)}</target>`);
      for (const note of unit.notes) out.push(`        <note from="developer">${escapeXml(note)}</note>`);
      out.push('      </trans-unit>');
    }
    out.push('    </body>', '  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}

/**
 * XLIFF 2.0, with `original` on every <file> (tools such as ilib-xliff require it) and the context in one
 * note: readers that keep a single note keep all of it.
 */
function xliff20(files: ExportFile[], header: Header): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${attributes({ version: '2.0', xmlns: XLIFF20_NS, 'xmlns:fs': FS_XMLNS, srcLang: SOURCE_LANGUAGE, trgLang: header.lng })}>`,
  ];
  for (const file of files) {
    out.push(
      `  <file${attributes({ id: file.ns, original: `${file.ns}.json`, ...fileMarks(file, header) })}>`,
    );
    for (const unit of file.units) {
      // One segment per string: a split string could not be put back into i18next.
      out.push(
        `    <unit${attributes({ id: unit.key, name: unit.key, canResegment: 'no', ...unitMarks(unit) })}>`,
        `      <notes><note category="context">${escapeXml(unit.notes.join('\n'))}</note></notes>`,
        '      <segment state="initial">',
        `        <source xml:space="preserve">${escapeXml(unit.source)}</source>`,
      );
      if (unit.target !== undefined)
        out.push(`        <target xml:space="preserve">${escapeXml(unit.target)}</target>`);
      out.push('      </segment>', '    </unit>');
    }
    out.push('  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
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

function checkFormat(format: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new StringsError('USAGE', `unknown format "${format}"`, [
    'xliff12: XLIFF 1.2 (tested with translate-toolkit: xliff2po, po2xliff, pocount; most CAT tools read 1.2)',
    'xliff20: XLIFF 2.0 (tested with ilib-xliff)',
  ]);
}
