import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { seedDemoAgency } from '../src/main/demo/agency';
import { seedDemoCases } from '../src/main/demo/seed';
import { defaultFontDir } from '../src/main/pdf/fonts';
import type { DocModel } from '../src/main/pdf/model';
import { buildModelForCase, prepareReferral, type ReferralPhase } from '../src/main/referral/service';
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

/** Iterations of each side, interleaved. */
const SAMPLES = 15;
/**
 * Untimed rounds of each side first, interleaved the same way. With one, the first two or three timed
 * referrals were still two to four times the later ones (V8 still compiling the code that runs once per
 * referral) while Chromium's first prints were already like its later ones: the median then took the
 * referral before it had warmed up against Chromium warm.
 */
const WARMUP_ROUNDS = 3;

/**
 * The signed referral against Chromium's print of the same content, measured in one run and
 * interleaved (referral, Chromium, Chromium, referral, …) so both see the machine as it is at the same
 * moments; medians of SAMPLES each, timed after WARMUP_ROUNDS untimed rounds of both sides.
 *
 * referral_pdf_ms: the Thai + Burmese referral of a demo case (at most 4 pages) as prepareReferral
 * makes it for an export: the case read (one audited view), screened and laid out as a document model
 * (referral_gather_ms), shaped with HarfBuzz, broken into lines, paginated and written by pdfkit with
 * its fonts subset and embedded (referral_render_ms), and signed PAdES B-B (referral_sign_ms); fonts
 * and HarfBuzz warm, as in a running app after its first referrals. What is kept from one referral to
 * the next is font data and the form's own wording (texts exactly as the catalogs have them, or made of
 * catalog texts only, laid out once per process): a referral of another case in the same languages gets the same help, while the
 * case's own text (names, answers quoted with their questions, dates) is laid out anew every time.
 * chromium_print_pdf_ms: the same document model as HTML (bench/doc-html.ts: the same fonts, and on
 * every page the same marks, notes, footer and page numbers), printed by an already-running Debian
 * Chromium through Playwright's page.pdf() (as Electron apps do with printToPDF); browser start and
 * page load not counted; unsigned. Pages of both: poppler's pdfinfo.
 * referral_vs_chromium_ratio: median referral / median Chromium (issue 13's target: at most 0.5);
 * pairedMedian: the median of each interleaved pair's own ratio.
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
    const model: DocModel = await buildModelForCase(session, input);
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    try {
      const page = await browser.newPage();
      await page.setContent(docToHtml(model, defaultFontDir()), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      const chromePages = pdfinfoPages(dir, 'chromium.pdf', await page.pdf(PRINT));

      const referral: number[] = [];
      const phases: Record<ReferralPhase, number[]> = { gather: [], render: [], sign: [] };
      const chrome: number[] = [];
      const timeReferral = async () => {
        const t0 = performance.now();
        await prepareReferral(session, input, (phase, ms) => phases[phase].push(ms));
        referral.push(performance.now() - t0);
      };
      const timeChromium = async () => {
        const t0 = performance.now();
        await page.pdf(PRINT);
        chrome.push(performance.now() - t0);
      };
      for (let i = 0; i < WARMUP_ROUNDS; i++) {
        await prepareReferral(session, input);
        await page.pdf(PRINT);
      }
      for (let i = 0; i < SAMPLES; i++) {
        if (i % 2 === 0) {
          await timeReferral();
          await timeChromium();
        } else {
          await timeChromium();
          await timeReferral();
        }
      }

      print({
        name: 'referral_pdf_ms',
        value: round(median(referral)),
        unit: 'ms',
        pages: pdfinfoPages(dir, 'referral.pdf', warm.pdf),
        signed: true,
        samples: SAMPLES,
        warmupRounds: WARMUP_ROUNDS,
      });
      for (const phase of ['gather', 'render', 'sign'] as const) {
        print({
          name: `referral_${phase}_ms`,
          value: round(median(phases[phase])),
          unit: 'ms',
          samples: SAMPLES,
        });
      }
      print({
        name: 'chromium_print_pdf_ms',
        value: round(median(chrome)),
        unit: 'ms',
        pages: chromePages,
        signed: false,
        samples: SAMPLES,
        warmupRounds: WARMUP_ROUNDS,
      });
      // Issue 13's target: the signed referral at most half of Chromium's print of the same content.
      const ratio = median(referral) / median(chrome);
      print({
        name: 'referral_vs_chromium_ratio',
        value: round(ratio),
        unit: 'ratio',
        target: 0.5,
        withinTarget: ratio <= 0.5,
        pairedMedian: round(median(referral.map((ms, i) => ms / (chrome[i] ?? Number.NaN)))),
        // The machine's 1-minute load average when the timed rounds ended (a busy machine skews both).
        loadAverage: round(loadavg()[0] ?? Number.NaN, 2),
      });
    } finally {
      await browser.close();
    }
    session.lock('manual');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
