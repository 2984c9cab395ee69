import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENT, type Tier } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { CancelButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusFirstInvalid } from '../../components/Field';
import { hasProblems, useFormProblems } from '../../components/form-problems';
import { SetupFields, StillNeeded } from './SetupFields';
import { type InterviewSetup, missingForStart, startInputOf } from './setup';
import { changedSetupPaths, SETUP_FIELD_PATHS, setupProblems } from './setup-problems';

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
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLDivElement>(null);
  const problems = useFormProblems(form);

  const missing = missingForStart(s);
  const change = (next: InterviewSetup) => {
    problems.clear(...changedSetupPaths(s, next));
    setS(next);
  };

  const start = async () => {
    setError(null);
    const found = setupProblems(s);
    problems.show(found);
    if (missing.length > 0) {
      setTried(true);
      focusFirstInvalid(form.current);
    }
    if (missing.length > 0 || hasProblems(found)) return;
    setBusy(true);
    const reply = await call('interview.start', {
      ...startInputOf(s, { caseId, personId, officerLanguage: prefs.uiLanguage }),
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier,
    });
    setBusy(false);
    if (!reply.ok) {
      return setError(problems.refused(reply.error, (key) => SETUP_FIELD_PATHS.includes(key)));
    }
    onStarted(reply.value.id, s);
  };

  return (
    <div className="panel before-start" data-testid="before-start" ref={form}>
      <h2>{t('beforeStart.title')}</h2>
      {source !== 'blank' && (
        <p className="notice" data-testid="bs-carried-over">
          {source === 'inspection' ? t('beforeStart.fromInspection') : t('beforeStart.fromLastInterview')}
        </p>
      )}
      <SetupFields value={s} onChange={change} tried={tried} problems={problems.problems} />
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
        {onCancel && <CancelButton onCancel={onCancel} />}
      </div>
      <StillNeeded missing={missing} />
    </div>
  );
}
