import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseListQuery, CaseSummary } from '../../../../shared/domain/cases';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { pagesFor } from './windowing';

/** Rows fetched per call; the table asks for the pages its visible rows fall in. */
export const PAGE_SIZE = 100;

type Query = Omit<CaseListQuery, 'offset' | 'limit'>;

export interface CaseListData {
  /** Rows matching the query, or null until the first page has arrived. */
  total: number | null;
  error: ReplyError | null;
  /** The row at an index, or undefined while its page is not loaded (a new function when a page arrives). */
  rowAt(index: number): CaseSummary | undefined;
  /** Loads the pages holding rows start..end-1 (each page once per query). */
  need(start: number, end: number): void;
  /** Identifies the current query (the table goes back to the top when it changes). */
  queryKey: string;
}

/**
 * The case list's data: one query (filters and sort, run in the store) and a cache of the pages of
 * rows loaded for it. A new query drops the cache and loads its first page after a short pause
 * (typing in the search box); replies to an older query are ignored.
 */
export function useCaseList(query: Query): CaseListData {
  const [pages, setPages] = useState<ReadonlyMap<number, CaseSummary[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const queryKey = JSON.stringify(query);
  const liveKey = useRef(queryKey);
  const requested = useRef(new Set<string>());

  const fetchPage = useCallback(async (page: number, key: string) => {
    const flight = `${key}#${page}`;
    if (requested.current.has(flight)) return;
    requested.current.add(flight);
    const q = JSON.parse(key) as Query;
    const reply = await call('cases.list', { ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (liveKey.current !== key) return;
    if (!reply.ok) {
      requested.current.delete(flight);
      return setError(reply.error);
    }
    setError(null);
    setTotal(reply.value.total);
    setPages((old) => new Map(old).set(page, reply.value.rows));
  }, []);

  useEffect(() => {
    liveKey.current = queryKey;
    requested.current.clear();
    setPages(new Map());
    setTotal(null);
    const handle = setTimeout(() => void fetchPage(0, queryKey), 150);
    return () => clearTimeout(handle);
  }, [queryKey, fetchPage]);

  const need = useCallback(
    (start: number, end: number) => {
      if (total === null) return;
      for (const page of pagesFor(start, end, PAGE_SIZE)) {
        if (!pages.has(page)) void fetchPage(page, liveKey.current);
      }
    },
    [total, pages, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  );

  return {
    total,
    error,
    rowAt,
    need,
    queryKey,
  };
}
