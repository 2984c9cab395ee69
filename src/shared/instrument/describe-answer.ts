import type { AnswerValue } from './answers';

/**
 * A saved answer in words, in the language of the translator given (keys in namespace `instrument`).
 * Used by the result page and the referral PDF alike.
 */
export function describeAnswer(value: AnswerValue, t: (key: string) => string): string {
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
