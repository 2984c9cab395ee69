import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { INSTRUMENT, type Tier } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';

type Gender = 'female' | 'male' | 'no_preference';
const PRIVACY_ITEMS = ['privateSpace', 'noEmployer', 'phoneAway', 'explainedStop'] as const;

/**
 * Before starting: who is present, gender preferences (warn when not honoured), the interpreter's
 * declaration (a conflict warns and is recorded), and a privacy checklist.
 */
export function BeforeStart({
  caseId,
  personId,
  tier,
  onStarted,
  onCancel,
}: {
  caseId: string;
  personId: string | undefined;
  tier: Tier;
  onStarted: (interviewId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [language, setLanguage] = useState<Locale>(prefs.intervieweeLanguage);
  const [withInterpreter, setWithInterpreter] = useState(true);
  const [interpreterName, setInterpreterName] = useState('');
  const [declarationSigned, setDeclarationSigned] = useState(false);
  const [conflict, setConflict] = useState<'no' | 'yes'>('no');
  const [paidByEmployer, setPaidByEmployer] = useState<'no' | 'yes'>('no');
  const [preferred, setPreferred] = useState<Gender>('no_preference');
  const [officerGender, setOfficerGender] = useState<'female' | 'male' | ''>('');
  const [interpreterGender, setInterpreterGender] = useState<'female' | 'male' | ''>('');
  const [interpreterDialect, setInterpreterDialect] = useState('');
  const [present, setPresent] = useState('');
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);

  // A gender that is either stated or not; and a plain no/yes answer.
  const stated = [
    { value: '' as const, label: t('gender.notStated') },
    ...(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) })),
  ];
  const noYes = (['no', 'yes'] as const).map((v) => ({ value: v, label: t(`actions.${v}`) }));
  const genderMismatch = preferred !== 'no_preference' && officerGender !== '' && preferred !== officerGender;
  // The person's preference applies to the interpreter too (BRIEF: ask for both).
  const interpreterGenderMismatch =
    withInterpreter &&
    preferred !== 'no_preference' &&
    interpreterGender !== '' &&
    preferred !== interpreterGender;
  const conflictDeclared = conflict === 'yes' || paidByEmployer === 'yes';

  const start = async () => {
    setBusy(true);
    setError(null);
    const notes = [
      present.trim() ? `present: ${present.trim()}` : '',
      paidByEmployer === 'yes' ? 'paid_by_employer' : '',
      genderMismatch ? 'gender_preference_not_honoured' : '',
      interpreterGenderMismatch ? 'interpreter_gender_preference_not_honoured' : '',
      withInterpreter && interpreterDialect.trim() ? `dialect: ${interpreterDialect.trim()}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const reply = await call('interview.start', {
      caseId,
      ...(personId ? { personId } : {}),
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier,
      intervieweeLanguage: language,
      officerLanguage: prefs.uiLanguage,
      ...(withInterpreter
        ? {
            interpreter: {
              name: interpreterName,
              language,
              declarationSigned,
              conflictDeclared,
              ...(notes ? { notes } : {}),
            },
          }
        : {}),
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    onStarted(reply.value.id);
  };

  return (
    <div className="panel" data-testid="before-start">
      <h2>{t('beforeStart.title')}</h2>
      <Field label={t('beforeStart.language')}>
        {(id) => (
          <select
            id={id}
            value={language}
            onChange={(e) => setLanguage(e.target.value as Locale)}
            data-testid="bs-language"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('beforeStart.present')} hint={t('beforeStart.presentHint')}>
        {(id, hint) => (
          <input
            id={id}
            aria-describedby={hint}
            value={present}
            onChange={(e) => setPresent(e.target.value)}
            data-testid="bs-present"
          />
        )}
      </Field>
      <div className="two-col">
        <SelectField
          label={t('beforeStart.preferredGender')}
          value={preferred}
          options={(['no_preference', 'female', 'male'] as const).map((g) => ({
            value: g,
            label: t(`gender.${g}`),
          }))}
          onChange={setPreferred}
          testId="bs-preferred"
        />
        <SelectField
          label={t('beforeStart.officerGender')}
          value={officerGender}
          options={stated}
          onChange={setOfficerGender}
          testId="bs-officer-gender"
        />
      </div>
      {genderMismatch && (
        <p className="warning" role="alert" data-testid="gender-warning">
          {t('beforeStart.genderWarning')}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={withInterpreter}
          onChange={(e) => setWithInterpreter(e.target.checked)}
          data-testid="bs-with-interpreter"
        />
        {t('beforeStart.withInterpreter')}
      </label>
      {withInterpreter && (
        <fieldset>
          <legend>{t('beforeStart.interpreter')}</legend>
          <Field label={t('beforeStart.interpreterName')}>
            {(id) => (
              <input
                id={id}
                value={interpreterName}
                onChange={(e) => setInterpreterName(e.target.value)}
                data-testid="bs-interpreter-name"
              />
            )}
          </Field>
          <Field label={t('beforeStart.interpreterDialect')}>
            {(id) => (
              <input
                id={id}
                value={interpreterDialect}
                onChange={(e) => setInterpreterDialect(e.target.value)}
                data-testid="bs-interpreter-dialect"
              />
            )}
          </Field>
          <SelectField
            label={t('beforeStart.interpreterGender')}
            value={interpreterGender}
            options={stated}
            onChange={setInterpreterGender}
            testId="bs-interpreter-gender"
          />
          {interpreterGenderMismatch && (
            <p className="warning" role="alert" data-testid="interpreter-gender-warning">
              {t('beforeStart.interpreterGenderWarning')}
            </p>
          )}
          <SelectField
            label={t('beforeStart.knowsParties')}
            value={conflict}
            options={noYes}
            onChange={setConflict}
            testId="bs-conflict"
          />
          <SelectField
            label={t('beforeStart.paidByEmployer')}
            value={paidByEmployer}
            options={noYes}
            onChange={setPaidByEmployer}
            testId="bs-paid"
          />
          {conflictDeclared && (
            <p className="warning" role="alert" data-testid="conflict-warning">
              {t('beforeStart.conflictWarning')}
            </p>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={declarationSigned}
              onChange={(e) => setDeclarationSigned(e.target.checked)}
              data-testid="bs-declaration"
            />
            {t('beforeStart.declaration')}
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('beforeStart.privacy')}</legend>
        {PRIVACY_ITEMS.map((item) => (
          <label key={item} className="check">
            <input
              type="checkbox"
              checked={checks[item] ?? false}
              onChange={(e) => setChecks({ ...checks, [item]: e.target.checked })}
              data-testid={`bs-privacy-${item}`}
            />
            {t(`beforeStart.privacyItems.${item}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="row">
        <button
          type="button"
          disabled={
            busy ||
            (withInterpreter && (!interpreterName.trim() || !declarationSigned)) ||
            PRIVACY_ITEMS.some((i) => !checks[i])
          }
          onClick={() => void start()}
          data-testid="bs-start"
        >
          {t('beforeStart.start')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
}
