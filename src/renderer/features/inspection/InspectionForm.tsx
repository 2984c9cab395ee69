import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseCreateInput } from '../../../shared/domain/cases';
import { usePrefs } from '../../app/prefs-context';
import { SubmitButton } from '../../components/Buttons';
import { focusFirstInvalid } from '../../components/Field';
import { hasProblems, problemsFromSchema, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import {
  NO_VESSEL,
  newPlace,
  type PlaceDraft,
  PlaceFields,
  placeProblems,
  placeTestIds,
  type VesselDraft,
  VesselFields,
  vesselOf,
  vesselTestIds,
} from '../cases/PlaceFields';
import { SetupFields, StillNeeded } from '../interview/SetupFields';
import { blankSetup, type InterviewSetup, missingForStart } from '../interview/setup';
import { changedSetupPaths, setupProblems } from '../interview/setup-problems';
import { crewCaseInput, type Inspection } from './inspection';

/** At an inspection the port comes first. */
const PLACE_KINDS = ['port', 'vessel', 'pipo_centre', 'other'] as const;

/** A new inspection: where, which vessel, which day, and the pre-interview form for the whole crew. */
export function InspectionForm({
  onBegin,
}: {
  onBegin: (inspection: Inspection, setup: InterviewSetup) => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [place, setPlace] = useState<PlaceDraft>(() => newPlace('port'));
  const [vessel, setVessel] = useState<VesselDraft>(NO_VESSEL);
  const [setup, setSetup] = useState<InterviewSetup>(() => blankSetup(prefs.intervieweeLanguage));
  const [tried, setTried] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(root);
  const missing = missingForStart(setup);

  // Nothing is sent yet, but each crew member's case and interview will be: what main would refuse in
  // them (the schemas it parses with) is said under the field now, with what the form itself needs.
  const begin = () => {
    const inspection: Inspection = {
      place: { kind: place.kind, name: place.name.trim(), province: place.province.trim() },
      vessel: vesselOf(vessel),
      date: place.date,
    };
    const found = {
      ...problemsFromSchema(caseCreateInput.omit({ person: true }), crewCaseInput(inspection, '')),
      ...setupProblems(setup),
      ...placeProblems(place, 'inspection.placeMissing'),
    };
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
      <form ref={root} noValidate onSubmit={onSubmitting(begin)}>
        <fieldset>
          <legend>{t('newCase.where')}</legend>
          <div className="two-col">
            <PlaceFields
              value={place}
              onChange={setPlace}
              problems={problems}
              testIds={placeTestIds('insp')}
              kinds={PLACE_KINDS}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <div className="three-col">
            <VesselFields
              value={vessel}
              onChange={setVessel}
              problems={problems}
              testIds={vesselTestIds('insp')}
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
          <SubmitButton label={t('inspection.begin')} testId="insp-begin" />
        </div>
        <StillNeeded missing={missing} />
      </form>
    </section>
  );
}
