import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontDir, fallbackChain, resolveFontFile } from '../../src/main/pdf/fonts';
import { breakOpportunities } from '../../src/main/pdf/linebreak';
import { LANGS, type Lang } from '../../src/main/pdf/model';
import { renderPdf } from '../../src/main/pdf/render';
import type { RunRecord } from '../../src/main/pdf/textEngine';
import { AppError } from '../../src/shared/errors';
import { bilingualSample, SAMPLE_PARAGRAPHS, singleLanguageModel } from '../fixtures/pdf/samples';
import {
  hbShapeGlyphIds,
  normalizeText,
  pdffonts,
  pdfPageCount,
  pdftotext,
  qpdfCheck,
  tempDir,
  withoutWhitespace,
} from '../fixtures/pdf/tools';

const dir = tempDir();
afterAll(() => dir.remove());

const FIXED_DATE = new Date('2024-03-15T03:30:00Z');

async function render(lang: Lang) {
  const runs: RunRecord[] = [];
  const pdf = await renderPdf(singleLanguageModel(lang), {
    creationDate: FIXED_DATE,
    onRun: (run) => runs.push(run),
  });
  return { pdf, runs, file: dir.write(`${lang}.pdf`, pdf) };
}

/** Text of every line drawn, in order (a line may consist of several runs). */
function drawnLines(runs: RunRecord[]): string[] {
  const lines = new Map<number, string>();
  for (const run of runs) lines.set(run.lineNumber, run.lineText);
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

describe.each(LANGS)('renderPdf in %s', (lang) => {
  const rendered = render(lang);

  it('shapes every run exactly like hb-shape, with no missing glyphs', async () => {
    const { runs } = await rendered;
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.glyphIds).not.toContain(0);
      expect(run.glyphIds).toEqual(hbShapeGlyphIds(run.fontFile, run.text, run.lang));
    }
    // The language's own script font drew the text.
    const ownFont = resolveFontFile(defaultFontDir(), fallbackChain(lang)[0] ?? 'sans', 'regular');
    expect(runs.some((run) => run.fontFile === ownFont)).toBe(true);
  });

  it('gives back the source text through pdftotext, line by line', async () => {
    const { file, runs } = await rendered;
    const extracted = pdftotext(file);
    const extractedLines = new Set(extracted.split('\n').map(normalizeText));
    for (const line of drawnLines(runs)) expect(extractedLines).toContain(normalizeText(line));
    const flat = withoutWhitespace(extracted);
    for (const paragraph of SAMPLE_PARAGRAPHS[lang]) expect(flat).toContain(withoutWhitespace(paragraph));
    expect(extracted).not.toContain('\ufffd');
  });

  it('embeds every font as a subset, and qpdf finds no error', async () => {
    const { file } = await rendered;
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded).toBe(true);
      expect(font.subset).toBe(true);
      expect(font.unicode).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans/);
    }
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);
  });
});

describe.each(['th', 'my'] as const)('line breaks in rendered %s', (lang) => {
  it('fall on word boundaries of the paragraph', async () => {
    const { runs } = await render(lang);
    const lines = drawnLines(runs);
    for (const paragraph of SAMPLE_PARAGRAPHS[lang]) {
      const text = paragraph.normalize('NFC');
      const words = new Set<number>();
      for (const { index } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text))
        words.add(index);
      const opportunities = new Set(breakOpportunities(text, lang));
      // Find this paragraph's lines in order and check where each one starts.
      let offset = 0;
      let count = 0;
      for (const line of lines) {
        const at = text.indexOf(line, offset);
        if (at < 0 || text.slice(offset, at).trim() !== '') continue;
        if (count > 0) {
          expect(words.has(at)).toBe(true);
          expect(opportunities.has(at)).toBe(true);
        }
        offset = at + line.length;
        count++;
      }
      expect(text.slice(offset).trim()).toBe('');
      if (lang === 'th' && paragraph === SAMPLE_PARAGRAPHS.th[0]) expect(count).toBeGreaterThan(1);
    }
  });
});

describe('renderPdf', () => {
  it('is deterministic with a fixed creation date', async () => {
    const model = singleLanguageModel('km');
    const first = await renderPdf(model, { creationDate: FIXED_DATE });
    const second = await renderPdf(model, { creationDate: FIXED_DATE });
    expect(first.equals(second)).toBe(true);
    expect(first.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('falls back to another bundled font for characters the language font lacks (no tofu)', async () => {
    const runs: RunRecord[] = [];
    const text = 'ผู้ให้ข้อมูล Nguyễn Văn Ánh ကျွန်တော် ខ្ញុំ ຂ້ອຍ (15/03/2567)';
    const pdf = await renderPdf(
      { title: 'mixed', lang: 'th', metadata: {}, blocks: [{ kind: 'paragraph', text, lang: 'th' }] },
      { creationDate: FIXED_DATE, onRun: (run) => runs.push(run) },
    );
    const fonts = new Set(runs.map((run) => run.fontFile.replace(/^.*\//, '')));
    expect(fonts.size).toBeGreaterThanOrEqual(5);
    for (const run of runs) {
      expect(run.glyphIds).not.toContain(0);
      expect(run.glyphIds).toEqual(hbShapeGlyphIds(run.fontFile, run.text, run.lang));
    }
    const file = dir.write('mixed.pdf', pdf);
    // The text, then the page number.
    expect(normalizeText(pdftotext(file))).toBe(normalizeText(`${text} 1 / 1`));
  });

  it('lays out a multi-page bilingual referral that poppler can draw', async () => {
    const runs: RunRecord[] = [];
    const pdf = await renderPdf(bilingualSample(), {
      creationDate: FIXED_DATE,
      onRun: (run) => runs.push(run),
    });
    const file = dir.write('bilingual.pdf', pdf);
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(runs.map((run) => run.page)).size).toBe(pages);
    // Every page carries its number.
    for (let page = 1; page <= pages; page++) {
      expect(runs.some((run) => run.page === page && run.text === `${page} / ${pages}`)).toBe(true);
    }
    for (const run of runs) expect(run.glyphIds).not.toContain(0);
    const flat = withoutWhitespace(pdftotext(file));
    expect(flat).toContain(withoutWhitespace('แบบส่งต่อผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์'));
    expect(flat).toContain(withoutWhitespace(SAMPLE_PARAGRAPHS.my[1] ?? ''));
    const pngDir = join(dir.path, 'png');
    execFileSync('mkdir', ['-p', pngDir]);
    execFileSync('pdftoppm', ['-png', '-r', '40', file, join(pngDir, 'page')]);
    const images = readdirSync(pngDir);
    expect(images).toHaveLength(pages);
    for (const image of images) expect(statSync(join(pngDir, image)).size).toBeGreaterThan(1000);
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('writes document metadata and language', async () => {
    const pdf = await renderPdf(
      {
        title: 'Referral ส่งต่อ',
        lang: 'th',
        metadata: { author: 'FieldScreen', subject: 'Screening' },
        blocks: [],
      },
      { creationDate: FIXED_DATE },
    );
    const file = dir.write('meta.pdf', pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Referral ส่งต่อ/);
    expect(info).toMatch(/Author:\s+FieldScreen/);
    expect(pdf.toString('latin1')).toContain('/Lang (th)');
    expect(pdfPageCount(file)).toBe(1);
  });
});

describe('renderPdf input', () => {
  it('rejects a model that is not a DocModel with an AppError', async () => {
    const bad = { title: 'x', lang: 'fr', metadata: {}, blocks: [] } as unknown as Parameters<
      typeof renderPdf
    >[0];
    await expect(renderPdf(bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.validation',
    });
    const badBlock = {
      title: 'x',
      lang: 'th',
      metadata: {},
      blocks: [{ kind: 'paragraph', text: 42, lang: 'th' }],
    } as unknown as Parameters<typeof renderPdf>[0];
    await expect(renderPdf(badBlock)).rejects.toBeInstanceOf(AppError);
  });
});

describe('defaultFontDir', () => {
  it('finds the bundled fonts', () => {
    const fontDir = defaultFontDir();
    for (const lang of LANGS) {
      expect(existsSync(resolveFontFile(fontDir, fallbackChain(lang)[0] ?? 'sans', 'bold'))).toBe(true);
    }
  });
});

describe('a document that should fit on a number of pages (fitPages)', () => {
  /** `count` paragraphs of Thai body text. */
  const paragraphs = (count: number, fitPages?: number) => ({
    ...singleLanguageModel('th'),
    blocks: Array.from({ length: count }, () => ({
      kind: 'paragraph' as const,
      lang: 'th' as const,
      text: SAMPLE_PARAGRAPHS.th.join(' '),
    })),
    ...(fitPages ? { fitPages } : {}),
  });
  const pages = async (count: number, fitPages?: number) =>
    pdfPageCount(
      dir.write(
        `fit-${count}-${fitPages ?? 0}.pdf`,
        await renderPdf(paragraphs(count, fitPages), { creationDate: FIXED_DATE }),
      ),
    );

  it('a page over: set closer, it fits; far over: it takes the pages it needs, spaced as ever', async () => {
    // The fewest paragraphs that run onto a third page with the normal spacing.
    let count = 1;
    while ((await pages(count)) < 3) count++;
    expect(await pages(count, 2)).toBe(2);
    expect(await pages(count, 3)).toBe(3);
    // Twice that cannot be brought back to two pages: the normal layout, page for page.
    const far = count * 2;
    expect(await pages(far, 2)).toBe(await pages(far));
    const normal = await renderPdf(paragraphs(far), { creationDate: FIXED_DATE });
    expect((await renderPdf(paragraphs(far, 2), { creationDate: FIXED_DATE })).equals(normal)).toBe(true);
  });
});
