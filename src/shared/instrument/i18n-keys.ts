import type { Question, UrgentReason } from './schema';

/**
 * i18next keys of the instrument text (namespace `instrument`, files resources/locales/<lng>/instrument.json).
 * Screens, the result page and the referral PDF build keys here so the convention lives in one place.
 */
export const INSTRUMENT_NAMESPACE = 'instrument';

/** The question text; on the child path the child wording when the question has one. */
export function questionTextKey(question: Pick<Question, 'id' | 'childText'>, child = false): string {
  return child && question.childText ? `questions.${question.id}.textChild` : `questions.${question.id}.text`;
}

/** The interviewer's guidance note (why the question is asked, how to ask it gently). */
export function questionGuidanceKey(questionId: string): string {
  return `questions.${questionId}.guidance`;
}

export function optionKey(optionId: string): string {
  return `options.${optionId}`;
}

/** Labels of the four universal answers: yes, no, not sure, prefers not to say. */
export function answerLabelKey(answer: 'yes' | 'no' | 'not_sure' | 'prefer_not'): string {
  return `answers.${answer}`;
}

export function sectionTitleKey(sectionId: string): string {
  return `sections.${sectionId}.title`;
}

export function indicatorNameKey(code: string): string {
  return `indicators.${code}.name`;
}

export function indicatorDescriptionKey(code: string): string {
  return `indicators.${code}.description`;
}

export function elementNameKey(code: string): string {
  return `elements.${code}.name`;
}

/** Thai law codes and group headings (s6.act, s6.means, s6.purpose, s6_1.means). */
export function thaiNameKey(code: string): string {
  return `thai.${code}.name`;
}

export function urgentReasonKey(reason: UrgentReason): string {
  return `urgent.${reason}`;
}
