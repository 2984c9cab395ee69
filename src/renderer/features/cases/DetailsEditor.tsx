import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CasePlace } from '../../../shared/domain/cases';
import type { Person } from '../../../shared/domain/persons';
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { nationalityLabel } from '../../app/nationality';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusFirstInvalid } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

const PLACE_KINDS = ['pipo_centre', 'port', 'vessel', 'other'] as const;
const SEXES = ['undisclosed', 'female', 'male', 'other'] as const;
const PREFERENCES = ['', 'no_preference', 'female', 'male'] as const;

/** Age as typed: blank (not known) or a whole number of years, 0-120. */
function parseAge(text: string): number | null | 'invalid' {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 0 && n <= 120 ? n : 'invalid';
}

/**
 * Corrects the case's and the person's details after creation (each change audited by main with the
 * old and new values; the case's history names the fields). What is wrong is said under the field.
 */
export function DetailsEditor({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const person: Person | undefined = detail.persons[0];
  const [placeKind, setPlaceKind] = useState<CasePlace['kind']>(detail.place.kind);
  const [placeName, setPlaceName] = useState(detail.place.name);
  const [province, setProvince] = useState(detail.place.province ?? '');
  const [date, setDate] = useState(detail.screeningDate);
  const [vesselName, setVesselName] = useState(detail.vessel?.name ?? '');
  const [registration, setRegistration] = useState(detail.vessel?.registration ?? '');
  const [flag, setFlag] = useState(detail.vessel?.flag ?? '');
  const shownNationality = nationalityLabel(person?.nationality, t) ?? '';
  const [name, setName] = useState(person?.nameOrAlias ?? '');
  const [sex, setSex] = useState<Person['sex']>(person?.sex ?? 'undisclosed');
  const [age, setAge] = useState(person?.ageYears === null || !person ? '' : String(person.ageYears));
  const [nationality, setNationality] = useState(shownNationality);
  const firstLanguage = person?.languages[0] ?? '';
  const [language, setLanguage] = useState(firstLanguage);
  const [dialect, setDialect] = useState(person?.dialect ?? '');
  const [preference, setPreference] = useState<(typeof PREFERENCES)[number]>(
    person?.preferredInterviewerGender ?? '',
  );
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const root = useRef<HTMLFormElement>(null);

  const ageValue = parseAge(age);
  const errors = {
    placeName: !placeName.trim() ? t('details.placeMissing') : null,
    date: !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('details.dateMissing') : null,
    name: person && !name.trim() ? t('details.nameMissing') : null,
    age: ageValue === 'invalid' ? t('details.ageInvalid') : null,
  };
  const shown = (e: string | null) => (tried ? e : null);

  const save = async () => {
    if (Object.values(errors).some(Boolean) || ageValue === 'invalid') {
      setTried(true);
      focusFirstInvalid(root.current);
      return;
    }
    setBusy(true);
    setError(null);
    const vessel =
      vesselName.trim() || registration.trim() || flag.trim()
        ? { name: vesselName.trim(), registration: registration.trim(), flag: flag.trim() }
        : null;
    const caseReply = await call('cases.update', {
      id: detail.id,
      expectedRevision: detail.revision,
      place: { kind: placeKind, name: placeName.trim(), province: province.trim() },
      vessel,
      screeningDate: date,
    });
    if (caseReply.ok && person) {
      const languages =
        language === firstLanguage
          ? person.languages
          : [language, ...person.languages.filter((l) => l !== language)].filter(Boolean);
      const personReply = await call('persons.update', {
        id: person.id,
        nameOrAlias: name.trim(),
        sex,
        ageYears: ageValue,
        // An option id stays as it is unless the officer wrote another nationality.
        ...(nationality !== shownNationality ? { nationality: nationality.trim() || null } : {}),
        languages,
        dialect: dialect.trim() || null,
        preferredInterviewerGender: preference || null,
      });
      if (!personReply.ok) {
        setBusy(false);
        return setError(personReply.error);
      }
    }
    setBusy(false);
    if (!caseReply.ok) return setError(caseReply.error);
    onSaved();
  };

  return (
    <form
      ref={root}
      className="panel details-editor"
      aria-labelledby="details-title"
      data-testid="details-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="details-title">{t('details.title')}</h2>
      <p className="muted">{t('details.explain')}</p>
      <fieldset>
        <legend>{t('newCase.where')}</legend>
        <div className="three-col">
          <SelectField
            label={t('newCase.placeKind')}
            value={placeKind}
            options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
            onChange={setPlaceKind}
            testId="edit-place-kind"
          />
          <TextField
            label={t('newCase.placeName')}
            error={shown(errors.placeName)}
            value={placeName}
            onChange={setPlaceName}
            testId="edit-place-name"
          />
          <TextField
            label={t('newCase.province')}
            value={province}
            onChange={setProvince}
            testId="edit-province"
          />
          <TextField
            label={t('newCase.date')}
            type="date"
            error={shown(errors.date)}
            value={date}
            onChange={setDate}
            testId="edit-date"
          />
          <TextField
            label={t('newCase.vesselName')}
            value={vesselName}
            onChange={setVesselName}
            testId="edit-vessel"
          />
          <TextField
            label={t('newCase.registration')}
            value={registration}
            onChange={setRegistration}
            testId="edit-registration"
          />
          <TextField label={t('newCase.flag')} value={flag} onChange={setFlag} testId="edit-flag" />
        </div>
      </fieldset>
      {person && (
        <fieldset>
          <legend>{t('casePage.person')}</legend>
          <div className="three-col">
            <TextField
              label={t('referral:fields.person.nameOrAlias')}
              error={shown(errors.name)}
              value={name}
              onChange={setName}
              testId="edit-name"
            />
            <SelectField
              label={t('referral:fields.person.sex')}
              value={sex}
              options={SEXES.map((s) => ({ value: s, label: t(`referral:sex.${s}`) }))}
              onChange={setSex}
              testId="edit-sex"
            />
            <TextField
              label={t('casePage.age')}
              error={shown(errors.age)}
              value={age}
              onChange={setAge}
              testId="edit-age"
            />
            <TextField
              label={t('referral:fields.person.nationality')}
              value={nationality}
              onChange={setNationality}
              testId="edit-nationality"
            />
            <SelectField
              label={t('details.language')}
              value={language}
              options={[
                { value: '', label: t('details.languageUnknown') },
                ...LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l] })),
                ...(firstLanguage && !isLocale(firstLanguage)
                  ? [{ value: firstLanguage, label: firstLanguage }]
                  : []),
              ]}
              onChange={setLanguage}
              testId="edit-language"
            />
            <TextField
              label={t('beforeStart.dialect')}
              value={dialect}
              onChange={setDialect}
              testId="edit-dialect"
            />
            <SelectField
              label={t('beforeStart.preferredGender')}
              value={preference}
              options={PREFERENCES.map((g) => ({
                value: g,
                label: g ? t(`gender.${g}`) : t('gender.notStated'),
              }))}
              onChange={setPreference}
              testId="edit-preference"
            />
          </div>
        </fieldset>
      )}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" disabled={busy} data-testid="details-save">
          {busy ? t('actions.working') : t('details.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
