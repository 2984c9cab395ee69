import { listAuditRows } from '../audit/log';
import type { Db } from '../db/driver';
import type { InterviewRow } from './interview-rows';

/**
 * How long an interview has really been running: the time it spent "in progress", less the time the
 * app was locked meanwhile (Lock, F9, idle, sleep). Breaks (paused), the time after it ended and the
 * time before a stopped interview was resumed do not count. Read from the audit trail, which already
 * records every state change and every lock and sign-in with its time.
 */

/** One moment that starts or halts the clock. */
export interface ClockEvent {
  at: string;
  /** run: the interview is (again) in progress; halt: paused, ended or stopped; lock / unlock: the app. */
  kind: 'run' | 'halt' | 'lock' | 'unlock';
}

/**
 * Milliseconds of active interview time from `events` (in order), counting up to `now` when the
 * interview is still running and the app unlocked. Pure.
 */
export function activeMilliseconds(events: readonly ClockEvent[], now: Date): number {
  let total = 0;
  let running = false;
  let locked = false;
  let since = 0;
  const counting = () => running && !locked;
  for (const e of events) {
    const at = Date.parse(e.at);
    if (counting()) total += Math.max(0, at - since);
    since = at;
    if (e.kind === 'run') running = true;
    else if (e.kind === 'halt') running = false;
    else if (e.kind === 'lock') locked = true;
    else locked = false;
  }
  if (counting()) total += Math.max(0, now.getTime() - since);
  return total;
}

const STATE_KIND: Record<string, ClockEvent['kind']> = {
  in_progress: 'run',
  paused: 'halt',
  completed: 'halt',
  stopped: 'halt',
};

/** The clock events of one interview, from its start to its end (or now), oldest first. */
export function interviewClockEvents(db: Db, interview: InterviewRow): ClockEvent[] {
  const states = (['interview.start', 'interview.state'] as const)
    .flatMap((action) => listAuditRows(db, { entityId: interview.id, action, limit: 10_000 }))
    .sort((a, b) => a.seq - b.seq);
  const first = states[0];
  if (!first) return [{ at: interview.started_at, kind: 'run' }];
  // Locks and sign-ins between the start and the end (or the last state change of an ended interview).
  const ended = interview.state === 'completed' || interview.state === 'stopped';
  const lastSeq = ended ? (states.at(-1)?.seq ?? first.seq) : Number.MAX_SAFE_INTEGER;
  const sessions = db
    .prepare(
      `SELECT seq, at, action FROM audit_log WHERE seq > ? AND seq < ? AND action IN ('auth.lock', 'auth.login', 'auth.recovery_unlock')`,
    )
    .all(first.seq, lastSeq) as { seq: number; at: string; action: string }[];
  const events: { seq: number; event: ClockEvent }[] = [
    ...states.map((e) => {
      const next =
        e.action === 'interview.start'
          ? 'in_progress'
          : (e.details as { new?: { state?: unknown } } | null)?.new?.state;
      return { seq: e.seq, event: { at: e.at, kind: STATE_KIND[String(next)] ?? 'halt' } };
    }),
    ...sessions.map((s) => ({
      seq: s.seq,
      event: { at: s.at, kind: s.action === 'auth.lock' ? ('lock' as const) : ('unlock' as const) },
    })),
  ];
  return events.sort((a, b) => a.seq - b.seq).map((e) => e.event);
}
