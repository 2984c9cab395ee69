import { type XliffJsUnit, xliff2js } from 'xliff';
import { StringsError } from './errors';
import { ATTR_STRINGS_VERSION, ATTR_TARGET_HASH } from './xliff-export';

/** XLIFF 2.0 segment states; a translator's tool sets reviewed or final when they approve a segment. */
export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';
const SEGMENT_STATES: readonly string[] = ['initial', 'translated', 'reviewed', 'final'];

export interface ReadUnit {
  key: string;
  source: string;
  /** undefined when the unit has no <target>. */
  target: string | undefined;
  state: SegmentState;
  segments: number;
  /** How many <unit> elements in this file carry this id (more than one is an error). */
  occurrences: number;
  /** fs:targetHash written at export, if the translator's tool kept it. */
  exportTargetHash: string | undefined;
}

export interface ReadFile {
  ns: string;
  stringsVersion: string | undefined;
  occurrences: number;
  units: ReadUnit[];
}

export interface ReadDocument {
  srcLang: string;
  trgLang: string | undefined;
  files: ReadFile[];
}

/** Reads a FieldScreen XLIFF 2.0 file; any XML or structure error becomes a StringsError. */
export async function readXliff(xml: string): Promise<ReadDocument> {
  const root = rootElementName(xml);
  if (root !== undefined && root !== 'xliff')
    throw new StringsError('NOT_XLIFF', `the file is not an XLIFF document (its root element is <${root}>)`);
  let js: Awaited<ReturnType<typeof xliff2js>>;
  try {
    js = await xliff2js(xml);
  } catch (err) {
    const reason = ((err as Error).message ?? '').split('\n')[0];
    throw new StringsError('NOT_XLIFF', 'the file is not well-formed XML, so it is not a valid XLIFF file', [
      reason ?? '',
    ]);
  }
  if (!js.sourceLanguage || !js.resources)
    throw new StringsError(
      'NOT_XLIFF',
      'the file is not an XLIFF 2.0 document (<xliff version="2.0" srcLang=…>)',
    );

  const scan = scanStructure(xml);
  if (scan.nestingProblem)
    throw new StringsError('NOT_XLIFF', 'the file is not well-formed XML, so it is not a valid XLIFF file', [
      scan.nestingProblem,
    ]);
  const files: ReadFile[] = [];
  const inline: string[] = [];
  for (const [ns, entries] of Object.entries(js.resources)) {
    const file: ReadFile = { ns, stringsVersion: undefined, occurrences: scan.files.get(ns) ?? 1, units: [] };
    const collect = (content: Record<string, XliffJsUnit | undefined>) => {
      for (const [id, unit] of Object.entries(content)) {
        if (id === '_additionalElements') continue; // elements the library does not know, e.g. <mda:metadata>
        if (unit?.groupUnits) {
          file.stringsVersion ??= unit.additionalAttributes?.[ATTR_STRINGS_VERSION];
          collect(unit.groupUnits);
          continue;
        }
        const source = unit?.source ?? '';
        const target = unit?.target;
        if (typeof source !== 'string' || (target !== undefined && typeof target !== 'string')) {
          inline.push(`${ns}:${id}`);
          continue;
        }
        const segments = scan.units.get(`${ns}\u0000${id}`);
        file.units.push({
          key: id,
          source,
          target,
          state: segments?.states.length === 1 ? (segments.states[0] as SegmentState) : 'initial',
          segments: segments?.states.length ?? 0,
          occurrences: segments?.occurrences ?? 1,
          exportTargetHash: unit?.additionalAttributes?.[ATTR_TARGET_HASH],
        });
      }
    };
    collect(entries);
    files.push(file);
  }
  if (inline.length)
    throw new StringsError(
      'INVALID_UNITS',
      'some units contain XLIFF inline codes; FieldScreen files keep {{placeholders}} and <0>markup</0> as plain text',
      inline,
    );
  if (scan.badStates.length)
    throw new StringsError('INVALID_UNITS', 'some segments have an unknown state', scan.badStates);
  return { srcLang: js.sourceLanguage, trgLang: js.targetLanguage, files };
}

/** The name of the first element, if the text has one. */
function rootElementName(xml: string): string | undefined {
  return /<([A-Za-z_][\w.:-]*)/.exec(stripNonElements(xml))?.[1];
}

/** Comments, CDATA sections, processing instructions and the doctype can hold '<' that starts no element. */
function stripNonElements(xml: string): string {
  return xml.replace(
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g,
    ' ',
  );
}

interface Structure {
  /** file id -> number of <file> elements with it. */
  files: Map<string, number>;
  /** `${file id}\0${unit id}` -> segment states in order, and how many <unit> elements have that id. */
  units: Map<string, { states: string[]; occurrences: number }>;
  badStates: string[];
  /** Set when elements are not closed in order: the XML package accepts a truncated file without complaint. */
  nestingProblem?: string;
}

/**
 * The xliff package drops segment attributes, so the segment count and state of each unit are read here.
 * The document already parsed as XML, so after removing comments, CDATA and processing instructions every
 * remaining '<' starts a tag; only unprefixed XLIFF element names are considered, as the package does.
 */
function scanStructure(xml: string): Structure {
  const structure: Structure = { files: new Map(), units: new Map(), badStates: [] };
  const cleaned = stripNonElements(xml);
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let file: string | undefined;
  let unit: { states: string[]; occurrences: number } | undefined;
  let unitId = '';
  const open: string[] = [];
  let roots = 0;
  for (const [, closing, name = '', attrText, selfClosing] of cleaned.matchAll(tag)) {
    if (closing) {
      const top = open.pop();
      if (top !== name) structure.nestingProblem ??= `</${name}> closes ${top ? `<${top}>` : 'nothing'}`;
    } else {
      if (open.length === 0) roots += 1;
      if (!selfClosing) open.push(name);
    }
    if (closing) {
      if (name === 'file') file = undefined;
      if (name === 'unit') unit = undefined;
      continue;
    }
    const attrs = attributes(attrText ?? '');
    if (name === 'file') {
      file = attrs.get('id') ?? '';
      structure.files.set(file, (structure.files.get(file) ?? 0) + 1);
    } else if (name === 'unit' && file !== undefined) {
      unitId = attrs.get('id') ?? '';
      const id = `${file}\u0000${unitId}`;
      unit = structure.units.get(id) ?? { states: [], occurrences: 0 };
      unit.occurrences += 1;
      structure.units.set(id, unit);
    } else if (name === 'segment' && unit) {
      const state = attrs.get('state') ?? 'initial';
      if (!SEGMENT_STATES.includes(state)) structure.badStates.push(`${file}:${unitId} state="${state}"`);
      unit.states.push(state);
    }
    if (selfClosing && name === 'unit') unit = undefined;
    if (selfClosing && name === 'file') file = undefined;
  }
  if (open.length) structure.nestingProblem ??= `<${open.at(-1)}> is never closed (is the file complete?)`;
  if (roots > 1) structure.nestingProblem ??= 'more than one root element';
  return structure;
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name, , value] of text.matchAll(/([^\s=]+)\s*=\s*(["'])([\s\S]*?)\2/g))
    if (name) out.set(name, decodeEntities(value ?? ''));
  return out;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return named[ref] ?? whole;
  });
}
