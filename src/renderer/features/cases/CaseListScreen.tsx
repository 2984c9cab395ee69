import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_STATUSES,
  type CaseListQuery,
  type CaseSummary,
  screeningResult,
} from '../../../shared/domain/cases';
import { isLocale, LOCALE_NATIVE_NAMES } from '../../../shared/i18n/locales';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate, formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { pagesFor, scrollToShow, visibleWindow } from './casework/windowing';

/** A language by its own name, marked with its tag so the right font and line breaking apply. */
function LanguageName({ tag }: { tag: string | null }) {
  if (!tag) return '—';
  return <span lang={tag}>{isLocale(tag) ? LOCALE_NATIVE_NAMES[tag] : tag}</span>;
}

/** Rows fetched per call; the window asks for the pages its visible rows fall in. */
const PAGE = 100;
const OVERSCAN = 6;
type SortColumn = NonNullable<CaseListQuery['sort']>['column'];

interface Filters {
  search: string;
  status: string;
  place: string;
  result: string;
  dateFrom: string;
  dateTo: string;
}
const NO_FILTERS: Filters = { search: '', status: '', place: '', result: '', dateFrom: '', dateTo: '' };

function queryFor(filters: Filters, sorting: SortingState): Omit<CaseListQuery, 'offset' | 'limit'> {
  const sort = sorting[0] ?? { id: 'updatedAt', desc: true };
  return {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.status ? { status: filters.status as CaseSummary['status'] } : {}),
    ...(filters.place ? { place: filters.place } : {}),
    ...(filters.result ? { result: filters.result as CaseSummary['screeningResult'] } : {}),
    ...(filters.dateFrom ? { dateFrom: filters.dateFrom } : {}),
    ...(filters.dateTo ? { dateTo: filters.dateTo } : {}),
    sort: { column: sort.id as SortColumn, direction: sort.desc ? 'desc' : 'asc' },
  };
}

/**
 * The case list. Filtering, sorting and paging all run in the store (SQL); the table renders only the
 * rows in view (fixed row height) and fetches pages of rows as they scroll into view, so ten thousand
 * cases scroll like ten. Arrow keys, Page Up/Down, Home and End move between cases.
 */
export function CaseListScreen({ onOpen, notice }: { onOpen: (caseId: string) => void; notice?: string }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'updatedAt', desc: true }]);
  const [places, setPlaces] = useState<string[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, CaseSummary[]>>(new Map());
  const [error, setError] = useState<ReplyError | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(480);
  const [headerHeight, setHeaderHeight] = useState(40);
  const [rowHeight, setRowHeight] = useState(40);
  const scroller = useRef<HTMLDivElement>(null);
  const inFlight = useRef(new Set<string>());
  const pendingFocus = useRef<number | null>(null);
  const [, setFocusRequest] = useState(0);

  // The query as the store sees it; a new one drops every page loaded for the old one.
  const query = useMemo(() => queryFor(filters, sorting), [filters, sorting]);
  const queryKey = JSON.stringify(query);
  const liveKey = useRef(queryKey);

  useEffect(() => {
    void call('cases.places', {}).then((reply) => {
      if (reply.ok) setPlaces(reply.value);
    });
  }, []);

  const fetchPage = useCallback(async (page: number, key: string, q: typeof query) => {
    const flight = `${key}#${page}`;
    if (inFlight.current.has(flight)) return;
    inFlight.current.add(flight);
    const reply = await call('cases.list', { ...q, offset: page * PAGE, limit: PAGE });
    inFlight.current.delete(flight);
    if (liveKey.current !== key) return;
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setTotal(reply.value.total);
    setPages((old) => new Map(old).set(page, reply.value.rows));
  }, []);

  // A new query: back to the top, first page after a short pause (typing in the search box).
  useEffect(() => {
    liveKey.current = queryKey;
    setPages(new Map());
    setTotal(null);
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    const handle = setTimeout(() => void fetchPage(0, queryKey, JSON.parse(queryKey) as typeof query), 150);
    return () => clearTimeout(handle);
  }, [queryKey, fetchPage]);

  const win = visibleWindow({
    scrollTop,
    viewportHeight,
    headerHeight,
    rowHeight,
    total: total ?? 0,
    overscan: OVERSCAN,
  });

  // Fetch the pages the visible rows fall in.
  useEffect(() => {
    if (total === null) return;
    for (const page of pagesFor(win.start, win.end, PAGE)) {
      if (!pages.has(page)) void fetchPage(page, queryKey, query);
    }
  }, [win.start, win.end, total, pages, queryKey, query, fetchPage]);

  // Measure the real sizes: they follow the window and the text size.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setViewportHeight(el.clientHeight);
      const head = el.querySelector('thead');
      if (head) setHeaderHeight(head.getBoundingClientRect().height);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const head = el.querySelector('thead');
    if (head) observer.observe(head);
    return () => observer.disconnect();
  }, []);

  // Every row has the same height; take it from a rendered row (placeholders copy it).
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>('tr.case-row:not(.pending)');
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(rowHeight - h) > 0.5) setRowHeight(h);
  });

  // Every sortable column has an accessor (react-table only sorts those); the store does the sorting.
  const columns = useMemo<ColumnDef<CaseSummary>[]>(
    () => [
      { id: 'reference', header: t('cases.reference'), accessorKey: 'reference' },
      {
        id: 'screeningDate',
        accessorKey: 'screeningDate',
        header: t('cases.date'),
        cell: ({ row }) => formatDate(row.original.screeningDate, uiLanguage),
      },
      {
        id: 'placeName',
        accessorKey: 'placeName',
        header: t('cases.place'),
        cell: ({ row }) => [row.original.placeName, row.original.vesselName].filter(Boolean).join(' · '),
      },
      {
        id: 'primaryPersonName',
        accessorKey: 'primaryPersonName',
        header: t('cases.person'),
        cell: ({ row }) => row.original.primaryPersonName ?? '—',
      },
      {
        id: 'nationality',
        accessorKey: 'nationality',
        header: t('cases.nationality'),
        cell: ({ row }) => row.original.nationality ?? '—',
      },
      {
        id: 'intervieweeLanguage',
        accessorKey: 'intervieweeLanguage',
        header: t('cases.language'),
        cell: ({ row }) => <LanguageName tag={row.original.intervieweeLanguage} />,
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: t('cases.status'),
        cell: ({ row }) => t(`status.${row.original.status}`),
      },
      {
        id: 'screeningResult',
        accessorKey: 'screeningResult',
        header: t('cases.result'),
        cell: ({ row }) => t(`result.${row.original.screeningResult}`),
      },
      {
        id: 'officer',
        accessorKey: 'officer',
        header: t('cases.officer'),
        cell: ({ row }) => row.original.officer ?? '—',
      },
      {
        id: 'updatedAt',
        accessorKey: 'updatedAt',
        header: t('cases.lastChange'),
        cell: ({ row }) => formatDateTime(row.original.updatedAt, uiLanguage),
      },
    ],
    [t, uiLanguage],
  );

  // Only the rows in the window go through the table model.
  const visibleRows = useMemo(() => {
    const out: { index: number; row: CaseSummary | undefined }[] = [];
    for (let i = win.start; i < win.end; i++)
      out.push({ index: i, row: pages.get(Math.floor(i / PAGE))?.[i % PAGE] });
    return out;
  }, [win.start, win.end, pages]);
  const data = useMemo(() => visibleRows.flatMap((v) => (v.row ? [v.row] : [])), [visibleRows]);

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: setSorting,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
  });
  const modelById = new Map(table.getRowModel().rows.map((r) => [r.id, r]));

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
    const rendered = el.querySelector<HTMLButtonElement>(`button[data-index="${target}"]`);
    if (rendered) {
      rendered.focus({ preventScroll: true });
      return;
    }
    // Not rendered (or not loaded) yet: focus it once it is.
    pendingFocus.current = target;
    setScrollTop(next);
    setFocusRequest((n) => n + 1);
  };

  // Focus follows the keyboard once the target row is rendered (and loaded).
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(
      `button[data-index="${pendingFocus.current}"]`,
    );
    if (button) {
      button.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

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

  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const columnCount = columns.length;

  return (
    <section className="panel" aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      {notice && (
        <p className="notice" role="status" data-testid="case-list-notice">
          {notice}
        </p>
      )}
      <div className="filters">
        <label>
          {t('cases.search')}
          <input
            type="search"
            value={filters.search}
            data-testid="case-search"
            onChange={(e) => setFilter({ search: e.target.value })}
          />
        </label>
        <label>
          {t('cases.status')}
          <select
            value={filters.status}
            data-testid="case-status-filter"
            onChange={(e) => setFilter({ status: e.target.value })}
          >
            <option value="">{t('cases.anyStatus')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('casework.filters.place')}
          <select
            value={filters.place}
            data-testid="case-place-filter"
            onChange={(e) => setFilter({ place: e.target.value })}
          >
            <option value="">{t('casework.filters.anyPlace')}</option>
            {places.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('casework.filters.result')}
          <select
            value={filters.result}
            data-testid="case-result-filter"
            onChange={(e) => setFilter({ result: e.target.value })}
          >
            <option value="">{t('casework.filters.anyResult')}</option>
            {screeningResult.options.map((r) => (
              <option key={r} value={r}>
                {t(`result.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('casework.filters.dateFrom')}
          <input
            type="date"
            value={filters.dateFrom}
            max={filters.dateTo || undefined}
            data-testid="case-date-from"
            onChange={(e) => setFilter({ dateFrom: e.target.value })}
          />
          {filters.dateFrom && <small className="muted">{formatDate(filters.dateFrom, uiLanguage)}</small>}
        </label>
        <label>
          {t('casework.filters.dateTo')}
          <input
            type="date"
            value={filters.dateTo}
            min={filters.dateFrom || undefined}
            data-testid="case-date-to"
            onChange={(e) => setFilter({ dateTo: e.target.value })}
          />
          {filters.dateTo && <small className="muted">{formatDate(filters.dateTo, uiLanguage)}</small>}
        </label>
        {filtered && (
          <button
            type="button"
            className="secondary"
            data-testid="case-filters-clear"
            onClick={() => setFilters(NO_FILTERS)}
          >
            {t('casework.filters.clear')}
          </button>
        )}
        <span className="muted" data-testid="case-count" aria-live="polite">
          {total === null ? t('actions.working') : t('cases.count', { count: total })}
        </span>
      </div>
      <ErrorMessage error={error} />
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
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
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
                    <td colSpan={columnCount} className="muted">
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
      <p id="case-keys-hint" className="muted small">
        {t('casework.keysHint')}
      </p>
    </section>
  );
}
