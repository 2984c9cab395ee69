import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseCreateInput } from '../../../shared/domain/cases';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import {
  type FormProblem,
  hasProblems,
  problemsFromSchema,
  useFormProblems,
} from '../../components/form-problems';
import { TextField } from '../../components/TextField';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';

/** The form's fields by their path in the request (what main's reply names). */
const NEW_CASE_FIELDS = [
  'place.name',
  'place.province',
  'screeningDate',
  'vessel.name',
  'vessel.registration',
  'vessel.flag',
  'person.nameOrAlias',
  'person.nationality',
];

const PLACE_KINDS = ['pipo_centre', 'port', 'vessel', 'other'] as const;
type PlaceKind = (typeof PLACE_KINDS)[number];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A new case: where the screening happens and, if known, who is being screened. The person's language
 * is not asked here: the interview's setup records it (not the header's language choice).
 */
export function NewCaseScreen({ onCreated }: { onCreated: (caseId: string) => void }) {
  const { t } = useTranslation();
  const [placeKind, setPlaceKind] = useState<PlaceKind>('pipo_centre');
  const [placeName, setPlaceName] = useState('');
  const [province, setProvince] = useState('');
  const [vesselName, setVesselName] = useState('');
  const [registration, setRegistration] = useState('');
  const [flag, setFlag] = useState('');
  const [date, setDate] = useState(today());
  const [personName, setPersonName] = useState('');
  const [nationality, setNationality] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(form);
  /** A setter that also takes the field's problem away (it is checked again on sending). */
  const edit =
    (set: (v: string) => void, ...keys: string[]) =>
    (v: string) => {
      set(v);
      problems.clear(...keys);
    };

  // What is wrong is said under the field: before sending (a place and a date are needed, and the
  // schema main parses with), else from main's reply.
  const submit = async () => {
    setError(null);
    const vessel = vesselName || registration || flag ? { name: vesselName, registration, flag } : undefined;
    const request = {
      place: { kind: placeKind, name: placeName, province },
      ...(vessel ? { vessel } : {}),
      screeningDate: date,
      ...(personName.trim() ? { person: { nameOrAlias: personName, nationality } } : {}),
    };
    const found: Record<string, FormProblem> = { ...problemsFromSchema(caseCreateInput.strict(), request) };
    if (!placeName.trim()) found['place.name'] = { messageKey: 'details.placeMissing' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.screeningDate = { messageKey: 'details.dateMissing' };
    problems.show(found);
    if (hasProblems(found)) return;
    setBusy(true);
    const reply = await call('cases.create', request);
    setBusy(false);
    if (!reply.ok) {
      return setError(problems.refused(reply.error, (key) => NEW_CASE_FIELDS.includes(key)));
    }
    onCreated(reply.value.id);
  };

  return (
    <section className="panel" aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('newCase.title')}</h1>
      <form
        ref={form}
        className="grid-form"
        noValidate
        data-testid="new-case-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <fieldset>
          <legend>{t('newCase.where')}</legend>
          <Field label={t('newCase.placeKind')}>
            {(id) => (
              <select
                id={id}
                value={placeKind}
                onChange={(e) => setPlaceKind(e.target.value as PlaceKind)}
                data-testid="place-kind"
              >
                {PLACE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`placeKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label={t('newCase.placeName')}
            error={problems.text('place.name')}
            value={placeName}
            onChange={edit(setPlaceName, 'place.name')}
            testId="place-name"
          />
          <ZawgyiCheck text={placeName} onConvert={edit(setPlaceName, 'place.name')} />
          <TextField
            label={t('newCase.province')}
            error={problems.text('place.province')}
            value={province}
            onChange={edit(setProvince, 'place.province')}
            testId="province"
          />
          <Field label={t('newCase.date')} error={problems.text('screeningDate')}>
            {(id, describedBy, invalid) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                type="date"
                value={date}
                onChange={(e) => edit(setDate, 'screeningDate')(e.target.value)}
                data-testid="screening-date"
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <TextField
            label={t('newCase.vesselName')}
            error={problems.text('vessel.name')}
            value={vesselName}
            onChange={edit(setVesselName, 'vessel.name')}
            testId="vessel-name"
          />
          <TextField
            label={t('newCase.registration')}
            error={problems.text('vessel.registration')}
            value={registration}
            onChange={edit(setRegistration, 'vessel.registration')}
            testId="vessel-registration"
          />
          <TextField
            label={t('newCase.flag')}
            error={problems.text('vessel.flag')}
            value={flag}
            onChange={edit(setFlag, 'vessel.flag')}
            testId="vessel-flag"
          />
        </fieldset>
        <fieldset>
          <legend>{t('newCase.person')}</legend>
          <TextField
            label={t('newCase.personName')}
            hint={t('newCase.personNameHint')}
            error={problems.text('person.nameOrAlias')}
            value={personName}
            onChange={edit(setPersonName, 'person.nameOrAlias')}
            testId="person-name"
          />
          <ZawgyiCheck text={personName} onConvert={edit(setPersonName, 'person.nameOrAlias')} />
          <TextField
            label={t('newCase.nationality')}
            error={problems.text('person.nationality')}
            value={nationality}
            onChange={edit(setNationality, 'person.nationality')}
            testId="nationality"
          />
        </fieldset>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="create-case">
          {busy ? t('actions.working') : t('newCase.submit')}
        </button>
      </form>
    </section>
  );
}
