/**
 * A fixed-row-height window over a long list: which rows to render for a scroll position, and which
 * pages of rows to fetch for them. Pure functions; the case list holds the state.
 */

export interface RowWindow {
  /** First row index to render (inclusive). */
  start: number;
  /** Row index after the last one to render (exclusive). */
  end: number;
  /** Height of the empty space standing in for the rows above and below. */
  padTop: number;
  padBottom: number;
}

export function visibleWindow(args: {
  scrollTop: number;
  viewportHeight: number;
  /** Height of anything above the first row inside the scroller (the sticky table header). */
  headerHeight: number;
  rowHeight: number;
  total: number;
  overscan: number;
}): RowWindow {
  const { total, overscan } = args;
  const rowHeight = Math.max(1, args.rowHeight);
  if (total <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, args.scrollTop - args.headerHeight);
  const first = Math.min(total - 1, Math.floor(top / rowHeight));
  const shown = Math.ceil(Math.max(args.viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + shown + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}

/** Page numbers (of pageSize rows) covering rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** The scroll position that brings row `index` fully into view (unchanged when it already is). */
export function scrollToShow(args: {
  index: number;
  scrollTop: number;
  viewportHeight: number;
  headerHeight: number;
  rowHeight: number;
}): number {
  const rowTop = args.headerHeight + args.index * args.rowHeight;
  const rowBottom = rowTop + args.rowHeight;
  // The sticky header covers the top of the viewport.
  if (rowTop - args.headerHeight < args.scrollTop) return Math.max(0, rowTop - args.headerHeight);
  if (rowBottom > args.scrollTop + args.viewportHeight) return rowBottom - args.viewportHeight;
  return args.scrollTop;
}
