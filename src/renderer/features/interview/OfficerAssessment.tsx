import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';

/** The officer's own assessment and reasons, recorded beside the engine's screening result. */
export function OfficerAssessment({
  caseDetail,
  onSaved,
}: {
  caseDetail: CaseDetail;
  onSaved: (c: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(caseDetail.officerAssessment ?? '');
  const [error, setError] = useState<ReplyError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    setError(null);
    const reply = await call('cases.update', {
      id: caseDetail.id,
      expectedRevision: caseDetail.revision,
      officerAssessment: text.normalize('NFC'),
    });
    if (!reply.ok) return setError(reply.error);
    onSaved(reply.value);
    setSaved(true);
  };
  return (
    <div className="panel" data-testid="officer-assessment">
      <label htmlFor={id}>
        <strong>{t('interview.assessmentTitle')}</strong>
      </label>
      <p className="muted">{t('interview.assessmentHint')}</p>
      <textarea
        id={id}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="assessment-text"
      />
      <ZawgyiCheck text={text} onConvert={setText} />
      <div className="row">
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => void save()}
          data-testid="assessment-save"
        >
          {t('interview.assessmentSave')}
        </button>
        {saved && (
          <span className="save-state" role="status">
            {t('interview.saved')}
          </span>
        )}
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
