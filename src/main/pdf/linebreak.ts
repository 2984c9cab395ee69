import type { Lang } from './model';
import type { SpaceChunk } from './space-chunks';

/**
 * Line breaking as pure functions. Thai, Lao, Khmer and Burmese write words without spaces, so break
 * opportunities come from ICU's dictionary word segmenter (Intl.Segmenter, granularity 'word').
 * A line never starts inside a grapheme cluster; a single word wider than the line is the only thing
 * broken between grapheme clusters instead of words.
 */

export interface LineSpan {
  /** UTF-16 offsets into the text; `end` excludes trailing spaces. */
  start: number;
  end: number;
  text: string;
}

/** The width of a piece of text as it will be drawn (shaped, in the line's font and size). */
export type Measure = (piece: string) => number;

const wordSegmenters = new Map<Lang, Intl.Segmenter>();
const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

function wordSegmenter(lang: Lang): Intl.Segmenter {
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    wordSegmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Scripts written without spaces between words (UAX #14 class SA). */
export function isSoutheastAsianScript(codePoint: number): boolean {
  return (
    (codePoint >= 0x0e00 && codePoint <= 0x0eff) || // Thai, Lao
    (codePoint >= 0x1000 && codePoint <= 0x109f) || // Myanmar
    (codePoint >= 0x1780 && codePoint <= 0x17ff) || // Khmer
    (codePoint >= 0x19e0 && codePoint <= 0x19ff) || // Khmer symbols
    (codePoint >= 0xa9e0 && codePoint <= 0xa9ff) || // Myanmar extended-B
    (codePoint >= 0xaa60 && codePoint <= 0xaa7f) // Myanmar extended-A
  );
}

/** Characters that must not begin a line (closing punctuation, repetition marks, sentence ends). */
const NO_BREAK_BEFORE = new Set([
  ...'.,;:!?)]}»›”’%',
  '\u0e2f', // Thai paiyannoi
  '\u0e46', // Thai mai yamok
  '\u0e5a',
  '\u0e5b',
  '\u0eaf', // Lao ellipsis
  '\u0ec6', // Lao ko la
  '\u104a', // Myanmar little section
  '\u104b', // Myanmar section
  '\u17d4', // Khmer khan
  '\u17d5', // Khmer bariyoosan
  '\u17d6',
  '\u17da',
  '\u2019',
  '\u2026',
]);
/** Characters that must not end a line (opening punctuation). */
const NO_BREAK_AFTER = new Set([...'([{«‹“‘']);
/** Spaces that do not allow a break. */
const NON_BREAKING_SPACES = new Set(['\u00a0', '\u202f', '\u2007']);

function isBreakingSpace(char: string): boolean {
  return /\s/u.test(char) && !NON_BREAKING_SPACES.has(char);
}

/** The last character (code point) of a non-empty string, without splitting it into an array. */
function lastChar(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  const previous = text.charCodeAt(text.length - 2);
  const pair = last >= 0xdc00 && last <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
  return text.slice(pair ? -2 : -1);
}

/**
 * Printable ASCII and Latin letters (Latin-1 without the soft hyphen, Latin Extended-A/B, Latin
 * Extended Additional for Vietnamese): no combining marks, format characters or space-less scripts.
 * In such text the word segmenter's only boundaries that matter are the ones after a run of spaces.
 */
export function isPlainLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue;
    if (code >= 0xa0 && code <= 0x24f && code !== 0xad) continue;
    if (code >= 0x1e00 && code <= 0x1eff) continue;
    return false;
  }
  return true;
}

/**
 * breakOpportunities for plain Latin text (see isPlainLatin) without running the segmenter: there a
 * breaking space followed by anything else is always a word boundary (UAX #29 WB3d keeps spaces
 * together, nothing else joins a space to what follows), and no space-less script is involved.
 */
export function spaceBreakOpportunities(text: string): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const head = text.charAt(i);
    if (isBreakingSpace(text.charAt(i - 1)) && !isBreakingSpace(head) && !NO_BREAK_BEFORE.has(head)) {
      breaks.push(i);
    }
  }
  return breaks;
}

/** breakOpportunities from the word segmenter; works for any text. */
export function segmenterBreakOpportunities(text: string, lang: Lang): number[] {
  const breaks: number[] = [];
  let before: string | undefined;
  for (const after of wordSegmenter(lang).segment(text)) {
    const previous = before;
    before = after.segment;
    if (previous === undefined) continue;
    const tail = lastChar(previous);
    const head = after.segment.codePointAt(0) ?? 0;
    const headChar = String.fromCodePoint(head);
    if (isBreakingSpace(headChar) || NO_BREAK_BEFORE.has(headChar) || NO_BREAK_AFTER.has(tail)) continue;
    if (isBreakingSpace(tail)) {
      breaks.push(after.index);
      continue;
    }
    const tailCode = tail.codePointAt(0) ?? 0;
    if (isSoutheastAsianScript(tailCode) && isSoutheastAsianScript(head)) breaks.push(after.index);
  }
  return breaks;
}

/**
 * Offsets (strictly between 0 and text.length) where a new line may start. A break is allowed after a
 * run of ordinary spaces, or between two words of a space-less script as the word segmenter found
 * them; never before closing punctuation nor after opening punctuation.
 */
export function breakOpportunities(text: string, lang: Lang): number[] {
  // The segmenter is the slow part of line breaking; plain Latin text does not need it.
  return isPlainLatin(text) ? spaceBreakOpportunities(text) : segmenterBreakOpportunities(text, lang);
}

/** Where a new line may start in a text: breakOpportunities, or a faster way to the same offsets. */
export type Opportunities = (text: string, lang: Lang) => number[];

/**
 * A piece starting with a mark or format character (which belongs with the spaces before it, UAX #29
 * WB4) or with another kind of space (which joins the run of spaces, WB3d): worked out whole instead.
 */
const ATTACHES_BACK = /^[\p{M}\p{Cf}\s]/u;

/**
 * breakOpportunities worked out piece by piece between runs of spaces (space-chunks.ts): a break after
 * each run of spaces unless what follows must not begin a line, and inside each piece the breaks
 * `within(piece)` gives (breakOpportunities of the piece, which the caller may remember). The same
 * offsets as breakOpportunities of the whole text (tests/unit/pdf-space-chunks.test.ts).
 */
export function breakOpportunitiesByChunk(
  text: string,
  lang: Lang,
  chunks: readonly SpaceChunk[],
  within: (chunk: string) => readonly number[],
): number[] {
  if (isPlainLatin(text)) return spaceBreakOpportunities(text);
  const breaks: number[] = [];
  for (const chunk of chunks) {
    if (chunk.space) continue;
    if (chunk.start > 0) {
      if (ATTACHES_BACK.test(chunk.text)) return segmenterBreakOpportunities(text, lang);
      if (!NO_BREAK_BEFORE.has(String.fromCodePoint(chunk.text.codePointAt(0) ?? 0)))
        breaks.push(chunk.start);
    }
    for (const offset of within(chunk.text)) breaks.push(chunk.start + offset);
  }
  return breaks;
}

/** Offsets of grapheme cluster boundaries strictly inside the text. */
export function graphemeBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const { index } of graphemeSegmenter.segment(text)) {
    if (index > 0) boundaries.push(index);
  }
  return boundaries;
}

function trimEndOffset(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && isBreakingSpace(text.charAt(trimmed - 1))) trimmed--;
  return trimmed;
}

/**
 * Splits one paragraph (no '\n') into lines no wider than maxWidth, greedily. `measure` returns the
 * width of a piece of text; piece widths are summed to find a candidate line, which is then measured
 * whole (shaping and kerning across word edges) and shortened while it is too wide.
 */
export function breakParagraph(
  text: string,
  lang: Lang,
  maxWidth: number,
  measure: Measure,
  opportunities: Opportunities = breakOpportunities,
): LineSpan[] {
  const lines: LineSpan[] = [];
  // A paragraph that fits is one line: no need to look for places to break it (the word segmenter
  // is the slow part, and most of a form's texts are labels and values that fit).
  const whole = trimEndOffset(text, 0, text.length);
  if (whole === 0) return lines;
  if (measure(text.slice(0, whole)) <= maxWidth)
    return [{ start: 0, end: whole, text: text.slice(0, whole) }];
  const stops = [...opportunities(text, lang), text.length];
  let lineStart = 0;
  while (lineStart < text.length) {
    const chosen: number[] = [];
    let width = 0;
    let pieceStart = lineStart;
    for (const stop of stops) {
      if (stop <= lineStart) continue;
      const visibleEnd = trimEndOffset(text, pieceStart, stop);
      const pieceWidth = measure(text.slice(pieceStart, visibleEnd));
      if (chosen.length > 0 && width + pieceWidth > maxWidth) break;
      chosen.push(stop);
      if (width + pieceWidth > maxWidth) break;
      width += pieceWidth + (stop > visibleEnd ? measure(text.slice(visibleEnd, stop)) : 0);
      pieceStart = stop;
    }
    while (chosen.length > 1) {
      const stop = chosen[chosen.length - 1] ?? text.length;
      if (measure(text.slice(lineStart, trimEndOffset(text, lineStart, stop))) <= maxWidth) break;
      chosen.pop();
    }
    const end = chosen[chosen.length - 1] ?? text.length;
    const visibleEnd = trimEndOffset(text, lineStart, end);
    if (visibleEnd > lineStart) {
      if (measure(text.slice(lineStart, visibleEnd)) > maxWidth) {
        lines.push(...breakLongWord(text, lineStart, visibleEnd, maxWidth, measure));
      } else {
        lines.push({ start: lineStart, end: visibleEnd, text: text.slice(lineStart, visibleEnd) });
      }
    }
    lineStart = end;
  }
  return lines;
}

/** After these, a cut inside an over-long token reads best (fingerprints, paths, identifiers). */
const SOFT_CUT_AFTER = new Set([...':/-_.,;|']);

/**
 * A single word wider than the line, cut between grapheme clusters (at least one cluster a line),
 * preferably right after a separator such as ':' so a fingerprint breaks between its byte pairs.
 */
function breakLongWord(
  text: string,
  start: number,
  end: number,
  maxWidth: number,
  measure: Measure,
): LineSpan[] {
  const stops = [...graphemeBoundaries(text.slice(start, end)), end - start].map((offset) => start + offset);
  const lines: LineSpan[] = [];
  let lineStart = start;
  let lastFit = -1;
  let lastSoftFit = -1;
  let i = 0;
  while (i < stops.length) {
    const stop = stops[i] ?? end;
    if (measure(text.slice(lineStart, stop)) <= maxWidth) {
      lastFit = stop;
      if (SOFT_CUT_AFTER.has(text.charAt(stop - 1)) && stop < end) lastSoftFit = stop;
      i++;
      continue;
    }
    let cut = stop;
    if (lastSoftFit > lineStart) cut = lastSoftFit;
    else if (lastFit > lineStart) cut = lastFit;
    else i++;
    lines.push({ start: lineStart, end: cut, text: text.slice(lineStart, cut) });
    lineStart = cut;
    lastFit = -1;
    lastSoftFit = -1;
    // Re-examine the graphemes after the cut from the new line start.
    i = stops.findIndex((candidate) => candidate > lineStart);
    if (i < 0) break;
  }
  if (lineStart < end) lines.push({ start: lineStart, end, text: text.slice(lineStart, end) });
  return lines;
}

/** Splits text on '\n' and breaks each paragraph; an empty paragraph gives an empty line. */
export function breakLines(
  text: string,
  lang: Lang,
  maxWidth: number,
  measure: Measure,
  opportunities: Opportunities = breakOpportunities,
): LineSpan[] {
  const lines: LineSpan[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const broken = breakParagraph(paragraph, lang, maxWidth, measure, opportunities);
    if (broken.length === 0) lines.push({ start: offset, end: offset, text: '' });
    for (const line of broken) {
      lines.push({ start: line.start + offset, end: line.end + offset, text: line.text });
    }
    offset += paragraph.length + 1;
  }
  return lines;
}
