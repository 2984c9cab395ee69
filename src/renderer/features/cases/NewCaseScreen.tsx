import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field, focusFirstInvalid } from '../../components/Field';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';

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
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // What is wrong is said under the field, before anything is sent.
  const errors = {
    placeName: !placeName.trim() ? t('details.placeMissing') : null,
    date: !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('details.dateMissing') : null,
  };
  const shown = (e: string | null) => (tried ? e : null);

  const submit = async () => {
    if (errors.placeName || errors.date) {
      setTried(true);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setError(null);
    const vessel = vesselName || registration || flag ? { name: vesselName, registration, flag } : undefined;
    const reply = await call('cases.create', {
      place: { kind: placeKind, name: placeName, province },
      ...(vessel ? { vessel } : {}),
      screeningDate: date,
      ...(personName.trim() ? { person: { nameOrAlias: personName, nationality } } : {}),
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    onCreated(reply.value.id);
  };

  return (
    <section className="panel" aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('newCase.title')}</h1>
      <form
        ref={form}
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
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
          <Field label={t('newCase.placeName')} error={shown(errors.placeName)}>
            {(id, describedBy, invalid) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={placeName}
                onChange={(e) => setPlaceName(e.target.value)}
                data-testid="place-name"
              />
            )}
          </Field>
          <ZawgyiCheck text={placeName} onConvert={setPlaceName} />
          <Field label={t('newCase.province')}>
            {(id) => (
              <input
                id={id}
                value={province}
                onChange={(e) => setProvince(e.target.value)}
                data-testid="province"
              />
            )}
          </Field>
          <Field label={t('newCase.date')} error={shown(errors.date)}>
            {(id, describedBy, invalid) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                data-testid="screening-date"
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.vessel')}</legend>
          <Field label={t('newCase.vesselName')}>
            {(id) => (
              <input
                id={id}
                value={vesselName}
                onChange={(e) => setVesselName(e.target.value)}
                data-testid="vessel-name"
              />
            )}
          </Field>
          <Field label={t('newCase.registration')}>
            {(id) => (
              <input
                id={id}
                value={registration}
                onChange={(e) => setRegistration(e.target.value)}
                data-testid="vessel-registration"
              />
            )}
          </Field>
          <Field label={t('newCase.flag')}>
            {(id) => (
              <input
                id={id}
                value={flag}
                onChange={(e) => setFlag(e.target.value)}
                data-testid="vessel-flag"
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.person')}</legend>
          <Field label={t('newCase.personName')} hint={t('newCase.personNameHint')}>
            {(id, hint) => (
              <input
                id={id}
                aria-describedby={hint}
                value={personName}
                onChange={(e) => setPersonName(e.target.value)}
                data-testid="person-name"
              />
            )}
          </Field>
          <ZawgyiCheck text={personName} onConvert={setPersonName} />
          <Field label={t('newCase.nationality')}>
            {(id) => (
              <input
                id={id}
                value={nationality}
                onChange={(e) => setNationality(e.target.value)}
                data-testid="nationality"
              />
            )}
          </Field>
        </fieldset>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="create-case">
          {busy ? t('actions.working') : t('newCase.submit')}
        </button>
      </form>
    </section>
  );
}
