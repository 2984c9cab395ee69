import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { DrawOp } from './layout';
import type { LoadedFont } from './shaping';
import { readGlyphsThroughRecords } from './subset-cache';
import type { RunRecord, ShapedRun } from './textEngine';

/**
 * Writes shaped glyphs into pdfkit's content stream. pdfkit still owns fonts: it subsets and embeds
 * each TTF (CIDFontType2, Identity-H) and writes the ToUnicode map; we only ask it for the subset id
 * of each HarfBuzz glyph and position the glyphs ourselves with TJ and Tm.
 *
 * Every run is wrapped in `/Span <</ActualText ...>> BDC ... EMC`: after reordering (Burmese prebase
 * vowels, Thai and Khmer marks) glyph order is not text order, and ActualText is what makes copy and
 * `pdftotext` return the source text.
 */

/** The parts of pdfkit's EmbeddedFont we use (pdfkit has no public API for glyph-level text). */
interface PdfkitEmbeddedFont {
  id: string;
  font: unknown;
  subset: { includeGlyph(glyphId: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  document: { ref(data?: unknown): { compress: boolean; data: Record<string, unknown> } };
  embed(): void;
}

/** pdfkit's PDFReference for a page's content stream. */
interface PdfkitStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
}

interface PdfkitInternals {
  _font: PdfkitEmbeddedFont | null;
  _registeredFonts: Record<string, unknown>;
  page: { fonts: Record<string, unknown>; height: number; content: PdfkitStream };
}

type Doc = InstanceType<typeof PDFDocument>;

function internals(doc: Doc): PdfkitInternals {
  return doc as unknown as PdfkitInternals;
}

/** Each document's pdfkit fonts by loaded font (a run looks its font up here, not through doc.font()). */
const openedFonts = new WeakMap<Doc, Map<LoadedFont, PdfkitEmbeddedFont>>();

/** The pdfkit font for a loaded font, opened once per document (registered under its file path). */
function pdfFont(doc: Doc, font: LoadedFont): PdfkitEmbeddedFont {
  let fonts = openedFonts.get(doc);
  if (!fonts) {
    fonts = new Map();
    openedFonts.set(doc, fonts);
  }
  const known = fonts.get(font);
  if (known) return known;
  const pdfkit = internals(doc);
  if (!pdfkit._registeredFonts[font.file]) {
    const source = (font.pdfkitFontObject ?? font.data) as Parameters<Doc['registerFont']>[1];
    doc.registerFont(font.file, source);
  }
  doc.font(font.file);
  const opened = pdfkit._font;
  if (!opened) throw new Error('pdfkit did not open the font');
  // Keep pdfkit's parsed font for the next document: parsing a full TTF is the slow part.
  font.pdfkitFontObject ??= opened.font;
  // And what its subsetter reads of each glyph (subset-cache.ts).
  readGlyphsThroughRecords(opened.subset);
  fonts.set(font, opened);
  return opened;
}

/** Subset glyph ids as the 4 hex digits a TJ string holds (made once per id). */
const HEX4: string[] = [];

/** PDF number: short, fixed precision, no exponent. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** UTF-16 code units as the 4 upper-case hex digits a PDF hex string holds (made once per unit). */
const HEX4_UPPER: string[] = [];

/** A PDF text string in UTF-16BE with BOM, hex-encoded (safe for any character). */
export function utf16HexString(text: string): string {
  // Each UTF-16 code unit as is, big-endian: a surrogate pair stays a pair.
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hex += HEX4_UPPER[unit] ??= unit.toString(16).toUpperCase().padStart(4, '0');
  }
  return `${hex}>`;
}

/**
 * Text of a glyph's cluster (from its UTF-16 start up to the next cluster's start), for the ToUnicode
 * map. Readers use ActualText first; this is only the fallback. `starts`: the run's cluster starts,
 * ascending, without repeats (clusterStarts).
 */
function clusterText(run: ShapedRun, starts: Int32Array, cluster: number): string {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= cluster) low = middle + 1;
    else high = middle;
  }
  // starts[low] is the first start after this cluster's (the run's end when there is none).
  return run.text.slice(cluster, low < starts.length ? starts[low] : run.text.length);
}

/** The run's cluster starts, ascending, each once. */
function clusterStarts(run: ShapedRun): Int32Array {
  const sorted = Int32Array.from(run.glyphs, (glyph) => glyph.cluster).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i] ?? 0;
  }
  return sorted.subarray(0, count);
}

/**
 * What a glyph stands for in the ToUnicode map: the character whose cmap glyph it is (a reordered
 * Burmese vowel maps to that vowel, not to its whole syllable), else its cluster's text (ligatures,
 * contextual forms). The map is per glyph, so the first use of a glyph decides.
 */
function glyphText(font: LoadedFont, glyphId: number, cluster: string): number[] {
  const codePoints = Array.from(cluster || '\u200b', (char) => char.codePointAt(0) ?? 0);
  const own = codePoints.find((codePoint) => font.nominalGlyph(codePoint) === glyphId);
  return own === undefined ? codePoints : [own];
}

/**
 * Content-stream operators that draw one run at (x, baseline) in PDF user space (y up). Must be
 * called inside BT/ET. Built as one string (no intermediate arrays: this runs for every glyph).
 */
function runOperators(doc: Doc, run: ShapedRun, x: number, baseline: number): string {
  const font = pdfFont(doc, run.font);
  const page = internals(doc).page;
  page.fonts[font.id] ??= font.ref();
  const scale = run.size / run.font.unitsPerEm;
  const toThousandths = 1000 / run.font.unitsPerEm;
  let out = `/${font.id} ${pdfNumber(run.size)} Tf`;
  // The open TJ array's elements (joined by spaces), and the hex glyph string being filled.
  let tj = '';
  let hex = '';
  const endHex = () => {
    if (hex) tj += tj ? ` <${hex}>` : `<${hex}>`;
    hex = '';
  };
  const flush = () => {
    endHex();
    if (tj) out += `\n[${tj}] TJ`;
    tj = '';
  };
  let penX = x;
  // Where the PDF will put the next glyph if nothing moves it: Tm origin plus /W advances.
  let pdfX = Number.NaN;
  let lineY = Number.NaN;
  // Only a glyph new to the document's font needs its text (for the ToUnicode map).
  let starts: Int32Array | undefined;
  for (const glyph of run.glyphs) {
    const targetX = penX + glyph.xOffset * scale;
    const targetY = baseline + glyph.yOffset * scale;
    if (targetY !== lineY || Number.isNaN(pdfX)) {
      flush();
      out += `\n1 0 0 1 ${pdfNumber(targetX)} ${pdfNumber(targetY)} Tm`;
      lineY = targetY;
      pdfX = targetX;
    } else if (Math.abs(pdfX - targetX) > 1e-6) {
      endHex();
      const adjust = pdfNumber(((pdfX - targetX) * 1000) / run.size);
      tj += tj ? ` ${adjust}` : adjust;
    }
    const subsetId = font.subset.includeGlyph(glyph.glyphId);
    const advance = run.font.glyphAdvance(glyph.glyphId);
    font.widths[subsetId] ??= advance * toThousandths;
    if (font.unicode[subsetId] === undefined) {
      starts ??= clusterStarts(run);
      font.unicode[subsetId] = glyphText(run.font, glyph.glyphId, clusterText(run, starts, glyph.cluster));
    }
    hex += HEX4[subsetId] ??= subsetId.toString(16).padStart(4, '0');
    pdfX = targetX + advance * scale;
    penX += glyph.xAdvance * scale;
  }
  flush();
  return out;
}

/**
 * zlib level of page content streams: level 4 takes well under half the time of pdfkit's default (6)
 * on a referral's pages, for about a tenth more bytes of content (some 3 kB on an 80 kB letter).
 */
export const CONTENT_DEFLATE_LEVEL = 4;

/**
 * Compresses the current page's content stream now, at CONTENT_DEFLATE_LEVEL, instead of leaving it to
 * pdfkit (which deflates at zlib's default level when the page ends). `pending`: operators drawn with
 * drawOps into a DrawContext, appended after what pdfkit holds. Call once, after the last operator of
 * the page.
 */
export function compressPageContent(doc: Doc, pending?: PageOperators): void {
  const content = internals(doc).page.content;
  const drawn = pending?.text ? [Buffer.from(pending.text, 'latin1')] : [];
  if (pending) pending.text = '';
  if (!content.compress || content.buffer.length + drawn.length === 0) {
    for (const chunk of drawn) doc.addContent(chunk as unknown as string);
    return;
  }
  const deflated = deflateSync(Buffer.concat([...content.buffer, ...drawn]), {
    level: CONTENT_DEFLATE_LEVEL,
  });
  content.buffer = [deflated];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
}

/**
 * A page's operators as drawOps writes them, kept as one string until the page is finished
 * (compressPageContent): pdfkit would turn every operator into bytes of its own.
 */
export interface PageOperators {
  text: string;
}

const deflateAsync = promisify(deflate);

/**
 * compressPageContent on zlib's thread pool: the page's content is taken now and deflated while the
 * next pages are drawn; the promise resolves once the page holds the deflated stream. The document must
 * buffer its pages (pdfkit's `bufferPages`) and wait for every page's promise before it ends.
 */
export async function compressPageContentAsync(doc: Doc, pending: PageOperators): Promise<void> {
  const content = internals(doc).page.content;
  const drawn = pending.text ? [Buffer.from(pending.text, 'latin1')] : [];
  pending.text = '';
  if (!content.compress || content.buffer.length + drawn.length === 0) {
    for (const chunk of drawn) doc.addContent(chunk as unknown as string);
    return;
  }
  const raw = Buffer.concat([...content.buffer, ...drawn]);
  content.buffer = [];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
  content.buffer = [await deflateAsync(raw, { level: CONTENT_DEFLATE_LEVEL })];
}

/**
 * Deflates the document's font subsets on zlib's thread pool, alongside the pages' content, instead of
 * one after the other on this thread when pdfkit ends the document. zlib's default settings, as pdfkit
 * uses, so the bytes are the same. Call once, after the last glyph is drawn and before doc.end().
 */
export async function deflateFontStreams(doc: Doc): Promise<void> {
  const fonts = openedFonts.get(doc);
  if (!fonts) return;
  await Promise.all(
    [...fonts.values()].map(async (font) => embedDeflated(font, await deflateAsync(font.subset.encode()))),
  );
}

/** Makes pdfkit embed these deflated bytes as the font file (FlateDecode) without deflating again. */
function embedDeflated(font: PdfkitEmbeddedFont, deflated: Uint8Array): void {
  const embed = font.embed;
  font.subset.encode = () => deflated;
  font.embed = function embedFontFile(this: PdfkitEmbeddedFont) {
    const document = this.document;
    const ref = document.ref;
    // pdfkit's embed() makes the font file its first object.
    document.ref = (data?: unknown) => {
      document.ref = ref;
      const fontFile = ref.call(document, data);
      fontFile.compress = false;
      // In the order pdfkit writes them (Length, then Filter), so the bytes stay the same.
      fontFile.data.Length = 0;
      fontFile.data.Filter = 'FlateDecode';
      return fontFile;
    };
    try {
      embed.call(this);
    } finally {
      document.ref = ref;
    }
  };
}

export interface DrawContext {
  doc: Doc;
  /** 1-based, for the debug hook. */
  pageNumber: number;
  /** Lines drawn so far in the document, for the debug hook. */
  lineCount: { value: number };
  onRun?: (record: RunRecord) => void;
  /** Where the operators go; compressPageContent(doc, operators) writes them into the page. */
  operators: PageOperators;
}

/** Appends operators (and a newline, as pdfkit's addContent does) to the page being drawn. */
function addContent(context: DrawContext, operators: string): void {
  context.operators.text += `${operators}\n`;
}

function grayOperator(gray: number, stroke: boolean): string {
  const value = pdfNumber(gray);
  return stroke ? `${value} G` : `${value} g`;
}

/**
 * Draws ops whose coordinates are relative to (originX, originY) in pdfkit's top-down page space.
 * Text goes through one q/cm (flip to y-up) per line so glyph positions stay in plain points.
 */
export function drawOps(
  context: DrawContext,
  ops: readonly DrawOp[],
  originX: number,
  originY: number,
): void {
  const { doc } = context;
  const pageHeight = internals(doc).page.height;
  // Text is drawn y-up: one flip per line, so glyph positions stay in plain points.
  const flip = `1 0 0 -1 0 ${pdfNumber(pageHeight)} cm`;
  for (const op of ops) {
    switch (op.kind) {
      case 'text': {
        if (op.line.runs.length === 0) break;
        let text = `q\n${flip}\n${grayOperator(op.gray, false)}\nBT`;
        let x = originX + op.x;
        const lineNumber = context.lineCount.value++;
        const baseline = pageHeight - (originY + op.baseline);
        for (const run of op.line.runs) {
          text += `\n/Span <</ActualText ${utf16HexString(run.text)}>> BDC\n`;
          text += `${runOperators(doc, run, x, baseline)}\nEMC`;
          x += run.width;
          context.onRun?.({
            fontFile: run.font.file,
            text: run.text,
            lang: run.lang,
            glyphIds: run.glyphs.map((glyph) => glyph.glyphId),
            lineText: op.line.text,
            lineNumber,
            page: context.pageNumber,
          });
        }
        addContent(context, `${text}\nET\nQ`);
        break;
      }
      case 'rule': {
        const y = originY + op.y;
        addContent(
          context,
          [
            'q',
            grayOperator(op.gray, true),
            `${pdfNumber(op.width)} w`,
            op.dotted ? '[1 2] 0 d' : '',
            `${pdfNumber(originX + op.x1)} ${pdfNumber(y)} m`,
            `${pdfNumber(originX + op.x2)} ${pdfNumber(y)} l`,
            'S',
            'Q',
          ]
            .filter(Boolean)
            .join('\n'),
        );
        break;
      }
      case 'check': {
        const x = originX + op.x;
        const y = originY + op.y;
        const s = op.size;
        const parts = [
          'q',
          grayOperator(op.gray, true),
          '0.7 w',
          `${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(s)} ${pdfNumber(s)} re`,
          'S',
        ];
        if (op.checked) {
          // A tick drawn as two strokes (page space is y-down here).
          parts.push(
            '1.1 w',
            '1 J',
            '1 j',
            `${pdfNumber(x + s * 0.18)} ${pdfNumber(y + s * 0.55)} m`,
            `${pdfNumber(x + s * 0.42)} ${pdfNumber(y + s * 0.8)} l`,
            `${pdfNumber(x + s * 0.85)} ${pdfNumber(y + s * 0.2)} l`,
            'S',
          );
        }
        parts.push('Q');
        addContent(context, parts.join('\n'));
        break;
      }
      case 'box': {
        addContent(
          context,
          [
            'q',
            grayOperator(op.gray, true),
            `${pdfNumber(op.lineWidth)} w`,
            `${pdfNumber(originX + op.x)} ${pdfNumber(originY + op.y)} ${pdfNumber(op.width)} ${pdfNumber(op.height)} re`,
            'S',
            'Q',
          ].join('\n'),
        );
        break;
      }
    }
  }
}
