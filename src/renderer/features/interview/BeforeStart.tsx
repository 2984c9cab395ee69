import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { INSTRUMENT, type Tier } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
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
  startInputOf,
} from './setup';

/** Where the form's contents came from, said above it so the officer checks them again. */
export type SetupSource = 'blank' | 'lastInterview' | 'inspection';

/**
 * Before starting: who is present, gender preferences (warn when not honoured), the interpreter's
 * declaration (a conflict warns and is recorded), and a privacy checklist. Filled in from `initial`
 * (the last interview of the case, or the inspection); what is still missing is said next to each field
 * and beside the start button.
 */
export function BeforeStart({
  caseId,
  personId,
  tier,
  initial,
  source,
  onStarted,
  onCancel,
}: {
  caseId: string;
  personId: string | undefined;
  tier: Tier;
  initial: InterviewSetup;
  source: SetupSource;
  onStarted: (interviewId: string, setup: InterviewSetup) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [s, setS] = useState<InterviewSetup>(initial);
  const set = <K extends keyof InterviewSetup>(key: K, value: InterviewSetup[K]) =>
    setS((prev) => ({ ...prev, [key]: value }));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLDivElement>(null);

  const stated = [
    { value: '' as const, label: t('gender.notStated') },
    ...(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) })),
  ];
  const noYes = (['no', 'yes'] as const).map((v) => ({ value: v, label: t(`actions.${v}`) }));
  const missing = missingForStart(s);
  const shows = (item: MissingItem) => tried && missing.includes(item);
  const privacyLeft = missing.filter((m) => (PRIVACY_ITEMS as readonly string[]).includes(m)).length;
  const stillNeeded = [
    ...(missing.includes('interpreterName') ? [t('beforeStart.interpreterName')] : []),
    ...(missing.includes('declaration') ? [t('beforeStart.missingDeclaration')] : []),
    ...(privacyLeft > 0 ? [t('beforeStart.privacyLeft', { count: privacyLeft })] : []),
  ];

  const start = async () => {
    if (missing.length > 0) {
      setTried(true);
      // The first thing missing gets the focus, with its message right under it.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    const reply = await call('interview.start', {
      ...startInputOf(s, { caseId, personId, officerLanguage: prefs.uiLanguage }),
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier,
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    onStarted(reply.value.id, s);
  };

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
    <div className="panel before-start" data-testid="before-start" ref={form}>
      <h2>{t('beforeStart.title')}</h2>
      {source !== 'blank' && (
        <p className="notice" data-testid="bs-carried-over">
          {source === 'inspection' ? t('beforeStart.fromInspection') : t('beforeStart.fromLastInterview')}
        </p>
      )}
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
          value={s.dialect}
          onChange={(v) => set('dialect', v)}
          testId="bs-dialect"
        />
      </div>
      <TextField
        label={t('beforeStart.present')}
        hint={t('beforeStart.presentHint')}
        value={s.present}
        onChange={(v) => set('present', v)}
        testId="bs-present"
      />
      <div className="two-col">
        <SelectField
          label={t('beforeStart.preferredGender')}
          value={s.preferred}
          options={(['no_preference', 'female', 'male'] as const).map((g) => ({
            value: g,
            label: t(`gender.${g}`),
          }))}
          onChange={(v) => set('preferred', v)}
          testId="bs-preferred"
        />
        <SelectField
          label={t('beforeStart.officerGender')}
          value={s.officerGender}
          options={stated}
          onChange={(v) => set('officerGender', v)}
          testId="bs-officer-gender"
        />
      </div>
      {officerGenderMismatch(s) && (
        <p className="warning" role="alert" data-testid="gender-warning">
          {t('beforeStart.genderWarning')}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={s.withInterpreter}
          onChange={(e) => set('withInterpreter', e.target.checked)}
          data-testid="bs-with-interpreter"
        />
        {t('beforeStart.withInterpreter')}
      </label>
      {s.withInterpreter && (
        <fieldset>
          <legend>{t('beforeStart.interpreter')}</legend>
          <div className="two-col">
            <TextField
              label={t('beforeStart.interpreterName')}
              error={shows('interpreterName') ? t('beforeStart.interpreterNameMissing') : null}
              value={s.interpreterName}
              onChange={(v) => set('interpreterName', v)}
              testId="bs-interpreter-name"
            />
            <TextField
              label={t('beforeStart.interpreterDialect')}
              value={s.interpreterDialect}
              onChange={(v) => set('interpreterDialect', v)}
              testId="bs-interpreter-dialect"
            />
          </div>
          <div className="two-col">
            <SelectField
              label={t('beforeStart.interpreterGender')}
              value={s.interpreterGender}
              options={stated}
              onChange={(v) => set('interpreterGender', v)}
              testId="bs-interpreter-gender"
            />
            <SelectField
              label={t('beforeStart.knowsParties')}
              value={s.conflict}
              options={noYes}
              onChange={(v) => set('conflict', v)}
              testId="bs-conflict"
            />
          </div>
          {interpreterGenderMismatch(s) && (
            <p className="warning" role="alert" data-testid="interpreter-gender-warning">
              {t('beforeStart.interpreterGenderWarning')}
            </p>
          )}
          <SelectField
            label={t('beforeStart.paidByEmployer')}
            value={s.paidByEmployer}
            options={noYes}
            onChange={(v) => set('paidByEmployer', v)}
            testId="bs-paid"
          />
          {(s.conflict === 'yes' || s.paidByEmployer === 'yes') && (
            <p className="warning" role="alert" data-testid="conflict-warning">
              {t('beforeStart.conflictWarning')}
            </p>
          )}
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
      <ErrorMessage error={error} />
      <div className="row">
        <button
          type="button"
          disabled={busy}
          aria-describedby={missing.length > 0 ? 'bs-missing' : undefined}
          onClick={() => void start()}
          data-testid="bs-start"
        >
          {t('beforeStart.start')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        )}
      </div>
      {missing.length > 0 && (
        <p id="bs-missing" className="muted" data-testid="bs-missing">
          {t('beforeStart.stillNeeded', { items: stillNeeded.join(' · ') })}
        </p>
      )}
    </div>
  );
}
