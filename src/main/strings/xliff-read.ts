import { StringsError } from './errors';
import { FS_XMLNS } from './xliff-export';
import { attr, childElements, hasAttrIn, ownText, parseXml, type XmlElement, XmlSyntaxError } from './xml';

/**
 * Reads what translators' tools really return, into one shape for the import:
 * - XLIFF 2.0 as exported (file id = namespace, unit id = key);
 * - XLIFF 1.2 as exported (unit id `namespace:key`), as saved by a CAT tool, or as written by
 *   translate-toolkit's po2xliff: without a template its units have numeric ids and name the string only in a
 *   location context (`sourcefile` = namespace, `linenumber` = key, from the PO `#: common:app.name`); with
 *   `-t` it copies the template and appends those units in a second <file> (XLIFF 1.1 namespace). A
 *   location-keyed unit carries the translator's work, so it wins over the template's copy of the same string.
 */
const XLIFF_NAMESPACES = new Set([
  '',
  'urn:oasis:names:tc:xliff:document:1.0',
  'urn:oasis:names:tc:xliff:document:1.1',
  'urn:oasis:names:tc:xliff:document:1.2',
  'urn:oasis:names:tc:xliff:document:2.0',
]);

export interface ReadUnit {
  ns: string;
  key: string;
  source: string;
  /** undefined when the unit has no <target>. */
  target: string | undefined;
  /** The tool says the person confirmed the target (1.2 approved="yes" or a translated/final state; 2.0 state). */
  confirmed: boolean;
  /** fs:targetHash written at export, if the tool kept it. */
  exportTargetHash: string | undefined;
}

export interface ReadDocument {
  version: '1.x' | '2.x';
  srcLang: string | undefined;
  trgLang: string | undefined;
  units: ReadUnit[];
  /** fs:stringsVersion of each namespace, when the tool kept it. */
  stringsVersions: Map<string, string>;
  /** False when the tool that saved the file dropped every FieldScreen attribute. */
  hasExportMarks: boolean;
  /** Units that cannot be used as they are (split segments, inline codes, no FieldScreen id, duplicates). */
  structureProblems: string[];
}

interface Candidate extends ReadUnit {
  /** 2: keyed by a PO location (po2xliff), 1: keyed by its own id. */
  priority: 1 | 2;
  where: string;
}

export function readXliff(xml: string): ReadDocument {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    const reason = err instanceof XmlSyntaxError ? err.message : 'not well-formed';
    throw new StringsError('NOT_XLIFF', 'the file is not well-formed XML, so it is not an XLIFF file', [
      reason,
    ]);
  }
  if (root.name !== 'xliff' || !XLIFF_NAMESPACES.has(root.uri))
    throw new StringsError(
      'NOT_XLIFF',
      `the file is not an XLIFF document (its root element is <${root.name}>)`,
    );
  const version = attr(root, 'version') ?? '';
  const doc: ReadDocument = {
    version: /^2\./.test(version) ? '2.x' : '1.x',
    srcLang: undefined,
    trgLang: undefined,
    units: [],
    stringsVersions: new Map(),
    hasExportMarks: false,
    structureProblems: [],
  };
  if (!/^(1\.[0-2]|2\.[0-9])$/.test(version))
    throw new StringsError(
      'NOT_XLIFF',
      `unsupported XLIFF version "${version}"; FieldScreen reads 1.2 and 2.0`,
    );

  const candidates = doc.version === '2.x' ? read20(root, doc) : read12(root, doc);
  doc.units = pickUnits(candidates, doc.structureProblems);
  return doc;
}

function xliffChildren(element: XmlElement, name: string): XmlElement[] {
  return childElements(element, name).filter((e) => XLIFF_NAMESPACES.has(e.uri));
}

/** The text of <source>/<target>; inline codes are refused (FieldScreen strings are plain text). */
function plainText(element: XmlElement, where: string, problems: string[]): string {
  const inner = childElements(element);
  // A CAT tool may wrap a whole 1.2 segment in <mrk mtype="seg">: that is still plain text.
  if (
    inner.length === 1 &&
    inner[0]?.name === 'mrk' &&
    attr(inner[0], 'mtype') === 'seg' &&
    ownText(element).trim() === ''
  )
    return plainText(inner[0], where, problems);
  if (inner.length)
    problems.push(
      `${where}: contains XLIFF inline codes (<${inner[0]?.name}>); keep {{placeholders}} and <0>markup</0> as plain text`,
    );
  return ownText(element);
}

function primaryLanguage(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

function noteLanguages(doc: ReadDocument, src: string | undefined, trg: string | undefined): void {
  const s = primaryLanguage(src);
  const t = primaryLanguage(trg);
  if (s !== undefined) {
    if (doc.srcLang !== undefined && doc.srcLang !== s)
      throw new StringsError('WRONG_LANGUAGE', `the file mixes source languages (${doc.srcLang}, ${s})`);
    doc.srcLang = s;
  }
  if (t !== undefined && t !== '') {
    if (doc.trgLang !== undefined && doc.trgLang !== t)
      throw new StringsError('WRONG_LANGUAGE', `the file mixes target languages (${doc.trgLang}, ${t})`);
    doc.trgLang = t;
  }
}

function read20(root: XmlElement, doc: ReadDocument): Candidate[] {
  noteLanguages(doc, attr(root, 'srcLang'), attr(root, 'trgLang'));
  const out: Candidate[] = [];
  for (const file of xliffChildren(root, 'file')) {
    // `id` is the namespace; a tool that rewrites the file may keep only `original` (ilib-xliff does).
    const ns = attr(file, 'id') ?? namespaceOfOriginal(attr(file, 'original')) ?? '';
    const version = attr(file, 'stringsVersion', FS_XMLNS);
    if (version !== undefined) doc.stringsVersions.set(ns, version);
    if (hasAttrIn(file, FS_XMLNS)) doc.hasExportMarks = true;
    const units = (element: XmlElement): XmlElement[] => [
      ...xliffChildren(element, 'unit'),
      ...xliffChildren(element, 'group').flatMap(units),
    ];
    for (const unit of units(file)) {
      const key = attr(unit, 'id') ?? '';
      const where = `${ns}:${key}`;
      if (hasAttrIn(unit, FS_XMLNS)) doc.hasExportMarks = true;
      const segments = xliffChildren(unit, 'segment');
      if (segments.length !== 1) {
        doc.structureProblems.push(
          `${where} has ${segments.length} segments; a string must stay one segment (join them)`,
        );
        continue;
      }
      const segment = segments[0] as XmlElement;
      const source = xliffChildren(segment, 'source')[0];
      const target = xliffChildren(segment, 'target')[0];
      out.push({
        ns,
        key,
        source: source ? plainText(source, where, doc.structureProblems) : '',
        target: target ? plainText(target, where, doc.structureProblems) : undefined,
        // 2.0 puts the state on <segment>; ilib-xliff writes it on <target>.
        confirmed: ['translated', 'reviewed', 'final'].includes(
          attr(segment, 'state') ?? (target && attr(target, 'state')) ?? 'initial',
        ),
        exportTargetHash: attr(unit, 'targetHash', FS_XMLNS),
        priority: 1,
        where,
      });
    }
  }
  return out;
}

function read12(root: XmlElement, doc: ReadDocument): Candidate[] {
  const out: Candidate[] = [];
  for (const file of xliffChildren(root, 'file')) {
    noteLanguages(doc, attr(file, 'source-language'), attr(file, 'target-language'));
    const original = attr(file, 'original') ?? '';
    const fileNs = namespaceOfOriginal(original);
    const version = attr(file, 'stringsVersion', FS_XMLNS);
    if (version !== undefined && fileNs !== undefined) doc.stringsVersions.set(fileNs, version);
    if (hasAttrIn(file, FS_XMLNS)) doc.hasExportMarks = true;
    const units = (element: XmlElement): XmlElement[] => [
      ...xliffChildren(element, 'trans-unit'),
      ...xliffChildren(element, 'group').flatMap(units),
    ];
    for (const body of xliffChildren(file, 'body'))
      for (const unit of units(body)) {
        if (attr(unit, 'restype') === 'x-gettext-domain-header') continue; // the PO header, not a string
        if (hasAttrIn(unit, FS_XMLNS)) doc.hasExportMarks = true;
        const id = attr(unit, 'id') ?? '';
        const located = locations(unit);
        const ids = located.length ? located : [ownId(id, attr(unit, 'resname'), fileNs)];
        const source = xliffChildren(unit, 'source')[0];
        const target = xliffChildren(unit, 'target')[0];
        const where = `<trans-unit id="${id}"> in <file original="${original}">`;
        const state = target ? (attr(target, 'state') ?? '') : '';
        for (const identity of ids) {
          if (!identity) {
            doc.structureProblems.push(
              `${where} does not name a FieldScreen string (expected id="namespace:key")`,
            );
            continue;
          }
          const text = (e: XmlElement) =>
            plainText(e, `${identity.ns}:${identity.key}`, doc.structureProblems);
          out.push({
            ...identity,
            source: source ? text(source) : '',
            target: target ? text(target) : undefined,
            confirmed:
              attr(unit, 'approved') === 'yes' || ['translated', 'signed-off', 'final'].includes(state),
            exportTargetHash: attr(unit, 'targetHash', FS_XMLNS),
            priority: located.length ? 2 : 1,
            where: `${identity.ns}:${identity.key}`,
          });
        }
      }
  }
  return out;
}

type Identity = { ns: string; key: string } | undefined;

/** `common` for `common.json`, the `original` our export writes on each <file>. */
function namespaceOfOriginal(original: string | undefined): string | undefined {
  return original === undefined ? undefined : /^([A-Za-z0-9_-]+)\.json$/.exec(original)?.[1];
}

/** `namespace:key` from the unit id, else the resname (or id) inside a `<namespace>.json` file. */
function ownId(id: string, resname: string | undefined, fileNs: string | undefined): Identity {
  const colon = id.indexOf(':');
  if (colon > 0) return { ns: id.slice(0, colon), key: id.slice(colon + 1) };
  const key = resname ?? id;
  return fileNs !== undefined && key !== '' ? { ns: fileNs, key } : undefined;
}

/** The strings a po2xliff unit names in its location contexts (`common` + `app.name`). */
function locations(unit: XmlElement): Identity[] {
  return xliffChildren(unit, 'context-group')
    .filter((g) => attr(g, 'purpose') === 'location')
    .map((group) => {
      const context = (type: string) =>
        xliffChildren(group, 'context').find((c) => attr(c, 'context-type') === type);
      const file = context('sourcefile');
      const line = context('linenumber');
      const joined = [file && ownText(file), line && ownText(line)].filter((t) => t !== undefined).join(':');
      return ownId(joined, undefined, undefined);
    });
}

/**
 * One unit per string: a location-keyed unit (the translator's, from PO) replaces the template's copy but
 * keeps the template's export hash; two units for the same string at the same level are a structure error.
 */
function pickUnits(candidates: Candidate[], problems: string[]): ReadUnit[] {
  const chosen = new Map<string, Candidate>();
  const exportHashes = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const candidate of candidates) {
    const id = `${candidate.ns}\u0000${candidate.key}`;
    if (candidate.exportTargetHash !== undefined && candidate.priority === 1)
      exportHashes.set(id, candidate.exportTargetHash);
    const previous = chosen.get(id);
    if (previous && previous.priority === candidate.priority) duplicates.add(candidate.where);
    if (!previous || candidate.priority > previous.priority) chosen.set(id, candidate);
  }
  for (const where of duplicates) problems.push(`${where} appears more than once`);
  return [...chosen].map(([id, { priority: _p, where: _w, ...unit }]) => ({
    ...unit,
    exportTargetHash: unit.exportTargetHash ?? exportHashes.get(id),
  }));
}
