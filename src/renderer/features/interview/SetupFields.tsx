import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { Field } from '../../components/Field';
import { type FormProblems, NO_PROBLEMS, useProblemText } from '../../components/form-problems';
import { SelectField } from '../../components/SelectField';
import { CheckField, TextField } from '../../components/TextField';
import {
  type InterviewSetup,
  interpreterGenderMismatch,
  type MissingItem,
  missingForStart,
  officerGenderMismatch,
  PRIVACY_ITEMS,
  type PrivacyItem,
} from './setup';

/** What still stops the interview from starting, in one line beside the start button. */
export function StillNeeded({ missing }: { missing: readonly MissingItem[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  const privacyLeft = missing.filter((m) => (PRIVACY_ITEMS as readonly string[]).includes(m)).length;
  const items = [
    ...(missing.includes('interpreterName') ? [t('beforeStart.interpreterName')] : []),
    ...(missing.includes('declaration') ? [t('beforeStart.missingDeclaration')] : []),
    ...(privacyLeft > 0 ? [t('beforeStart.privacyLeft', { count: privacyLeft })] : []),
  ];
  return (
    <p id="bs-missing" className="muted" data-testid="bs-missing">
      {t('beforeStart.stillNeeded', { items: items.join(' · ') })}
    </p>
  );
}

/**
 * The fields of the pre-interview form (controlled): the person's language and dialect, who is present,
 * gender preferences (warnings when not honoured), the interpreter and their declaration, the privacy
 * checklist. Once `tried`, each missing item says so under its field.
 */
export function SetupFields({
  value: s,
  onChange,
  tried,
  problems = NO_PROBLEMS,
}: {
  value: InterviewSetup;
  onChange: (next: InterviewSetup) => void;
  tried: boolean;
  /** What else is wrong (too long), keyed by the path in interview.start (setup-problems.ts). */
  problems?: FormProblems;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  const set = <K extends keyof InterviewSetup>(key: K, v: InterviewSetup[K]) => onChange({ ...s, [key]: v });
  /** A field's value and change handler, for one key of the setup. */
  const bind = <K extends keyof InterviewSetup>(key: K) => ({
    value: s[key],
    onChange: (v: InterviewSetup[K]) => set(key, v),
  });
  const stated = [
    { value: '' as const, label: t('gender.notStated') },
    ...(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) })),
  ];
  const preferences = (['no_preference', 'female', 'male'] as const).map((g) => ({
    value: g,
    label: t(`gender.${g}`),
  }));
  const noYes = (['no', 'yes'] as const).map((v) => ({ value: v, label: t(`actions.${v}`) }));
  const missing = missingForStart(s);
  const shows = (item: MissingItem) => tried && missing.includes(item);
  const tick = (item: MissingItem) => (shows(item) ? t('beforeStart.tickToStart') : null);
  const check = (item: PrivacyItem) => (
    <CheckField
      key={item}
      label={t(`beforeStart.privacyItems.${item}`)}
      checked={s.privacy[item]}
      error={tick(item)}
      onChange={(checked) => set('privacy', { ...s.privacy, [item]: checked })}
      testId={`bs-privacy-${item}`}
    />
  );
  return (
    <>
      <div className="two-col">
        <Field label={t('beforeStart.language')}>
          {(id) => (
            <select
              id={id}
              value={s.language}
              onChange={(e) => set('language', e.target.value as Locale)}
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
        <TextField
          label={t('beforeStart.dialect')}
          hint={t('beforeStart.dialectHint')}
          error={problem('intervieweeDialect')}
          {...bind('dialect')}
          testId="bs-dialect"
        />
      </div>
      <TextField
        label={t('beforeStart.present')}
        hint={t('beforeStart.presentHint')}
        error={problem('interpreter.notes')}
        {...bind('present')}
        testId="bs-present"
      />
      <div className="two-col">
        <SelectField
          label={t('beforeStart.preferredGender')}
          options={preferences}
          {...bind('preferred')}
          testId="bs-preferred"
        />
        <SelectField
          label={t('beforeStart.officerGender')}
          options={stated}
          {...bind('officerGender')}
          testId="bs-officer-gender"
        />
      </div>
      <Warning
        when={officerGenderMismatch(s)}
        testId="gender-warning"
        text={t('beforeStart.genderWarning')}
      />
      <CheckField
        label={t('beforeStart.withInterpreter')}
        checked={s.withInterpreter}
        onChange={(next) => set('withInterpreter', next)}
        testId="bs-with-interpreter"
      />
      {s.withInterpreter && (
        <fieldset>
          <legend>{t('beforeStart.interpreter')}</legend>
          <div className="two-col">
            <TextField
              label={t('beforeStart.interpreterName')}
              error={
                shows('interpreterName')
                  ? t('beforeStart.interpreterNameMissing')
                  : problem('interpreter.name')
              }
              {...bind('interpreterName')}
              testId="bs-interpreter-name"
            />
            <TextField
              label={t('beforeStart.interpreterDialect')}
              {...bind('interpreterDialect')}
              testId="bs-interpreter-dialect"
            />
          </div>
          <div className="two-col">
            <SelectField
              label={t('beforeStart.interpreterGender')}
              options={stated}
              {...bind('interpreterGender')}
              testId="bs-interpreter-gender"
            />
            <SelectField
              label={t('beforeStart.knowsParties')}
              options={noYes}
              {...bind('conflict')}
              testId="bs-conflict"
            />
          </div>
          <Warning
            when={interpreterGenderMismatch(s)}
            testId="interpreter-gender-warning"
            text={t('beforeStart.interpreterGenderWarning')}
          />
          <SelectField
            label={t('beforeStart.paidByEmployer')}
            options={noYes}
            {...bind('paidByEmployer')}
            testId="bs-paid"
          />
          <Warning
            when={s.conflict === 'yes' || s.paidByEmployer === 'yes'}
            testId="conflict-warning"
            text={t('beforeStart.conflictWarning')}
          />
          <CheckField
            label={t('beforeStart.declaration')}
            checked={s.declarationSigned}
            error={tick('declaration')}
            onChange={(checked) => set('declarationSigned', checked)}
            testId="bs-declaration"
          />
        </fieldset>
      )}
      <fieldset>
        <legend>{t('beforeStart.privacy')}</legend>
        {PRIVACY_ITEMS.map(check)}
      </fieldset>
    </>
  );
}

/** A warning said at once (role alert) while `when` holds: a preference or a conflict not honoured. */
function Warning({ when, testId, text }: { when: boolean; testId: string; text: string }) {
  if (!when) return null;
  return (
    <p className="warning" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
