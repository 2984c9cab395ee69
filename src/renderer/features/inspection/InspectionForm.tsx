import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CasePlace, caseCreateInput } from '../../../shared/domain/cases';
import { usePrefs } from '../../app/prefs-context';
import { focusFirstInvalid } from '../../components/Field';
import {
  type FormProblem,
  hasProblems,
  problemsFromSchema,
  useFormProblems,
} from '../../components/form-problems';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { SetupFields, StillNeeded } from '../interview/SetupFields';
import { blankSetup, type InterviewSetup, missingForStart } from '../interview/setup';
import { changedSetupPaths, setupProblems } from '../interview/setup-problems';
import { crewCaseInput, type Inspection } from './inspection';

const PLACE_KINDS = ['port', 'vessel', 'pipo_centre', 'other'] as const;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A new inspection: where, which vessel, which day, and the pre-interview form for the whole crew. */
export function InspectionForm({
  onBegin,
}: {
  onBegin: (inspection: Inspection, setup: InterviewSetup) => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [placeKind, setPlaceKind] = useState<CasePlace['kind']>('port');
  const [placeName, setPlaceName] = useState('');
  const [province, setProvince] = useState('');
  const [vesselName, setVesselName] = useState('');
  const [registration, setRegistration] = useState('');
  const [flag, setFlag] = useState('');
  const [date, setDate] = useState(today());
  const [setup, setSetup] = useState<InterviewSetup>(() => blankSetup(prefs.intervieweeLanguage));
  const [tried, setTried] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(root);
  const missing = missingForStart(setup);
  const edit =
    (set: (v: string) => void, ...keys: string[]) =>
    (v: string) => {
      set(v);
      problems.clear(...keys);
    };

  // Nothing is sent yet, but each crew member's case and interview will be: what main would refuse in
  // them (the schemas it parses with) is said under the field now, with what the form itself needs.
  const begin = () => {
    const vessel =
      vesselName.trim() || registration.trim() || flag.trim()
        ? { name: vesselName.trim(), registration: registration.trim(), flag: flag.trim() }
        : null;
    const inspection: Inspection = {
      place: { kind: placeKind, name: placeName.trim(), province: province.trim() },
      vessel,
      date,
    };
    const found: Record<string, FormProblem> = {
      ...problemsFromSchema(caseCreateInput.omit({ person: true }), crewCaseInput(inspection, '')),
      ...setupProblems(setup),
    };
    if (!placeName.trim()) found['place.name'] = { messageKey: 'inspection.placeMissing' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.screeningDate = { messageKey: 'details.dateMissing' };
    problems.show(found);
    if (missing.length > 0) {
      setTried(true);
      focusFirstInvalid(root.current);
    }
    if (missing.length > 0 || hasProblems(found)) return;
    onBegin(inspection, setup);
  };

  return (
    <section className="panel" aria-labelledby="inspection-new-title" data-testid="inspection-new">
      <h1 id="inspection-new-title">{t('inspection.newTitle')}</h1>
      <p className="muted">{t('inspection.explain')}</p>
      <form
        ref={root}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          begin();
        }}
      >
        <fieldset>
          <legend>{t('newCase.where')}</legend>
          <div className="two-col">
            <SelectField
              label={t('newCase.placeKind')}
              value={placeKind}
              options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
              onChange={setPlaceKind}
              testId="insp-place-kind"
            />
            <TextField
              label={t('newCase.placeName')}
              error={problems.text('place.name')}
              value={placeName}
              onChange={edit(setPlaceName, 'place.name')}
              testId="insp-place-name"
            />
            <TextField
              label={t('newCase.province')}
              error={problems.text('place.province')}
              value={province}
              onChange={edit(setProvince, 'place.province')}
              testId="insp-province"
            />
            <TextField
              label={t('newCase.date')}
              type="date"
              error={problems.text('screeningDate')}
              value={date}
              onChange={edit(setDate, 'screeningDate')}
              testId="insp-date"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <div className="three-col">
            <TextField
              label={t('newCase.vesselName')}
              error={problems.text('vessel.name')}
              value={vesselName}
              onChange={edit(setVesselName, 'vessel.name')}
              testId="insp-vessel"
            />
            <TextField
              label={t('newCase.registration')}
              error={problems.text('vessel.registration')}
              value={registration}
              onChange={edit(setRegistration, 'vessel.registration')}
              testId="insp-registration"
            />
            <TextField
              label={t('newCase.flag')}
              error={problems.text('vessel.flag')}
              value={flag}
              onChange={edit(setFlag, 'vessel.flag')}
              testId="insp-flag"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('inspection.formLegend')}</legend>
          <SetupFields
            value={setup}
            onChange={(next) => {
              problems.clear(...changedSetupPaths(setup, next));
              setSetup(next);
            }}
            tried={tried}
            problems={problems.problems}
          />
        </fieldset>
        <div className="row">
          <button type="submit" data-testid="insp-begin">
            {t('inspection.begin')}
          </button>
        </div>
        <StillNeeded missing={missing} />
      </form>
    </section>
  );
}
