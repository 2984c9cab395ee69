import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultFontDir, fallbackChain } from '../../src/main/pdf/fonts';
import { itemizeByFont } from '../../src/main/pdf/itemize';
import { A4, DocumentLayout, SHARED_LINES_LIMIT, type SharedLines, STYLES } from '../../src/main/pdf/layout';
import {
  breakOpportunities,
  isPlainLatin,
  segmenterBreakOpportunities,
  spaceBreakOpportunities,
} from '../../src/main/pdf/linebreak';
import type { Lang } from '../../src/main/pdf/model';
import { BuildShaper, guessedScript, type ShapedLine, textEngineFor } from '../../src/main/pdf/textEngine';

/**
 * The speed-ups in the PDF pipeline must not change a single glyph: each shortcut is checked here
 * against the slow path it replaces.
 */

const LANGS: Lang[] = ['th', 'my', 'km', 'lo', 'vi', 'en'];
const style = { size: 10, weight: 'regular' } as const;

/** Plain Latin text rich in the characters line breaking cares about (spaces, punctuation). */
const plainLatinChar = fc.constantFrom(...'aZ09 .,;:!?()[]{}«»%-_/\'"  \u00a0éđươệỹ\u00c0\u024f'.split(''));
const plainLatinText = fc.array(plainLatinChar, { maxLength: 40 }).map((chars) => chars.join(''));

describe('line breaking shortcut for plain Latin text', () => {
  it('finds exactly the break opportunities the word segmenter finds', () => {
    fc.assert(
      fc.property(plainLatinText, fc.constantFrom(...LANGS), (text, lang) => {
        expect(isPlainLatin(text)).toBe(true);
        expect(spaceBreakOpportunities(text)).toEqual(segmenterBreakOpportunities(text, lang));
      }),
      { numRuns: 500 },
    );
  });

  it('is not taken for combining marks, format characters or space-less scripts', () => {
    for (const text of ['e\u0301 a', 'a\u00ad b', 'ไทย ไทย', 'a \u200db', 'ကို ']) {
      expect(isPlainLatin(text)).toBe(false);
    }
    // A space followed by a combining mark is not a word boundary: the segmenter path decides.
    expect(breakOpportunities('ab \u0301cd', 'en')).toEqual(segmenterBreakOpportunities('ab \u0301cd', 'en'));
  });
});

describe('itemizeByFont shortcut', () => {
  it('gives one run when the first font covers everything, the same as the word-by-word walk', () => {
    const covers = (font: string, codePoint: number) => font === 'latin' || codePoint < 0x80;
    expect(itemizeByFont('Ngô 25, (x)', ['latin', 'other'], covers)).toEqual([
      { font: 'latin', start: 0, end: 11 },
    ]);
    expect(itemizeByFont('', ['latin'], covers)).toEqual([]);
  });
});

describe('BuildShaper', () => {
  const samples: [Lang, string][] = [
    ['th', 'ผู้เสียหายได้รับการแจ้งสิทธิ์ 25 ปี (Nguyễn)'],
    ['my', 'ကျွန်တော့်နာမည် အောင်ပါ'],
    ['km', 'ខ្ញុំឈ្មោះ សុខា'],
    ['lo', 'ຂ້ອຍຊື່ ສົມ'],
    ['vi', 'Tôi tên là Nguyễn Văn Ánh'],
    ['en', 'Receiving agency: Shelter • 2026'],
  ];

  it('returns the same shaped lines and widths as the engine without a cache', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const shaper = new BuildShaper(engine);
    for (const [lang, text] of samples) {
      const direct = engine.shapeLine(text, lang, style);
      expect(shaper.shapeLine(text, lang, style)).toEqual(direct);
      // A second request is served from the cache and is still the same line.
      expect(shaper.shapeLine(text, lang, style)).toEqual(direct);
      expect(shaper.measure(text, lang, style)).toBe(direct.width);
      expect(shaper.measure(text, lang, { size: 12, weight: 'bold' })).toBe(
        engine.measure(text, lang, { size: 12, weight: 'bold' }),
      );
    }
  });

  it('keeps no more entries than its limit', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const shaper = new BuildShaper(engine, 8);
    for (let i = 0; i < 50; i++) {
      shaper.measure(`word ${i}`, 'en', style);
      expect(shaper.size).toBeLessThanOrEqual(8);
    }
    expect(shaper.size).toBeGreaterThan(0);
    expect(shaper.shapeLine('word 49', 'en', style)).toEqual(engine.shapeLine('word 49', 'en', style));
  });

  it('keys by language and style, not by text alone', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const shaper = new BuildShaper(engine);
    const text = 'ABC abc';
    const regular = shaper.shapeLine(text, 'en', style);
    const bold = shaper.shapeLine(text, 'en', { size: 10, weight: 'bold' });
    const larger = shaper.shapeLine(text, 'en', { size: 20, weight: 'regular' });
    expect(bold.runs[0]?.font.file).not.toBe(regular.runs[0]?.font.file);
    expect(larger.width).toBeCloseTo(regular.width * 2, 6);
    expect(shaper.size).toBe(3);
  });
});

/** What drawing uses of a shaped line (HarfBuzz's break flags are not drawn). */
function drawn(line: ShapedLine) {
  return {
    text: line.text,
    width: line.width,
    ascent: line.ascent,
    descent: line.descent,
    runs: line.runs.map((run) => ({
      file: run.font.file,
      text: run.text,
      size: run.size,
      width: run.width,
      glyphs: run.glyphs.map(({ glyphId, cluster, xAdvance, xOffset, yOffset }) => ({
        glyphId,
        cluster,
        xAdvance,
        xOffset,
        yOffset,
      })),
    })),
  };
}

const paragraphs: [Lang, string][] = [
  ['th', 'ผู้เสียหายได้รับการแจ้งสิทธิ์ตามกฎหมายแล้ว และยินยอมให้ส่งต่อไปยังสถานคุ้มครองในจังหวัดสงขลา น้ำใจ ก้ำ'],
  ['my', 'ကျွန်တော့်နာမည် အောင်ပါ။ သင်္ဘောပေါ်မှာ အလုပ်လုပ်ခဲ့ပြီး လစာမရခဲ့ပါ။ ကိုယ့်ဆန္ဒအလျောက် ပြောပြပါသည်။'],
  ['km', 'ខ្ញុំឈ្មោះ សុខា ខ្ញុំធ្វើការនៅលើកប៉ាល់ ហើយមិនបានទទួលប្រាក់ខែទេ។'],
  ['lo', 'ຂ້ອຍຊື່ ສົມ ຂ້ອຍເຮັດວຽກຢູ່ເທິງເຮືອ ແລະ ບໍ່ໄດ້ຮັບເງິນເດືອນ.'],
  ['vi', 'Tôi tên là Nguyễn Văn Ánh, tôi làm việc trên tàu và không được trả lương đầy đủ.'],
  ['en', 'AVATAR Wolf, Yacht To: ffi office 1234 AB:CD:EF:01:23:45:67:89:AB:CD:EF:0A'],
];

describe('BuildShaper paragraph contexts', () => {
  it('measures and shapes every piece exactly as shaping the piece alone does', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const shapeCalls = vi.spyOn(engine, 'shapeLine');
    const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
    let pieces = 0;
    for (const [lang, paragraph] of paragraphs) {
      for (const weight of ['regular', 'bold'] as const) {
        const textStyle = { size: 9.5, weight };
        const shaper = new BuildShaper(engine);
        shaper.setParagraphs([paragraph], lang, textStyle);
        const cuts = [...Array.from(graphemes.segment(paragraph), (g) => g.index), paragraph.length];
        for (let i = 0; i < cuts.length; i++) {
          // Every piece from every cut to a few later cuts, and to the end.
          for (const j of [i + 1, i + 2, i + 5, i + 13, cuts.length - 1]) {
            const start = cuts[i] ?? 0;
            const end = cuts[j] ?? paragraph.length;
            if (end <= start) continue;
            const piece = paragraph.slice(start, end);
            pieces++;
            expect(shaper.measure(piece, lang, textStyle)).toBe(engine.measure(piece, lang, textStyle));
            expect(drawn(shaper.shapeLine(piece, lang, textStyle))).toEqual(
              drawn(engine.shapeLine(piece, lang, textStyle)),
            );
          }
        }
      }
    }
    // The shortcut was really taken: the shaper shaped well under half the pieces itself.
    const direct = pieces * 2; // the checks themselves shape each piece twice through the engine
    expect(shapeCalls.mock.calls.length).toBeLessThan(direct + pieces / 2);
    shapeCalls.mockRestore();
  });

  it('guesses the script the way HarfBuzz does: first character that is not Common or Inherited', () => {
    expect(guessedScript('25 (ไทย)')).toBe('Thai');
    expect(guessedScript('\u0301 abc')).toBe('Latin');
    expect(guessedScript('123 :')).toBeUndefined();
    expect(guessedScript('مرحبا')).toBeUndefined();
  });

  it('gives no context to a paragraph that needs a fallback font', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const shaper = new BuildShaper(engine);
    const mixed = 'ชื่อ Nguyễn Văn Ánh อายุ 25 ปี';
    shaper.setParagraphs([mixed], 'th', style);
    const shapeCalls = vi.spyOn(engine, 'shapeLine');
    expect(shaper.measure('ชื่อ ', 'th', style)).toBe(engine.measure('ชื่อ ', 'th', style));
    // One shaping by the shaper (no context) plus the one by the check itself.
    expect(shapeCalls.mock.calls.length).toBe(2);
    shapeCalls.mockRestore();
  });
});

describe('the font chain', () => {
  it('starts with the language font', () => {
    expect(fallbackChain('th')[0]).toBe('thai');
  });
});

describe('lines kept across documents (SharedLines)', () => {
  const width = 120;
  const publicText = 'สิทธิของผู้เสียหายตามกฎหมายว่าด้วยการป้องกันและปราบปรามการค้ามนุษย์ รวมถึงที่พักที่ปลอดภัย';
  const personal = 'นางสาวสมใจ ใจดี อายุ 17 ปี เกิดที่บ้านเลขที่ 99 ตำบลมหาชัย';

  async function layoutWith(shared: SharedLines) {
    const engine = await textEngineFor(defaultFontDir());
    return new DocumentLayout(new BuildShaper(engine, undefined, 'sarabun'), A4, shared);
  }

  it('keeps only the texts it is told are public, and gives back the same lines as a fresh layout', async () => {
    const shared: SharedLines = {
      isPublic: (text) => text === publicText,
      cache: new Map(),
      scope: 'sarabun',
    };
    const fresh = await layoutWith({ isPublic: () => false, cache: new Map(), scope: 'sarabun' });
    const first = await layoutWith(shared);
    const expected = fresh.lines(publicText, 'th', STYLES.body, width);
    expect(expected.length).toBeGreaterThan(1);
    expect(first.lines(publicText, 'th', STYLES.body, width)).toEqual(expected);
    first.lines(personal, 'th', STYLES.body, width);
    // Only the public text is kept, under its scope, style, width and language.
    const keys = [...shared.cache.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]?.endsWith(publicText)).toBe(true);
    expect(keys.some((key) => key.includes(personal))).toBe(false);
    // A later document's layout (a new build) takes the kept lines: the same as laying it out anew.
    const later = await layoutWith(shared);
    expect(later.lines(publicText, 'th', STYLES.body, width)).toEqual(expected);
    // Its copies are its own: changing one does not change what is kept.
    const copy = later.lines(publicText, 'th', STYLES.body, width);
    (copy[0] as { height: number }).height = -1;
    expect(later.lines(publicText, 'th', STYLES.body, width)).toEqual(expected);
    expect((await layoutWith(shared)).lines(publicText, 'th', STYLES.body, width)).toEqual(expected);
  });

  it('keeps no more entries than its limit', async () => {
    const shared: SharedLines = { isPublic: () => true, cache: new Map(), scope: 'noto' };
    const layout = await layoutWith(shared);
    for (let i = 0; i < SHARED_LINES_LIMIT + 10; i++) layout.lines(`w${i}`, 'en', STYLES.small, width);
    expect(shared.cache.size).toBeLessThanOrEqual(SHARED_LINES_LIMIT);
  });
});
