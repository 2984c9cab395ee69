import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDate } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { followUpCounters, localDay } from './follow-ups';

/**
 * The reflection period and the temporary-shelter stay, counted from the day of referral with the
 * number of days a supervisor set (defaults from the domain brief, marked there as "verify").
 */
export function FollowUpsPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [info, setInfo] = useState<ResponseOf<'casework.followUps'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the page changed something; it triggers the reload.
  useEffect(() => {
    let live = true;
    void call('casework.followUps', { caseId }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(reply.error);
      setError(null);
      setInfo(reply.value);
    });
    return () => {
      live = false;
    };
  }, [caseId, version]);

  const referralDay = info?.referredAt ? localDay(new Date(info.referredAt)) : null;
  const counters = info && referralDay ? followUpCounters(referralDay, info.days, localDay(new Date())) : [];

  return (
    <section className="panel" aria-labelledby="followups-title" data-testid="followups-panel">
      <h2 id="followups-title">{t('followUps.title')}</h2>
      <ErrorMessage error={error} />
      {info && !referralDay && <p className="muted">{t('followUps.notReferred')}</p>}
      {referralDay && info && (
        <>
          <p data-testid="followups-referred">
            {t('followUps.referredOn', { date: formatDate(referralDay, uiLanguage) })}{' '}
            <span className="muted">
              {info.source === 'referral' ? t('followUps.fromReferral') : t('followUps.fromStatus')}
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
    </section>
  );
}
