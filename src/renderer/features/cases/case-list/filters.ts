import type { SortingState } from '@tanstack/react-table';
import type { CaseListQuery, CaseSummary } from '../../../../shared/domain/cases';

/** What the filter bar holds; empty strings mean "any". */
export interface CaseFilters {
  search: string;
  status: string;
  place: string;
  result: string;
  dateFrom: string;
  dateTo: string;
}

export const NO_FILTERS: CaseFilters = {
  search: '',
  status: '',
  place: '',
  result: '',
  dateFrom: '',
  dateTo: '',
};

export const DEFAULT_SORTING: SortingState = [{ id: 'updatedAt', desc: true }];

type SortColumn = NonNullable<CaseListQuery['sort']>['column'];

export function hasFilters(filters: CaseFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof CaseFilters)[]).some((k) => filters[k] !== NO_FILTERS[k]);
}

/** The store's query for the filters and the table's sort (paging is added per page). */
export function caseListQuery(
  filters: CaseFilters,
  sorting: SortingState,
): Omit<CaseListQuery, 'offset' | 'limit'> {
  const sort = sorting[0] ?? DEFAULT_SORTING[0] ?? { id: 'updatedAt', desc: true };
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
