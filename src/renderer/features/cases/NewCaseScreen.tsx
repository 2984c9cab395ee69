import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseCreateInput } from '../../../shared/domain/cases';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { hasProblems, problemsFromSchema, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { TextField } from '../../components/TextField';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';
import {
  NO_VESSEL,
  newPlace,
  PLACE_AND_VESSEL_PATHS,
  type PlaceDraft,
  PlaceFields,
  placeProblems,
  type VesselDraft,
  VesselFields,
  vesselOf,
} from './PlaceFields';

/** The form's fields by their path in the request (what main's reply names). */
const NEW_CASE_FIELDS = [...PLACE_AND_VESSEL_PATHS, 'person.nameOrAlias', 'person.nationality'];

/**
 * A new case: where the screening happens and, if known, who is being screened. The person's language
 * is not asked here: the interview's setup records it (not the header's language choice).
 */
export function NewCaseScreen({ onCreated }: { onCreated: (caseId: string) => void }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<PlaceDraft>(() => newPlace('pipo_centre'));
  const [vessel, setVessel] = useState<VesselDraft>(NO_VESSEL);
  const [personName, setPersonName] = useState('');
  const [nationality, setNationality] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(form);
  const { edit } = problems;

  // What is wrong is said under the field: before sending (a place and a date are needed, and the
  // schema main parses with), else from main's reply.
  const submit = async () => {
    setError(null);
    const typedVessel = vesselOf(vessel);
    const request = {
      place: { kind: place.kind, name: place.name, province: place.province },
      ...(typedVessel ? { vessel: typedVessel } : {}),
      screeningDate: place.date,
      ...(personName.trim() ? { person: { nameOrAlias: personName, nationality } } : {}),
    };
    const found = { ...problemsFromSchema(caseCreateInput.strict(), request), ...placeProblems(place) };
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
        onSubmit={onSubmitting(submit, busy)}
      >
        <fieldset>
          <legend>{t('newCase.where')}</legend>
          <PlaceFields
            value={place}
            onChange={setPlace}
            problems={problems}
            testIds={{ kind: 'place-kind', name: 'place-name', province: 'province', date: 'screening-date' }}
            zawgyiCheck
          />
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <VesselFields
            value={vessel}
            onChange={setVessel}
            problems={problems}
            testIds={{ name: 'vessel-name', registration: 'vessel-registration', flag: 'vessel-flag' }}
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
        <SubmitButton busy={busy} label={t('newCase.submit')} testId="create-case" />
      </form>
    </section>
  );
}
