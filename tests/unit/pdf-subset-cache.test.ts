import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import {
  compressPageContent,
  compressPageContentAsync,
  deflateFontStreams,
  drawOps,
} from '../../src/main/pdf/draw';
import { defaultFontDir, FONT_FAMILIES, resolveFontFile } from '../../src/main/pdf/fonts';
import { STYLES } from '../../src/main/pdf/layout';
import { readGlyphsThroughRecords } from '../../src/main/pdf/subset-cache';
import { textEngineFor } from '../../src/main/pdf/textEngine';
import { pdffonts, qpdfCheck, tempDir } from '../fixtures/pdf/tools';

/** fontkit's font object for a bundled file, as pdfkit opens it (fontkit has no other entry here). */
interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
interface FontkitFont {
  numGlyphs: number;
  createSubset(): Subset;
  getGlyph(gid: number): { _decode(): { numberOfContours: number } | null };
}

function fontkitFont(file: string): FontkitFont {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.registerFont(file, file);
  doc.font(file);
  return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
}

/** Glyph ids spread over the whole font, with every compound glyph among the first 2,000 ids. */
function someGlyphs(font: FontkitFont): number[] {
  const ids = new Set<number>();
  for (let gid = 1; gid < font.numGlyphs; gid += 7) ids.add(gid);
  for (let gid = 1; gid < Math.min(font.numGlyphs, 2000); gid++) {
    if ((font.getGlyph(gid)._decode()?.numberOfContours ?? 0) < 0) ids.add(gid);
  }
  return [...ids];
}

function encoded(font: FontkitFont, glyphs: number[], records: boolean): Buffer {
  const subset = font.createSubset();
  if (records) {
    readGlyphsThroughRecords(subset);
    // The subset is written by subset-cache.ts, not by fontkit's encoder.
    expect(Object.hasOwn(subset, 'encode')).toBe(true);
  }
  for (const gid of glyphs) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

describe('the font subset read through per-font glyph records and written from per-font tables', () => {
  it.each(FONT_FAMILIES.flatMap((family) => [[family, 'regular'] as const, [family, 'bold'] as const]))(
    '%s %s: the same bytes fontkit writes, compound glyphs included, again and again',
    (family, weight) => {
      const font = fontkitFont(resolveFontFile(defaultFontDir(), family, weight));
      const glyphs = someGlyphs(font);
      const own = encoded(font, glyphs, false);
      // Twice: the first fills the records, the second reads them.
      expect(encoded(font, glyphs, true).equals(own)).toBe(true);
      expect(encoded(font, glyphs, true).equals(own)).toBe(true);
      // In another order (other subset ids for the same compound glyphs' parts).
      const reversed = [...glyphs].reverse();
      expect(encoded(font, reversed, true).equals(encoded(font, reversed, false))).toBe(true);
    },
  );
});

describe('page content compression', () => {
  it('deflates the page once, and what inflates is what was drawn', async () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    doc.addPage({ size: [200, 200], margin: 0 });
    doc.addContent('0.5 g 10 10 50 50 re f');
    compressPageContent(doc);
    compressPageContent(doc);
    const content = (
      doc as unknown as { page: { content: { buffer: Uint8Array[]; data: { Filter?: string } } } }
    ).page.content;
    expect(content.data.Filter).toBe('FlateDecode');
    expect(content.buffer).toHaveLength(1);
    expect(inflateSync(content.buffer[0] ?? new Uint8Array()).toString('latin1')).toBe(
      '1 0 0 -1 0 200 cm\n0.5 g 10 10 50 50 re f\n',
    );
    doc.end();
  });

  it('deflates on the thread pool what was drawn after what pdfkit holds, the same bytes as at once', async () => {
    const pages = [0, 1].map(() => {
      const doc = new PDFDocument({
        autoFirstPage: false,
        font: null as unknown as string,
        bufferPages: true,
      });
      doc.addPage({ size: [200, 200], margin: 0 });
      return doc;
    });
    const [later, now] = pages as [InstanceType<typeof PDFDocument>, InstanceType<typeof PDFDocument>];
    const pending = { text: '0.5 g 10 10 50 50 re f\n' };
    const done = compressPageContentAsync(later, pending);
    expect(pending.text).toBe('');
    await done;
    compressPageContent(now, { text: '0.5 g 10 10 50 50 re f\n' });
    const content = (doc: InstanceType<typeof PDFDocument>) =>
      (doc as unknown as { page: { content: { buffer: Uint8Array[]; data: { Filter?: string } } } }).page
        .content;
    expect(content(later).data.Filter).toBe('FlateDecode');
    expect(content(later).buffer).toHaveLength(1);
    expect(inflateSync(content(later).buffer[0] ?? new Uint8Array()).toString('latin1')).toBe(
      '1 0 0 -1 0 200 cm\n0.5 g 10 10 50 50 re f\n',
    );
    expect(
      Buffer.from(content(later).buffer[0] ?? []).equals(Buffer.from(content(now).buffer[0] ?? [])),
    ).toBe(true);
    for (const doc of pages) doc.end();
  });
});

describe('font subset compression', () => {
  /** A page of Thai, Burmese and Latin text, its fonts deflated on the thread pool first or not. */
  async function document(onThreadPool: boolean): Promise<Buffer> {
    const engine = await textEngineFor(defaultFontDir());
    const doc = new PDFDocument({
      autoFirstPage: false,
      font: null as unknown as string,
      bufferPages: true,
      info: { CreationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.addPage({ size: [400, 200], margin: 0 });
    const operators = { text: '' };
    const context = { doc, pageNumber: 1, lineCount: { value: 0 }, operators };
    const lines = [
      engine.shapeLine('ส่งต่อผู้เสียหาย', 'th', STYLES.body),
      engine.shapeLine('ဘက်စုံကျွမ်းကျင်သူအဖွဲ့', 'my', STYLES.heading),
      engine.shapeLine('FieldScreen referral', 'en', STYLES.body),
    ];
    drawOps(
      context,
      lines.map((line, i) => ({ kind: 'text', x: 10, baseline: 30 + 40 * i, line, gray: 0 })),
      0,
      0,
    );
    await compressPageContentAsync(doc, operators);
    if (onThreadPool) await deflateFontStreams(doc);
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }

  it('deflated on the thread pool, the same bytes as pdfkit deflating each font as it ends', async () => {
    const pooled = await document(true);
    expect(pooled.equals(await document(false))).toBe(true);
    const dir = tempDir();
    try {
      const file = dir.write('fonts.pdf', pooled);
      expect(qpdfCheck(file).status).toBe(0);
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThanOrEqual(3);
      expect(fonts.every((font) => font.embedded && font.subset)).toBe(true);
    } finally {
      dir.remove();
    }
  });
});
