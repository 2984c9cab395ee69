import { useTranslation } from 'react-i18next';
import type { CasePlace } from '../../../shared/domain/cases';
import type { UiKey } from '../../app/i18n-key';
import type { FormProblem, useFormProblems } from '../../components/form-problems';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';
import { localDay } from './casework/follow-ups';

/** The kinds of place a screening happens at, in the order the case forms offer them. */
export const PLACE_KINDS = [
  'pipo_centre',
  'port',
  'vessel',
  'other',
] as const satisfies readonly CasePlace['kind'][];

/** Where and when, as typed: the place's kind, name and province, and the screening date (YYYY-MM-DD). */
export interface PlaceDraft {
  kind: CasePlace['kind'];
  name: string;
  province: string;
  date: string;
}

/** A new form's place of `kind`, screened today (the calendar day where the officer is). */
export function newPlace(kind: CasePlace['kind']): PlaceDraft {
  return { kind, name: '', province: '', date: localDay(new Date()) };
}

/**
 * What the place fields need before anything is sent, keyed by the path in the case's request: a
 * place named (`nameMissing` says so) and a whole screening date.
 */
export function placeProblems(
  place: PlaceDraft,
  nameMissing: UiKey = 'details.placeMissing',
): Record<string, FormProblem> {
  return {
    ...(place.name.trim() ? {} : { 'place.name': { messageKey: nameMissing } }),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(place.date)
      ? {}
      : { screeningDate: { messageKey: 'details.dateMissing' } }),
  };
}

/** The paths in a case's request of the fields PlaceFields and VesselFields show (what main's replies name). */
export const PLACE_AND_VESSEL_PATHS = [
  'place.name',
  'place.province',
  'screeningDate',
  'vessel.name',
  'vessel.registration',
  'vessel.flag',
];

/** The vessel as typed (all blank when there is none). */
export interface VesselDraft {
  name: string;
  registration: string;
  flag: string;
}

export const NO_VESSEL: VesselDraft = { name: '', registration: '', flag: '' };

/** The test ids of the place fields of a form whose ids share a prefix (`edit-place-kind`…). */
export function placeTestIds(prefix: string): Record<keyof PlaceDraft, string> {
  return {
    kind: `${prefix}-place-kind`,
    name: `${prefix}-place-name`,
    province: `${prefix}-province`,
    date: `${prefix}-date`,
  };
}

/** The test ids of the vessel fields of a form whose ids share a prefix (`edit-vessel`…). */
export function vesselTestIds(prefix: string): Record<keyof VesselDraft, string> {
  return { name: `${prefix}-vessel`, registration: `${prefix}-registration`, flag: `${prefix}-flag` };
}

/** The vessel a request names, trimmed: null when nothing of it was typed. */
export function vesselOf(draft: VesselDraft): VesselDraft | null {
  const v = { name: draft.name.trim(), registration: draft.registration.trim(), flag: draft.flag.trim() };
  return v.name || v.registration || v.flag ? v : null;
}

/**
 * The form's problems (useFormProblems), keyed by the path in the case's request (`place.name`,
 * `screeningDate`, `vessel.flag`…): each field says its own, and an edit takes it away.
 */
type Problems = Pick<ReturnType<typeof useFormProblems>, 'text' | 'clear'>;

/**
 * The place fields of a case form (kind, name, province, screening date), without a wrapper: the form
 * lays them out. `testIds` keeps each form's own test ids.
 */
export function PlaceFields({
  value,
  onChange,
  problems,
  testIds,
  kinds = PLACE_KINDS,
  zawgyiCheck = false,
}: {
  value: PlaceDraft;
  onChange: (next: PlaceDraft) => void;
  problems: Problems;
  testIds: Record<keyof PlaceDraft, string>;
  kinds?: readonly CasePlace['kind'][];
  /** Offer to convert a Zawgyi-encoded place name under its field. */
  zawgyiCheck?: boolean;
}) {
  const { t } = useTranslation();
  const change = (next: PlaceDraft, path: string) => {
    onChange(next);
    problems.clear(path);
  };
  const setName = (name: string) => change({ ...value, name }, 'place.name');
  return (
    <>
      <SelectField
        label={t('newCase.placeKind')}
        value={value.kind}
        options={kinds.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
        onChange={(kind) => change({ ...value, kind }, 'place.kind')}
        testId={testIds.kind}
      />
      <TextField
        label={t('newCase.placeName')}
        error={problems.text('place.name')}
        value={value.name}
        onChange={setName}
        testId={testIds.name}
      />
      {zawgyiCheck && <ZawgyiCheck text={value.name} onConvert={setName} />}
      <TextField
        label={t('newCase.province')}
        error={problems.text('place.province')}
        value={value.province}
        onChange={(province) => change({ ...value, province }, 'place.province')}
        testId={testIds.province}
      />
      <TextField
        label={t('newCase.date')}
        type="date"
        error={problems.text('screeningDate')}
        value={value.date}
        onChange={(date) => change({ ...value, date }, 'screeningDate')}
        testId={testIds.date}
      />
    </>
  );
}

/** The vessel fields of a case form (name, registration, flag), without a wrapper: the form lays them out. */
export function VesselFields({
  value,
  onChange,
  problems,
  testIds,
}: {
  value: VesselDraft;
  onChange: (next: VesselDraft) => void;
  problems: Problems;
  testIds: Record<keyof VesselDraft, string>;
}) {
  const { t } = useTranslation();
  const change = (next: VesselDraft, path: string) => {
    onChange(next);
    problems.clear(path);
  };
  return (
    <>
      <TextField
        label={t('newCase.vesselName')}
        error={problems.text('vessel.name')}
        value={value.name}
        onChange={(name) => change({ ...value, name }, 'vessel.name')}
        testId={testIds.name}
      />
      <TextField
        label={t('newCase.registration')}
        error={problems.text('vessel.registration')}
        value={value.registration}
        onChange={(registration) => change({ ...value, registration }, 'vessel.registration')}
        testId={testIds.registration}
      />
      <TextField
        label={t('newCase.flag')}
        error={problems.text('vessel.flag')}
        value={value.flag}
        onChange={(flag) => change({ ...value, flag }, 'vessel.flag')}
        testId={testIds.flag}
      />
    </>
  );
}
