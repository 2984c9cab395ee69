import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, screeningResult } from '../../../../shared/domain/cases';
import { call } from '../../../app/call';
import { formatDate } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ActionButton } from '../../../components/Buttons';
import { type CaseFilters, hasFilters, NO_FILTERS } from './filters';

interface Props {
  filters: CaseFilters;
  onChange: (next: CaseFilters) => void;
  /** Matching cases, or null while counting. */
  total: number | null;
}

/** Search, status, place, result and date range of the case list; the store does the filtering. */
export function CaseFilterBar({ filters, onChange, total }: Props) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const places = usePlaces();
  const set = (patch: Partial<CaseFilters>) => onChange({ ...filters, ...patch });

  return (
    <div className="filters">
      <label>
        {t('cases.search')}
        <input
          type="search"
          value={filters.search}
          data-testid="case-search"
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <label>
        {t('cases.status')}
        <select
          value={filters.status}
          data-testid="case-status-filter"
          onChange={(e) => set({ status: e.target.value })}
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
          onChange={(e) => set({ place: e.target.value })}
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
          onChange={(e) => set({ result: e.target.value })}
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
          onChange={(e) => set({ dateFrom: e.target.value })}
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
          onChange={(e) => set({ dateTo: e.target.value })}
        />
        {filters.dateTo && <small className="muted">{formatDate(filters.dateTo, uiLanguage)}</small>}
      </label>
      {hasFilters(filters) && (
        <ActionButton testId="case-filters-clear" onClick={() => onChange(NO_FILTERS)}>
          {t('casework.filters.clear')}
        </ActionButton>
      )}
      <span className="muted" data-testid="case-count" aria-live="polite">
        {total === null ? t('actions.working') : t('cases.count', { count: total })}
      </span>
    </div>
  );
}

/** The places cases were screened at, for the place filter. */
function usePlaces(): string[] {
  const [places, setPlaces] = useState<string[]>([]);
  useEffect(() => {
    void call('cases.places', {}).then((reply) => {
      if (reply.ok) setPlaces(reply.value);
    });
  }, []);
  return places;
}
