import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/cases';
import { can } from '../../../shared/domain/permissions';
import type { SessionUser } from '../../../shared/domain/users';
import type { Tier } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDate, formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HandoverPanel } from '../handover/HandoverPanel';
import { BeforeStart } from '../interview/BeforeStart';
import { setupFromInterview } from '../interview/setup';
import { ReferralPanel } from '../referral/ReferralPanel';
import { RightsCardPanel } from '../rights-card/RightsCardPanel';
import { AttachmentsPanel } from './casework/AttachmentsPanel';
import { CaseTimeline } from './casework/CaseTimeline';
import { DeleteCasePanel } from './casework/DeleteCasePanel';
import { FollowUpsPanel } from './casework/FollowUpsPanel';
import { NotesPanel } from './casework/NotesPanel';
import { StatusWorkflow } from './casework/StatusWorkflow';
import { DetailsEditor } from './DetailsEditor';
import { PersonSummary } from './PersonSummary';

/**
 * One case: where it stands, who is screened, the interviews (continue, or start the full one), the
 * referral, and the case work around it: status, notes, follow-up dates, files and its history.
 */
export function CasePage({
  caseId,
  user,
  onOpenInterview,
  onDeleted,
}: {
  caseId: string;
  user: SessionUser;
  onOpenInterview: (interviewId: string) => void;
  onDeleted: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  const { uiLanguage, intervieweeLanguage } = usePrefs();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [starting, setStarting] = useState<Tier | null>(null);
  const [editing, setEditing] = useState(false);
  // Bumped after any change on the page, so the history and follow-up dates reload.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const load = useCallback(async () => {
    const reply = await call('cases.get', { id: caseId });
    if (!reply.ok) return setError(reply.error);
    setDetail(reply.value);
    setVersion((v) => v + 1);
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) return <ErrorMessage error={error} />;
  const person = detail.persons[0];
  // Closed and consent-withdrawn cases are frozen (the store refuses new interviews and files).
  const final = detail.status === 'closed' || detail.status === 'consent_withdrawn';
  // The form is filled in from the last interview with this person (e.g. the short screen).
  const previous = detail.interviews
    .filter((i) => i.personId === (person?.id ?? null))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .at(-1);
  const hasShort = detail.interviews.some(
    (i) => i.tier === 'short' && (i.state === 'completed' || i.state === 'stopped'),
  );

  return (
    <section className="panel" aria-labelledby="case-title" data-testid="case-page">
      <h1 id="case-title">{t('casePage.title', { reference: detail.reference })}</h1>
      <dl className="facts">
        <dt>{t('cases.status')}</dt>
        <dd data-testid="case-status">{t(`status.${detail.status}`)}</dd>
        <dt>{t('cases.result')}</dt>
        <dd data-testid="case-result">{t(`result.${detail.screeningResult}`)}</dd>
        <dt>{t('cases.date')}</dt>
        <dd>{formatDate(detail.screeningDate, uiLanguage)}</dd>
        <dt>{t('cases.place')}</dt>
        <dd>
          {t(`placeKind.${detail.place.kind}`)} · {detail.place.name}
          {detail.place.province ? ` · ${detail.place.province}` : ''}
        </dd>
        {detail.vessel && (
          <>
            <dt>{t('newCase.vessel')}</dt>
            <dd>
              {[detail.vessel.name, detail.vessel.registration, detail.vessel.flag]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        )}
      </dl>
      <ErrorMessage error={error} />
      <PersonSummary detail={detail} />
      {!final && !editing && (
        <ActionButton testId="details-edit" onClick={() => setEditing(true)}>
          {t('details.edit')}
        </ActionButton>
      )}
      {editing && (
        <DetailsEditor
          detail={detail}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      )}

      <h2>{t('casePage.interviews')}</h2>
      {detail.interviews.length === 0 && <p className="muted">{t('casePage.noInterviews')}</p>}
      <ul className="interviews">
        {detail.interviews.map((i) => (
          <li key={i.id}>
            <span>
              {String(ti(`tiers.${i.tier}`))} · {t(`interviewState.${i.state}`)} ·{' '}
              {formatDateTime(i.startedAt, uiLanguage)}
            </span>
            <ActionButton testId="open-interview" onClick={() => onOpenInterview(i.id)}>
              {i.state === 'in_progress' || i.state === 'paused'
                ? t('casePage.continue')
                : t('casePage.viewResult')}
            </ActionButton>
          </li>
        ))}
      </ul>
      {!starting && !final && (
        <div className="row">
          <button type="button" onClick={() => setStarting('short')} data-testid="start-short">
            {t('casePage.startShort')}
          </button>
          <ActionButton testId="start-full" disabled={!hasShort} onClick={() => setStarting('full')}>
            {t('casePage.startFull')}
          </ActionButton>
        </div>
      )}
      {starting && !final && (
        <BeforeStart
          caseId={detail.id}
          personId={person?.id}
          tier={starting}
          initial={setupFromInterview(previous, person, intervieweeLanguage)}
          source={previous ? 'lastInterview' : 'blank'}
          onStarted={(id) => onOpenInterview(id)}
          onCancel={() => setStarting(null)}
        />
      )}
      {detail.interviews.some((i) => i.state === 'completed' || i.state === 'stopped') && (
        <ReferralPanel
          caseId={detail.id}
          caseProvince={detail.place.province ?? null}
          onChanged={() => void load()}
        />
      )}
      <HandoverPanel
        caseId={detail.id}
        version={version}
        canSend={can(user.role, 'handover.send')}
        onChanged={changed}
      />
      <RightsCardPanel caseId={detail.id} language={detail.interviews.at(-1)?.intervieweeLanguage} />
      <div className="casework">
        <StatusWorkflow
          detail={detail}
          onChanged={(next) => {
            setDetail(next);
            changed();
          }}
        />
        <FollowUpsPanel caseId={detail.id} version={version} closed={final} onChanged={changed} />
        <NotesPanel caseId={detail.id} onChanged={changed} />
        <AttachmentsPanel caseId={detail.id} closed={final} onChanged={changed} />
      </div>
      <CaseTimeline caseId={detail.id} version={version} />
      {user.role === 'supervisor' && (
        <DeleteCasePanel caseId={detail.id} reference={detail.reference} onDeleted={onDeleted} />
      )}
    </section>
  );
}
