import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type * as HarfBuzz from 'harfbuzzjs';
import type { Lang } from './model';

/**
 * HarfBuzz (WASM) shapes every text run. pdfkit's own shaper (fontkit) misorders Burmese and gets
 * details of Thai, Lao, Khmer and Vietnamese wrong; HarfBuzz matches the reference `hb-shape`.
 * Fonts are loaded once per file and kept for the life of the process ("fonts warm").
 */

type HarfBuzzModule = typeof HarfBuzz;

let harfBuzzPromise: Promise<HarfBuzzModule> | undefined;

/** harfbuzzjs initialises its WASM with a top-level await, so it is imported lazily. */
export function loadHarfBuzz(): Promise<HarfBuzzModule> {
  harfBuzzPromise ??= import('harfbuzzjs');
  return harfBuzzPromise;
}

export interface LoadedFont {
  /** Absolute path of the TTF file. */
  file: string;
  data: Buffer;
  unitsPerEm: number;
  /** hhea metrics in font units (descender negative). */
  ascender: number;
  descender: number;
  lineGap: number;
  /** Unicode code points with a glyph in this font. */
  coverage: ReadonlySet<number>;
  hbFont: HarfBuzz.Font;
  /** Unshaped advance of a glyph in font units (what the PDF /W array says). */
  glyphAdvance(glyphId: number): number;
  /** The glyph the font's cmap gives a code point (0 if none). */
  nominalGlyph(codePoint: number): number;
  /**
   * pdfkit's parsed font object, kept after the first document so later documents skip parsing.
   * Opaque here; only the drawing code touches it.
   */
  pdfkitFontObject?: unknown;
}

export interface ShapedGlyph {
  glyphId: number;
  /** Index (UTF-16) in the run text of the first character of this glyph's cluster. */
  cluster: number;
  /** Font units. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /**
   * HarfBuzz's UNSAFE_TO_BREAK: cutting the text where this glyph's cluster starts and shaping the
   * two sides apart could give other glyphs. When false, it gives exactly these.
   */
  unsafeToBreak: boolean;
}

/** hb_glyph_flags_t HB_GLYPH_FLAG_UNSAFE_TO_BREAK. */
const UNSAFE_TO_BREAK = 1;

/**
 * Line metrics (per 1000 units of em) used instead of a font's own hhea values where those are far
 * larger than the text needs. Noto Sans Myanmar reserves 2.18 em a line for the deepest stacks any
 * Burmese-script language can make; Burmese as written fits in 1.75 em (what browsers use for it).
 */
const LINE_METRICS: Record<string, { ascender: number; descender: number }> = {
  NotoSansMyanmar: { ascender: 1150, descender: -600 },
};

function lineMetricsOverride(file: string, upem: number) {
  const base = basename(file).replace(/[-_].*$/, '');
  const override = LINE_METRICS[base];
  if (!override) return null;
  return { ascender: (override.ascender * upem) / 1000, descender: (override.descender * upem) / 1000 };
}

const fontCache = new Map<string, Promise<LoadedFont>>();

export function loadFont(file: string): Promise<LoadedFont> {
  let loaded = fontCache.get(file);
  if (!loaded) {
    loaded = openFont(file);
    fontCache.set(file, loaded);
    loaded.catch(() => fontCache.delete(file));
  }
  return loaded;
}

async function openFont(file: string): Promise<LoadedFont> {
  const hb = await loadHarfBuzz();
  const data = readFileSync(file);
  const face = new hb.Face(new hb.Blob(new Uint8Array(data)));
  const hbFont = new hb.Font(face);
  const extents = { ...hbFont.hExtents(), ...lineMetricsOverride(file, face.upem) };
  const advances = new Map<number, number>();
  const nominal = new Map<number, number>();
  return {
    file,
    data,
    unitsPerEm: face.upem,
    ascender: extents.ascender,
    descender: extents.descender,
    lineGap: extents.lineGap,
    coverage: new Set(face.collectUnicodes()),
    hbFont,
    glyphAdvance(glyphId: number): number {
      let advance = advances.get(glyphId);
      if (advance === undefined) {
        advance = hbFont.glyphHAdvance(glyphId);
        advances.set(glyphId, advance);
      }
      return advance;
    },
    nominalGlyph(codePoint: number): number {
      let glyph = nominal.get(codePoint);
      if (glyph === undefined) {
        glyph = hbFont.nominalGlyph(codePoint) ?? 0;
        nominal.set(codePoint, glyph);
      }
      return glyph;
    },
  };
}

let sharedBuffer: HarfBuzz.Buffer | undefined;

/**
 * Shapes one run (one font, one line) the way `hb-shape --language=<lang>` does: language set,
 * direction and script guessed from the text, default features, cluster level 0. `script` (ISO 15924)
 * overrides the guess: a piece of a paragraph is shaped in the script guessed for the paragraph.
 */
export function shapeRun(
  hb: HarfBuzzModule,
  font: LoadedFont,
  text: string,
  lang: Lang,
  rtl = false,
  script?: string,
): ShapedGlyph[] {
  sharedBuffer ??= new hb.Buffer();
  const buffer = sharedBuffer;
  buffer.reset();
  buffer.addText(text);
  buffer.setLanguage(lang);
  buffer.guessSegmentProperties();
  if (script) buffer.setScript(script);
  // The bidi algorithm decided the direction; HarfBuzz then returns the glyphs in visual order.
  if (rtl) buffer.setDirection(hb.Direction.RTL);
  hb.shape(font.hbFont, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const glyphs: ShapedGlyph[] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    const position = positions[i];
    if (!info || !position) continue;
    glyphs.push({
      glyphId: info.codepoint,
      cluster: info.cluster,
      xAdvance: position.xAdvance,
      xOffset: position.xOffset,
      yOffset: position.yOffset,
      unsafeToBreak: (info.flags & UNSAFE_TO_BREAK) !== 0,
    });
  }
  return glyphs;
}
