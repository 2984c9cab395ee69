import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/follow-ups';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { formatDate, formatDateTime } from '../../../app/format';
import { usePrefs } from '../../../app/prefs-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { dueState } from './follow-ups';

/** The words that say where an open task stands; the colour only repeats them. */
function DueBadge({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation();
  const { state, days } = dueState(dueOn, today);
  const text =
    state === 'overdue'
      ? t('followUpTasks.state.overdue', { count: -days })
      : state === 'today'
        ? t('followUpTasks.state.today')
        : t(`followUpTasks.state.${state}`, { count: days });
  return (
    <span className={`due-badge due-${state}`} data-testid="followup-due-state" data-state={state}>
      {text}
    </span>
  );
}

/**
 * The officers' own follow-up tasks: open ones first (soonest due first), then the done ones. Each can
 * be marked done or reopened while the case is open; the button keeps the keyboard focus when the
 * task moves in the list.
 */
export function FollowUpTasks({
  items,
  today,
  closed,
  onToggled,
}: {
  items: FollowUp[];
  today: string;
  closed: boolean;
  onToggled: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // After a toggle the list reloads and the task moves: put the focus back on its button.
  useEffect(() => {
    if (!focusId) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-followup-id="${focusId}"]`);
    if (button && items.some((f) => f.id === focusId)) {
      button.focus();
      setFocusId(null);
    }
  }, [items, focusId]);

  const toggle = async (f: FollowUp) => {
    setBusyId(f.id);
    setError(null);
    const reply = await call('casework.followUps.setDone', { id: f.id, done: f.doneAt === null });
    setBusyId(null);
    if (!reply.ok) return setError(reply.error);
    setFocusId(f.id);
    onToggled();
  };

  if (items.length === 0) return <p className="muted">{t('followUpTasks.none')}</p>;
  return (
    <>
      <ul className="followup-tasks" ref={listRef} data-testid="followup-tasks">
        {items.map((f) => {
          const done = f.doneAt !== null;
          const textId = `followup-${f.id}-what`;
          return (
            <li
              key={f.id}
              className={done ? 'done' : undefined}
              data-testid="followup-task"
              data-done={done ? 'true' : 'false'}
            >
              <div className="followup-head">
                {done ? (
                  <span className="due-badge due-done" data-testid="followup-due-state" data-state="done">
                    {t('followUpTasks.state.done')}
                  </span>
                ) : (
                  <DueBadge dueOn={f.dueOn} today={today} />
                )}
                <span id={textId} className="followup-what" data-testid="followup-what-text">
                  {f.what}
                </span>
              </div>
              <div className="followup-meta">
                <small className="muted">
                  {t('followUpTasks.due', { date: formatDate(f.dueOn, uiLanguage) })} ·{' '}
                  {done && f.doneAt
                    ? t('followUpTasks.doneBy', {
                        user: f.doneBy,
                        time: formatDateTime(f.doneAt, uiLanguage),
                      })
                    : t('followUpTasks.addedBy', { user: f.createdBy })}
                </small>
                {!closed && (
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={busyId !== null}
                    aria-describedby={textId}
                    data-followup-id={f.id}
                    onClick={() => void toggle(f)}
                    data-testid="followup-toggle"
                  >
                    {busyId === f.id
                      ? t('actions.working')
                      : done
                        ? t('followUpTasks.reopen')
                        : t('followUpTasks.markDone')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={error} />
    </>
  );
}
