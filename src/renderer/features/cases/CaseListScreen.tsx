import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseSummary } from '../../../shared/domain/cases';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate, formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';

const PAGE = 50;
type SortColumn = 'reference' | 'screeningDate' | 'updatedAt' | 'status' | 'placeName' | 'screeningResult';

/** The case list: filtering, sorting and paging all run in the store (SQL), never over every case here. */
export function CaseListScreen({ onOpen }: { onOpen: (caseId: string) => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'updatedAt', desc: true }]);
  const [rows, setRows] = useState<CaseSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<ReplyError | null>(null);

  useEffect(() => {
    let live = true;
    const sort = sorting[0] ?? { id: 'updatedAt', desc: true };
    const handle = setTimeout(async () => {
      const reply = await call('cases.list', {
        ...(search.trim() ? { search: search.trim() } : {}),
        ...(status ? { status: status as CaseSummary['status'] } : {}),
        sort: { column: sort.id as SortColumn, direction: sort.desc ? 'desc' : 'asc' },
        offset,
        limit: PAGE,
      });
      if (!live) return;
      if (!reply.ok) return setError(reply.error);
      setError(null);
      setRows(reply.value.rows);
      setTotal(reply.value.total);
    }, 150);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [search, status, sorting, offset]);

  const columns = useMemo<ColumnDef<CaseSummary>[]>(
    () => [
      { id: 'reference', header: t('cases.reference'), accessorKey: 'reference' },
      {
        id: 'screeningDate',
        header: t('cases.date'),
        cell: ({ row }) => formatDate(row.original.screeningDate, uiLanguage),
      },
      {
        id: 'placeName',
        header: t('cases.place'),
        cell: ({ row }) => [row.original.placeName, row.original.vesselName].filter(Boolean).join(' · '),
      },
      {
        id: 'person',
        header: t('cases.person'),
        enableSorting: false,
        cell: ({ row }) => row.original.primaryPersonName ?? '—',
      },
      { id: 'status', header: t('cases.status'), cell: ({ row }) => t(`status.${row.original.status}`) },
      {
        id: 'screeningResult',
        header: t('cases.result'),
        cell: ({ row }) => t(`result.${row.original.screeningResult}`),
      },
      {
        id: 'updatedAt',
        header: t('cases.lastChange'),
        cell: ({ row }) => formatDateTime(row.original.updatedAt, uiLanguage),
      },
    ],
    [t, uiLanguage],
  );

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (s) => {
      setOffset(0);
      setSorting(s);
    },
    getCoreRowModel: getCoreRowModel(),
  });

  return (
    <section className="panel" aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <div className="filters">
        <label>
          {t('cases.search')}
          <input
            type="search"
            value={search}
            data-testid="case-search"
            onChange={(e) => {
              setOffset(0);
              setSearch(e.target.value);
            }}
          />
        </label>
        <label>
          {t('cases.status')}
          <select
            value={status}
            data-testid="case-status-filter"
            onChange={(e) => {
              setOffset(0);
              setStatus(e.target.value);
            }}
          >
            <option value="">{t('cases.anyStatus')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="case-count">
          {t('cases.count', { count: total })}
        </span>
      </div>
      <ErrorMessage error={error} />
      <div className="table-wrap">
        <table className="cases" data-testid="case-table">
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
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
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell, i) => (
                  <td key={cell.id}>
                    {i === 0 ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpen(row.original.id)}
                        data-testid="open-case"
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </button>
                    ) : (
                      flexRender(cell.column.columnDef.cell, cell.getContext())
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">{t('cases.none')}</p>}
      </div>
      <div className="pager">
        <button
          type="button"
          className="secondary"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          {t('actions.previous')}
        </button>
        <span className="muted">
          {total === 0
            ? ''
            : t('cases.range', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={offset + PAGE >= total}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t('actions.next')}
        </button>
      </div>
    </section>
  );
}
