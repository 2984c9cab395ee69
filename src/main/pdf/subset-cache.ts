/**
 * What pdfkit's font subsetter (fontkit's TTFSubset) reads of each glyph it embeds, kept per font for
 * the life of the process, as the parsed fonts are. fontkit decodes every embedded glyph's whole
 * outline on every document only to learn whether it is a compound glyph and which glyphs it is made
 * of; the glyph's bytes, components and metrics never change, so they are read once per font.
 * Font data only (no text): the same exposure as the fonts kept warm.
 *
 * The subset written is the one fontkit writes: the same glyph bytes, the same compound glyph ids
 * rewritten to the subset's ids, the same advance and left side bearing (tests/unit/pdf-render.test.ts).
 */

interface GlyphRecord {
  /** The glyph's bytes in the font's glyf table (shared: copied before any change). */
  bytes: Uint8Array;
  /** For a compound glyph: where each component's glyph id sits in `bytes`, and that id. */
  components: { pos: number; glyphID: number }[] | null;
  advance: number;
  bearing: number;
}

/** The parts of fontkit's TTFFont and TTFSubset this module touches (fontkit has no public API here). */
interface FontkitFont {
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  getGlyph(gid: number): {
    _decode(): { numberOfContours: number; components?: { pos: number; glyphID: number }[] } | null;
    advanceWidth: number;
    _getMetrics(): { leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

interface FontkitSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

const records = new WeakMap<object, Map<number, GlyphRecord>>();
const installed = new WeakSet<object>();

function readGlyph(font: FontkitFont, gid: number): GlyphRecord {
  const glyph = font.getGlyph(gid);
  const decoded = glyph._decode();
  const start = font.loca.offsets[gid] ?? 0;
  const end = font.loca.offsets[gid + 1] ?? start;
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  const bytes = stream.readBuffer(end - start);
  const compound = decoded !== null && decoded.numberOfContours < 0;
  return {
    bytes,
    components: compound ? (decoded.components ?? []).map(({ pos, glyphID }) => ({ pos, glyphID })) : null,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
}

/**
 * Makes this pdfkit subset read its glyphs through the per-font records. Only for TrueType outlines
 * without variations (the bundled fonts); anything else keeps fontkit's own code.
 */
export function readGlyphsThroughRecords(subset: unknown): void {
  const s = subset as FontkitSubset;
  if (installed.has(s) || typeof s._addGlyph !== 'function' || !s.font?.loca) return;
  if (s.font._variationProcessor) return;
  installed.add(s);
  let byGlyph = records.get(s.font);
  if (!byGlyph) {
    byGlyph = new Map();
    records.set(s.font, byGlyph);
  }
  const cache = byGlyph;
  s._addGlyph = function addGlyph(this: FontkitSubset, gid: number): number {
    let record = cache.get(gid);
    if (!record) {
      record = readGlyph(this.font, gid);
      cache.set(gid, record);
    }
    let bytes = record.bytes;
    if (record.components) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of record.components) {
        view.setUint16(component.pos, this.includeGlyph(component.glyphID));
      }
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
