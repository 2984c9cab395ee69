import PDFDocument from 'pdfkit';
import { AppError } from '../../shared/errors';
import { drawOps } from './draw';
import { defaultFontDir } from './fonts';
import {
  A4,
  contentHeight,
  contentWidth,
  DocumentLayout,
  type DrawOp,
  type PageGeometry,
  STYLES,
} from './layout';
import { type DocModel, docModelSchema } from './model';
import { pageCount, paginate } from './paginate';
import { BuildShaper, type LineShaper, type RunRecord, textEngineFor } from './textEngine';

export interface RenderOptions {
  /** Directory with the Noto Sans TTFs (resources/fonts or node_modules/@expo-google-fonts). */
  fontDir?: string;
  /** Fixed creation date: with it, the same model gives the same bytes (tests, reproducible output). */
  creationDate?: Date;
  page?: PageGeometry;
  /** Debug hook: called for every text run drawn, with the font file, text and HarfBuzz glyph ids. */
  onRun?: (record: RunRecord) => void;
}

/** Room kept on the right of the footer for the page number. */
const PAGE_NUMBER_WIDTH = 60;
const FOOTER_GRAY = 0.4;

/** Footer text on the left (up to two lines) and "n / N" on the right, on the same baseline. */
function footerOps(
  layout: DocumentLayout,
  engine: LineShaper,
  model: DocModel,
  page: PageGeometry,
  index: number,
  total: number,
): DrawOp[] {
  const width = contentWidth(page);
  const ops: DrawOp[] = [];
  let firstBaseline: number | undefined;
  if (model.footer) {
    const lines = layout.lines(model.footer.text, model.footer.lang, STYLES.small, width - PAGE_NUMBER_WIDTH);
    let y = 0;
    for (const box of lines.slice(0, 2)) {
      firstBaseline ??= y + box.baseline;
      ops.push({ kind: 'text', x: 0, baseline: y + box.baseline, line: box.line, gray: FOOTER_GRAY });
      y += box.height;
    }
  }
  const number = engine.shapeLine(`${index + 1} / ${total}`, 'en', STYLES.small);
  ops.push({
    kind: 'text',
    x: width - number.width,
    baseline: firstBaseline ?? number.ascent,
    line: number,
    gray: FOOTER_GRAY,
  });
  return ops;
}

function collect(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders a DocModel to PDF bytes: A4, fonts embedded as subsets, every run shaped by HarfBuzz and
 * carrying its source text (ActualText) for search, copy and screen readers.
 */
export async function renderPdf(input: DocModel, options: RenderOptions = {}): Promise<Buffer> {
  const parsed = docModelSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION');
  const model = parsed.data;
  const page = options.page ?? A4;
  // Shaped text is cached for this document only: `shaper` goes out of scope with the build.
  const shaper = new BuildShaper(await textEngineFor(options.fontDir ?? defaultFontDir()));
  const layout = new DocumentLayout(shaper, page);
  const items = layout.layout(model);
  const placements = paginate(items, contentHeight(page));
  const total = pageCount(placements);

  const doc = new PDFDocument({
    autoFirstPage: false,
    // 1.7: SHA-256 in signatures needs 1.6 or later.
    pdfVersion: '1.7',
    size: [page.width, page.height],
    margin: 0,
    // No default font: pdfkit would otherwise reference Helvetica, which is never embedded.
    font: null as unknown as string,
    lang: model.lang,
    displayTitle: true,
    info: {
      Title: model.title,
      ...(model.metadata.author ? { Author: model.metadata.author } : {}),
      ...(model.metadata.subject ? { Subject: model.metadata.subject } : {}),
      ...(model.metadata.keywords ? { Keywords: model.metadata.keywords } : {}),
      Creator: 'FieldScreen',
      Producer: 'FieldScreen (pdfkit, HarfBuzz)',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const bytes = collect(doc);
  const lineCount = { value: 0 };
  for (let index = 0; index < total; index++) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    const context = { doc, onRun: options.onRun, pageNumber: index + 1, lineCount };
    items.forEach((item, i) => {
      const placement = placements[i];
      if (placement?.page === index)
        drawOps(context, item.ops, page.marginLeft, page.marginTop + placement.y);
    });
    const footerTop = page.height - page.marginBottom + 24;
    drawOps(context, footerOps(layout, shaper, model, page, index, total), page.marginLeft, footerTop);
  }
  doc.end();
  return bytes;
}
