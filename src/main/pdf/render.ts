import PDFDocument from 'pdfkit';
import { AppError } from '../../shared/errors';
import { ANCHOR_PDF_INFO_KEY as AUDIT_ANCHOR_INFO_KEY } from '../audit/anchor';
import { compressPageContentAsync, deflateFontStreams, drawOps } from './draw';
import { defaultFontDir, type ThaiFace } from './fonts';
import {
  A4,
  contentHeight,
  contentWidth,
  DocumentLayout,
  type DrawOp,
  type LineBox,
  NORMAL_SPACING,
  type PageGeometry,
  type Spacing,
  STYLES,
  TIGHT_SPACING,
} from './layout';
import { type DocModel, docModelSchema } from './model';
import { pageCount, paginate } from './paginate';
import {
  BuildShaper,
  type LineShaper,
  type RunRecord,
  type TextEngine,
  textEngineFor,
  UNSUPPORTED_SCRIPT,
} from './textEngine';

export interface RenderOptions {
  /** Directory with the Noto Sans TTFs (resources/fonts or node_modules/@expo-google-fonts). */
  fontDir?: string;
  /** Fixed creation date: with it, the same model gives the same bytes (tests, reproducible output). */
  creationDate?: Date;
  page?: PageGeometry;
  /** Thai text in Sarabun (official letters) or Noto Sans Thai (default). */
  thaiFace?: ThaiFace;
  /** Debug hook: called for every text run drawn, with the font file, text and HarfBuzz glyph ids. */
  onRun?: (record: RunRecord) => void;
  /**
   * Texts that hold no personal data (e.g. exactly a translation catalog's wording): their lines are
   * kept for later documents in this process (layout.ts SharedLines). Without it nothing is kept.
   */
  isPublicText?: (text: string) => boolean;
  /**
   * Pieces of text between spaces that hold no personal data (e.g. a word of a catalog text): their
   * glyphs and word breaks are kept for later documents (space-chunks.ts). Without it none are kept.
   */
  isPublicPiece?: (piece: string) => boolean;
}

/** Lines of public texts, per text engine (fonts) for the life of the process. */
const sharedLines = new WeakMap<TextEngine, Map<string, readonly LineBox[]>>();

function sharedLinesOf(engine: TextEngine): Map<string, readonly LineBox[]> {
  let cache = sharedLines.get(engine);
  if (!cache) {
    cache = new Map();
    sharedLines.set(engine, cache);
  }
  return cache;
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

/** The confidentiality mark centred in the top margin, and the page notes under it. */
function pageTopOps(
  layout: DocumentLayout,
  engine: LineShaper,
  model: DocModel,
  page: PageGeometry,
): DrawOp[] {
  const width = contentWidth(page);
  const ops: DrawOp[] = [];
  let y = 0;
  if (model.pageMark) {
    const mark = engine.shapeLine(model.pageMark.text, model.pageMark.lang, STYLES.mark);
    ops.push({ kind: 'text', x: (width - mark.width) / 2, baseline: mark.ascent, line: mark, gray: 0 });
    y += mark.ascent + mark.descent;
  }
  for (const note of model.pageNotes ?? []) {
    // The note's texts side by side when they fit on one line, else one under the other.
    const boxes = note.flatMap((part) => layout.lines(part.text, part.lang, STYLES.note, width).slice(0, 1));
    const together = boxes.reduce((sum, box) => sum + box.line.width, 0) + 12 * (boxes.length - 1) <= width;
    let x = 0;
    let height = 0;
    for (const box of boxes) {
      if (!together && x > 0) {
        y += height;
        x = 0;
        height = 0;
      }
      ops.push({ kind: 'text', x, baseline: y + box.baseline, line: box.line, gray: FOOTER_GRAY });
      x += box.line.width + 12;
      height = Math.max(height, box.height);
    }
    y += height;
  }
  return ops;
}

/** The confidentiality mark centred at the bottom of the page, under the footer. */
function pageBottomOps(engine: LineShaper, model: DocModel, page: PageGeometry): DrawOp[] {
  if (!model.pageMark) return [];
  const mark = engine.shapeLine(model.pageMark.text, model.pageMark.lang, STYLES.mark);
  return [
    { kind: 'text', x: (contentWidth(page) - mark.width) / 2, baseline: mark.ascent, line: mark, gray: 0 },
  ];
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
  const engine = await textEngineFor(options.fontDir ?? defaultFontDir());
  const thaiFace = options.thaiFace ?? 'noto';
  const shaper = new BuildShaper(engine, undefined, thaiFace, model.unsupportedScript, options.isPublicPiece);
  const marker = model.unsupportedScript ?? UNSUPPORTED_SCRIPT;
  const shared = options.isPublicText && {
    isPublic: options.isPublicText,
    cache: sharedLinesOf(engine),
    scope: `${thaiFace}\u0000${marker.lang}\u0000${marker.text}`,
  };
  const laidOut = (spacing: Spacing) => {
    const layout = new DocumentLayout(shaper, page, shared, spacing);
    const items = layout.layout(model);
    const placements = paginate(items, contentHeight(page));
    return { layout, items, placements, total: pageCount(placements) };
  };
  let chosen = laidOut(NORMAL_SPACING);
  if (model.fitPages !== undefined && chosen.total > model.fitPages) {
    // A page over: closer lines and gaps, when that brings it back to the pages it should fit on.
    const tight = laidOut(TIGHT_SPACING);
    if (tight.total <= model.fitPages) chosen = tight;
  }
  const { layout, items, placements, total } = chosen;

  const doc = new PDFDocument({
    autoFirstPage: false,
    // 1.7: SHA-256 in signatures needs 1.6 or later.
    pdfVersion: '1.7',
    size: [page.width, page.height],
    margin: 0,
    // Pages are written at the end, once their content is deflated (compressPageContentAsync).
    bufferPages: true,
    // No default font: pdfkit would otherwise reference Helvetica, which is never embedded.
    font: null as unknown as string,
    lang: model.lang,
    displayTitle: true,
    info: {
      Title: model.title,
      ...(model.metadata.author ? { Author: model.metadata.author } : {}),
      ...(model.metadata.subject ? { Subject: model.metadata.subject } : {}),
      ...(model.metadata.keywords ? { Keywords: model.metadata.keywords } : {}),
      ...(model.metadata.auditAnchor ? { [AUDIT_ANCHOR_INFO_KEY]: model.metadata.auditAnchor } : {}),
      Creator: 'FieldScreen',
      Producer: 'FieldScreen (pdfkit, HarfBuzz)',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const bytes = collect(doc);
  const lineCount = { value: 0 };
  const compressed: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    const context = { doc, onRun: options.onRun, pageNumber: index + 1, lineCount, operators: { text: '' } };
    items.forEach((item, i) => {
      const placement = placements[i];
      if (placement?.page === index)
        drawOps(context, item.ops, page.marginLeft, page.marginTop + placement.y);
    });
    const footerTop = page.height - page.marginBottom + 6;
    drawOps(context, footerOps(layout, shaper, model, page, index, total), page.marginLeft, footerTop);
    drawOps(context, pageTopOps(layout, shaper, model, page), page.marginLeft, 8);
    drawOps(context, pageBottomOps(shaper, model, page), page.marginLeft, page.height - 24);
    // Deflated on zlib's threads while the next pages are drawn (pages stay buffered until then).
    compressed.push(compressPageContentAsync(doc, context.operators));
  }
  // The font subsets are complete now: deflated on the thread pool with the last pages' content.
  await Promise.all([...compressed, deflateFontStreams(doc)]);
  doc.end();
  return bytes;
}
