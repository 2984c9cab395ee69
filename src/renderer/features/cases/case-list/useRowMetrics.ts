import { type RefObject, useLayoutEffect, useState } from 'react';

export interface RowMetrics {
  viewportHeight: number;
  /** The sticky table header, above the first row inside the scroller. */
  headerHeight: number;
  /** Every row has this height; taken from a rendered row (placeholders copy it). */
  rowHeight: number;
}

/**
 * The real sizes of a windowed table: they follow the window, the text size and the language. Measured
 * when the scroller, its header or its body change size (a ResizeObserver), not on every render.
 */
export function useRowMetrics(scroller: RefObject<HTMLElement | null>): RowMetrics {
  const [metrics, setMetrics] = useState<RowMetrics>({
    viewportHeight: 480,
    headerHeight: 40,
    rowHeight: 40,
  });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const row = el.querySelector<HTMLElement>('tr.case-row:not(.pending)');
      const rowHeight = row?.getBoundingClientRect().height ?? 0;
      const head = el.querySelector('thead')?.getBoundingClientRect().height;
      setMetrics((old) => {
        const next = {
          viewportHeight: el.clientHeight,
          headerHeight: head ?? old.headerHeight,
          rowHeight: rowHeight > 0 ? rowHeight : old.rowHeight,
        };
        const same =
          next.viewportHeight === old.viewportHeight &&
          next.headerHeight === old.headerHeight &&
          Math.abs(next.rowHeight - old.rowHeight) <= 0.5;
        return same ? old : next;
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const part of el.querySelectorAll('thead, tbody')) observer.observe(part);
    return () => observer.disconnect();
  }, [scroller]);
  return metrics;
}
