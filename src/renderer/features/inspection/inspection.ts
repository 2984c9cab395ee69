import type { CaseListQuery, CasePlace, CaseSummary, Vessel } from '../../../shared/domain/cases';
import type { InterviewSetup } from '../interview/setup';

/**
 * An inspection: one place, vessel and day where a whole crew is screened. It is not a record of its
 * own: its crew are the cases with that place, vessel and date, and the pre-interview form is carried
 * from one crew member's interview to the next. Pure.
 */
export interface Inspection {
  place: CasePlace;
  vessel: Vessel | null;
  date: string;
}

/** The store query for an inspection's cases (place and date in SQL; the vessel is checked after). */
export function crewQuery(inspection: Inspection): CaseListQuery {
  return {
    place: inspection.place.name,
    dateFrom: inspection.date,
    dateTo: inspection.date,
    sort: { column: 'createdAt', direction: 'asc' },
    limit: 500,
  };
}

/** The cases of the inspection among those the query found: same vessel (or none for both). */
export function crewOf(inspection: Inspection, rows: readonly CaseSummary[]): CaseSummary[] {
  const vessel = inspection.vessel?.name?.trim() || null;
  return rows.filter((r) => (r.vesselName?.trim() || null) === vessel);
}

/**
 * The form for the next crew member: the team, interpreter and privacy checks as they were, but what is
 * the previous person's own (dialect, interviewer preference) starts blank.
 */
export function setupForNextPerson(setup: InterviewSetup): InterviewSetup {
  return { ...setup, dialect: '', preferred: 'no_preference' };
}

/** The case to open for a crew member. */
export function crewCaseInput(inspection: Inspection, name: string) {
  return {
    place: inspection.place,
    ...(inspection.vessel ? { vessel: inspection.vessel } : {}),
    screeningDate: inspection.date,
    person: { nameOrAlias: name.trim() },
  };
}
