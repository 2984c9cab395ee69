/**
 * Splits text into runs that one font can draw whole. Pure: the caller says which font covers which
 * code point. Works word by word: a run keeps its font as long as that font covers the next word
 * (spaces, digits and punctuation stay with the script around them); otherwise the first font in the
 * chain that covers the whole word takes over, so a word is never drawn in two designs. Only a word
 * no single font covers is split, and then between grapheme clusters, so a base letter and its marks
 * always shape together. This is what keeps tofu boxes (glyph 0) out of the PDF.
 */

export interface FontRun<F> {
  font: F;
  start: number;
  end: number;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const words = new Intl.Segmenter('und', { granularity: 'word' });

/** Format and variation characters that HarfBuzz hides; any font may carry them. */
export function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0x00ad ||
    codePoint === 0x034f ||
    codePoint === 0x061c ||
    (codePoint >= 0x115f && codePoint <= 0x1160) ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

function coversAll<F>(font: F, text: string, covers: (font: F, codePoint: number) => boolean): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!isDefaultIgnorable(codePoint) && !covers(font, codePoint)) return false;
  }
  return true;
}

export function itemizeByFont<F>(
  text: string,
  chain: readonly F[],
  covers: (font: F, codePoint: number) => boolean,
): FontRun<F>[] {
  const first = chain[0];
  if (first === undefined) throw new Error('itemizeByFont: empty font chain');
  // Most lines are drawn whole by their own script's font: the word-by-word walk below would then give
  // exactly one run, so skip its (costly) word segmentation.
  if (text.length === 0) return [];
  if (coversAll(first, text, covers)) return [{ font: first, start: 0, end: text.length }];
  const runs: FontRun<F>[] = [];
  let current: FontRun<F> | undefined;
  const append = (font: F, start: number, end: number) => {
    if (current && current.font === font) {
      current.end = end;
    } else {
      current = { font, start, end };
      runs.push(current);
    }
  };
  /** Current font if it covers the piece, else the first font in the chain that does. */
  const pick = (piece: string): F | undefined =>
    current && coversAll(current.font, piece, covers)
      ? current.font
      : chain.find((candidate) => coversAll(candidate, piece, covers));
  for (const word of words.segment(text)) {
    const wordEnd = word.index + word.segment.length;
    const font = pick(word.segment);
    if (font !== undefined) {
      append(font, word.index, wordEnd);
      continue;
    }
    for (const cluster of graphemes.segment(word.segment)) {
      const start = word.index + cluster.index;
      const clusterFont =
        pick(cluster.segment) ??
        chain.find((candidate) => covers(candidate, cluster.segment.codePointAt(0) ?? 0)) ??
        current?.font ??
        first;
      append(clusterFont, start, start + cluster.segment.length);
    }
  }
  return runs;
}
