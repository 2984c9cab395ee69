import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DueDateProblem,
  dueDateProblem,
  FOLLOW_UP_FIRST_YEAR,
  FOLLOW_UP_LAST_YEAR,
  FOLLOW_UP_TEXT_MAX,
} from '../../../../shared/domain/follow-ups';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDate } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { SubmitButton } from '../../../components/Buttons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import {
  type FormProblems,
  generalError,
  NO_PROBLEMS,
  problemsFromReply,
  useProblemText,
  withoutProblem,
} from '../../../components/form-problems';
import { onSubmitting } from '../../../components/form-submit';
import { ZawgyiCheck } from '../../../components/ZawgyiCheck';

interface Problems {
  what?: 'missing' | 'tooLong';
  due?: DueDateProblem;
}

/**
 * Adds a follow-up task: what to do and the day it is due (a native date box, so the keyboard and the
 * browser's own date picker both work). Problems are named next to the field in the officer's
 * language before anything is sent, and so are those main's reply names; what was typed stays in the
 * form until it is saved.
 */
export function FollowUpForm({ caseId, onAdded }: { caseId: string; onAdded: (what: string) => void }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [mainProblems, setMainProblems] = useState<FormProblems>(NO_PROBLEMS);
  const mainProblem = useProblemText(mainProblems);
  const dateRef = useRef<HTMLInputElement>(null);
  const whatRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const whatId = `${id}-what`;
  const dueId = `${id}-due`;

  const check = (): Problems => {
    const found: Problems = {};
    const text = what.trim();
    if (!text) found.what = 'missing';
    else if (text.length > FOLLOW_UP_TEXT_MAX) found.what = 'tooLong';
    // A half-typed or impossible day leaves the date box's value empty: badInput tells the two apart.
    const due = dateRef.current?.validity.badInput ? 'invalid' : dueDateProblem(dueOn);
    if (due) found.due = due;
    return found;
  };

  const submit = async () => {
    const found = check();
    setProblems(found);
    setMainProblems(NO_PROBLEMS);
    setError(null);
    if (found.what) return whatRef.current?.focus();
    if (found.due) return dateRef.current?.focus();
    setBusy(true);
    const reply = await call('casework.followUps.add', { caseId, what, dueOn });
    setBusy(false);
    if (!reply.ok) {
      // What main found wrong with a field is said under it too (the text typed stays in the form).
      const fromMain = problemsFromReply(reply.error);
      setMainProblems(fromMain);
      setError(generalError(reply.error, (key) => key === 'what' || key === 'dueOn'));
      if (fromMain.what) return whatRef.current?.focus();
      if (fromMain.dueOn) return dateRef.current?.focus();
      return;
    }
    setWhat('');
    setDueOn('');
    onAdded(reply.value.what);
  };

  const year = Number(dueOn.slice(0, 4));
  const dueMessage =
    problems.due === 'buddhistEra'
      ? t('followUpTasks.errors.buddhistEra', { year, gregorian: year - 543 })
      : problems.due
        ? t(`followUpTasks.errors.${problems.due}`, { from: FOLLOW_UP_FIRST_YEAR, to: FOLLOW_UP_LAST_YEAR })
        : null;
  const dueOk = dueOn !== '' && dueDateProblem(dueOn) === null;
  const whatMessage = problems.what
    ? t(`followUpTasks.errors.what_${problems.what}`, { max: FOLLOW_UP_TEXT_MAX })
    : mainProblem('what');
  const dueText = dueMessage ?? mainProblem('dueOn');

  return (
    <form
      className="followup-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmitting(submit, busy)}
      data-testid="followup-form"
    >
      <h4 id={`${id}-title`}>{t('followUpTasks.addTitle')}</h4>
      <div className="field">
        <label htmlFor={whatId}>{t('followUpTasks.what')}</label>
        <textarea
          id={whatId}
          ref={whatRef}
          rows={2}
          maxLength={FOLLOW_UP_TEXT_MAX}
          value={what}
          aria-invalid={whatMessage ? true : undefined}
          aria-describedby={`${whatId}-hint${whatMessage ? ` ${whatId}-problem` : ''}`}
          onChange={(e) => {
            setWhat(e.target.value);
            if (problems.what) setProblems((p) => ({ ...p, what: undefined }));
            setMainProblems((p) => withoutProblem(p, 'what'));
          }}
          data-testid="followup-what"
        />
        <ZawgyiCheck text={what} onConvert={setWhat} />
        <small id={`${whatId}-hint`} className="muted">
          {t('followUpTasks.whatHint', { max: FOLLOW_UP_TEXT_MAX, used: what.length })}
        </small>
        {whatMessage && (
          <small id={`${whatId}-problem`} className="error" data-testid="followup-what-problem">
            {whatMessage}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor={dueId}>{t('followUpTasks.dueOn')}</label>
        <input
          id={dueId}
          ref={dateRef}
          type="date"
          min={`${FOLLOW_UP_FIRST_YEAR}-01-01`}
          max={`${FOLLOW_UP_LAST_YEAR}-12-31`}
          value={dueOn}
          aria-invalid={dueText ? true : undefined}
          aria-describedby={`${dueId}-hint${dueText ? ` ${dueId}-problem` : ''}`}
          onChange={(e) => {
            setDueOn(e.target.value);
            if (problems.due) setProblems((p) => ({ ...p, due: undefined }));
            setMainProblems((p) => withoutProblem(p, 'dueOn'));
          }}
          data-testid="followup-due"
        />
        <small id={`${dueId}-hint`} className="muted" data-testid="followup-due-hint">
          {dueOk ? `${t('followUpTasks.duePreview', { date: formatDate(dueOn, uiLanguage) })} · ` : ''}
          {t('followUpTasks.dueHint')}
        </small>
        {dueText && (
          <small id={`${dueId}-problem`} className="error" data-testid="followup-due-problem">
            {dueText}
          </small>
        )}
      </div>
      <SubmitButton busy={busy} label={t('followUpTasks.add')} testId="followup-add" />
      <ErrorMessage error={error} />
    </form>
  );
}
