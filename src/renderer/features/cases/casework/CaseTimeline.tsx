import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTOMATIC_REASON } from '../../../../shared/domain/cases';
import type { TimelineEntry } from '../../../../shared/ipc/channels/casework';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDate, formatDateTime } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { CheckField } from '../../../components/TextField';
import { changedFieldLabelKeys } from './changed-fields';

/** Audit action codes contain dots; i18next keys use them as separators, so they become underscores. */
export function actionLabelKey(action: string): string {
  return `timeline.actions.${action.replace(/\./g, '_')}`;
}

/** Who did what and when on this case, newest first (the case's slice of the audit trail). */
export function CaseTimeline({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [routine, setRoutine] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the page changed something; it triggers the reload.
  useEffect(() => {
    let live = true;
    void call('casework.timeline', { caseId, includeRoutine: routine }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(reply.error);
      setError(null);
      setEntries(reply.value);
    });
    return () => {
      live = false;
    };
  }, [caseId, routine, version]);

  // Main records "automatic" for a status it moved itself; anything else is what the officer typed.
  const reasonText = (reason: string) =>
    reason === AUTOMATIC_REASON ? t('timeline.automaticReason') : reason;
  const who = (actor: string | null) =>
    actor === null ? t('timeline.system') : actor === 'recovery' ? t('timeline.recovery') : actor;

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <CheckField
        label={t('timeline.showRoutine')}
        checked={routine}
        onChange={setRoutine}
        testId="timeline-routine"
      />
      <ErrorMessage error={error} />
      {entries?.length === 0 && <p className="muted">{t('timeline.none')}</p>}
      <ol className="timeline" data-testid="timeline">
        {(entries ?? []).map((e) => (
          <li key={e.seq} data-testid="timeline-entry" data-action={e.action}>
            <span className="when">{formatDateTime(e.at, uiLanguage)}</span>
            <span className="what">
              <strong>{t(actionLabelKey(e.action), { defaultValue: e.action })}</strong>{' '}
              <span className="muted">{t('timeline.by', { actor: who(e.actor) })}</span>
              {e.statusChange && (
                <span className="detail" data-testid="timeline-status">
                  {t('timeline.statusChange', {
                    from: t(`status.${e.statusChange.from}`),
                    to: t(`status.${e.statusChange.to}`),
                  })}
                  {e.statusChange.reason &&
                    ` — ${t('timeline.reason', { reason: reasonText(e.statusChange.reason) })}`}
                </span>
              )}
              {e.interviewState && (
                <span className="detail">
                  {t('timeline.statusChange', {
                    from: t(`interviewState.${e.interviewState.from}`, {
                      defaultValue: e.interviewState.from,
                    }),
                    to: t(`interviewState.${e.interviewState.to}`, { defaultValue: e.interviewState.to }),
                  })}
                </span>
              )}
              {e.followUp && (
                <span className="detail" data-testid="timeline-followup">
                  {t('timeline.followUp', {
                    what: e.followUp.what,
                    date: formatDate(e.followUp.dueOn, uiLanguage),
                  })}
                </span>
              )}
              {e.fileName && (
                <span className="detail" data-testid="timeline-file">
                  {t('timeline.fileName', { name: e.fileName })}
                </span>
              )}
              {e.changedFields && e.changedFields.length > 0 && (
                <span className="detail" data-testid="timeline-fields">
                  {t('timeline.changedFields', {
                    fields: changedFieldLabelKeys(e.changedFields)
                      .map((key) => t(key))
                      .join(', '),
                  })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
