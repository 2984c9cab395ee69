import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/follow-ups';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDate } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpTasks } from './FollowUpTasks';
import { followUpCounters, localDay } from './follow-ups';
import './casework.css';

/**
 * Follow-ups of a case: the reflection period and the temporary-shelter stay, counted from the day of
 * referral with the number of days a supervisor set (defaults from the domain brief, marked there as
 * "verify"), and the officers' own tasks with due dates.
 */
export function FollowUpsPanel({
  caseId,
  version,
  closed,
  onChanged,
}: {
  caseId: string;
  version: number;
  /** Closed or consent withdrawn: the tasks are shown but can no longer be changed. */
  closed: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [info, setInfo] = useState<ResponseOf<'casework.followUps'> | null>(null);
  const [tasks, setTasks] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the page changed something; it triggers the reload.
  useEffect(() => {
    let live = true;
    void Promise.all([
      call('casework.followUps', { caseId }),
      call('casework.followUps.list', { caseId }),
    ]).then(([periods, list]) => {
      if (!live) return;
      if (!periods.ok) return setError(periods.error);
      if (!list.ok) return setError(list.error);
      setError(null);
      setInfo(periods.value);
      setTasks(list.value);
    });
    return () => {
      live = false;
    };
  }, [caseId, version]);

  const today = localDay(new Date());
  const referralDay = info?.referredAt ? localDay(new Date(info.referredAt)) : null;
  const counters = info && referralDay ? followUpCounters(referralDay, info.days, today) : [];

  return (
    <section className="panel" aria-labelledby="followups-title" data-testid="followups-panel">
      <h2 id="followups-title">{t('followUps.title')}</h2>
      <ErrorMessage error={error} />
      <h3 className="subheading">{t('followUpTasks.periodsTitle')}</h3>
      {info && !referralDay && <p className="muted">{t('followUps.notReferred')}</p>}
      {referralDay && info && (
        <>
          <p data-testid="followups-referred">
            {info.source === 'received'
              ? t('followUps.receivedOn', { date: formatDate(referralDay, uiLanguage) })
              : t('followUps.referredOn', { date: formatDate(referralDay, uiLanguage) })}{' '}
            <span className="muted">
              {info.source === 'received'
                ? t('followUps.fromReceipt')
                : info.source === 'referral'
                  ? t('followUps.fromReferral')
                  : t('followUps.fromStatus')}
            </span>
          </p>
          <ul className="followups">
            {counters.map((c) => (
              <li key={c.kind} data-testid={`followup-${c.kind}`} data-days-left={c.daysLeft}>
                <strong>{t(`followUps.${c.kind}`, { days: c.days })}</strong>{' '}
                {t('followUps.until', { date: formatDate(c.end, uiLanguage) })} —{' '}
                <span className={c.daysLeft < 0 ? 'muted' : c.daysLeft <= 3 ? 'soon' : undefined}>
                  {c.daysLeft > 0
                    ? t('followUps.daysLeft', { count: c.daysLeft })
                    : c.daysLeft === 0
                      ? t('followUps.endsToday')
                      : t('followUps.ended', { count: -c.daysLeft })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{t('followUps.verifyNote')}</p>

      <h3 className="subheading">{t('followUpTasks.heading')}</h3>
      {tasks && (
        <FollowUpTasks
          items={tasks}
          today={today}
          closed={closed}
          onToggled={() => {
            setAdded(null);
            onChanged();
          }}
        />
      )}
      {added && !closed && (
        <p className="notice" role="status" data-testid="followup-added">
          {t('followUpTasks.added', { what: added })}
        </p>
      )}
      {closed ? (
        <p className="muted">{t('followUpTasks.closed')}</p>
      ) : (
        <FollowUpForm
          caseId={caseId}
          onAdded={(what) => {
            setAdded(what);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
