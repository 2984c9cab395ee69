import type { InterviewStartInput, InterviewSummary } from '../../../shared/domain/interviews';
import type { Person } from '../../../shared/domain/persons';
import { isLocale, type Locale } from '../../../shared/i18n/locales';

/**
 * The pre-interview form as data (pure): who is present, gender preferences, the interpreter and their
 * declaration, the privacy checklist. It is filled in once and carried over: from the last interview of
 * the same case (the full interview after the short screen), or from the inspection the case belongs to.
 */

export const PRIVACY_ITEMS = ['privateSpace', 'noEmployer', 'phoneAway', 'explainedStop'] as const;
export type PrivacyItem = (typeof PRIVACY_ITEMS)[number];
export type Preference = 'female' | 'male' | 'no_preference';
export type StatedGender = '' | 'female' | 'male';
export type NoYes = 'no' | 'yes';

export interface InterviewSetup {
  language: Locale;
  /** The person's dialect or other language, for the person record. */
  dialect: string;
  present: string;
  preferred: Preference;
  officerGender: StatedGender;
  withInterpreter: boolean;
  interpreterName: string;
  interpreterDialect: string;
  interpreterGender: StatedGender;
  conflict: NoYes;
  paidByEmployer: NoYes;
  declarationSigned: boolean;
  privacy: Record<PrivacyItem, boolean>;
}

export function blankSetup(language: Locale): InterviewSetup {
  return {
    language,
    dialect: '',
    present: '',
    preferred: 'no_preference',
    officerGender: '',
    withInterpreter: true,
    interpreterName: '',
    interpreterDialect: '',
    interpreterGender: '',
    conflict: 'no',
    paidByEmployer: 'no',
    declarationSigned: false,
    privacy: { privateSpace: false, noEmployer: false, phoneAway: false, explainedStop: false },
  };
}

/** The person's preference is not honoured by the officer of the day. */
export function officerGenderMismatch(s: InterviewSetup): boolean {
  return s.preferred !== 'no_preference' && s.officerGender !== '' && s.preferred !== s.officerGender;
}

/** The person's preference applies to the interpreter too. */
export function interpreterGenderMismatch(s: InterviewSetup): boolean {
  return (
    s.withInterpreter &&
    s.preferred !== 'no_preference' &&
    s.interpreterGender !== '' &&
    s.preferred !== s.interpreterGender
  );
}

/** What still stops the interview from starting, in the order the form shows it. */
export type MissingItem = 'interpreterName' | 'declaration' | PrivacyItem;

export function missingForStart(s: InterviewSetup): MissingItem[] {
  const out: MissingItem[] = [];
  if (s.withInterpreter && !s.interpreterName.trim()) out.push('interpreterName');
  if (s.withInterpreter && !s.declarationSigned) out.push('declaration');
  for (const item of PRIVACY_ITEMS) if (!s.privacy[item]) out.push(item);
  return out;
}

const oneLine = (text: string) => text.trim().replace(/[;\n\r]+/g, ',');

/** The interpreter's notes as recorded with the interview (entries separated by "; "). */
export function setupNotes(s: InterviewSetup): string {
  return [
    s.present.trim() ? `present: ${oneLine(s.present)}` : '',
    s.conflict === 'yes' ? 'knows_parties' : '',
    s.paidByEmployer === 'yes' ? 'paid_by_employer' : '',
    officerGenderMismatch(s) ? 'gender_preference_not_honoured' : '',
    interpreterGenderMismatch(s) ? 'interpreter_gender_preference_not_honoured' : '',
    s.interpreterDialect.trim() ? `dialect: ${oneLine(s.interpreterDialect)}` : '',
    s.officerGender ? `officer_gender: ${s.officerGender}` : '',
    s.interpreterGender ? `interpreter_gender: ${s.interpreterGender}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** What interview.start takes from the form. */
export function startInputOf(
  s: InterviewSetup,
  target: { caseId: string; personId?: string | undefined; officerLanguage: string },
): Omit<InterviewStartInput, 'instrumentId' | 'instrumentVersion' | 'tier'> {
  const notes = setupNotes(s);
  return {
    caseId: target.caseId,
    ...(target.personId ? { personId: target.personId } : {}),
    intervieweeLanguage: s.language,
    officerLanguage: target.officerLanguage,
    ...(s.dialect.trim() ? { intervieweeDialect: s.dialect.trim() } : {}),
    ...(s.preferred !== 'no_preference' ? { preferredInterviewerGender: s.preferred } : {}),
    ...(s.withInterpreter
      ? {
          interpreter: {
            name: s.interpreterName,
            language: s.language,
            declarationSigned: s.declarationSigned,
            conflictDeclared: s.conflict === 'yes' || s.paidByEmployer === 'yes',
            ...(notes ? { notes } : {}),
          },
        }
      : {}),
  };
}

function noteEntries(notes: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of (notes ?? '').split('; ')) {
    const at = entry.indexOf(': ');
    if (at > 0) out.set(entry.slice(0, at), entry.slice(at + 2));
    else if (entry) out.set(entry, '');
  }
  return out;
}

const stated = (v: string | undefined): StatedGender => (v === 'female' || v === 'male' ? v : '');

/**
 * The form as the last interview left it (and the person record: language, dialect, preference). The
 * privacy checklist comes back ticked: the form says it was carried over, to be checked again.
 */
export function setupFromInterview(
  previous: InterviewSummary | undefined,
  person: Person | undefined,
  fallbackLanguage: Locale,
): InterviewSetup {
  const firstLanguage = person?.languages.find(isLocale);
  const language =
    previous && isLocale(previous.intervieweeLanguage)
      ? previous.intervieweeLanguage
      : (firstLanguage ?? fallbackLanguage);
  const base = blankSetup(language);
  base.dialect = person?.dialect ?? '';
  base.preferred = person?.preferredInterviewerGender ?? 'no_preference';
  if (!previous) return base;
  const i = previous.interpreter;
  const notes = noteEntries(i?.notes);
  return {
    ...base,
    present: notes.get('present') ?? '',
    officerGender: stated(notes.get('officer_gender')),
    withInterpreter: i !== null,
    interpreterName: i?.name ?? '',
    interpreterDialect: notes.get('dialect') ?? '',
    interpreterGender: stated(notes.get('interpreter_gender')),
    conflict:
      notes.has('knows_parties') || (i?.conflictDeclared && !notes.has('paid_by_employer')) ? 'yes' : 'no',
    paidByEmployer: notes.has('paid_by_employer') ? 'yes' : 'no',
    declarationSigned: i?.declarationSigned ?? false,
    privacy: { privateSpace: true, noEmployer: true, phoneAway: true, explainedStop: true },
  };
}
