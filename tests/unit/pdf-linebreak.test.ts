import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakOpportunities,
  breakParagraph,
  graphemeBoundaries,
  isSoutheastAsianScript,
} from '../../src/main/pdf/linebreak';
import type { Lang } from '../../src/main/pdf/model';
import { SAMPLE_PARAGRAPHS } from '../fixtures/pdf/samples';

function wordBoundaries(text: string, lang: Lang): Set<number> {
  const set = new Set<number>();
  for (const { index } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) set.add(index);
  return set;
}

function graphemeSet(text: string): Set<number> {
  return new Set([0, ...graphemeBoundaries(text), text.length]);
}

/** A width model for pure tests: every grapheme cluster is 5 units wide. */
function clusterWidth(piece: string): number {
  return Array.from(new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(piece)).length * 5;
}

/** Checks every invariant a correct line breaker keeps, and returns the lines. */
function checkLines(text: string, lang: Lang, maxWidth: number) {
  const lines = breakParagraph(text, lang, maxWidth, clusterWidth);
  const words = wordBoundaries(text, lang);
  const graphemes = graphemeSet(text);
  const opportunities = new Set(breakOpportunities(text, lang));
  for (const [i, line] of lines.entries()) {
    expect(line.text).toBe(text.slice(line.start, line.end));
    expect(line.text.length).toBeGreaterThan(0);
    // No line starts or ends inside a grapheme cluster.
    expect(graphemes.has(line.start)).toBe(true);
    expect(graphemes.has(line.end)).toBe(true);
    const tooWideWord = clusterWidth(line.text) > maxWidth;
    // Only a single grapheme may be wider than the line.
    if (tooWideWord) expect(clusterWidth(line.text)).toBe(5);
    if (i > 0) {
      const previous = lines[i - 1];
      // Between two lines there is only whitespace.
      expect(text.slice(previous?.end ?? 0, line.start).trim()).toBe('');
      // A line starts at a word boundary (a break opportunity), unless an over-long word was cut.
      const cutInsideWord =
        previous !== undefined && previous.end === line.start && !opportunities.has(line.start);
      if (!cutInsideWord) {
        expect(words.has(line.start)).toBe(true);
        expect(opportunities.has(line.start)).toBe(true);
      }
    }
  }
  // Nothing lost: before the first line, after the last, and between lines there is only whitespace.
  expect(text.slice(0, lines[0]?.start ?? text.length).trim()).toBe('');
  expect(text.slice(lines[lines.length - 1]?.end ?? 0).trim()).toBe('');
  return lines;
}

describe('breakOpportunities', () => {
  it.each(['th', 'my', 'km', 'lo'] as const)('in %s falls only on word and grapheme boundaries', (lang) => {
    for (const text of SAMPLE_PARAGRAPHS[lang]) {
      const words = wordBoundaries(text, lang);
      const graphemes = graphemeSet(text);
      const breaks = breakOpportunities(text, lang);
      expect(breaks.length).toBeGreaterThan(0);
      for (const offset of breaks) {
        expect(words.has(offset)).toBe(true);
        expect(graphemes.has(offset)).toBe(true);
        expect(offset).toBeGreaterThan(0);
        expect(offset).toBeLessThan(text.length);
      }
    }
  });

  it('finds several breaks inside long Thai and Burmese runs that have no spaces', () => {
    const thai = SAMPLE_PARAGRAPHS.th[0] ?? '';
    const burmese = SAMPLE_PARAGRAPHS.my[1] ?? '';
    expect(thai).not.toMatch(/\s/);
    expect(breakOpportunities(thai, 'th').length).toBeGreaterThan(10);
    expect(breakOpportunities(burmese, 'my').length).toBeGreaterThan(10);
  });

  it('breaks Latin text only after spaces, never before punctuation', () => {
    const text = 'Hello, world (test) ok. Done!';
    const breaks = breakOpportunities(text, 'en');
    for (const offset of breaks) expect(text[offset - 1]).toBe(' ');
    expect(breaks.map((offset) => text.slice(offset))).toEqual([
      'world (test) ok. Done!',
      '(test) ok. Done!',
      'ok. Done!',
      'Done!',
    ]);
  });

  it('keeps Burmese and Khmer sentence marks with the word before them', () => {
    for (const [text, lang] of [
      ['ကျွန်တော်သည်ငါးဖမ်းခဲ့ပါ။', 'my'],
      ['ខ្ញុំមិនអាចត្រឡប់ទៅផ្ទះវិញបានទេ។', 'km'],
    ] as const) {
      for (const offset of breakOpportunities(text, lang))
        expect(['။', '၊', '។']).not.toContain(text[offset]);
    }
  });

  it('does not break at a no-break space', () => {
    expect(breakOpportunities('10\u00a0km away', 'en')).toEqual([6]);
  });
});

describe('breakParagraph', () => {
  it.each(['th', 'my', 'km', 'lo', 'vi', 'en'] as const)('keeps every invariant for %s samples', (lang) => {
    for (const text of SAMPLE_PARAGRAPHS[lang]) {
      for (const width of [40, 75, 120, 300]) checkLines(text, lang, width);
    }
  });

  it('fills lines greedily', () => {
    const lines = breakParagraph('aa bb cc dd', 'en', 25, clusterWidth);
    expect(lines.map((line) => line.text)).toEqual(['aa bb', 'cc dd']);
  });

  it('keeps a paragraph that fits its width on one line, whatever its words measure apart', () => {
    // Kerning across word edges can make a whole line narrower than its words measured one by one.
    const kerned = (piece: string) => (piece === 'To Va' ? 24 : piece.length * 6);
    expect(breakParagraph('To Va  ', 'en', 25, kerned)).toEqual([{ start: 0, end: 5, text: 'To Va' }]);
    expect(breakParagraph('To Va', 'en', 23, kerned).map((line) => line.text)).toEqual(['To', 'Va']);
    expect(breakParagraph('   ', 'en', 25, kerned)).toEqual([]);
  });

  it('puts a long Thai paragraph on several lines, each ending at a word', () => {
    const text = SAMPLE_PARAGRAPHS.th[0] ?? '';
    const lines = checkLines(text, 'th', 100);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('cuts an over-long word between grapheme clusters, after a separator when it can', () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) =>
      (i * 7).toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    const lines = breakParagraph(fingerprint, 'en', 100, clusterWidth);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line.text.endsWith(':')).toBe(true);
    expect(lines.map((line) => line.text).join('')).toBe(fingerprint);
    const thaiWord = 'กรุงเทพมหานครอมรรัตนโกสินทร์';
    const cut = breakParagraph(thaiWord, 'th', 20, clusterWidth);
    const graphemes = graphemeSet(thaiWord);
    for (const line of cut) expect(graphemes.has(line.start)).toBe(true);
    expect(cut.map((line) => line.text).join('')).toBe(thaiWord);
  });

  it('holds its invariants for random unspaced Thai, Burmese, Khmer and Lao text', () => {
    const words: Record<'th' | 'my' | 'km' | 'lo', string[]> = {
      th: [
        'การ',
        'ทำงาน',
        'เรือ',
        'ประมง',
        'ค่าจ้าง',
        'หนังสือ',
        'เดินทาง',
        'ที่',
        'ไม่',
        'ได้',
        'กลับ',
        'บ้าน',
        'น้ำ',
        'ผู้',
      ],
      my: ['ကျွန်တော်', 'သည်', 'ငါး', 'ဖမ်း', 'လှေ', 'လစာ', 'မ', 'ရ', 'ခဲ့', 'ပါ', 'သင်္ဘော', 'အိမ်', 'ပြန်'],
      km: ['ខ្ញុំ', 'បាន', 'ធ្វើការ', 'នៅ', 'លើ', 'ទូក', 'នេសាទ', 'ប្រាក់', 'ឈ្នួល', 'ស្ត្រី', 'ផ្ទះ'],
      lo: ['ຂ້ອຍ', 'ໄດ້', 'ເຮັດວຽກ', 'ຢູ່', 'ເທິງ', 'ເຮືອ', 'ຫາປາ', 'ຄ່າຈ້າງ', 'ບ້ານ'],
    };
    const langs = Object.keys(words) as (keyof typeof words)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...langs),
        fc.array(fc.nat(100), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 5, max: 200 }),
        fc.boolean(),
        (lang, picks, width, spaced) => {
          const list = words[lang];
          const text = picks.map((pick) => list[pick % list.length]).join(spaced ? ' ' : '');
          checkLines(text, lang, width);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('breakLines', () => {
  it('honours hard line breaks and keeps empty lines', () => {
    const lines = breakLines('one two\n\nthree', 'en', 1000, clusterWidth);
    expect(lines.map((line) => line.text)).toEqual(['one two', '', 'three']);
    expect(lines[2]?.start).toBe(9);
  });
});

describe('isSoutheastAsianScript', () => {
  it('knows the scripts written without spaces', () => {
    expect(['ก', 'ກ', 'က', 'ក'].every((char) => isSoutheastAsianScript(char.codePointAt(0) ?? 0))).toBe(true);
    expect(['a', 'ệ', '1'].some((char) => isSoutheastAsianScript(char.codePointAt(0) ?? 0))).toBe(false);
  });
});
