import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { type FormProblem, hasProblems, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { TextAreaField } from '../../components/TextAreaField';

/**
 * The officer's own assessment and reasons, recorded beside the engine's screening result. Nothing
 * written, or what main's reply names (too long), is said under the field.
 */
export function OfficerAssessment({
  caseDetail,
  onSaved,
}: {
  caseDetail: CaseDetail;
  onSaved: (c: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(caseDetail.officerAssessment ?? '');
  const [error, setError] = useState<ReplyError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = useFormProblems(form);
  const save = async () => {
    setSaved(false);
    setError(null);
    const found: Record<string, FormProblem> = {};
    if (!text.trim()) found.officerAssessment = { messageKey: 'errors.field.required' };
    problems.show(found);
    if (hasProblems(found)) return;
    setBusy(true);
    const reply = await call('cases.update', {
      id: caseDetail.id,
      expectedRevision: caseDetail.revision,
      officerAssessment: text.normalize('NFC'),
    });
    setBusy(false);
    if (!reply.ok) {
      return setError(problems.refused(reply.error, (key) => key === 'officerAssessment'));
    }
    onSaved(reply.value);
    setSaved(true);
  };
  return (
    <form
      ref={form}
      noValidate
      className="panel"
      data-testid="officer-assessment"
      onSubmit={onSubmitting(save, busy)}
    >
      <TextAreaField
        label={t('interview.assessmentTitle')}
        hint={t('interview.assessmentHint')}
        error={problems.text('officerAssessment')}
        rows={4}
        value={text}
        onChange={(next) => {
          setText(next);
          setSaved(false);
          problems.clear('officerAssessment');
        }}
        testId="assessment-text"
      />
      <div className="row">
        <button type="submit" disabled={busy} data-testid="assessment-save">
          {t('interview.assessmentSave')}
        </button>
        {saved && (
          <span className="save-state" role="status">
            {t('interview.saved')}
          </span>
        )}
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
