/**
 * What pdfkit's font subsetter (fontkit's TTFSubset) reads of each glyph it embeds, kept per font for
 * the life of the process, as the parsed fonts are. fontkit decodes every embedded glyph's whole
 * outline on every document only to learn whether it is a compound glyph and which glyphs it is made
 * of; the glyph's bytes, components and metrics never change, so they are read once per font.
 * Font data only (no text): the same exposure as the fonts kept warm.
 *
 * The subset written is the one fontkit writes: the same glyph bytes, the same compound glyph ids
 * rewritten to the subset's ids, the same advance and left side bearing (tests/unit/pdf-render.test.ts).
 * The subset file is then written here too (writeSubset): fontkit's encoder copies the font's fixed
 * tables through its generic structure encoder on every document, which costs more than the glyphs;
 * the bytes are the same (tests/unit/pdf-subset-cache.test.ts).
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
  font: FontkitFont & { loca: { version: number } };
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
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
  const original = Object.getPrototypeOf(s) as FontkitSubset;
  const layout = fixedTables(s.font, () => {
    // fontkit's own encoder, once per font, on a subset of glyph 0 only: the tables it copies.
    const template = (s.font as unknown as { createSubset(): FontkitSubset }).createSubset();
    return original.encode.call(template);
  });
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
  if (layout) {
    s.encode = function encode(this: FontkitSubset): Uint8Array {
      // As fontkit's TTFSubset.encode: every glyph included (components may add more as it goes).
      this.glyf = [];
      this.offset = 0;
      this.loca = { offsets: [], version: this.font.loca.version } as FontkitSubset['loca'];
      this.hmtx = { metrics: [], bearings: [] } as unknown as FontkitSubset['hmtx'];
      let i = 0;
      while (i < this.glyphs.length) this._addGlyph(this.glyphs[i++] ?? 0);
      this.loca.offsets.push(this.offset);
      return writeSubset(layout, this.glyf, this.loca.offsets, this.hmtx.metrics, this.font.loca.version);
    };
  }
}

/** A table of the subset font as fontkit writes it: its tag, and its bytes when they never change. */
interface TableSlot {
  tag: string;
  bytes: Uint8Array;
}

/** fontkit's subset encoding of one font, as writeSubset repeats it. */
interface SubsetLayout {
  /** The first 12 bytes (sfnt tag, table count and search fields). */
  header: Uint8Array;
  /** The tables in fontkit's order, with the bytes of those copied from the font. */
  tables: TableSlot[];
}

/** Per font (null: fontkit's encoder stays). */
const layouts = new WeakMap<object, SubsetLayout | null>();

/**
 * The tables of fontkit's subset encoding, read back from one encoding (its directory: tag, checksum 0,
 * offset, length; the tables one after the other in directory order). head, hhea, maxp, cvt, prep and
 * fpgm are the font's own; only glyph and metric counts change, patched in writeSubset. Null when the
 * encoding is not laid out that way (then fontkit's encoder stays).
 */
function fixedTables(font: object, encode: () => Uint8Array): SubsetLayout | null {
  if (layouts.has(font)) return layouts.get(font) ?? null;
  let layout: SubsetLayout | null = null;
  let slots: TableSlot[] | null = null;
  try {
    const bytes = encode();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = view.getUint16(4);
    let expected = 12 + 16 * count;
    slots = [];
    for (let t = 0; t < count; t++) {
      const at = 12 + 16 * t;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      if (view.getUint32(at + 4) !== 0 || offset !== expected) {
        slots = null;
        break;
      }
      slots.push({ tag, bytes: bytes.slice(offset, offset + length) });
      expected += length;
    }
    const tags = slots?.map((slot) => slot.tag).join(',') ?? '';
    if (expected !== bytes.length || !/^head,hhea,loca,maxp,(cvt ,)?(prep,)?glyf,hmtx(,fpgm)?$/.test(tags)) {
      slots = null;
    }
    if (slots) layout = { header: bytes.slice(0, 12), tables: slots };
  } catch {
    layout = null;
  }
  layouts.set(font, layout);
  return layout;
}

/**
 * The subset font, byte for byte what fontkit's Directory.toBuffer writes for these tables: the
 * directory, then head, hhea (numberOfMetrics), loca (short: offsets / 2), maxp (numGlyphs), cvt, prep,
 * glyf, hmtx (advance and left side bearing of each glyph), fpgm.
 */
function writeSubset(
  { header, tables }: SubsetLayout,
  glyf: Uint8Array[],
  offsets: number[],
  metrics: { advance: number; bearing: number }[],
  locaVersion: number,
): Uint8Array {
  const glyphCount = glyf.length;
  const locaLength = offsets.length * (locaVersion === 0 ? 2 : 4);
  const glyfLength = offsets[offsets.length - 1] ?? 0;
  const lengthOf = (slot: TableSlot) =>
    slot.tag === 'loca'
      ? locaLength
      : slot.tag === 'glyf'
        ? glyfLength
        : slot.tag === 'hmtx'
          ? metrics.length * 4
          : slot.bytes.length;
  const directoryLength = 12 + 16 * tables.length;
  const total = tables.reduce((sum, slot) => sum + lengthOf(slot), directoryLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(header, 0);
  let offset = directoryLength;
  tables.forEach((slot, t) => {
    const at = 12 + 16 * t;
    for (let c = 0; c < 4; c++) out[at + c] = slot.tag.charCodeAt(c);
    const length = lengthOf(slot);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, length);
    switch (slot.tag) {
      case 'loca':
        offsets.forEach((value, i) => {
          if (locaVersion === 0) view.setUint16(offset + 2 * i, value >>> 1);
          else view.setUint32(offset + 4 * i, value);
        });
        break;
      case 'glyf': {
        let position = offset;
        for (const glyph of glyf) {
          out.set(glyph, position);
          position += glyph.length;
        }
        break;
      }
      case 'hmtx':
        metrics.forEach((metric, i) => {
          view.setUint16(offset + 4 * i, metric.advance);
          view.setInt16(offset + 4 * i + 2, metric.bearing);
        });
        break;
      default:
        out.set(slot.bytes, offset);
        if (slot.tag === 'hhea') view.setUint16(offset + 34, metrics.length);
        if (slot.tag === 'maxp') view.setUint16(offset + 4, glyphCount);
    }
    offset += length;
  });
  return out;
}
