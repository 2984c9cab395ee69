import type { FollowUpDays } from '../../../../shared/domain/settings';

export interface FollowUpCounter {
  kind: 'reflection' | 'shelter';
  days: number;
  /** Calendar day the period started (the day of referral), YYYY-MM-DD. */
  start: string;
  /** Calendar day the period ends: start + days. */
  end: string;
  /** Whole days from today to the end; 0 on the last day, negative once it has passed. */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/** The calendar day of an instant on this laptop's clock (a referral at 23:00 in Thailand is that day). */
export function localDay(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The reflection-period and shelter counters, counted from the day of referral. */
export function followUpCounters(referralDay: string, days: FollowUpDays, today: string): FollowUpCounter[] {
  return (
    [
      ['reflection', days.reflectionDays],
      ['shelter', days.shelterDays],
    ] as const
  ).map(([kind, n]) => {
    const end = addDays(referralDay, n);
    return { kind, days: n, start: referralDay, end, daysLeft: daysBetween(today, end) };
  });
}

/** A task due within this many days (and not today) is marked "soon". */
export const SOON_DAYS = 3;

export type DueState = 'overdue' | 'today' | 'soon' | 'later';

/**
 * Where an open task stands on `today` (both calendar days, YYYY-MM-DD): overdue, due today, due soon
 * or later, and how many whole days away the due day is (negative when overdue).
 */
export function dueState(dueOn: string, today: string): { state: DueState; days: number } {
  const days = daysBetween(today, dueOn);
  const state: DueState = days < 0 ? 'overdue' : days === 0 ? 'today' : days <= SOON_DAYS ? 'soon' : 'later';
  return { state, days };
}
