import bidiFactory from 'bidi-js';

/**
 * Right-to-left text (a vessel named in Arabic, a Hebrew name) inside a left-to-right line: the
 * Unicode Bidirectional Algorithm (bidi-js) gives each character an embedding level; runs of one
 * level are then put in visual order (rule L2: from the highest level down to the lowest odd one,
 * every sequence at that level or above is reversed). HarfBuzz shapes each run in its own direction,
 * so the letters of a right-to-left run come out right to left and its digits left to right.
 */

const bidi = bidiFactory();

/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their forms). */
const RTL_CHARACTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export interface BidiRun {
  /** UTF-16 offsets into the line. */
  start: number;
  end: number;
  rtl: boolean;
}

/** The line's runs of one direction, in visual order (left to right); one LTR run when nothing is RTL. */
export function visualRuns(text: string): BidiRun[] {
  if (!RTL_CHARACTER.test(text)) return [{ start: 0, end: text.length, rtl: false }];
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const runs: (BidiRun & { level: number })[] = [];
  for (let i = 0; i < text.length; i++) {
    const level = levels[i] ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level, rtl: level % 2 === 1 });
  }
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map(({ start, end, rtl }) => ({ start, end, rtl }));
}
