import { FONT_FAMILIES, type FontFamily, type FontWeight, fallbackChain, resolveFontFile } from './fonts';
import { itemizeByFont } from './itemize';
import type { Lang } from './model';
import { type LoadedFont, loadFont, loadHarfBuzz, type ShapedGlyph, shapeRun } from './shaping';

/**
 * Turns a line of text into shaped runs: itemize by font coverage, shape each run with HarfBuzz, and
 * measure. Sizes here are in PDF points unless a name says "font units".
 */

export interface TextStyle {
  size: number;
  weight: FontWeight;
}

export interface ShapedRun {
  font: LoadedFont;
  /** The run's text, NFC. */
  text: string;
  lang: Lang;
  size: number;
  glyphs: ShapedGlyph[];
  /** Advance width in points. */
  width: number;
}

export interface ShapedLine {
  text: string;
  runs: ShapedRun[];
  width: number;
  /** Above the baseline, points, positive. */
  ascent: number;
  /** Below the baseline, points, positive. */
  descent: number;
}

/** What the debug hook sees for every run drawn: enough to re-shape it with `hb-shape` and compare. */
export interface RunRecord {
  fontFile: string;
  text: string;
  lang: Lang;
  glyphIds: number[];
  /** The whole line this run belongs to (a line may hold runs in several fonts). */
  lineText: string;
  /** Sequence number of that line in drawing order, from 0 (runs of one line share it). */
  lineNumber: number;
  /** 1-based page number. */
  page: number;
}

type FontSet = Record<FontWeight, Record<FontFamily, LoadedFont>>;

const MEASURE_CACHE_LIMIT = 50_000;

export class TextEngine {
  private readonly measureCache = new Map<string, number>();
  private readonly hb: Awaited<ReturnType<typeof loadHarfBuzz>>;
  readonly fonts: FontSet;

  private constructor(hb: Awaited<ReturnType<typeof loadHarfBuzz>>, fonts: FontSet) {
    this.hb = hb;
    this.fonts = fonts;
  }

  static async create(fontDir: string): Promise<TextEngine> {
    const hb = await loadHarfBuzz();
    const load = async (weight: FontWeight) => {
      const entries = await Promise.all(
        FONT_FAMILIES.map(
          async (family) => [family, await loadFont(resolveFontFile(fontDir, family, weight))] as const,
        ),
      );
      return Object.fromEntries(entries) as Record<FontFamily, LoadedFont>;
    };
    const [regular, bold] = await Promise.all([load('regular'), load('bold')]);
    return new TextEngine(hb, { regular, bold });
  }

  /** The font that draws most of a language's text. */
  primaryFont(lang: Lang, weight: FontWeight): LoadedFont {
    const family = fallbackChain(lang)[0] ?? 'sans';
    return this.fonts[weight][family];
  }

  shapeLine(text: string, lang: Lang, style: TextStyle): ShapedLine {
    const chain = fallbackChain(lang).map((family) => this.fonts[style.weight][family]);
    const runs: ShapedRun[] = [];
    let width = 0;
    for (const item of itemizeByFont(text, chain, (font, codePoint) => font.coverage.has(codePoint))) {
      const runText = text.slice(item.start, item.end);
      const glyphs = shapeRun(this.hb, item.font, runText, lang);
      const scale = style.size / item.font.unitsPerEm;
      const runWidth = glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) * scale;
      runs.push({ font: item.font, text: runText, lang, size: style.size, glyphs, width: runWidth });
      width += runWidth;
    }
    const metrics = this.lineMetrics(
      lang,
      style,
      runs.map((run) => run.font),
    );
    return { text, runs, width, ...metrics };
  }

  /** Ascent and descent of a line: the language's own font, and any fallback font used on it. */
  lineMetrics(
    lang: Lang,
    style: TextStyle,
    extraFonts: readonly LoadedFont[] = [],
  ): { ascent: number; descent: number } {
    let ascent = 0;
    let descent = 0;
    for (const font of [this.primaryFont(lang, style.weight), ...extraFonts]) {
      const scale = style.size / font.unitsPerEm;
      ascent = Math.max(ascent, font.ascender * scale);
      descent = Math.max(descent, -font.descender * scale);
    }
    return { ascent, descent };
  }

  /** Width in points, cached: line breaking measures the same words again and again. */
  measure(text: string, lang: Lang, style: TextStyle): number {
    const key = `${style.weight}\u0000${style.size}\u0000${lang}\u0000${text}`;
    const cached = this.measureCache.get(key);
    if (cached !== undefined) return cached;
    const width = this.shapeLine(text, lang, style).width;
    if (this.measureCache.size >= MEASURE_CACHE_LIMIT) this.measureCache.clear();
    this.measureCache.set(key, width);
    return width;
  }
}

const engines = new Map<string, Promise<TextEngine>>();

/** One engine per font directory for the life of the process (fonts and HarfBuzz stay warm). */
export function textEngineFor(fontDir: string): Promise<TextEngine> {
  let engine = engines.get(fontDir);
  if (!engine) {
    engine = TextEngine.create(fontDir);
    engines.set(fontDir, engine);
    engine.catch(() => engines.delete(fontDir));
  }
  return engine;
}
