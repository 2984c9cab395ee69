import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { seedDemoAgency } from '../src/main/demo/agency';
import { seedDemoCases } from '../src/main/demo/seed';
import { defaultFontDir } from '../src/main/pdf/fonts';
import type { DocModel } from '../src/main/pdf/model';
import { renderPdf } from '../src/main/pdf/render';
import { buildModelForCase, prepareReferral } from '../src/main/referral/service';
import { Vault } from '../src/main/store/vault';
import { CHROMIUM_LAUNCH_OPTIONS } from '../tests/helpers/chromium';
import { docToHtml } from './doc-html';
import { median, type Print, round } from './figures';

/** Chromium prints on A4 with the referral's own margins: the page's CSS (bench/doc-html.ts) sets both. */
const PRINT = { preferCSSPageSize: true } as const;

/** Pages of a PDF as a real PDF parser counts them (poppler's pdfinfo), not a regular expression. */
function pdfinfoPages(dir: string, name: string, pdf: Buffer): number {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return Number(
    /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? Number.NaN,
  );
}

/**
 * referral_pdf_ms: the Thai + Burmese referral of a demo case (at most 4 pages):
 * gathered, shaped with HarfBuzz, laid out, rendered and signed; fonts warm; median of 10.
 * chromium_print_pdf_ms: the same document model as HTML (bench/doc-html.ts: the same fonts, and on
 * every page the same marks, notes, footer and page numbers), printed by an already-running Debian
 * Chromium through Playwright's page.pdf() (as Electron apps do with printToPDF); browser start
 * and page load not counted; unsigned; median of 10, same run. Pages of both: poppler's pdfinfo.
 */
export async function run(print: Print): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fs-bench-ref-'));
  try {
    await Vault.initialise(
      dir,
      { username: 'bench', displayName: 'Bench Officer', passphrase: 'bench passphrase' },
      { kdfProfile: 'test' },
    );
    const session = await new Vault(dir).unlock('bench', 'bench passphrase');
    seedDemoAgency(session);
    const caseId = seedDemoCases(session).find((c) => c.lang === 'my')?.caseId ?? '';
    // The demo consent names a multidisciplinary team: the default receiver.
    const input = { caseId, receivingAgency: '', officerPosition: 'Labour inspector' };
    const warm = await prepareReferral(session, input);
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await prepareReferral(session, input);
      samples.push(performance.now() - t0);
    }
    const pages = pdfinfoPages(dir, 'referral.pdf', warm.pdf);
    print({
      name: 'referral_pdf_ms',
      value: round(median(samples)),
      unit: 'ms',
      pages,
      signed: true,
      samples: 10,
    });

    // The same content through Chromium's print path.
    const model: DocModel = await buildModelForCase(session, input);
    const unsignedSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await renderPdf(model, { thaiFace: 'sarabun' });
      unsignedSamples.push(performance.now() - t0);
    }
    print({
      name: 'referral_render_unsigned_ms',
      value: round(median(unsignedSamples)),
      unit: 'ms',
      samples: 5,
    });
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    try {
      const page = await browser.newPage();
      await page.setContent(docToHtml(model, defaultFontDir()), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      await page.pdf(PRINT);
      const chrome: number[] = [];
      let chromePages = 0;
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const pdf = await page.pdf(PRINT);
        chrome.push(performance.now() - t0);
        if (i === 0) chromePages = pdfinfoPages(dir, 'chromium.pdf', pdf);
      }
      print({
        name: 'chromium_print_pdf_ms',
        value: round(median(chrome)),
        unit: 'ms',
        pages: chromePages,
        signed: false,
        samples: 10,
      });
      // Issue 13's target: the signed referral at most half of Chromium's print of the same content.
      const ratio = median(samples) / median(chrome);
      print({
        name: 'referral_vs_chromium_ratio',
        value: round(ratio),
        unit: 'ratio',
        target: 0.5,
        withinTarget: ratio <= 0.5,
      });
    } finally {
      await browser.close();
    }
    session.lock('manual');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
