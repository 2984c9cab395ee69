import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../../shared/domain/cases';
import { isLocale, LOCALE_NATIVE_NAMES, type Locale } from '../../../../shared/i18n/locales';
import { formatDate, formatDateTime } from '../../../app/format';
import { nationalityLabel } from '../../../app/nationality';

/** A language by its own name, marked with its tag so the right font and line breaking apply. */
function LanguageName({ tag }: { tag: string | null }) {
  if (!tag) return '—';
  return <span lang={tag}>{isLocale(tag) ? LOCALE_NATIVE_NAMES[tag] : tag}</span>;
}

/** The case list's columns. Every one has an accessor (react-table only sorts those); the store sorts. */
export function caseColumns(t: TFunction, uiLanguage: Locale): ColumnDef<CaseSummary>[] {
  return [
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
      cell: ({ row }) => nationalityLabel(row.original.nationality, t) ?? '—',
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
  ];
}
