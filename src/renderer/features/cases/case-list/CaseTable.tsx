import {
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/domain/cases';
import { usePrefs } from '../../../app/prefs-context';
import { caseColumns } from './caseColumns';
import type { CaseListData } from './useCaseList';
import { useRowMetrics } from './useRowMetrics';
import { scrollToShow, visibleWindow } from './windowing';

const OVERSCAN = 6;

interface Props {
  data: CaseListData;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  onOpen: (caseId: string) => void;
}

/**
 * The case table: renders only the rows in view (fixed row height) and asks the data for the pages
 * they fall in, so ten thousand cases scroll like ten. Arrow keys, Page Up/Down, Home and End move
 * between cases; a target row not rendered yet gets the focus once it is.
 */
export function CaseTable({ data, sorting, onSortingChange, onOpen }: Props) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const { viewportHeight, headerHeight, rowHeight } = useRowMetrics(scroller);
  const { total, rowAt, need, queryKey } = data;

  // A new query starts at the top.
  useLayoutEffect(() => {
    if (queryKey && scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [queryKey]);

  const win = visibleWindow({
    scrollTop,
    viewportHeight,
    headerHeight,
    rowHeight,
    total: total ?? 0,
    overscan: OVERSCAN,
  });
  useEffect(() => need(win.start, win.end), [need, win.start, win.end]);

  const columns = useMemo(() => caseColumns(t, uiLanguage), [t, uiLanguage]);
  // Only the rows in the window go through the table model.
  const visibleRows = useMemo(() => {
    const out: { index: number; row: CaseSummary | undefined }[] = [];
    for (let i = win.start; i < win.end; i++) out.push({ index: i, row: rowAt(i) });
    return out;
  }, [win.start, win.end, rowAt]);
  const rows = useMemo(() => visibleRows.flatMap((v) => (v.row ? [v.row] : [])), [visibleRows]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
  });
  const modelById = new Map(table.getRowModel().rows.map((r) => [r.id, r]));

  const focus = useRowFocus(scroller, visibleRows);
  const focusRow = (index: number) => {
    const el = scroller.current;
    if (!el || total === null || total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    const next = scrollToShow({
      index: target,
      scrollTop: el.scrollTop,
      viewportHeight,
      headerHeight,
      rowHeight,
    });
    el.scrollTop = next;
    setScrollTop(next);
    focus(target);
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = Number((e.target as HTMLElement).dataset.index);
    if (Number.isNaN(index)) return;
    const perView = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + perView,
      PageUp: index - perView,
      Home: 0,
      End: (total ?? 1) - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    focusRow(target);
  };

  return (
    <div
      className="case-scroller"
      ref={scroller}
      data-testid="case-scroller"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {/* Stand-ins for the rows above and below the window (outside the table: no empty rows). */}
      <div className="spacer" style={{ height: win.padTop }} />
      <table
        className="cases"
        data-testid="case-table"
        aria-rowcount={(total ?? 0) + 1}
        aria-describedby="case-keys-hint"
      >
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} aria-rowindex={1}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={h.column.getToggleSortingHandler()}
                        data-testid={`sort-${h.id}`}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onRowKey}>
          {visibleRows.map(({ index, row }) => {
            const model = row ? modelById.get(row.id) : undefined;
            if (!model) {
              return (
                <tr
                  key={`pending-${index}`}
                  className="case-row pending"
                  aria-rowindex={index + 2}
                  style={{ height: rowHeight }}
                >
                  <td colSpan={columns.length} className="muted">
                    {t('casework.loadingRow')}
                  </td>
                </tr>
              );
            }
            return (
              <tr key={model.id} className="case-row" aria-rowindex={index + 2} data-testid="case-row">
                {model.getVisibleCells().map((cell, i) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    {i === 0 ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpen(model.original.id)}
                        data-testid="open-case"
                        data-index={index}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </button>
                    ) : (
                      flexRender(cell.column.columnDef.cell, cell.getContext())
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="spacer" style={{ height: win.padBottom }} />
      {total === 0 && <p className="muted">{t('cases.none')}</p>}
    </div>
  );
}

/**
 * Moves the keyboard focus to a row by index: at once when its button is rendered, else as soon as
 * the rows in view change and it is (scrolled to and loaded).
 */
function useRowFocus(
  scroller: { current: HTMLElement | null },
  renderedRows: unknown,
): (index: number) => void {
  const pending = useRef<number | null>(null);
  const tryFocus = () => {
    if (pending.current === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(
      `button[data-index="${pending.current}"]`,
    );
    if (!button) return;
    button.focus({ preventScroll: true });
    pending.current = null;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the rendered rows change
  useLayoutEffect(tryFocus, [renderedRows]);
  return (index) => {
    pending.current = index;
    tryFocus();
  };
}
