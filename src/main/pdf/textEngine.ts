import { visualRuns } from './bidi';
import {
  FONT_FAMILIES,
  type FontFamily,
  type FontWeight,
  fallbackChain,
  ownFamily,
  resolveFontFile,
  type ThaiFace,
} from './fonts';
import { isDefaultIgnorable, itemizeByFont } from './itemize';
import { breakOpportunities, breakOpportunitiesByChunk } from './linebreak';
import type { Lang, LangText } from './model';
import { type LoadedFont, loadFont, loadHarfBuzz, type ShapedGlyph, shapeRun } from './shaping';
import { ChunkMemo, spaceChunks } from './space-chunks';

/**
 * Turns a line of text into shaped runs: itemize by font coverage, shape each run with HarfBuzz, and
 * measure. Sizes here are in PDF points unless a name says "font units".
 */

export interface TextStyle {
  size: number;
  weight: FontWeight;
  /** Thai text in Sarabun or Noto Sans Thai (default Noto). */
  thaiFace?: ThaiFace;
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

export class TextEngine implements LineShaper {
  private readonly hb: Awaited<ReturnType<typeof loadHarfBuzz>>;
  readonly fonts: FontSet;
  /** Pieces of paragraphs that hold no personal data, worked out once for the life of the fonts. */
  readonly keptPieces = {
    glyphs: new Map<string, readonly ShapedGlyph[]>(),
    breaks: new Map<string, readonly number[]>(),
  };

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

  /** A piece of a paragraph shaped in the script guessed for the whole paragraph (`scriptTag`). */
  shapePiece(font: LoadedFont, text: string, lang: Lang, scriptTag: string): ShapedGlyph[] {
    return shapeRun(this.hb, font, text, lang, false, scriptTag);
  }

  /** The font that draws most of a language's text. */
  primaryFont(lang: Lang, weight: FontWeight, thaiFace?: ThaiFace): LoadedFont {
    return this.fonts[weight][ownFamily(lang, thaiFace)];
  }

  /**
   * Shapes one line: bidi runs in visual order, each cut into runs one font draws, each shaped by
   * HarfBuzz in its direction. Text no bundled font covers is drawn as `marker` (in the line's own
   * font) while the run keeps the real text, so it still extracts and copies exactly.
   */
  shapeLine(text: string, lang: Lang, style: TextStyle, marker?: LangText): ShapedLine {
    const chain = fallbackChain(lang, style.thaiFace).map((family) => this.fonts[style.weight][family]);
    const covers = (font: LoadedFont, codePoint: number) => font.coverage.has(codePoint);
    const runs: ShapedRun[] = [];
    const shaped = (font: LoadedFont, runText: string, rtl: boolean, drawn = runText, drawnLang = lang) => {
      const glyphs = shapeRun(this.hb, font, drawn, drawnLang, rtl);
      // A marker's glyphs all stand for the whole uncovered text (one cluster).
      if (drawn !== runText) for (const glyph of glyphs) glyph.cluster = 0;
      const width = glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) * (style.size / font.unitsPerEm);
      runs.push({ font, text: runText, lang, size: style.size, glyphs, width });
    };
    for (const bidiRun of visualRuns(text)) {
      const segment = text.slice(bidiRun.start, bidiRun.end);
      const items = itemizeByFont(segment, chain, covers);
      for (const item of bidiRun.rtl ? items.reverse() : items) {
        for (const piece of coveredPieces(segment.slice(item.start, item.end), item.font)) {
          if (piece.covered) shaped(item.font, piece.text, bidiRun.rtl);
          else {
            const label = marker ?? UNSUPPORTED_SCRIPT;
            const font = this.primaryFont(label.lang, style.weight, style.thaiFace);
            shaped(font, piece.text, false, label.text, label.lang);
          }
        }
      }
    }
    const width = runs.reduce((sum, run) => sum + run.width, 0);
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
    for (const font of [this.primaryFont(lang, style.weight, style.thaiFace), ...extraFonts]) {
      const scale = style.size / font.unitsPerEm;
      ascent = Math.max(ascent, font.ascender * scale);
      descent = Math.max(descent, -font.descender * scale);
    }
    return { ascent, descent };
  }

  /** Width in points, uncached (nothing keyed by text outlives a build: see BuildShaper). */
  measure(text: string, lang: Lang, style: TextStyle): number {
    return this.shapeLine(text, lang, style).width;
  }
}

/** Drawn instead of text in a script no bundled font has (the document may give its own words). */
export const UNSUPPORTED_SCRIPT: LangText = { text: '[text in an unsupported script]', lang: 'en' };

/**
 * The text cut where the font stops or starts covering it, whole grapheme clusters at a time
 * (a mark never leaves its base). Format characters count as covered: any font may carry them.
 */
function coveredPieces(text: string, font: LoadedFont): { text: string; covered: boolean }[] {
  // Nearly always the font covers the whole run (itemizing chose it for that): no segmenting then.
  if (coveredBy(font, text)) return [{ text, covered: true }];
  const pieces: { text: string; covered: boolean }[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const covered = [...segment].every((char) => {
      const codePoint = char.codePointAt(0) ?? 0;
      return isDefaultIgnorable(codePoint) || font.coverage.has(codePoint);
    });
    const last = pieces[pieces.length - 1];
    if (last && last.covered === covered) last.text += segment;
    else pieces.push({ text: segment, covered });
  }
  return pieces;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** What layout needs from a shaper: TextEngine itself, or a BuildShaper in front of it. */
export interface LineShaper {
  shapeLine(text: string, lang: Lang, style: TextStyle): ShapedLine;
  /** Width in points. */
  measure(text: string, lang: Lang, style: TextStyle): number;
  lineMetrics(
    lang: Lang,
    style: TextStyle,
    extraFonts?: readonly LoadedFont[],
  ): { ascent: number; descent: number };
  /** Optional: the paragraphs about to be broken into lines, so their pieces can be measured faster. */
  setParagraphs?(paragraphs: readonly string[], lang: Lang, style: TextStyle): void;
  /** Optional: linebreak.ts breakOpportunities, or a faster way to the same offsets. */
  breakOpportunities?(text: string, lang: Lang): number[];
}

/** Entries a BuildShaper keeps before it starts over (a referral needs a few thousand). */
export const BUILD_SHAPE_CACHE_LIMIT = 20_000;

/** Scripts whose text may be measured from a whole shaped paragraph (all left-to-right). */
const CONTEXT_SCRIPTS = ['Thai', 'Lao', 'Khmer', 'Myanmar', 'Latin', 'Greek', 'Cyrillic'] as const;
/** Their ISO 15924 tags, as HarfBuzz takes a script. */
const SCRIPT_TAGS: Record<(typeof CONTEXT_SCRIPTS)[number], string> = {
  Thai: 'Thai',
  Lao: 'Laoo',
  Khmer: 'Khmr',
  Myanmar: 'Mymr',
  Latin: 'Latn',
  Greek: 'Grek',
  Cyrillic: 'Cyrl',
};
/** A piece starting with a mark or a format character. */
const STARTS_WITH_MARK = /^[\p{M}\p{Cf}]/u;
const SCRIPT_PATTERNS = CONTEXT_SCRIPTS.map((script) => new RegExp(`^\\p{Script=${script}}$`, 'u'));
const NEUTRAL_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]$/u;

/**
 * The script HarfBuzz's guessSegmentProperties picks for a text: that of its first character that is
 * not Common, Inherited or Unknown. Undefined when there is none or it is not in CONTEXT_SCRIPTS.
 */
export function guessedScript(text: string): (typeof CONTEXT_SCRIPTS)[number] | undefined {
  for (const char of text) {
    if (NEUTRAL_SCRIPT.test(char)) continue;
    const index = SCRIPT_PATTERNS.findIndex((pattern) => pattern.test(char));
    return index < 0 ? undefined : CONTEXT_SCRIPTS[index];
  }
  return undefined;
}

/**
 * A paragraph shaped whole in one font. HarfBuzz marks the cluster starts where cutting the text and
 * shaping the pieces apart gives exactly the same glyphs (no UNSAFE_TO_BREAK flag); between two such
 * places, a piece's width is the sum of the paragraph's advances, with no need to shape it again.
 */
interface ParagraphContext {
  text: string;
  lang: Lang;
  style: TextStyle;
  script: (typeof CONTEXT_SCRIPTS)[number];
  scale: number;
  /** The paragraph's only run (in its language's own font). */
  run: ShapedRun;
  /** advanceSums[i]: sum of xAdvance (font units) of glyphs 0..i-1. */
  advanceSums: number[];
  /** UTF-16 offset of a cluster start that is safe to break at -> index of its first glyph. */
  safeBreaks: Map<number, number>;
}

/**
 * Shaped lines of ONE document build, keyed by style, language and text. Line breaking measures the
 * same words again and again, then the chosen lines are shaped once more to be drawn; with this each
 * distinct text is shaped once. The cache holds the document's text, so it lives only as long as the
 * build (drop the BuildShaper with the document) and is bounded (cleared when full).
 */
export class BuildShaper implements LineShaper {
  private readonly cache = new Map<string, ShapedLine>();
  private contexts: ParagraphContext[] = [];

  constructor(
    private readonly engine: TextEngine,
    private readonly limit = BUILD_SHAPE_CACHE_LIMIT,
    /** The document's Thai face, applied to every style it is asked for. */
    private readonly thaiFace: ThaiFace = 'noto',
    /** Drawn for text in a script no bundled font covers. */
    private readonly marker: LangText = UNSUPPORTED_SCRIPT,
    /**
     * Pieces of text between spaces that hold no personal data (a word of a catalog text): what is
     * worked out for them (glyphs, word breaks) is kept for later documents. Otherwise nothing is.
     */
    isPublicPiece: (piece: string) => boolean = () => false,
  ) {
    this.pieceGlyphs = new ChunkMemo(engine.keptPieces.glyphs, isPublicPiece);
    this.pieceBreaks = new ChunkMemo(engine.keptPieces.breaks, isPublicPiece);
  }

  private readonly pieceGlyphs: ChunkMemo<readonly ShapedGlyph[]>;
  private readonly pieceBreaks: ChunkMemo<readonly number[]>;

  private key(text: string, lang: Lang, style: TextStyle): string {
    return `${style.weight}\u0000${style.size}\u0000${lang}\u0000${text}`;
  }

  private remember(key: string, line: ShapedLine): void {
    if (this.cache.size >= this.limit) this.cache.clear();
    this.cache.set(key, line);
  }

  /** Where a new line may start in `text`: breakOpportunities, each piece between spaces worked out once. */
  breakOpportunities(text: string, lang: Lang): number[] {
    return breakOpportunitiesByChunk(text, lang, spaceChunks(text), (piece) =>
      this.pieceBreaks.get(`${lang}\u0000${piece}`, piece, () => breakOpportunities(piece, lang)),
    );
  }

  /**
   * A paragraph its language's own font draws whole, left to right: shaped piece by piece between its
   * spaces in the paragraph's script (space-chunks.ts), which gives the glyphs and break flags shaping it
   * whole gives, each piece shaped once. Undefined when it is not such a paragraph.
   */
  private paragraphLine(
    text: string,
    lang: Lang,
    style: TextStyle,
    font: LoadedFont,
    script: (typeof CONTEXT_SCRIPTS)[number],
  ): ShapedLine | undefined {
    const key = this.key(text, lang, style);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const bidi = visualRuns(text);
    if (bidi.length !== 1 || bidi[0]?.rtl) return undefined;
    const chunks = spaceChunks(text);
    // A mark or format character right after a space is shaped with the space (a base for marks).
    if (chunks.some((chunk) => chunk.start > 0 && STARTS_WITH_MARK.test(chunk.text))) return undefined;
    const tag = SCRIPT_TAGS[script];
    const glyphs: ShapedGlyph[] = [];
    for (const chunk of chunks) {
      const shaped = this.pieceGlyphs.get(
        `${font.file}\u0000${lang}\u0000${tag}\u0000${chunk.text}`,
        chunk.text,
        () => this.engine.shapePiece(font, chunk.text, lang, tag),
      );
      for (const glyph of shaped) glyphs.push({ ...glyph, cluster: glyph.cluster + chunk.start });
    }
    // As TextEngine.shapeLine measures a run and its line.
    const width = glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) * (style.size / font.unitsPerEm);
    const run: ShapedRun = { font, text, lang, size: style.size, glyphs, width };
    const line = { text, runs: [run], width: 0 + width, ...this.engine.lineMetrics(lang, style, [font]) };
    this.remember(key, line);
    return line;
  }

  private styled(style: TextStyle): TextStyle {
    return style.thaiFace === this.thaiFace ? style : { ...style, thaiFace: this.thaiFace };
  }

  /** Number of shaped lines held now (tests). */
  get size(): number {
    return this.cache.size;
  }

  shapeLine(text: string, lang: Lang, given: TextStyle): ShapedLine {
    const style = this.styled(given);
    const key = this.key(text, lang, style);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const line =
      this.lineFromContext(text, lang, style) ?? this.engine.shapeLine(text, lang, style, this.marker);
    this.remember(key, line);
    return line;
  }

  /**
   * Measures pieces of these paragraphs (until the next call) from one shaping of each paragraph
   * where HarfBuzz says that is exact; anything else is shaped on its own as before. Paragraphs that
   * need more than their language's own font, or whose script is not a known left-to-right one, get
   * no context.
   */
  setParagraphs(paragraphs: readonly string[], lang: Lang, given: TextStyle): void {
    const style = this.styled(given);
    this.contexts = [];
    const font = this.engine.primaryFont(lang, style.weight, style.thaiFace);
    for (const text of paragraphs) {
      const script = guessedScript(text);
      if (script === undefined || !coveredBy(font, text)) continue;
      // Through the cache: a paragraph that fits on one line is drawn from this very shaping.
      const line = this.paragraphLine(text, lang, style, font, script) ?? this.shapeLine(text, lang, style);
      const run = line.runs[0];
      if (line.runs.length !== 1 || !run || run.font !== font) continue;
      const advanceSums = [0];
      const safeBreaks = new Map<number, number>();
      const unsafe = new Set<number>();
      run.glyphs.forEach((glyph, i) => {
        advanceSums.push((advanceSums[i] ?? 0) + glyph.xAdvance);
        if (glyph.unsafeToBreak) unsafe.add(glyph.cluster);
        if (run.glyphs[i - 1]?.cluster !== glyph.cluster) safeBreaks.set(glyph.cluster, i);
      });
      // One flagged glyph makes its whole cluster unsafe to break before.
      for (const cluster of unsafe) safeBreaks.delete(cluster);
      safeBreaks.set(0, 0);
      safeBreaks.set(text.length, run.glyphs.length);
      this.contexts.push({
        text,
        lang,
        style,
        script,
        scale: style.size / font.unitsPerEm,
        run,
        advanceSums,
        safeBreaks,
      });
    }
  }

  measure(text: string, lang: Lang, given: TextStyle): number {
    const style = this.styled(given);
    return this.widthFromContext(text, lang, style) ?? this.shapeLine(text, lang, style).width;
  }

  /** The width shaping `text` alone would give, read off a paragraph context; undefined if not exact. */
  private widthFromContext(text: string, lang: Lang, style: TextStyle): number | undefined {
    const found = this.findInContext(text, lang, style);
    if (!found) return undefined;
    const { context, first, end } = found;
    // Integer sum of advances times the scale: the very arithmetic shapeLine does.
    return ((context.advanceSums[end] ?? 0) - (context.advanceSums[first] ?? 0)) * context.scale;
  }

  /**
   * The line shaping `text` alone would give, cut out of a paragraph context (same glyphs, positions
   * and clusters, re-based to the piece); undefined if not exact.
   */
  private lineFromContext(text: string, lang: Lang, style: TextStyle): ShapedLine | undefined {
    const found = this.findInContext(text, lang, style);
    if (!found) return undefined;
    const { context, at, first, end } = found;
    const width = ((context.advanceSums[end] ?? 0) - (context.advanceSums[first] ?? 0)) * context.scale;
    const glyphs = context.run.glyphs
      .slice(first, end)
      .map((glyph) => ({ ...glyph, cluster: glyph.cluster - at }));
    const font = context.run.font;
    const run: ShapedRun = { font, text, lang, size: style.size, glyphs, width };
    return { text, runs: [run], width: 0 + width, ...this.engine.lineMetrics(lang, style, [font]) };
  }

  /** Where `text` sits in a paragraph context between two places safe to break at. */
  private findInContext(
    text: string,
    lang: Lang,
    style: TextStyle,
  ): { context: ParagraphContext; at: number; first: number; end: number } | undefined {
    if (this.contexts.length === 0 || text.length === 0) return undefined;
    const script = guessedScript(text);
    if (script === undefined) return undefined;
    for (const context of this.contexts) {
      if (context.lang !== lang || context.script !== script) continue;
      if (context.style.size !== style.size || context.style.weight !== style.weight) continue;
      for (let at = context.text.indexOf(text); at >= 0; at = context.text.indexOf(text, at + 1)) {
        const first = context.safeBreaks.get(at);
        const end = context.safeBreaks.get(at + text.length);
        if (first !== undefined && end !== undefined) return { context, at, first, end };
      }
    }
    return undefined;
  }

  lineMetrics(
    lang: Lang,
    style: TextStyle,
    extraFonts: readonly LoadedFont[] = [],
  ): { ascent: number; descent: number } {
    return this.engine.lineMetrics(lang, this.styled(style), extraFonts);
  }
}

/** Every character is drawn by `font` (format characters aside): itemizing gives one run in it. */
function coveredBy(font: LoadedFont, text: string): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!isDefaultIgnorable(codePoint) && !font.coverage.has(codePoint)) return false;
  }
  return true;
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
