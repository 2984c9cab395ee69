import type { TFunction } from 'i18next';
import type { AnswerValue } from '../../../shared/instrument';

/** A saved answer as words in the given language (for "already given" lists and the result page). */
export function describeAnswer(value: AnswerValue, t: TFunction): string {
  switch (value.kind) {
    case 'declined':
      return t(`instrument:answers.${value.reason}`);
    case 'choice':
      return t(`instrument:answers.${value.value}`);
    case 'single':
      return t(`instrument:options.${value.option}`);
    case 'multi':
      return value.options.map((o) => t(`instrument:options.${o}`)).join(', ');
    case 'number':
      return String(value.value);
    case 'date':
      return value.iso;
    case 'approxDate':
      return value.month ? `${value.year}-${String(value.month).padStart(2, '0')}` : String(value.year);
    case 'text':
      return value.text;
  }
}
