import { breakLines } from './linebreak';
import type { Block, DocModel, GridCell, Lang, LangText, ListItem } from './model';
import type { FlowMetrics } from './paginate';
import type { LineShaper, ShapedLine, TextStyle } from './textEngine';

/**
 * Turns a DocModel into flow items: each item is a strip of the page (one line, one table row, one
 * signature box) with its height and the drawing operations inside it, positioned relative to the
 * item's top-left corner. Pagination then stacks the items onto pages.
 */

export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/**
 * A4 in points: 2 cm on the left (the binding side of an official letter), 1.5 cm on the right, and
 * top and bottom margins that hold the page mark, page notes and footer.
 */
export const A4: PageGeometry = {
  width: 595.28,
  height: 841.89,
  marginTop: 50,
  marginBottom: 52,
  marginLeft: 56.7,
  marginRight: 42.5,
};

export type Gray = number;

export type DrawOp =
  | { kind: 'text'; x: number; baseline: number; line: ShapedLine; gray: Gray }
  | { kind: 'rule'; x1: number; x2: number; y: number; width: number; gray: Gray; dotted?: boolean }
  | { kind: 'box'; x: number; y: number; width: number; height: number; lineWidth: number; gray: Gray }
  /** A check box drawn with lines (square, and a tick when checked): never a font glyph. */
  | { kind: 'check'; x: number; y: number; size: number; checked: boolean; gray: Gray };

export interface FlowItem extends FlowMetrics {
  ops: DrawOp[];
}

export const STYLES = {
  title: { size: 16, weight: 'bold' },
  titleSecondary: { size: 11.5, weight: 'regular' },
  heading: { size: 11.5, weight: 'bold' },
  headingSecondary: { size: 9, weight: 'regular' },
  body: { size: 10, weight: 'regular' },
  /** The second language beside the Thai, and long lists (the answers behind the findings). */
  compact: { size: 9, weight: 'regular' },
  label: { size: 9.5, weight: 'bold' },
  subheading: { size: 10, weight: 'bold' },
  labelSecondary: { size: 8.5, weight: 'regular' },
  small: { size: 8, weight: 'regular' },
  gridLabel: { size: 7.5, weight: 'regular' },
  mark: { size: 12, weight: 'bold' },
  note: { size: 7, weight: 'regular' },
} as const satisfies Record<string, TextStyle>;

const BLACK = 0;
const DARK_GRAY = 0.3;
const MID_GRAY = 0.55;
const LIGHT_GRAY = 0.8;

/** Fraction of the content width given to the label column of a field. */
const LABEL_COLUMN = 0.36;
const COLUMN_GUTTER = 14;
const LIST_INDENT = 14;
const BOX_PADDING = 8;
const GRID_GUTTER = 10;
const CHECK_SIZE = 7.5;
/** Room above a signature line for the hand signature. */
const SIGNING_SPACE = 20;
/**
 * How airy the document is: extra leading added to every line (a fraction of the font size), and a
 * factor on the gaps between items. TIGHT_SPACING is for a document that would otherwise run a page
 * over the pages it should fit on (DocModel.fitPages): lines and gaps closer, nothing else changed.
 */
export interface Spacing {
  leading: number;
  gapScale: number;
}
export const NORMAL_SPACING: Spacing = { leading: 0.1, gapScale: 1 };
export const TIGHT_SPACING: Spacing = { leading: 0.04, gapScale: 0.5 };
/** Side-by-side blocks up to this fraction of the content height are never split across pages. */
const SINGLE_BAND_FRACTION = 0.15;
/** Otherwise they are cut into bands of about this height (points). */
const BAND_HEIGHT = 80;

export function contentWidth(page: PageGeometry): number {
  return page.width - page.marginLeft - page.marginRight;
}

export function contentHeight(page: PageGeometry): number {
  return page.height - page.marginTop - page.marginBottom;
}

/** One laid-out line: shaped text plus the height it occupies (ascent + descent + leading). */
export interface LineBox {
  line: ShapedLine;
  height: number;
  /** Baseline, down from the top of the box. */
  baseline: number;
  /** Overrides the column's colour. */
  gray?: Gray;
}

interface Column {
  x: number;
  lines: LineBox[];
  gray: Gray;
}

/** Paragraphs a DocumentLayout remembers (the footer repeats on every page, labels repeat). */
const LINES_CACHE_LIMIT = 2_000;
/** Entries kept across documents before that cache starts over (a referral uses a few hundred). */
export const SHARED_LINES_LIMIT = 5_000;

/**
 * Broken, shaped lines kept ACROSS documents, for texts that hold no personal data: the form's own
 * wording, exactly as the translation catalogs have it (`isPublic` decides; anything else, such as a
 * name or an answer quoted with its question, stays in the one build's cache). `scope` names what else
 * decides the lines besides style, width, language and text: the fonts' Thai face and the marker for
 * unsupported scripts. Bounded (cleared when full).
 */
export interface SharedLines {
  isPublic(text: string): boolean;
  cache: Map<string, readonly LineBox[]>;
  scope: string;
}

export class DocumentLayout {
  /** Broken lines by style, width, language and text: one layout's (one build's) text only, bounded. */
  private readonly linesCache = new Map<string, readonly LineBox[]>();

  constructor(
    private readonly engine: LineShaper,
    private readonly page: PageGeometry,
    private readonly shared?: SharedLines,
    private readonly spacing: Spacing = NORMAL_SPACING,
  ) {}

  /** Lines of `text` broken to `width`, shaped. */
  lines(text: string, lang: Lang, style: TextStyle, width: number): LineBox[] {
    const key = `${style.weight}\u0000${style.size}\u0000${width}\u0000${this.spacing.leading}\u0000${lang}\u0000${text}`;
    const cached = this.linesCache.get(key);
    if (cached) return cached.map((box) => ({ ...box }));
    const shared = this.shared?.isPublic(text) ? this.shared : undefined;
    const sharedKey = shared ? `${shared.scope}\u0000${key}` : '';
    const kept = shared?.cache.get(sharedKey);
    if (kept) {
      this.linesCache.set(key, kept);
      return kept.map((box) => ({ ...box }));
    }
    const normalized = text.normalize('NFC');
    this.engine.setParagraphs?.(normalized.split('\n'), lang, style);
    const measure = (piece: string) => this.engine.measure(piece, lang, style);
    const opportunities = this.engine.breakOpportunities?.bind(this.engine);
    const spans = breakLines(normalized, lang, width, measure, opportunities);
    const boxes = spans.map((span) => {
      const line = this.engine.shapeLine(span.text, lang, style);
      const leading = style.size * this.spacing.leading;
      return { line, height: line.ascent + line.descent + leading, baseline: leading / 2 + line.ascent };
    });
    if (this.linesCache.size >= LINES_CACHE_LIMIT) this.linesCache.clear();
    const copy = boxes.map((box) => ({ ...box }));
    this.linesCache.set(key, copy);
    if (shared) {
      if (shared.cache.size >= SHARED_LINES_LIMIT) shared.cache.clear();
      shared.cache.set(sharedKey, copy);
    }
    return boxes;
  }

  layout(model: DocModel): FlowItem[] {
    const items: FlowItem[] = [];
    for (const block of model.blocks) {
      const previous = items[items.length - 1];
      // A block that must not stand alone (a signature) pulls the end of what comes before with it.
      if (previous && 'keepWithPrevious' in block && block.keepWithPrevious) previous.glueToNext = true;
      items.push(...this.block(block));
    }
    if (this.spacing.gapScale !== 1) for (const item of items) item.gapBefore *= this.spacing.gapScale;
    return items;
  }

  private block(block: Block): FlowItem[] {
    const width = contentWidth(this.page);
    switch (block.kind) {
      case 'title':
        return this.title(block.text, block.lang, block.secondary, width);
      case 'heading':
        return this.heading(block.text, block.lang, block.secondary, width);
      case 'paragraph':
        return this.textItems(this.lines(block.text, block.lang, STYLES.body, width), 0, 6, BLACK);
      case 'subheading': {
        const items = this.textItems(
          this.lines(block.text, block.lang, STYLES.subheading, width),
          0,
          5,
          BLACK,
        );
        for (const item of items) item.glueToNext = true;
        return items;
      }
      case 'field':
        return this.field(block, width);
      case 'bilingual':
        return this.bilingual(block.primary, block.secondary, block.arrangement ?? 'columns', width);
      case 'list':
        return this.list(block.items, width, block.compact ? STYLES.compact : STYLES.body);
      case 'fieldGrid':
        return this.fieldGrid(block.cells, block.columns, width);
      case 'checklist':
        return this.checklist(block.items, block.columns, width);
      case 'row':
        return [this.row(block.cells, width)];
      case 'signatureLines':
        return [this.signatureLines(block.entries, width)];
      case 'signatureBlock':
        return [this.signatureBlock(block, width)];
      case 'spacer': {
        const { ascent, descent } = this.engine.lineMetrics('en', STYLES.body);
        return [{ height: (ascent + descent) * (block.lines ?? 1), gapBefore: 0, ops: [] }];
      }
    }
  }

  /** One item per line; the first two and last two lines are glued (no orphan or widow line). */
  private textItems(lines: LineBox[], x: number, gapBefore: number, gray: Gray): FlowItem[] {
    return lines.map((box, index) => ({
      height: box.height,
      gapBefore: index === 0 ? gapBefore : 0,
      glueToNext: lines.length > 1 && (index === 0 || index === lines.length - 2),
      ops: [{ kind: 'text', x, baseline: box.baseline, line: box.line, gray }],
    }));
  }

  private title(text: string, lang: Lang, secondary: LangText | undefined, width: number): FlowItem[] {
    const items = this.textItems(this.lines(text, lang, STYLES.title, width), 0, 0, BLACK);
    if (secondary) {
      items.push(
        ...this.textItems(
          this.lines(secondary.text, secondary.lang, STYLES.titleSecondary, width),
          0,
          2,
          DARK_GRAY,
        ),
      );
    }
    for (const item of items) item.glueToNext = true;
    items.push({
      height: 8,
      gapBefore: 4,
      ops: [{ kind: 'rule', x1: 0, x2: width, y: 2, width: 1.2, gray: BLACK }],
    });
    return items;
  }

  private heading(text: string, lang: Lang, secondary: LangText | undefined, width: number): FlowItem[] {
    const lines = this.lines(text, lang, STYLES.heading, width);
    const items = this.textItems(lines, 0, 6, BLACK);
    if (secondary) {
      const last = lines[lines.length - 1];
      const lastItem = items[items.length - 1];
      const second = this.engine.shapeLine(secondary.text, secondary.lang, STYLES.headingSecondary);
      if (last && lastItem && last.line.width + 10 + second.width <= width) {
        // The second language on the same line, after the Thai, when it fits.
        lastItem.ops.push({
          kind: 'text',
          x: last.line.width + 10,
          baseline: last.baseline,
          line: second,
          gray: DARK_GRAY,
        });
        lastItem.height = Math.max(lastItem.height, last.baseline + second.descent);
      } else {
        items.push(
          ...this.textItems(
            this.lines(secondary.text, secondary.lang, STYLES.headingSecondary, width),
            0,
            0,
            DARK_GRAY,
          ),
        );
      }
    }
    items.push({
      height: 3,
      gapBefore: 1,
      ops: [{ kind: 'rule', x1: 0, x2: width, y: 1, width: 0.6, gray: MID_GRAY }],
    });
    // A heading always travels with what follows it.
    for (const item of items) item.glueToNext = true;
    return items;
  }

  /**
   * Side-by-side columns, each at its own natural line pitch (Thai lines are much shorter than
   * Burmese ones). A short block is one item; a long one is cut into bands of about BAND_HEIGHT, each
   * holding whole lines of every column, and pages may break only between bands.
   */
  private columns(columns: Column[], gapBefore: number): FlowItem[] {
    const natural = Math.max(
      0,
      ...columns.map((column) => column.lines.reduce((sum, box) => sum + box.height, 0)),
    );
    const target =
      natural <= contentHeight(this.page) * SINGLE_BAND_FRACTION ? Number.POSITIVE_INFINITY : BAND_HEIGHT;
    const next = columns.map(() => 0);
    const items: FlowItem[] = [];
    while (columns.some((column, c) => (next[c] ?? 0) < column.lines.length)) {
      const ops: DrawOp[] = [];
      let height = 0;
      columns.forEach((column, c) => {
        let y = 0;
        let taken = 0;
        for (let box = column.lines[next[c] ?? 0]; box; box = column.lines[next[c] ?? 0]) {
          if (taken > 0 && y + box.height > target) break;
          ops.push({
            kind: 'text',
            x: column.x,
            baseline: y + box.baseline,
            line: box.line,
            gray: box.gray ?? column.gray,
          });
          y += box.height;
          taken++;
          next[c] = (next[c] ?? 0) + 1;
        }
        height = Math.max(height, y);
      });
      items.push({ height, gapBefore: items.length === 0 ? gapBefore : 0, ops });
    }
    return items;
  }

  private field(block: Extract<Block, { kind: 'field' }>, width: number): FlowItem[] {
    const fraction = block.labelWidth ?? LABEL_COLUMN;
    const labelWidth = width * fraction - COLUMN_GUTTER / 2;
    const valueX = width * fraction + COLUMN_GUTTER / 2;
    const labelLines = this.lines(block.label, block.lang, STYLES.label, labelWidth);
    const secondaryLines = block.labelSecondary
      ? this.lines(block.labelSecondary.text, block.labelSecondary.lang, STYLES.labelSecondary, labelWidth)
      : [];
    const valueLines = this.lines(block.value, block.valueLang ?? block.lang, STYLES.body, width - valueX);
    const items = this.columns(
      [
        {
          x: 0,
          lines: [...labelLines, ...secondaryLines.map((box) => ({ ...box, gray: DARK_GRAY }))],
          gray: BLACK,
        },
        { x: valueX, lines: valueLines, gray: BLACK },
      ],
      4,
    );
    // The separator line stays with the field it closes.
    const last = items[items.length - 1];
    if (last) last.glueToNext = true;
    items.push({
      height: 3,
      gapBefore: 1,
      ops: [{ kind: 'rule', x1: 0, x2: width, y: 1, width: 0.4, gray: LIGHT_GRAY }],
    });
    return items;
  }

  private bilingual(
    primary: LangText,
    secondary: LangText,
    arrangement: 'columns' | 'stacked',
    width: number,
  ): FlowItem[] {
    if (arrangement === 'stacked') {
      return [
        ...this.textItems(this.lines(primary.text, primary.lang, STYLES.body, width), 0, 6, BLACK),
        ...this.textItems(this.lines(secondary.text, secondary.lang, STYLES.body, width), 0, 3, DARK_GRAY),
      ];
    }
    const columnWidth = (width - COLUMN_GUTTER) / 2;
    return this.columns(
      [
        { x: 0, lines: this.lines(primary.text, primary.lang, STYLES.body, columnWidth), gray: BLACK },
        {
          x: columnWidth + COLUMN_GUTTER,
          lines: this.lines(secondary.text, secondary.lang, STYLES.compact, columnWidth),
          gray: DARK_GRAY,
        },
      ],
      6,
    );
  }

  private list(entries: ListItem[], width: number, style: TextStyle): FlowItem[] {
    const items: FlowItem[] = [];
    const indent = entries.some((entry) => (entry.marker ?? '').length > 1) ? LIST_INDENT + 6 : LIST_INDENT;
    entries.forEach((entry, index) => {
      const lines = this.lines(entry.text, entry.lang, style, width - indent);
      const entryItems = this.textItems(lines, indent, index === 0 ? 4 : 1, BLACK);
      const first = entryItems[0];
      const firstLine = lines[0];
      if (first && firstLine) {
        const marker = entry.marker
          ? this.engine.shapeLine(entry.marker, entry.lang, style)
          : this.engine.shapeLine('\u2022', 'en', style);
        first.ops.push({ kind: 'text', x: 2, baseline: firstLine.baseline, line: marker, gray: BLACK });
      }
      items.push(...entryItems);
    });
    return items;
  }

  /** Width of `span` grid columns out of `columns` (gutters inside the span included). */
  private gridWidth(width: number, columns: number, span: number): number {
    const column = (width - (columns - 1) * GRID_GUTTER) / columns;
    return column * span + (span - 1) * GRID_GUTTER;
  }

  /** Cells packed into rows (a cell too wide for what is left of a row starts the next one). */
  private fieldGrid(cells: GridCell[], columns: number, width: number): FlowItem[] {
    const rows: GridCell[][] = [];
    let used = columns;
    for (const cell of cells) {
      const span = Math.min(columns, cell.span ?? 1);
      if (used + span > columns) {
        rows.push([]);
        used = 0;
      }
      rows[rows.length - 1]?.push(cell);
      used += span;
    }
    const items: FlowItem[] = [];
    for (const row of rows) {
      let column = 0;
      const laidOut: Column[] = row.map((cell) => {
        const span = Math.min(columns, cell.span ?? 1);
        const x = column === 0 ? 0 : this.gridWidth(width, columns, column) + GRID_GUTTER;
        const cellWidth = this.gridWidth(width, columns, span);
        column += span;
        const label = this.lines(cell.label, cell.lang, STYLES.gridLabel, cellWidth);
        const value = this.lines(cell.value, cell.valueLang ?? cell.lang, STYLES.body, cellWidth);
        return { x, lines: [...label.map((box) => ({ ...box, gray: DARK_GRAY })), ...value], gray: BLACK };
      });
      const rowItems = this.columns(laidOut, 3);
      const last = rowItems[rowItems.length - 1];
      if (last) {
        last.height += 2;
        last.ops.push({ kind: 'rule', x1: 0, x2: width, y: last.height, width: 0.3, gray: LIGHT_GRAY });
      }
      items.push(...rowItems);
    }
    return items;
  }

  /** Check boxes with their text, `columns` to a row. */
  private checklist(
    entries: (LangText & { checked: boolean })[],
    columns: number,
    width: number,
  ): FlowItem[] {
    const items: FlowItem[] = [];
    const cellWidth = this.gridWidth(width, columns, 1);
    const textOffset = CHECK_SIZE + 5;
    for (let start = 0; start < entries.length; start += columns) {
      const ops: DrawOp[] = [];
      let height = 0;
      entries.slice(start, start + columns).forEach((entry, i) => {
        const x = i === 0 ? 0 : this.gridWidth(width, columns, i) + GRID_GUTTER;
        const lines = this.lines(entry.text, entry.lang, STYLES.body, cellWidth - textOffset);
        let y = 0;
        for (const box of lines) {
          ops.push({
            kind: 'text',
            x: x + textOffset,
            baseline: y + box.baseline,
            line: box.line,
            gray: BLACK,
          });
          y += box.height;
        }
        const first = lines[0];
        if (first) {
          const top = first.baseline - CHECK_SIZE + 0.5;
          ops.push({ kind: 'check', x, y: top, size: CHECK_SIZE, checked: entry.checked, gray: BLACK });
        }
        height = Math.max(height, y);
      });
      items.push({ height, gapBefore: start === 0 ? 4 : 1, ops });
    }
    return items;
  }

  /** One line of cells, each aligned in its equal share of the width. */
  private row(
    cells: (LangText & { align: 'left' | 'center' | 'right'; bold?: boolean })[],
    width: number,
  ): FlowItem {
    const share = width / cells.length;
    const ops: DrawOp[] = [];
    let height = 0;
    cells.forEach((cell, i) => {
      const style = cell.bold ? STYLES.label : STYLES.body;
      let y = 0;
      for (const box of this.lines(cell.text, cell.lang, style, share - 4)) {
        const free = share - box.line.width;
        const offset = cell.align === 'left' ? 0 : cell.align === 'right' ? free : free / 2;
        ops.push({
          kind: 'text',
          x: share * i + offset,
          baseline: y + box.baseline,
          line: box.line,
          gray: BLACK,
        });
        y += box.height;
      }
      height = Math.max(height, y);
    });
    return { height, gapBefore: 3, ops };
  }

  /** Hand-signature columns: role, room to sign, a dotted line, (name), then the lines under it. */
  private signatureLines(
    entries: { role: LangText; name: LangText; lines: LangText[] }[],
    width: number,
  ): FlowItem {
    const share = (width - (entries.length - 1) * GRID_GUTTER) / entries.length;
    const ops: DrawOp[] = [];
    let height = 0;
    entries.forEach((entry, i) => {
      const x = i * (share + GRID_GUTTER);
      let y = 0;
      const centred = (text: LangText, style: TextStyle, gray: Gray) => {
        for (const box of this.lines(text.text, text.lang, style, share)) {
          ops.push({
            kind: 'text',
            x: x + (share - box.line.width) / 2,
            baseline: y + box.baseline,
            line: box.line,
            gray,
          });
          y += box.height;
        }
      };
      centred(entry.role, STYLES.label, BLACK);
      y += SIGNING_SPACE;
      ops.push({ kind: 'rule', x1: x + 8, x2: x + share - 8, y, width: 0.6, gray: BLACK, dotted: true });
      y += 3;
      const name = entry.name.text ? `(${entry.name.text})` : `(${'\u00a0'.repeat(36)})`;
      centred({ text: name, lang: entry.name.lang }, STYLES.body, BLACK);
      for (const line of entry.lines) centred(line, STYLES.labelSecondary, DARK_GRAY);
      height = Math.max(height, y);
    });
    return { height, gapBefore: 10, ops };
  }

  /** The visible signature: a framed box, kept whole on one page. */
  private signatureBlock(block: Extract<Block, { kind: 'signatureBlock' }>, width: number): FlowItem {
    const inner = width - 2 * BOX_PADDING;
    const ops: DrawOp[] = [];
    let y = BOX_PADDING;
    if (block.title) {
      for (const box of this.lines(block.title.text, block.title.lang, STYLES.label, inner)) {
        ops.push({ kind: 'text', x: BOX_PADDING, baseline: y + box.baseline, line: box.line, gray: BLACK });
        y += box.height;
      }
      y += 3;
    }
    if (block.columns && block.columns > 1) {
      // Label above value, in a grid (a wide value such as a note takes a whole row).
      const cells = block.lines.map((line) => ({
        label: line.label,
        value: line.value,
        lang: line.lang,
        ...(line.value.length > 60 ? { span: block.columns } : {}),
      }));
      for (const row of this.fieldGrid(cells, block.columns, inner)) {
        y += row.gapBefore;
        for (const op of row.ops) {
          if (op.kind === 'text') ops.push({ ...op, x: op.x + BOX_PADDING, baseline: op.baseline + y });
        }
        y += row.height;
      }
      const height = y + BOX_PADDING;
      ops.unshift({ kind: 'box', x: 0, y: 0, width, height, lineWidth: 0.8, gray: BLACK });
      return { height, gapBefore: 10, ops };
    }
    const labelWidth = inner * 0.3 - COLUMN_GUTTER / 2;
    const valueX = inner * 0.3 + COLUMN_GUTTER / 2;
    for (const entry of block.lines) {
      const label = this.lines(entry.label, entry.lang, STYLES.labelSecondary, labelWidth);
      const value = this.lines(entry.value, entry.lang, STYLES.body, inner - valueX);
      for (const row of this.columns(
        [
          { x: BOX_PADDING, lines: label, gray: DARK_GRAY },
          { x: BOX_PADDING + valueX, lines: value, gray: BLACK },
        ],
        2,
      )) {
        y += row.gapBefore;
        for (const op of row.ops) if (op.kind === 'text') ops.push({ ...op, baseline: op.baseline + y });
        y += row.height;
      }
    }
    const height = y + BOX_PADDING;
    ops.unshift({ kind: 'box', x: 0, y: 0, width, height, lineWidth: 0.8, gray: BLACK });
    return { height, gapBefore: 12, ops };
  }
}
