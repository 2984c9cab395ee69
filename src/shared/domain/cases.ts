import { z } from 'zod';
import { entityId, isoDate, isoDateTime, optionalText, pageParams, requiredText } from './common';
import { caseConsent } from './consent';
import { interviewSummary } from './interviews';
import { person, personInput } from './persons';

export const CASE_STATUSES = ['draft', 'screened', 'referred', 'closed', 'consent_withdrawn'] as const;
export const caseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatus>;

/**
 * Allowed status changes. Closed and consent-withdrawn are final; withdrawal is possible from any open
 * state and always needs a reason (see STATUSES_NEEDING_REASON). "Screened" also needs a completed
 * interview (STATUSES_NEEDING_COMPLETED_INTERVIEW). Main moves the status by itself too
 * (src/main/store/case-outcome.ts): screened when an interview completes, referred when a referral is signed.
 */
export const CASE_STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['screened', 'closed', 'consent_withdrawn'],
  screened: ['referred', 'closed', 'consent_withdrawn'],
  referred: ['closed', 'consent_withdrawn'],
  closed: [],
  consent_withdrawn: [],
};
export const STATUSES_NEEDING_REASON: readonly CaseStatus[] = ['closed', 'consent_withdrawn'];
/** The reason recorded with a status or result main changed by itself (timelines translate it). */
export const AUTOMATIC_REASON = 'automatic';
export const STATUSES_NEEDING_COMPLETED_INTERVIEW: readonly CaseStatus[] = ['screened'];

/** The statuses an officer may choose now: the allowed transitions, "screened" only after a completed interview. */
export function statusChoices(from: CaseStatus, hasCompletedInterview: boolean): CaseStatus[] {
  return CASE_STATUS_TRANSITIONS[from].filter(
    (s) => hasCompletedInterview || !STATUSES_NEEDING_COMPLETED_INTERVIEW.includes(s),
  );
}

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_STATUS_TRANSITIONS[from].includes(to);
}

export const placeKind = z.enum(['pipo_centre', 'port', 'vessel', 'other']);
export const casePlace = z.object({
  kind: placeKind,
  name: requiredText(200),
  province: optionalText(100),
});
export type CasePlace = z.infer<typeof casePlace>;

export const vessel = z.object({
  name: optionalText(200),
  registration: optionalText(100),
  /** Flag state as written on the papers or said by the crew. */
  flag: optionalText(100),
});
export type Vessel = z.infer<typeof vessel>;

/** The screening outcome as summarised for lists; the evidence lives with the interview answers. */
export const screeningResult = z.enum(['not_screened', 'no_indicators', 'indicators_found', 'urgent']);
export type ScreeningResult = z.infer<typeof screeningResult>;

export const caseCreateInput = z.object({
  place: casePlace,
  vessel: vessel.optional(),
  screeningDate: isoDate,
  /** The first person, when known at creation. */
  person: personInput.optional(),
});
export type CaseCreateInput = z.input<typeof caseCreateInput>;

/**
 * Partial update guarded by the revision the editor saw (optimistic concurrency). The screening result
 * is not here: main computes it from the stored answers when an interview ends.
 */
export const caseUpdateInput = z.object({
  id: entityId,
  expectedRevision: z.number().int().min(1),
  place: casePlace.optional(),
  vessel: vessel.nullable().optional(),
  screeningDate: isoDate.optional(),
  officerAssessment: z.string().trim().normalize('NFC').max(20_000).nullable().optional(),
});
export type CaseUpdateInput = z.input<typeof caseUpdateInput>;

export const caseSetStatusInput = z.object({
  id: entityId,
  status: caseStatus,
  reason: z.string().trim().normalize('NFC').min(1).max(2000).optional(),
});
export type CaseSetStatusInput = z.input<typeof caseSetStatusInput>;

export const CASE_SORT_COLUMNS = [
  'reference',
  'screeningDate',
  'createdAt',
  'updatedAt',
  'status',
  'placeName',
  'screeningResult',
  'primaryPersonName',
  'nationality',
  'intervieweeLanguage',
  'officer',
] as const;
export const caseSortColumn = z.enum(CASE_SORT_COLUMNS);

export const caseListQuery = z.object({
  /** Words that must all appear in the reference, place, vessel or a person's name (any case). */
  search: z.string().trim().normalize('NFC').max(200).optional(),
  status: caseStatus.optional(),
  /** Exact place name, as offered by listPlaces. */
  place: z.string().trim().normalize('NFC').max(200).optional(),
  result: screeningResult.optional(),
  /** Inclusive range on the screening date. */
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  sort: z
    .object({ column: caseSortColumn, direction: z.enum(['asc', 'desc']) })
    .default({ column: 'updatedAt', direction: 'desc' }),
  ...pageParams,
});
export type CaseListQuery = z.input<typeof caseListQuery>;

export const caseSummary = z.object({
  id: entityId,
  reference: z.string(),
  status: caseStatus,
  placeKind,
  placeName: z.string(),
  vesselName: z.string().nullable(),
  primaryPersonName: z.string().nullable(),
  /** The first person's nationality as recorded (free text). */
  nationality: z.string().nullable(),
  /** The latest interview's interviewee language, else the first person's first language. */
  intervieweeLanguage: z.string().nullable(),
  /** Display name of the officer who opened the case. */
  officer: z.string().nullable(),
  screeningDate: isoDate,
  screeningResult,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  revision: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseListResult = z.object({ total: z.number().int(), rows: z.array(caseSummary) });
export type CaseListResult = z.infer<typeof caseListResult>;

export const caseDetail = caseSummary.extend({
  place: casePlace,
  vessel: vessel.nullable(),
  statusReason: z.string().nullable(),
  officerAssessment: z.string().nullable(),
  createdBy: z.string(),
  persons: z.array(person),
  interviews: z.array(interviewSummary),
  /** Consent per purpose from the interviews' answers (src/shared/domain/consent.ts). */
  consent: caseConsent,
});
export type CaseDetail = z.infer<typeof caseDetail>;
