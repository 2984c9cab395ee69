import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { visualRuns } from '../../src/main/pdf/bidi';
import type { DocModel } from '../../src/main/pdf/model';
import { renderPdf } from '../../src/main/pdf/render';
import type { RunRecord } from '../../src/main/pdf/textEngine';
import { pdftotext, qpdfCheck, tempDir, withoutWhitespace } from '../fixtures/pdf/tools';

const dir = tempDir();
afterAll(() => dir.remove());

const ARABIC = 'سفينة النور';
const HINDI = 'राम कुमार';
const MARKER = '[ข้อความในอักษรที่แสดงในเอกสารนี้ไม่ได้]';

/** Names in scripts with no language of their own here, inside Thai lines. */
const model: DocModel = {
  title: 'scripts',
  lang: 'th',
  metadata: {},
  unsupportedScript: { text: MARKER, lang: 'th' },
  blocks: [
    { kind: 'paragraph', text: `เรือ ${ARABIC} 12 ทะเบียน TR-9`, lang: 'th' },
    { kind: 'paragraph', text: `ผู้ติดต่อ ${HINDI} จากอินเดีย`, lang: 'th' },
    { kind: 'paragraph', text: 'สัญลักษณ์บนเรือ 🚢⚓ และ 𓀀', lang: 'th' },
  ],
};

async function rendered() {
  const runs: RunRecord[] = [];
  const pdf = await renderPdf(model, { thaiFace: 'sarabun', onRun: (r) => runs.push(r) });
  return { runs, file: dir.write('scripts.pdf', pdf) };
}
const done = rendered();

/** Glyph ids hb-shape gives in a direction (right to left: the glyphs come out in visual order). */
function hbShape(fontFile: string, text: string, direction: 'ltr' | 'rtl'): number[] {
  const out = execFileSync(
    'hb-shape',
    [
      '--no-positions',
      '--no-clusters',
      '--no-glyph-names',
      `--direction=${direction}`,
      fontFile,
      `--text=${text}`,
    ],
    { encoding: 'utf8' },
  ).trim();
  return out
    .replace(/^\[|\]$/g, '')
    .split('|')
    .filter(Boolean)
    .map(Number);
}

describe('the bidi algorithm', () => {
  it('orders runs as the Unicode algorithm says: digits after Arabic go with the Arabic', () => {
    const text = `Vessel ${ARABIC} 12`;
    const runs = visualRuns(text).map((r) => ({ text: text.slice(r.start, r.end), rtl: r.rtl }));
    // UBA: the digits take the Arabic's side (W2, then levels 1 and 2); visually they come first.
    expect(runs).toEqual([
      { text: 'Vessel ', rtl: false },
      { text: '12', rtl: false },
      { text: `${ARABIC} `, rtl: true },
    ]);
  });

  it('leaves a line with no right-to-left letter as one left-to-right run', () => {
    const text = 'ทะเบียน TR-9 (12)';
    expect(visualRuns(text)).toEqual([{ start: 0, end: text.length, rtl: false }]);
  });
});

describe('names in other scripts on the referral', () => {
  it('draws Arabic right to left in Noto Sans Arabic, exactly as hb-shape does', async () => {
    const { runs } = await done;
    const arabic = runs.find((r) => r.text.includes('سفينة'));
    expect(arabic && basename(arabic.fontFile)).toBe('NotoSansArabic-Regular.ttf');
    expect(arabic?.glyphIds).toEqual(hbShape(arabic?.fontFile ?? '', arabic?.text ?? '', 'rtl'));
    expect(arabic?.glyphIds).not.toContain(0);
  });

  it('draws Devanagari with a bundled font that has it, exactly as hb-shape does', async () => {
    const { runs } = await done;
    const hindi = runs.find((r) => r.text.includes('राम'));
    // Noto Sans itself carries Devanagari; Noto Sans Devanagari stands behind it in the chain.
    expect(['NotoSans-Regular.ttf', 'NotoSansDevanagari-Regular.ttf']).toContain(
      basename(hindi?.fontFile ?? ''),
    );
    expect(hindi?.glyphIds).toEqual(hbShape(hindi?.fontFile ?? '', hindi?.text ?? '', 'ltr'));
    expect(hindi?.glyphIds).not.toContain(0);
  });

  it('draws a visible marker for a script no bundled font has, never an empty box, and the text still extracts', async () => {
    const { runs, file } = await done;
    const unsupported = runs.filter((r) => /[🚢⚓𓀀]/u.test(r.text));
    expect(unsupported.length).toBeGreaterThan(0);
    for (const run of unsupported) {
      expect(run.glyphIds).not.toContain(0);
      expect(basename(run.fontFile)).toBe('Sarabun-Regular.ttf');
      // The marker's own glyphs (as many as the marker has letters, not one box per character).
      expect(run.glyphIds.length).toBeGreaterThan(10);
    }
    const text = withoutWhitespace(pdftotext(file));
    // Each run carries its text as ActualText; poppler shows right-to-left words in its own order.
    const reversed = [...ARABIC].reverse().join('');
    expect([withoutWhitespace(ARABIC), withoutWhitespace(reversed)].some((a) => text.includes(a))).toBe(true);
    expect(text).not.toContain('\ufffd');
    expect(text).toContain(withoutWhitespace(HINDI));
    expect(text).toContain('🚢');
    expect(qpdfCheck(file).status).toBe(0);
    // No run in the whole document draws the missing glyph.
    expect(runs.flatMap((r) => r.glyphIds)).not.toContain(0);
  });
});
