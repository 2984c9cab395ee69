import { z } from 'zod';
import { entityId, isoDate, isoDateTime, requiredText } from './common';

/**
 * Follow-up tasks an officer sets on a case ("call the shelter", "check the documents came back"),
 * each with a calendar day it is due. A day in the past is allowed (recording something already
 * overdue), but it must be a real calendar day in a plausible range: the date box takes Gregorian
 * years, and a Buddhist-era year typed into it (2569 for 2026) is the mistake this range catches.
 */
export const FOLLOW_UP_TEXT_MAX = 500;
export const FOLLOW_UP_FIRST_YEAR = 2000;
export const FOLLOW_UP_LAST_YEAR = 2199;

/** Buddhist-era years are Gregorian + 543; a year in this band was almost certainly typed as one. */
const BUDDHIST_ERA_YEARS = { from: FOLLOW_UP_FIRST_YEAR + 543, to: FOLLOW_UP_LAST_YEAR + 543 };

export type DueDateProblem = 'missing' | 'invalid' | 'buddhistEra' | 'outOfRange';

/**
 * Why a due date cannot be stored, or null when it can. Pure, so the form can name the problem in the
 * officer's language before anything is sent; the store checks the same rule through `followUpDueOn`.
 */
export function dueDateProblem(value: string): DueDateProblem | null {
  if (value.trim() === '') return 'missing';
  if (!isoDate.safeParse(value).success) return 'invalid';
  const year = Number(value.slice(0, 4));
  if (year >= BUDDHIST_ERA_YEARS.from && year <= BUDDHIST_ERA_YEARS.to) return 'buddhistEra';
  if (year < FOLLOW_UP_FIRST_YEAR || year > FOLLOW_UP_LAST_YEAR) return 'outOfRange';
  return null;
}

/** A calendar day (YYYY-MM-DD, no time zone) that exists and lies in the plausible range. */
export const followUpDueOn = z
  .string()
  .refine((v) => dueDateProblem(v) === null, { message: 'not a real calendar date in range' });

export const followUpText = requiredText(FOLLOW_UP_TEXT_MAX);

export const followUpAddInput = z.object({
  caseId: entityId,
  what: followUpText,
  dueOn: followUpDueOn,
});
export type FollowUpAddInput = z.input<typeof followUpAddInput>;

export const followUpSetDoneInput = z.object({
  id: entityId,
  /** true: mark done; false: reopen. */
  done: z.boolean(),
});
export type FollowUpSetDoneInput = z.input<typeof followUpSetDoneInput>;

export const followUp = z.object({
  id: entityId,
  caseId: entityId,
  what: z.string(),
  dueOn: isoDate,
  /** When it was marked done, and by whom (username); both null while it is open. */
  doneAt: isoDateTime.nullable(),
  doneBy: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;
