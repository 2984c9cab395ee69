import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CaseFilterBar } from './case-list/CaseFilterBar';
import { CaseTable } from './case-list/CaseTable';
import { type CaseFilters, caseListQuery, DEFAULT_SORTING, NO_FILTERS } from './case-list/filters';
import { useCaseList } from './case-list/useCaseList';

/**
 * The case list: a filter bar, and a windowed table over the cases that match. Filtering, sorting and
 * paging all run in the store (SQL); useCaseList holds the query and the pages loaded for it.
 */
export function CaseListScreen({
  onOpen,
  notice,
  onReceive,
}: {
  onOpen: (caseId: string) => void;
  notice?: string;
  /** Supervisors: opens Receive a case (a handover package from another FieldScreen store). */
  onReceive?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const [sorting, setSorting] = useState(DEFAULT_SORTING);
  const query = useMemo(() => caseListQuery(filters, sorting), [filters, sorting]);
  const data = useCaseList(query);

  return (
    <section className="panel" aria-labelledby="cases-title">
      <div className="row title-row">
        <h1 id="cases-title">{t('cases.title')}</h1>
        {onReceive && (
          <ActionButton testId="cases-receive" onClick={onReceive}>
            {t('handover.receive.title')}
          </ActionButton>
        )}
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="case-list-notice">
          {notice}
        </p>
      )}
      <CaseFilterBar filters={filters} onChange={setFilters} total={data.total} />
      <ErrorMessage error={data.error} />
      <CaseTable data={data} sorting={sorting} onSortingChange={setSorting} onOpen={onOpen} />
      <p id="case-keys-hint" className="muted small">
        {t('casework.keysHint')}
      </p>
    </section>
  );
}
