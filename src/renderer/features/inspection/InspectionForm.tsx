import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlace } from '../../../shared/domain/cases';
import { usePrefs } from '../../app/prefs-context';
import { focusFirstInvalid } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { SetupFields, StillNeeded } from '../interview/SetupFields';
import { blankSetup, type InterviewSetup, missingForStart } from '../interview/setup';
import type { Inspection } from './inspection';

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
  const missing = missingForStart(setup);

  const begin = () => {
    if (!placeName.trim() || missing.length > 0) {
      setTried(true);
      focusFirstInvalid(root.current);
      return;
    }
    const vessel =
      vesselName.trim() || registration.trim() || flag.trim()
        ? { name: vesselName.trim(), registration: registration.trim(), flag: flag.trim() }
        : null;
    onBegin(
      { place: { kind: placeKind, name: placeName.trim(), province: province.trim() }, vessel, date },
      setup,
    );
  };

  return (
    <section className="panel" aria-labelledby="inspection-new-title" data-testid="inspection-new">
      <h1 id="inspection-new-title">{t('inspection.newTitle')}</h1>
      <p className="muted">{t('inspection.explain')}</p>
      <form
        ref={root}
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
              error={tried && !placeName.trim() ? t('inspection.placeMissing') : null}
              value={placeName}
              onChange={setPlaceName}
              testId="insp-place-name"
            />
            <TextField
              label={t('newCase.province')}
              value={province}
              onChange={setProvince}
              testId="insp-province"
            />
            <TextField
              label={t('newCase.date')}
              type="date"
              value={date}
              onChange={setDate}
              testId="insp-date"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <div className="three-col">
            <TextField
              label={t('newCase.vesselName')}
              value={vesselName}
              onChange={setVesselName}
              testId="insp-vessel"
            />
            <TextField
              label={t('newCase.registration')}
              value={registration}
              onChange={setRegistration}
              testId="insp-registration"
            />
            <TextField label={t('newCase.flag')} value={flag} onChange={setFlag} testId="insp-flag" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('inspection.formLegend')}</legend>
          <SetupFields value={setup} onChange={setSetup} tried={tried} />
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
