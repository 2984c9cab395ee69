import { INSTRUMENT_V1_DATA } from './instrument-v1';
import { type Instrument, parseInstrument } from './schema';

export * from './answer-for-question';
export * from './answers';
export * from './audience';
export * from './frameworks';
export * from './i18n-keys';
export { INSTRUMENT_V1_DATA } from './instrument-v1';
export * from './read-answers';
export * from './schema';
export * from './wording';

/** The current screening instrument, parsed and cross-checked at load time. */
export const INSTRUMENT: Instrument = parseInstrument(INSTRUMENT_V1_DATA);

/** Every question in interview order, with its section id. */
export function allQuestions(
  instrument: Instrument,
): { sectionId: string; question: Instrument['sections'][number]['questions'][number] }[] {
  return instrument.sections.flatMap((section) =>
    section.questions.map((question) => ({ sectionId: section.id, question })),
  );
}

/** A question by id, or undefined. */
export function findQuestion(instrument: Instrument, id: string) {
  for (const section of instrument.sections) {
    const found = section.questions.find((q) => q.id === id);
    if (found) return found;
  }
  return undefined;
}
export * from './describe-answer';
