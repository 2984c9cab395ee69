import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, caseUpdateInput } from '../../../shared/domain/cases';
import { type Person, personUpdateInput } from '../../../shared/domain/persons';
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { nationalityLabel } from '../../app/nationality';
import { CancelButton, SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  type FormProblem,
  hasProblems,
  problemsFromSchema,
  useFormProblems,
} from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import {
  PLACE_AND_VESSEL_PATHS,
  PlaceFields,
  placeProblems,
  placeTestIds,
  VesselFields,
  vesselOf,
  vesselTestIds,
} from './PlaceFields';

const SEXES = ['undisclosed', 'female', 'male', 'other'] as const;
const PREFERENCES = ['', 'no_preference', 'female', 'male'] as const;

/** The form's fields by their path in the case's or the person's request (what main's replies name). */
const DETAILS_FIELDS = [...PLACE_AND_VESSEL_PATHS, 'nameOrAlias', 'ageYears', 'nationality', 'dialect'];

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
  const [place, setPlace] = useState({
    kind: detail.place.kind,
    name: detail.place.name,
    province: detail.place.province ?? '',
    date: detail.screeningDate,
  });
  const [vessel, setVessel] = useState({
    name: detail.vessel?.name ?? '',
    registration: detail.vessel?.registration ?? '',
    flag: detail.vessel?.flag ?? '',
  });
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const root = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(root);
  const { edit } = problems;

  const ageValue = parseAge(age);
  const caseRequest = () => ({
    id: detail.id,
    expectedRevision: detail.revision,
    place: { kind: place.kind, name: place.name.trim(), province: place.province.trim() },
    vessel: vesselOf(vessel),
    screeningDate: place.date,
  });
  const personRequest = (p: Person) => {
    const languages =
      language === firstLanguage
        ? p.languages
        : [language, ...p.languages.filter((l) => l !== language)].filter(Boolean);
    return {
      id: p.id,
      nameOrAlias: name.trim(),
      sex,
      ageYears: ageValue === 'invalid' ? null : ageValue,
      // An option id stays as it is unless the officer wrote another nationality.
      ...(nationality !== shownNationality ? { nationality: nationality.trim() || null } : {}),
      languages,
      dialect: dialect.trim() || null,
      preferredInterviewerGender: preference || null,
    };
  };

  // What is wrong is said under the field: before anything is sent (the form's own rules and the
  // schemas main parses both requests with), else from main's reply. The case's and the person's
  // request name different fields, so one set of problems keys both.
  const save = async () => {
    setError(null);
    const found: Record<string, FormProblem> = {
      ...problemsFromSchema(caseUpdateInput.strict(), caseRequest()),
      ...(person ? problemsFromSchema(personUpdateInput.strict(), personRequest(person)) : {}),
      ...placeProblems(place),
    };
    if (person && !name.trim()) found.nameOrAlias = { messageKey: 'details.nameMissing' };
    if (ageValue === 'invalid') found.ageYears = { messageKey: 'details.ageInvalid' };
    problems.show(found);
    if (hasProblems(found)) return;
    setBusy(true);
    const caseReply = await call('cases.update', caseRequest());
    const personReply = caseReply.ok && person ? await call('persons.update', personRequest(person)) : null;
    setBusy(false);
    const refused = !caseReply.ok
      ? caseReply.error
      : personReply && !personReply.ok
        ? personReply.error
        : null;
    if (refused) {
      return setError(problems.refused(refused, (key) => DETAILS_FIELDS.includes(key)));
    }
    onSaved();
  };

  return (
    <form
      ref={root}
      className="panel details-editor"
      aria-labelledby="details-title"
      data-testid="details-editor"
      noValidate
      onSubmit={onSubmitting(save, busy)}
    >
      <h2 id="details-title">{t('details.title')}</h2>
      <p className="muted">{t('details.explain')}</p>
      <fieldset>
        <legend>{t('newCase.where')}</legend>
        <div className="three-col">
          <PlaceFields value={place} onChange={setPlace} problems={problems} testIds={placeTestIds('edit')} />
          <VesselFields
            value={vessel}
            onChange={setVessel}
            problems={problems}
            testIds={vesselTestIds('edit')}
          />
        </div>
      </fieldset>
      {person && (
        <fieldset>
          <legend>{t('casePage.person')}</legend>
          <div className="three-col">
            <TextField
              label={t('referral:fields.person.nameOrAlias')}
              error={problems.text('nameOrAlias')}
              value={name}
              onChange={edit(setName, 'nameOrAlias')}
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
              error={problems.text('ageYears')}
              value={age}
              onChange={edit(setAge, 'ageYears')}
              testId="edit-age"
            />
            <TextField
              label={t('referral:fields.person.nationality')}
              error={problems.text('nationality')}
              value={nationality}
              onChange={edit(setNationality, 'nationality')}
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
              error={problems.text('dialect')}
              value={dialect}
              onChange={edit(setDialect, 'dialect')}
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
        <SubmitButton busy={busy} label={t('details.save')} testId="details-save" />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
