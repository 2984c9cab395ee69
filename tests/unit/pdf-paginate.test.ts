import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlowMetrics, glueGroups, pageCount, paginate } from '../../src/main/pdf/paginate';

describe('paginate', () => {
  it('stacks items with their gaps on one page', () => {
    const items: FlowMetrics[] = [
      { height: 10, gapBefore: 5 },
      { height: 20, gapBefore: 4 },
    ];
    expect(paginate(items, 100)).toEqual([
      { page: 0, y: 0 },
      { page: 0, y: 14 },
    ]);
  });

  it('moves an item that does not fit to the next page and drops its gap there', () => {
    const items: FlowMetrics[] = [
      { height: 60, gapBefore: 0 },
      { height: 50, gapBefore: 10 },
    ];
    expect(paginate(items, 100)).toEqual([
      { page: 0, y: 0 },
      { page: 1, y: 0 },
    ]);
  });

  it('keeps glued items (a heading and its first line) together', () => {
    const items: FlowMetrics[] = [
      { height: 80, gapBefore: 0 },
      { height: 10, gapBefore: 0, glueToNext: true },
      { height: 15, gapBefore: 0 },
    ];
    const placements = paginate(items, 100);
    expect(placements[1]).toEqual({ page: 1, y: 0 });
    expect(placements[2]).toEqual({ page: 1, y: 10 });
  });

  it('splits a glued group taller than a page item by item', () => {
    const items: FlowMetrics[] = [60, 60, 60].map((height) => ({ height, gapBefore: 0, glueToNext: true }));
    expect(paginate(items, 100).map((placement) => placement.page)).toEqual([0, 1, 2]);
  });

  it('rejects a page without height', () => {
    expect(() => paginate([], 0)).toThrow(RangeError);
  });

  it('groups glued items', () => {
    expect(
      glueGroups([
        { height: 1, gapBefore: 0, glueToNext: true },
        { height: 1, gapBefore: 0 },
        { height: 1, gapBefore: 0 },
      ]),
    ).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });

  it('never lets an item cross the page bottom, keeps order, and keeps glued groups whole when they fit', () => {
    const item = fc.record({
      height: fc.integer({ min: 1, max: 120 }),
      gapBefore: fc.integer({ min: 0, max: 20 }),
      glueToNext: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const pageHeight = 100;
        const placements = paginate(items, pageHeight);
        expect(placements).toHaveLength(items.length);
        let previous = { page: 0, y: 0 };
        placements.forEach((placement, i) => {
          const height = items[i]?.height ?? 0;
          if (height <= pageHeight) expect(placement.y + height).toBeLessThanOrEqual(pageHeight);
          else expect(placement.y).toBe(0);
          expect(placement.page > previous.page || placement.y >= previous.y).toBe(true);
          previous = placement;
        });
        for (const [first, last] of glueGroups(items)) {
          const total = items
            .slice(first, last + 1)
            .reduce((sum, it, k) => sum + it.height + (k === 0 ? 0 : it.gapBefore), 0);
          if (total <= pageHeight) expect(placements[last]?.page).toBe(placements[first]?.page);
        }
        expect(pageCount(placements)).toBe(Math.max(1, ...placements.map((placement) => placement.page + 1)));
      }),
      { numRuns: 300 },
    );
  });
});
