import type { TFunction } from 'i18next';
import { PERSON_DETAIL_QUESTIONS } from '../../shared/domain/person-details';
import { INSTRUMENT } from '../../shared/instrument';

const NATIONALITY_OPTIONS = new Set(
  INSTRUMENT.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.id === PERSON_DETAIL_QUESTIONS.nationality)
    .flatMap((q) => ('options' in q ? q.options.map((o) => o.id) : [])),
);

/**
 * A nationality as recorded: the interview stores the instrument's option id (e.g. 'myanmar'), shown
 * in the officer's language; anything typed by hand is shown as typed.
 */
export function nationalityLabel(value: string | null | undefined, t: TFunction): string | null {
  if (!value) return null;
  return NATIONALITY_OPTIONS.has(value) ? String(t(`instrument:options.${value}`)) : value;
}
