import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { seedDemoCases } from '../src/main/demo/seed';
import { defaultFontDir } from '../src/main/pdf/fonts';
import type { DocModel } from '../src/main/pdf/model';
import { renderPdf } from '../src/main/pdf/render';
import { buildModelForCase, prepareReferral } from '../src/main/referral/service';
import { Vault } from '../src/main/store/vault';
import { docToHtml } from './doc-html';
import { median, type Print, round } from './figures';

/**
 * referral_pdf_ms: the Thai + Burmese referral of a demo case (about 3 pages at the default layout):
 * gathered, shaped with HarfBuzz, laid out, rendered and signed; fonts warm; median of 10.
 * chromium_print_pdf_ms: the same document model as HTML, printed by an already-running Debian
 * Chromium through Playwright's page.pdf() (as Electron apps do with printToPDF); browser start
 * and page load not counted; unsigned; median of 10, same run.
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
    const caseId = seedDemoCases(session).find((c) => c.lang === 'my')?.caseId ?? '';
    const warm = await prepareReferral(session, { caseId, receivingAgency: 'Shelter (bench)' });
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await prepareReferral(session, { caseId, receivingAgency: 'Shelter (bench)' });
      samples.push(performance.now() - t0);
    }
    const pages = (warm.pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    print({
      name: 'referral_pdf_ms',
      value: round(median(samples)),
      unit: 'ms',
      pages,
      signed: true,
      samples: 10,
    });

    // The same content through Chromium's print path.
    const model: DocModel = await buildModelForCase(session, { caseId, receivingAgency: 'Shelter (bench)' });
    const unsignedSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await renderPdf(model);
      unsignedSamples.push(performance.now() - t0);
    }
    print({
      name: 'referral_render_unsigned_ms',
      value: round(median(unsignedSamples)),
      unit: 'ms',
      samples: 5,
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(docToHtml(model, defaultFontDir()), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      await page.pdf({ format: 'A4' });
      const chrome: number[] = [];
      let chromePages = 0;
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const pdf = await page.pdf({ format: 'A4' });
        chrome.push(performance.now() - t0);
        chromePages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      }
      print({
        name: 'chromium_print_pdf_ms',
        value: round(median(chrome)),
        unit: 'ms',
        pages: chromePages,
        signed: false,
        samples: 10,
      });
      print({
        name: 'referral_vs_chromium_ratio',
        value: round(median(samples) / median(chrome)),
        unit: 'ratio',
      });
    } finally {
      await browser.close();
    }
    session.lock('manual');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
