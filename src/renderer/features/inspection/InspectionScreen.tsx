import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, caseCreateInput } from '../../../shared/domain/cases';
import { isLocale, LOCALE_NATIVE_NAMES } from '../../../shared/i18n/locales';
import { INSTRUMENT } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton, SubmitButton } from '../../components/Buttons';
import { ColumnHeads } from '../../components/ColumnHeads';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusFirstInvalid } from '../../components/Field';
import {
  type FormProblem,
  type FormProblems,
  generalError,
  hasProblems,
  problemsFromReply,
  problemsFromSchema,
  useFormProblems,
} from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { TextField } from '../../components/TextField';
import { SetupFields, StillNeeded } from '../interview/SetupFields';
import { type InterviewSetup, missingForStart, setupFromInterview, startInputOf } from '../interview/setup';
import { changedSetupPaths, SETUP_FIELD_PATHS, setupProblems } from '../interview/setup-problems';
import { InspectionForm } from './InspectionForm';
import { crewCaseInput, crewOf, crewQuery, type Inspection, setupForNextPerson } from './inspection';

/** The crew member's name in the case's request (what main's reply names). */
const NAME_PATH = 'person.nameOrAlias';

function onlyName(problems: FormProblems): FormProblems {
  const named = problems[NAME_PATH];
  return named ? { [NAME_PATH]: named } : {};
}

/**
 * A whole crew at one inspection: place, vessel, date, team, interpreter and privacy checks are entered
 * once; "next crew member" opens a new case and its short screen with that form; the crew list shows
 * each person's status and result. After a lock the form comes back from the last crew interview.
 */
export function InspectionScreen({
  inspection,
  setup,
  onBegin,
  onSetup,
  onInterview,
  onOpenCase,
  onEnd,
}: {
  inspection: Inspection | null;
  setup: InterviewSetup | null;
  onBegin: (inspection: Inspection, setup: InterviewSetup) => void;
  onSetup: (setup: InterviewSetup) => void;
  onInterview: (caseId: string, interviewId: string) => void;
  onOpenCase: (caseId: string) => void;
  onEnd: () => void;
}) {
  if (!inspection) return <InspectionForm onBegin={onBegin} />;
  return (
    <CrewPage
      inspection={inspection}
      setup={setup}
      onSetup={onSetup}
      onInterview={onInterview}
      onOpenCase={onOpenCase}
      onEnd={onEnd}
    />
  );
}

function CrewPage({
  inspection,
  setup,
  onSetup,
  onInterview,
  onOpenCase,
  onEnd,
}: {
  inspection: Inspection;
  setup: InterviewSetup | null;
  onSetup: (setup: InterviewSetup) => void;
  onInterview: (caseId: string, interviewId: string) => void;
  onOpenCase: (caseId: string) => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [crew, setCrew] = useState<CaseSummary[] | null>(null);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [showForm, setShowForm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const panel = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(panel);

  const load = useCallback(async () => {
    const reply = await call('cases.list', crewQuery(inspection));
    if (!reply.ok) return setError(reply.error);
    const rows = crewOf(inspection, reply.value.rows);
    setCrew(rows);
    // After a lock the form is gone from memory: it comes back from the last crew member's interview.
    const last = rows.at(-1);
    if (!setup && last) {
      const detail = await call('cases.get', { id: last.id });
      if (detail.ok) {
        const previous = detail.value.interviews.at(-1);
        onSetup(setupForNextPerson(setupFromInterview(previous, undefined, prefs.intervieweeLanguage)));
      }
    }
  }, [inspection, setup, onSetup, prefs.intervieweeLanguage]);

  useEffect(() => {
    void load();
  }, [load]);

  const form = setup ?? setupFromInterview(undefined, undefined, prefs.intervieweeLanguage);
  const missing = missingForStart(form);
  const nameMissing = tried && !name.trim();

  // What is wrong is said under the field: before sending (a name, the form's own checks, and the
  // schemas main parses the case and the interview with), else from main's replies (the case's name,
  // the form's fields; anything else above the form).
  const startNext = async () => {
    setError(null);
    // Only what this page has a field for: the inspection's own details were checked when it began.
    const found: Record<string, FormProblem> = {
      ...onlyName(problemsFromSchema(caseCreateInput, crewCaseInput(inspection, name))),
      ...setupProblems(form),
    };
    const inForm = SETUP_FIELD_PATHS.some((key) => key in found);
    problems.show(found);
    if (!name.trim() || missing.length > 0) {
      setTried(true);
      focusFirstInvalid(panel.current);
    }
    if (missing.length > 0 || inForm) setShowForm(true);
    if (!name.trim() || missing.length > 0 || hasProblems(found)) return;
    setBusy(true);
    const created = await call('cases.create', crewCaseInput(inspection, name));
    if (!created.ok) {
      setBusy(false);
      return setError(problems.refused(created.error, (key) => key === NAME_PATH));
    }
    const started = await call('interview.start', {
      ...startInputOf(form, {
        caseId: created.value.id,
        personId: created.value.persons[0]?.id,
        officerLanguage: prefs.uiLanguage,
      }),
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'short',
    });
    setBusy(false);
    if (!started.ok) {
      const named = problemsFromReply(started.error);
      if (SETUP_FIELD_PATHS.some((key) => key in named)) setShowForm(true);
      setError(generalError(started.error, (key) => SETUP_FIELD_PATHS.includes(key)));
      return problems.show(named);
    }
    onSetup(setupForNextPerson(form));
    onInterview(created.value.id, started.value.id);
  };

  const where = [
    inspection.place.name,
    inspection.place.province,
    inspection.vessel?.name,
    formatDate(inspection.date, prefs.uiLanguage),
  ]
    .filter(Boolean)
    .join(' · ');
  const summary = [
    form.withInterpreter
      ? t('inspection.interpreterIs', { name: form.interpreterName || '—' })
      : t('inspection.noInterpreter'),
    form.present.trim() ? t('inspection.presentAre', { present: form.present.trim() }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="panel inspection" aria-labelledby="inspection-title" data-testid="inspection">
      <div className="inspection-head">
        <h1 id="inspection-title">{t('inspection.heading', { where })}</h1>
        <ActionButton testId="inspection-end" onClick={onEnd}>
          {t('inspection.end')}
        </ActionButton>
      </div>
      <ErrorMessage error={error} />
      <form
        ref={panel}
        noValidate
        className="next-crew"
        aria-labelledby="next-crew-title"
        onSubmit={onSubmitting(startNext)}
      >
        <h2 id="next-crew-title">{t('inspection.nextTitle')}</h2>
        <div className="next-crew-row">
          <TextField
            label={t('inspection.name')}
            error={nameMissing ? t('inspection.nameMissing') : problems.text(NAME_PATH)}
            value={name}
            onChange={(v) => {
              setName(v);
              problems.clear(NAME_PATH);
            }}
            testId="crew-name"
            autoFocus
          />
          <SubmitButton busy={busy} label={t('inspection.startNext')} testId="crew-start" />
        </div>
        <p className="muted" data-testid="crew-form-summary">
          {t('inspection.formSummary', { summary })}{' '}
          <button
            type="button"
            className="link"
            aria-expanded={showForm}
            onClick={() => setShowForm((v) => !v)}
            data-testid="crew-form-toggle"
          >
            {showForm ? t('inspection.hideForm') : t('inspection.changeForm')}
          </button>
        </p>
        <StillNeeded missing={missing} />
        {showForm && (
          <SetupFields
            value={form}
            onChange={(next) => {
              problems.clear(...changedSetupPaths(form, next));
              onSetup(next);
            }}
            tried={tried}
            problems={problems.problems}
          />
        )}
      </form>

      <h2>{t('inspection.crew')}</h2>
      {crew?.length === 0 && <p className="muted">{t('inspection.noCrew')}</p>}
      {crew && crew.length > 0 && (
        <table className="crew-list" data-testid="crew-list">
          <ColumnHeads
            labels={[t('cases.person'), t('cases.language'), t('cases.status'), t('cases.result')]}
            actions={t('inspection.open')}
          />
          <tbody>
            {crew.map((c) => (
              <tr key={c.id} data-testid="crew-row" data-result={c.screeningResult} data-status={c.status}>
                <td>{c.primaryPersonName ?? '—'}</td>
                <td>
                  {c.intervieweeLanguage && isLocale(c.intervieweeLanguage) ? (
                    <span lang={c.intervieweeLanguage}>{LOCALE_NATIVE_NAMES[c.intervieweeLanguage]}</span>
                  ) : (
                    (c.intervieweeLanguage ?? '—')
                  )}
                </td>
                <td>{t(`status.${c.status}`)}</td>
                <td>{t(`result.${c.screeningResult}`)}</td>
                <td>
                  <ActionButton testId="crew-open" onClick={() => onOpenCase(c.id)}>
                    {t('inspection.open')}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
