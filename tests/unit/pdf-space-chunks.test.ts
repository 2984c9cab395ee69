import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThaiFace } from '../../src/main/pdf/fonts';
import { defaultFontDir } from '../../src/main/pdf/fonts';
import { A4, DocumentLayout, STYLES } from '../../src/main/pdf/layout';
import { breakOpportunities } from '../../src/main/pdf/linebreak';
import type { Lang } from '../../src/main/pdf/model';
import { spaceChunks } from '../../src/main/pdf/space-chunks';
import { BuildShaper, type ShapedLine, type TextEngine, textEngineFor } from '../../src/main/pdf/textEngine';

/**
 * Paragraphs are shaped and searched for word breaks piece by piece between their spaces
 * (space-chunks.ts). That must give exactly what working on the whole paragraph gives: checked here on
 * every text of the catalogs, and on random paragraphs mixing their words with names and marks.
 */

const LANGS: Lang[] = ['th', 'my', 'km', 'lo', 'vi', 'en'];

/** Every catalog text of a language (all namespaces), NFC, one paragraph at a time. */
function catalogParagraphs(lang: Lang): string[] {
  const dir = join('resources', 'locales', lang);
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(...value.normalize('NFC').split('\n'));
    else if (value && typeof value === 'object') for (const child of Object.values(value)) collect(child);
  };
  for (const file of readdirSync(dir)) collect(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  return texts.filter((text) => text.length > 0);
}

/** What a glyph run is, as drawing and measuring read it. */
function glyphsOf(line: ShapedLine): string[] {
  return line.runs.flatMap((run) =>
    run.glyphs.map(
      (g) =>
        `${run.font.file}:${g.glyphId}@${g.cluster} ${g.xAdvance},${g.xOffset},${g.yOffset} ${g.unsafeToBreak}`,
    ),
  );
}

/** The paragraph as the layout shapes it (piece by piece when it can) and as shaping it whole gives. */
function bothWays(engine: TextEngine, text: string, lang: Lang, weight: 'regular' | 'bold', face: ThaiFace) {
  const style = { size: 10, weight, thaiFace: face } as const;
  const shaper = new BuildShaper(engine, undefined, face);
  shaper.setParagraphs([text], lang, style);
  const pieces = shaper.shapeLine(text, lang, style);
  const whole = engine.shapeLine(text, lang, style);
  return { pieces, whole };
}

describe('paragraphs worked out piece by piece between spaces', () => {
  it('cuts at every run of spaces, and the pieces make the text again', () => {
    expect(spaceChunks('ab  c d')).toEqual([
      { text: 'ab', start: 0, space: false },
      { text: '  ', start: 2, space: true },
      { text: 'c', start: 4, space: false },
      { text: ' ', start: 5, space: true },
      { text: 'd', start: 6, space: false },
    ]);
    expect(spaceChunks(' a ')).toHaveLength(3);
    expect(spaceChunks('')).toEqual([]);
  });

  it.each(LANGS)(
    '%s: every catalog text gets the glyphs and break flags of shaping it whole',
    async (lang) => {
      const engine = await textEngineFor(defaultFontDir());
      const faces: ThaiFace[] = lang === 'th' ? ['noto', 'sarabun'] : ['noto'];
      let compared = 0;
      for (const text of catalogParagraphs(lang)) {
        if (!text.includes(' ')) continue;
        for (const face of faces) {
          for (const weight of ['regular', 'bold'] as const) {
            const { pieces, whole } = bothWays(engine, text, lang, weight, face);
            expect(glyphsOf(pieces), text).toEqual(glyphsOf(whole));
            expect(pieces.width).toBe(whole.width);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(200);
    },
  );

  it.each(LANGS)('%s: every catalog text gets the word breaks of the whole text', async (lang) => {
    const engine = await textEngineFor(defaultFontDir());
    const shaper = new BuildShaper(engine);
    const paragraphs = catalogParagraphs(lang);
    for (const text of paragraphs) {
      expect(shaper.breakOpportunities(text, lang), text).toEqual(breakOpportunities(text, lang));
    }
    expect(paragraphs.length).toBeGreaterThan(200);
  });

  it('random paragraphs of catalog words, names, marks and other spaces: the same glyphs and breaks', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const words = (lang: Lang) =>
      [
        ...new Set(
          catalogParagraphs(lang)
            .flatMap((text) => text.split(/ +/))
            .filter(Boolean),
        ),
      ].slice(0, 400);
    const wordsOf = Object.fromEntries(LANGS.map((lang) => [lang, words(lang)])) as Record<Lang, string[]>;
    const odd = [
      'ကိုအောင်',
      'สมชาย',
      'Nguyễn',
      '\u0e48ก',
      '\u200bx',
      '\u2003ก',
      '(สาธิต)',
      '၁၂',
      '—',
      'ๆ',
      '18:35',
      'A.',
    ];
    const paragraph = fc
      .constantFrom(...LANGS)
      .chain((lang) =>
        fc.tuple(
          fc.constant(lang),
          fc.array(fc.oneof(fc.constantFrom(...wordsOf[lang]), fc.constantFrom(...odd)), {
            minLength: 1,
            maxLength: 12,
          }),
          fc.array(fc.constantFrom(' ', '  ', ' '), { minLength: 12, maxLength: 12 }),
        ),
      )
      .map(([lang, parts, gaps]) => ({
        lang,
        text: parts.map((part, i) => (i === 0 ? part : `${gaps[i] ?? ' '}${part}`)).join(''),
      }));
    fc.assert(
      fc.property(paragraph, fc.constantFrom('regular', 'bold'), ({ lang, text }, weight) => {
        const shaper = new BuildShaper(engine);
        expect(shaper.breakOpportunities(text, lang)).toEqual(breakOpportunities(text, lang));
        const { pieces, whole } = bothWays(engine, text, lang, weight, 'noto');
        expect(glyphsOf(pieces)).toEqual(glyphsOf(whole));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps across documents only pieces it is told are public: never a name', async () => {
    const engine = await textEngineFor(defaultFontDir());
    const isPublic = (piece: string) => piece === 'ได้สัมภาษณ์' || piece === ' ';
    const layout = new DocumentLayout(new BuildShaper(engine, undefined, 'noto', undefined, isPublic), A4);
    const text = `ได้สัมภาษณ์ นายสมชายพิเศษ ${'ได้สัมภาษณ์ '.repeat(30)}`;
    expect(layout.lines(text, 'th', STYLES.body, 200).length).toBeGreaterThan(1);
    const kept = [...engine.keptPieces.glyphs.keys(), ...engine.keptPieces.breaks.keys()];
    expect(kept.some((key) => key.endsWith('\u0000ได้สัมภาษณ์'))).toBe(true);
    expect(kept.some((key) => key.includes('สมชาย'))).toBe(false);
  });
});
