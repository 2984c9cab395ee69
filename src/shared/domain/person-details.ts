import { type Answers, type AnswerValue, type DeclineReason, declineReasonOf } from '../instrument/answers';
import type { Instrument } from '../instrument/schema';
import type { PersonUpdateInput } from './persons';

/**
 * The person's details as the interview recorded them: what the referral prints and what fills the
 * person record. Pure (runs in the renderer too). "Not sure" and "prefers not to say" stay what they
 * are (never a refusal, never a blank); a question the instrument does not have, or that was not
 * asked, is 'missing'.
 */

export type Derived<T> =
  | { state: 'answered'; value: T }
  | { state: 'declined'; reason: DeclineReason }
  | { state: 'missing' };

export type DerivedSex = 'female' | 'male' | 'other';
export type AgeMethod = 'document' | 'self_reported' | 'officer_estimate' | 'not_assessed';
export type Under18Assessment = 'possibly_under_18' | 'clearly_adult';

export interface PersonDetailsFromAnswers {
  ageYears: Derived<number>;
  sex: Derived<DerivedSex>;
  /** The instrument's option id (e.g. 'myanmar', 'no_nationality'); translate with `instrument:options.<id>`. */
  nationality: Derived<string>;
  /** BCP 47 tags ('my', 'shn' …); an option with no tag ('lang_other') sets `otherLanguage` instead. */
  languages: Derived<string[]>;
  otherLanguage: boolean;
  /** Free text, from an `id_dialect` question when the instrument has one. */
  dialect: Derived<string>;
  ageMethod: Derived<AgeMethod>;
  /** The officer's under-18 assessment as answered ("not sure" kept as declined). */
  under18: Derived<Under18Assessment>;
  /** The instrument's child rule: a stated age under the limit, or the officer's "possibly" / "not sure". */
  possibleChild: boolean;
  /** For the person record: a possible child is treated as a minor (benefit of the doubt). */
  minor: 'minor' | 'adult' | 'unknown';
  /** The instrument's option id, from an `id_document_type` question when the instrument has one. */
  idDocumentType: Derived<string>;
}

/** Which question records which detail (age and the under-18 assessment come from `instrument.child`). */
export const PERSON_DETAIL_QUESTIONS = {
  sex: 'id_gender',
  nationality: 'id_nationality',
  languages: 'id_languages',
  dialect: 'id_dialect',
  ageMethod: 'id_age_method',
  idDocumentType: 'id_document_type',
} as const;

const SEX_BY_OPTION: Record<string, DerivedSex> = { woman: 'female', man: 'male', another_gender: 'other' };

const AGE_METHOD_BY_OPTION: Record<string, AgeMethod> = {
  age_from_document: 'document',
  age_self_reported: 'self_reported',
  age_estimated: 'officer_estimate',
  age_not_assessed: 'not_assessed',
};

/** Language options and their BCP 47 tags (Shan, Karen (collective code) and Mon have no locale here). */
export const LANGUAGE_TAG_BY_OPTION: Record<string, string> = {
  lang_th: 'th',
  lang_my: 'my',
  lang_km: 'km',
  lang_lo: 'lo',
  lang_vi: 'vi',
  lang_en: 'en',
  lang_shan: 'shn',
  lang_karen: 'kar',
  lang_mon: 'mnw',
};

const MISSING = { state: 'missing' } as const;

function hasQuestion(instrument: Instrument, id: string): boolean {
  return instrument.sections.some((section) => section.questions.some((q) => q.id === id));
}

/** The answer to `id` read through `read` when the question exists; declines are kept. */
function derive<T>(
  instrument: Instrument,
  answers: Answers,
  id: string,
  read: (value: AnswerValue) => T | undefined,
): Derived<T> {
  const value = answers[id];
  if (value === undefined || !hasQuestion(instrument, id)) return MISSING;
  const reason = declineReasonOf(value);
  if (reason) return { state: 'declined', reason };
  const settled = read(value);
  return settled === undefined ? MISSING : { state: 'answered', value: settled };
}

const singleOption = (value: AnswerValue) => (value.kind === 'single' ? value.option : undefined);

export function personDetailsFromAnswers(instrument: Instrument, answers: Answers): PersonDetailsFromAnswers {
  const q = PERSON_DETAIL_QUESTIONS;
  const rule = instrument.child;
  const ageYears = derive(instrument, answers, rule.ageQuestion, (v) =>
    v.kind === 'number' && Number.isInteger(v.value) ? v.value : undefined,
  );
  const under18 = derive(instrument, answers, rule.assessmentQuestion, (v) => {
    const option = singleOption(v);
    if (option === undefined) return undefined;
    return rule.childOptions.includes(option) ? 'possibly_under_18' : 'clearly_adult';
  });
  const languagesAnswer = answers[q.languages];
  const languageOptions = languagesAnswer?.kind === 'multi' ? languagesAnswer.options : [];
  const byStatedAge = ageYears.state === 'answered' && ageYears.value < rule.ageBelow;
  const byAssessment =
    (under18.state === 'answered' && under18.value === 'possibly_under_18') ||
    (rule.notSureAssessmentMeansChild && under18.state === 'declined' && under18.reason === 'not_sure');
  const possibleChild = byStatedAge || byAssessment;
  const knownAdult =
    (ageYears.state === 'answered' && ageYears.value >= rule.ageBelow) ||
    (under18.state === 'answered' && under18.value === 'clearly_adult');
  return {
    ageYears,
    sex: derive(instrument, answers, q.sex, (v) => {
      const option = singleOption(v);
      return option === undefined ? undefined : (SEX_BY_OPTION[option] ?? 'other');
    }),
    nationality: derive(instrument, answers, q.nationality, singleOption),
    languages: derive(instrument, answers, q.languages, (v) => {
      if (v.kind !== 'multi') return undefined;
      const tags = v.options.flatMap((o) => {
        const tag = LANGUAGE_TAG_BY_OPTION[o];
        return tag ? [tag] : [];
      });
      return [...new Set(tags)];
    }),
    otherLanguage: languageOptions.some((o) => !LANGUAGE_TAG_BY_OPTION[o]),
    dialect: derive(instrument, answers, q.dialect, (v) =>
      v.kind === 'text' && v.text.trim() ? v.text.trim().normalize('NFC') : undefined,
    ),
    ageMethod: derive(instrument, answers, q.ageMethod, (v) => {
      const option = singleOption(v);
      return option === undefined ? undefined : AGE_METHOD_BY_OPTION[option];
    }),
    under18,
    possibleChild,
    minor: possibleChild ? 'minor' : knownAdult ? 'adult' : 'unknown',
    idDocumentType: derive(instrument, answers, q.idDocumentType, singleOption),
  };
}

/** The value when answered, else undefined. */
export function answeredValue<T>(derived: Derived<T>): T | undefined {
  return derived.state === 'answered' ? derived.value : undefined;
}

/**
 * The person-record fields the answers settle (only real answers: a decline or a missing answer
 * changes nothing). Nationality is stored as the instrument option id. For the port helper's
 * "answers fill the person record".
 */
export function personFieldsFromDetails(
  details: PersonDetailsFromAnswers,
): Omit<PersonUpdateInput, 'id' | 'nameOrAlias' | 'documentsLocation' | 'preferredInterviewerGender'> {
  const fields: ReturnType<typeof personFieldsFromDetails> = {};
  if (details.minor !== 'unknown') fields.minor = details.minor;
  const age = answeredValue(details.ageYears);
  if (age !== undefined) fields.ageYears = age;
  const sex = answeredValue(details.sex);
  if (sex !== undefined) fields.sex = sex;
  const nationality = answeredValue(details.nationality);
  if (nationality !== undefined) fields.nationality = nationality;
  const languages = answeredValue(details.languages);
  if (languages !== undefined && languages.length > 0) fields.languages = languages;
  const dialect = answeredValue(details.dialect);
  if (dialect !== undefined) fields.dialect = dialect;
  const method = answeredValue(details.ageMethod);
  if (method !== undefined && method !== 'not_assessed') fields.ageAssessment = method;
  return fields;
}
