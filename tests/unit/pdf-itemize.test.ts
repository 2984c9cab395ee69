import { describe, expect, it } from 'vitest';
import { fallbackChain, LANG_FAMILY } from '../../src/main/pdf/fonts';
import { itemizeByFont } from '../../src/main/pdf/itemize';

/** Fake coverage: Thai font has Thai and ASCII; sans has Latin incl. Vietnamese; Myanmar has Myanmar. */
function covers(font: string, codePoint: number): boolean {
  const ascii = codePoint >= 0x20 && codePoint < 0x7f;
  if (font === 'thai') return ascii || (codePoint >= 0x0e00 && codePoint <= 0x0e7f);
  if (font === 'sans')
    return (
      ascii ||
      (codePoint >= 0x00a0 && codePoint <= 0x024f) ||
      (codePoint >= 0x0300 && codePoint <= 0x036f) ||
      (codePoint >= 0x1e00 && codePoint <= 0x1eff)
    );
  if (font === 'myanmar') return ascii || (codePoint >= 0x1000 && codePoint <= 0x109f);
  return false;
}

const chain = ['thai', 'sans', 'myanmar'];

describe('itemizeByFont', () => {
  it('keeps spaces and digits with the surrounding script and moves whole words to a fallback font', () => {
    const text = 'ชื่อ 25 Nguyễn ปี';
    const runs = itemizeByFont(text, chain, covers).map((run) => [run.font, text.slice(run.start, run.end)]);
    expect(runs).toEqual([
      ['thai', 'ชื่อ 25 '],
      ['sans', 'Nguyễn '],
      ['thai', 'ปี'],
    ]);
  });

  it('switches font where the script changes', () => {
    const text = 'ไทยက';
    const runs = itemizeByFont(text, chain, covers).map((run) => [run.font, text.slice(run.start, run.end)]);
    expect(runs).toEqual([
      ['thai', 'ไทย'],
      ['myanmar', 'က'],
    ]);
  });

  it('never splits a grapheme cluster between fonts', () => {
    // e + combining circumflex + combining acute: one cluster the Thai font cannot draw whole.
    const text = 'กe\u0302\u0301ก';
    const runs = itemizeByFont(text, chain, covers);
    expect(runs.map((run) => [run.font, text.slice(run.start, run.end)])).toEqual([
      ['thai', 'ก'],
      ['sans', 'e\u0302\u0301'],
      ['thai', 'ก'],
    ]);
  });

  it('covers the whole text with adjacent runs', () => {
    const text = 'ကျွန်တော် (Aung) ไทย ệ';
    const runs = itemizeByFont(text, chain, covers);
    expect(runs[0]?.start).toBe(0);
    expect(runs[runs.length - 1]?.end).toBe(text.length);
    for (let i = 1; i < runs.length; i++) expect(runs[i]?.start).toBe(runs[i - 1]?.end);
    for (const run of runs) {
      for (const char of text.slice(run.start, run.end))
        expect(covers(run.font, char.codePointAt(0) ?? 0)).toBe(true);
    }
  });

  it('lets zero-width joiners and spaces stay in any run', () => {
    const text = 'ก\u200bข\u200cค';
    expect(itemizeByFont(text, chain, covers)).toEqual([{ font: 'thai', start: 0, end: text.length }]);
  });

  it('uses the first font when nothing covers a character (it still draws something)', () => {
    const text = '\u{1F600}';
    expect(itemizeByFont(text, chain, covers)).toEqual([{ font: 'thai', start: 0, end: text.length }]);
  });
});

describe('font chain', () => {
  it('starts with the language font and includes every family once', () => {
    for (const lang of ['th', 'my', 'km', 'lo', 'vi', 'en'] as const) {
      const list = fallbackChain(lang);
      expect(list[0]).toBe(LANG_FAMILY[lang]);
      // Every bundled family but Sarabun, which draws Thai only where a document chooses it.
      expect(new Set(list).size).toBe(list.length);
      expect(list).toEqual(expect.arrayContaining(['sans', 'thai', 'lao', 'khmer', 'myanmar', 'arabic']));
      expect(list).not.toContain('sarabun');
    }
    expect(fallbackChain('th')[1]).toBe('sans');
    expect(fallbackChain('th', 'sarabun').slice(0, 3)).toEqual(['sarabun', 'sans', 'thai']);
  });
});
