import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewSetStateInput } from '../../../shared/domain/interviews';
import type { ReplyError } from '../../../shared/ipc/reply';
import { CancelButton, SubmitButton } from '../../components/Buttons';
import { problemsFromReply, problemsFromSchema, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { ReasonField } from '../../components/ReasonField';

/** The stop form's fields by their name in the request (what main's reply names). */
export const STOP_FIELDS = ['reason'];

/**
 * Stops the interview with a reason. A reason missing (or too long) is said under the field with the
 * focus on it before anything is sent, and so is what main's reply names (`refusal`: the reply of the
 * last try); what was typed stays.
 */
export function StopForm({
  interviewId,
  refusal,
  onStop,
  onCancel,
}: {
  interviewId: string;
  refusal: ReplyError | null;
  onStop: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, clearAll } = useFormProblems(form);
  useEffect(() => {
    show(problemsFromReply(refusal));
  }, [refusal, show]);

  const submit = () => {
    const found = problemsFromSchema(interviewSetStateInput.required({ reason: true }), {
      interviewId,
      state: 'stopped',
      reason,
    });
    if (!show(found)) return;
    onStop(reason.trim());
  };

  return (
    <form
      ref={form}
      noValidate
      className="panel"
      aria-labelledby="stop-title"
      data-testid="stopping"
      onSubmit={onSubmitting(submit)}
    >
      <h2 id="stop-title">{t('interview.stopTitle')}</h2>
      <p>{t('interview.stopExplain')}</p>
      <ReasonField
        label={t('interview.stopReason')}
        error={problem('reason')}
        rows={3}
        value={reason}
        onChange={setReason}
        onEdit={clearAll}
        testId="stop-reason"
      />
      <div className="row">
        <SubmitButton danger label={t('interview.stopConfirm')} testId="stop-confirm" />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
