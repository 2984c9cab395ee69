/**
 * Which label the case timeline shows for each field a 'case.update' or 'person.update' audit row names
 * as changed. Those rows name fields as the store compares them: case.update by the column of the
 * cases table (src/main/store/cases.ts, updateCase), person.update by the key of Person (updatePerson).
 * A name not listed here (a future field, or a row from another version) reads as "other details":
 * a raw column name is never shown.
 */
import type common from '../../../../../resources/locales/en/common.json';

type FieldLabel = keyof (typeof common)['timeline']['fields'];
type LabelKey = `timeline.fields.${FieldLabel}`;

const FIELD_LABELS: ReadonlyMap<string, FieldLabel> = new Map<string, FieldLabel>([
  // case.update: columns of the cases table
  ['place_kind', 'placeKind'],
  ['place_name', 'place'],
  ['place_province', 'placeProvince'],
  ['vessel_name', 'vesselName'],
  ['vessel_registration', 'vesselRegistration'],
  ['vessel_flag', 'vesselFlag'],
  ['screening_date', 'screeningDate'],
  ['screening_result', 'screeningResult'],
  ['officer_assessment', 'officerAssessment'],
  // person.update: keys of Person
  ['nameOrAlias', 'nameOrAlias'],
  ['sex', 'sex'],
  ['ageYears', 'ageYears'],
  ['minor', 'minor'],
  ['ageAssessment', 'ageAssessment'],
  ['nationality', 'nationality'],
  ['languages', 'languages'],
  ['dialect', 'dialect'],
  ['documentsLocation', 'documentsLocation'],
  ['preferredInterviewerGender', 'preferredInterviewerGender'],
]);

export const OTHER_FIELDS_KEY: LabelKey = 'timeline.fields.other';

/** The i18n key of one changed field's label. */
export function changedFieldLabelKey(field: string): LabelKey {
  const label = FIELD_LABELS.get(field);
  return label === undefined ? OTHER_FIELDS_KEY : `timeline.fields.${label}`;
}

/** The label keys for a row's changed fields, in the row's order, each once ("other details" last). */
export function changedFieldLabelKeys(fields: readonly string[]): LabelKey[] {
  const keys = new Set(fields.map(changedFieldLabelKey));
  const known = [...keys].filter((k) => k !== OTHER_FIELDS_KEY);
  return keys.has(OTHER_FIELDS_KEY) ? [...known, OTHER_FIELDS_KEY] : known;
}

/** Every label key this module can return (for checking that each locale has them all). */
export function allChangedFieldLabelKeys(): LabelKey[] {
  return [
    ...new Set([...FIELD_LABELS.values()].map((l): LabelKey => `timeline.fields.${l}`)),
    OTHER_FIELDS_KEY,
  ];
}
