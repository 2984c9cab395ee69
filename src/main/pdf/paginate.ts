/**
 * Pagination math, pure. Items are stacked top to bottom; each has a height and a gap before it (the
 * gap is dropped at the top of a page). `glueToNext` keeps an item on the same page as the next one
 * (a heading with its first line, the first two and last two lines of a paragraph, a signature box).
 * A glued group that cannot fit even on an empty page is split item by item instead.
 */

export interface FlowMetrics {
  height: number;
  gapBefore: number;
  glueToNext?: boolean;
}

export interface Placement {
  /** 0-based page index. */
  page: number;
  /** Top of the item, measured down from the top of the content area. */
  y: number;
}

/** Consecutive items joined by glueToNext, as [first, last] index pairs. */
export function glueGroups(items: readonly FlowMetrics[]): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < items.length; i++) {
    if (!items[i]?.glueToNext || i === items.length - 1) {
      groups.push([start, i]);
      start = i + 1;
    }
  }
  return groups;
}

function groupHeight(items: readonly FlowMetrics[], first: number, last: number, atPageTop: boolean): number {
  let height = 0;
  for (let i = first; i <= last; i++) {
    const item = items[i];
    if (!item) continue;
    height += item.height + (i === first && atPageTop ? 0 : item.gapBefore);
  }
  return height;
}

export function paginate(items: readonly FlowMetrics[], pageHeight: number): Placement[] {
  if (!(pageHeight > 0)) throw new RangeError('pageHeight must be positive');
  const placements: Placement[] = [];
  let page = 0;
  let y = 0;
  const place = (index: number) => {
    const item = items[index];
    if (!item) return;
    const gap = y === 0 ? 0 : item.gapBefore;
    if (y > 0 && y + gap + item.height > pageHeight) {
      page++;
      y = 0;
      placements[index] = { page, y };
      y = item.height;
      return;
    }
    placements[index] = { page, y: y + gap };
    y += gap + item.height;
  };
  for (const [first, last] of glueGroups(items)) {
    const fitsHere = y + groupHeight(items, first, last, y === 0) <= pageHeight;
    const fitsOnEmptyPage = groupHeight(items, first, last, true) <= pageHeight;
    if (!fitsHere && fitsOnEmptyPage && y > 0) {
      page++;
      y = 0;
    }
    for (let i = first; i <= last; i++) place(i);
  }
  return placements;
}

/** Number of pages the placements use (at least one). */
export function pageCount(placements: readonly Placement[]): number {
  return placements.reduce((max, placement) => Math.max(max, placement.page + 1), 1);
}
