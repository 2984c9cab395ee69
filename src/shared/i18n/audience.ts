import { INSTRUMENT, INSTRUMENT_NAMESPACE, type Instrument } from '../instrument';
import { AUDIENCE_CATALOG } from './audience-catalog';

/**
 * Who reads a string: 'person' (the interviewee, in their language), 'both' (the interviewee and the
 * officer together, each in their language) or 'officer' (the officer only). A draft translation of a
 * string the person reads can frighten them or spoil their account, so screens and papers mark such drafts
 * and translators get the audience in their notes.
 */
export const AUDIENCES = ['person', 'officer', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];

type Catalog = Readonly<Record<string, Readonly<Record<string, Audience>>>>;

const PLURAL_SUFFIX = /_(?:zero|one|two|few|many|other)$/;
const QUESTION_KEY = /^questions\.([^.]+)\.(text|textChild|guidance)$/;
/** The wording of an older question version, kept for answers given to it (instrument `version`). */
const ARCHIVED_QUESTION_KEY = /^archive\.([^.]+)\.v\d+\.(text|textChild)$/;
const OPTION_KEY = /^options\.([^.]+)$/;

/**
 * The audience of one string. Question wording follows the question's `audience` in the instrument (its
 * guidance is always the officer's); an answer option is the person's when any person-facing question
 * offers it. Everything else comes from the catalog; a string nobody listed is the officer's.
 */
export function audienceOf(ns: string, key: string): Audience {
  return audienceIn(INSTRUMENT_AUDIENCES, AUDIENCE_CATALOG, ns, key);
}

/** True when the interviewee reads (or hears) the string: its draft translations must be marked. */
export function isPersonFacing(ns: string, key: string): boolean {
  return audienceOf(ns, key) !== 'officer';
}

/** What the instrument says about who reads its questions and options. */
export interface InstrumentAudiences {
  questions: ReadonlyMap<string, Audience>;
  options: ReadonlyMap<string, Audience>;
}

export function instrumentAudiences(instrument: Instrument): InstrumentAudiences {
  const questions = new Map<string, Audience>();
  const options = new Map<string, Audience>();
  for (const section of instrument.sections)
    for (const question of section.questions) {
      questions.set(question.id, question.audience);
      if (question.kind !== 'single' && question.kind !== 'multi') continue;
      for (const { id } of question.options)
        if (options.get(id) !== 'person') options.set(id, question.audience);
    }
  return { questions, options };
}

const INSTRUMENT_AUDIENCES = instrumentAudiences(INSTRUMENT);

/** audienceOf over explicit data, for tests and for checking another instrument version. */
export function audienceIn(
  instrument: InstrumentAudiences,
  catalog: Catalog,
  ns: string,
  key: string,
): Audience {
  if (ns === INSTRUMENT_NAMESPACE) {
    const question = QUESTION_KEY.exec(key);
    if (question?.[1] !== undefined) {
      if (question[2] === 'guidance') return 'officer';
      // A question the instrument does not know (yet) is treated as asked aloud: the safe side for a draft.
      return instrument.questions.get(question[1]) ?? 'person';
    }
    const archived = ARCHIVED_QUESTION_KEY.exec(key)?.[1];
    if (archived !== undefined) return instrument.questions.get(archived) ?? 'person';
    const option = OPTION_KEY.exec(key)?.[1];
    const fromInstrument = option === undefined ? undefined : instrument.options.get(option);
    if (fromInstrument) return fromInstrument;
  }
  return catalogAudience(catalog[ns] ?? {}, key) ?? 'officer';
}

function catalogAudience(entries: Readonly<Record<string, Audience>>, key: string): Audience | undefined {
  const base = key.replace(PLURAL_SUFFIX, '');
  if (Object.hasOwn(entries, key)) return entries[key];
  if (Object.hasOwn(entries, base)) return entries[base];
  let best: { length: number; audience: Audience } | undefined;
  for (const [pattern, audience] of Object.entries(entries)) {
    if (!pattern.endsWith('.') || !key.startsWith(pattern)) continue;
    if (!best || pattern.length > best.length) best = { length: pattern.length, audience };
  }
  return best?.audience;
}
