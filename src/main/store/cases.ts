import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CaseCreateInput,
  type CaseDetail,
  type CaseSetStatusInput,
  type CaseStatus,
  type CaseSummary,
  type CaseUpdateInput,
  canChangeStatus,
  caseCreateInput,
  caseSetStatusInput,
  caseUpdateInput,
  STATUSES_NEEDING_COMPLETED_INTERVIEW,
  STATUSES_NEEDING_REASON,
} from '../../shared/domain/cases';
import { entityId } from '../../shared/domain/common';
import { CONSENT_QUESTIONS, consentFromAnswers } from '../../shared/domain/consent';
import type { InterviewSummary } from '../../shared/domain/interviews';
import {
  type Person,
  type PersonInput,
  type PersonUpdateInput,
  personInput,
  personUpdateInput,
} from '../../shared/domain/persons';
import { AppError } from '../../shared/errors';
import type { Answers } from '../../shared/instrument/answers';
import type { Db } from '../db/driver';
import { refreshCaseSearchText } from '../db/search-text';
import { type AnswerValueRow, answersFromRows } from './answer-rows';
import { loadAttribution } from './attribution';
import { DERIVED_COLUMNS_SQL, type ListRow, summaryFromRow } from './case-list';
import { type InterviewRow, interviewFromRow } from './interview-rows';
import type { Session } from './session';
import { parseInput } from './validate';

export { listCases, listPlaces } from './case-list';

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  status_reason: string | null;
  place_kind: CaseSummary['placeKind'];
  place_name: string;
  place_province: string | null;
  vessel_name: string | null;
  vessel_registration: string | null;
  vessel_flag: string | null;
  screening_date: string;
  screening_result: CaseSummary['screeningResult'];
  officer_assessment: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  revision: number;
}

export interface PersonRow {
  id: string;
  case_id: string;
  name_or_alias: string;
  sex: Person['sex'];
  age_years: number | null;
  minor: Person['minor'];
  age_assessment: Person['ageAssessment'];
  nationality: string | null;
  languages_json: string;
  dialect: string | null;
  documents_location: Person['documentsLocation'];
  preferred_interviewer_gender: Person['preferredInterviewerGender'];
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Statuses after which the record is frozen (notes may still be added). */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'consent_withdrawn'];

/** Case reference shown to officers: FS-YYYYMMDD-XXXX (Crockford base32, no look-alike letters). */
export function newCaseReference(now: Date): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(4);
  let suffix = '';
  for (const b of bytes) suffix += alphabet[b % 32];
  return `FS-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${suffix}`;
}

export function loadCaseRow(db: Db, id: string): CaseRow {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Throws CONFLICT when the case is closed or consent was withdrawn. */
export function assertCaseOpen(row: CaseRow): void {
  if (FINAL_STATUSES.includes(row.status)) throw new AppError('CONFLICT');
}

/**
 * Marks a case as changed (list order "last change"). Case-field edits also bump the revision used for
 * optimistic concurrency; answers and notes do not, so an interview in progress never makes the case
 * editor's copy stale. Call in the same transaction as the change.
 */
export function touchCase(
  db: Db,
  caseId: string,
  userId: string,
  now: Date,
  options = { bumpRevision: true },
): void {
  db.prepare(
    `UPDATE cases SET updated_at = ?, updated_by = ?, revision = revision + ${options.bumpRevision ? 1 : 0} WHERE id = ?`,
  ).run(now.toISOString(), userId, caseId);
}

export function personFromRow(r: PersonRow): Person {
  return {
    id: r.id,
    caseId: r.case_id,
    nameOrAlias: r.name_or_alias,
    sex: r.sex,
    ageYears: r.age_years,
    minor: r.minor,
    ageAssessment: r.age_assessment,
    nationality: r.nationality,
    languages: JSON.parse(r.languages_json) as string[],
    dialect: r.dialect,
    documentsLocation: r.documents_location,
    preferredInterviewerGender: r.preferred_interviewer_gender,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A case row with the derived columns the list shows (see case-list.ts). */
type DetailRow = CaseRow &
  Pick<ListRow, 'primary_person_name' | 'nationality' | 'interviewee_language' | 'officer'>;

export function createCase(session: Session, input: CaseCreateInput): CaseDetail {
  const user = session.require('cases.write');
  const parsed = parseInput(caseCreateInput, input);
  const id = session.write((db, now) => {
    const caseId = randomUUID();
    const at = now.toISOString();
    const reference = uniqueReference(db, now);
    db.prepare(
      `INSERT INTO cases (id, reference, status, place_kind, place_name, place_province, vessel_name,
         vessel_registration, vessel_flag, screening_date, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      caseId,
      reference,
      parsed.place.kind,
      parsed.place.name,
      parsed.place.province ?? null,
      parsed.vessel?.name ?? null,
      parsed.vessel?.registration ?? null,
      parsed.vessel?.flag ?? null,
      parsed.screeningDate,
      at,
      user.id,
      at,
      user.id,
    );
    session.audit(db, now, {
      action: 'case.create',
      entityType: 'case',
      entityId: caseId,
      details: {
        new: {
          reference,
          place: parsed.place,
          vessel: parsed.vessel ?? null,
          screeningDate: parsed.screeningDate,
        },
      },
    });
    if (parsed.person) insertPerson(session, db, now, caseId, parsed.person);
    refreshCaseSearchText(db, caseId);
    return caseId;
  });
  return readCaseDetail(session, id);
}

function uniqueReference(db: Db, now: Date): string {
  for (let i = 0; i < 8; i++) {
    const ref = newCaseReference(now);
    if (!db.prepare('SELECT 1 FROM cases WHERE reference = ?').get(ref)) return ref;
  }
  throw new AppError('CONFLICT');
}

/** Opens a case: returns it with its people and interviews, and records the view in the audit log. */
export function getCase(session: Session, caseId: string): CaseDetail {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  session.write((db, now) => {
    loadCaseRow(db, id);
    session.audit(db, now, { action: 'case.view', entityType: 'case', entityId: id });
  });
  return readCaseDetail(session, id);
}

/** Reads a case without recording a view (after the caller's own change, which is audited). */
function readCaseDetail(session: Session, id: string): CaseDetail {
  return session.read((db) => {
    const row = db.prepare(`SELECT c.*, ${DERIVED_COLUMNS_SQL} FROM cases c WHERE c.id = ?`).get(id) as
      | DetailRow
      | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    const names = loadAttribution(db);
    const persons = (
      db.prepare('SELECT * FROM persons WHERE case_id = ? ORDER BY created_at, id').all(id) as PersonRow[]
    ).map(personFromRow);
    const interviews = (
      db
        .prepare('SELECT * FROM interviews WHERE case_id = ? ORDER BY started_at, id')
        .all(id) as InterviewRow[]
    ).map((r): InterviewSummary => interviewFromRow(r, names));
    return {
      ...summaryFromRow(row),
      place: {
        kind: row.place_kind,
        name: row.place_name,
        ...(row.place_province ? { province: row.place_province } : {}),
      },
      vessel: vesselFromRow(row),
      statusReason: row.status_reason,
      officerAssessment: row.officer_assessment,
      createdBy: names.name(row.created_by),
      persons,
      interviews,
      consent: consentFromAnswers(latestConsentAnswers(db, id)),
    };
  });
}

const CONSENT_QUESTION_IDS: string[] = Object.values(CONSENT_QUESTIONS).flat();

/** The consent questions' answers across the case's interviews; a later interview's answer wins. */
function latestConsentAnswers(db: Db, caseId: string): Answers {
  const rows = db
    .prepare(
      `SELECT a.question_id, a.value_json FROM answers a JOIN interviews i ON i.id = a.interview_id
       WHERE i.case_id = ? AND a.question_id IN (${CONSENT_QUESTION_IDS.map(() => '?').join(', ')})
       ORDER BY i.started_at, i.id`,
    )
    .all(caseId, ...CONSENT_QUESTION_IDS) as AnswerValueRow[];
  return answersFromRows(rows);
}

export function vesselFromRow(row: CaseRow): CaseDetail['vessel'] {
  if (row.vessel_name === null && row.vessel_registration === null && row.vessel_flag === null) return null;
  return {
    ...(row.vessel_name !== null ? { name: row.vessel_name } : {}),
    ...(row.vessel_registration !== null ? { registration: row.vessel_registration } : {}),
    ...(row.vessel_flag !== null ? { flag: row.vessel_flag } : {}),
  };
}

/** Changes case fields if the editor saw the latest revision; audits old and new values. */
export function updateCase(session: Session, input: CaseUpdateInput): CaseDetail {
  const user = session.require('cases.write');
  const parsed = parseInput(caseUpdateInput, input);
  session.write((db, now) => {
    const row = loadCaseRow(db, parsed.id);
    assertCaseOpen(row);
    if (row.revision !== parsed.expectedRevision) throw new AppError('CONFLICT');
    const next = {
      place_kind: parsed.place?.kind ?? row.place_kind,
      place_name: parsed.place?.name ?? row.place_name,
      place_province: parsed.place ? (parsed.place.province ?? null) : row.place_province,
      vessel_name: parsed.vessel === undefined ? row.vessel_name : (parsed.vessel?.name ?? null),
      vessel_registration:
        parsed.vessel === undefined ? row.vessel_registration : (parsed.vessel?.registration ?? null),
      vessel_flag: parsed.vessel === undefined ? row.vessel_flag : (parsed.vessel?.flag ?? null),
      screening_date: parsed.screeningDate ?? row.screening_date,
      officer_assessment:
        parsed.officerAssessment === undefined ? row.officer_assessment : parsed.officerAssessment,
    };
    const changed = changedFields(row as unknown as Record<string, unknown>, next);
    if (Object.keys(changed.new).length === 0) return;
    db.prepare(
      `UPDATE cases SET place_kind = ?, place_name = ?, place_province = ?, vessel_name = ?, vessel_registration = ?,
         vessel_flag = ?, screening_date = ?, officer_assessment = ?
       WHERE id = ?`,
    ).run(
      next.place_kind,
      next.place_name,
      next.place_province,
      next.vessel_name,
      next.vessel_registration,
      next.vessel_flag,
      next.screening_date,
      next.officer_assessment,
      row.id,
    );
    touchCase(db, row.id, user.id, now);
    refreshCaseSearchText(db, row.id);
    session.audit(db, now, { action: 'case.update', entityType: 'case', entityId: row.id, details: changed });
  });
  return readCaseDetail(session, parsed.id);
}

/** { old, new } with only the fields that differ. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { old: Record<string, unknown>; new: Record<string, unknown> } {
  const out = { old: {} as Record<string, unknown>, new: {} as Record<string, unknown> };
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) {
      out.old[k] = before[k] ?? null;
      out.new[k] = v ?? null;
    }
  }
  return out;
}

/**
 * draft -> screened -> referred -> closed, or consent_withdrawn from any open state (reason required);
 * "screened" only once an interview of the case has completed.
 */
/** Refused for want of a reason, said under the reason field. */
export function reasonRequired(): AppError {
  return new AppError('VALIDATION', { fields: [{ path: ['reason'], messageKey: 'errors.field.required' }] });
}

export function setCaseStatus(session: Session, input: CaseSetStatusInput): CaseDetail {
  const user = session.require('cases.write');
  const parsed = parseInput(caseSetStatusInput, input);
  session.write((db, now) => {
    const row = loadCaseRow(db, parsed.id);
    if (!canChangeStatus(row.status, parsed.status)) throw new AppError('CONFLICT');
    if (STATUSES_NEEDING_REASON.includes(parsed.status) && !parsed.reason) throw reasonRequired();
    if (
      STATUSES_NEEDING_COMPLETED_INTERVIEW.includes(parsed.status) &&
      !db.prepare("SELECT 1 FROM interviews WHERE case_id = ? AND state = 'completed'").get(row.id)
    ) {
      throw new AppError('CONFLICT', { messageKey: 'errors.screenedNeedsInterview' });
    }
    db.prepare('UPDATE cases SET status = ?, status_reason = ? WHERE id = ?').run(
      parsed.status,
      parsed.reason ?? null,
      row.id,
    );
    touchCase(db, row.id, user.id, now);
    session.audit(db, now, {
      action: 'case.status',
      entityType: 'case',
      entityId: row.id,
      details: { old: { status: row.status }, new: { status: parsed.status, reason: parsed.reason ?? null } },
    });
  });
  return readCaseDetail(session, parsed.id);
}

// ---- persons ----

function insertPerson(session: Session, db: Db, now: Date, caseId: string, input: PersonInput): string {
  const user = session.require('cases.write');
  const p = { ...parseInput(personInput, input), caseId };
  const id = randomUUID();
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO persons (id, case_id, name_or_alias, sex, age_years, minor, age_assessment, nationality,
       languages_json, dialect, documents_location, preferred_interviewer_gender, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    p.caseId,
    p.nameOrAlias,
    p.sex,
    p.ageYears,
    p.minor,
    p.ageAssessment,
    p.nationality ?? null,
    JSON.stringify(p.languages),
    p.dialect ?? null,
    p.documentsLocation,
    p.preferredInterviewerGender,
    at,
    user.id,
    at,
  );
  session.audit(db, now, {
    action: 'person.create',
    entityType: 'person',
    entityId: id,
    details: { caseId: p.caseId, new: p },
  });
  return id;
}

export function updatePerson(session: Session, input: PersonUpdateInput): Person {
  session.require('cases.write');
  const parsed = parseInput(personUpdateInput, input);
  session.write((db, now) => {
    const row = db.prepare('SELECT case_id FROM persons WHERE id = ?').get(parsed.id) as
      | Pick<PersonRow, 'case_id'>
      | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    assertCaseOpen(loadCaseRow(db, row.case_id));
    applyPersonUpdate(session, db, now, parsed);
  });
  return getPersonRow(session, parsed.id);
}

/**
 * Changes a person's fields in the caller's transaction, audited with the old and new values of the
 * fields that really changed (nothing when none did). `reason` is recorded too: main's own updates
 * from an interview say "automatic".
 */
export function applyPersonUpdate(
  session: Session,
  db: Db,
  now: Date,
  input: PersonUpdateInput,
  reason?: string,
): void {
  const user = session.require('cases.write');
  const parsed = parseInput(personUpdateInput, input);
  const row = db.prepare('SELECT * FROM persons WHERE id = ?').get(parsed.id) as PersonRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const before = personFromRow(row);
  const after: Person = {
    ...before,
    ...Object.fromEntries(Object.entries(parsed).filter(([k, v]) => k !== 'id' && v !== undefined)),
  };
  const changed = changedFields(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  if (Object.keys(changed.new).length === 0) return;
  db.prepare(
    `UPDATE persons SET name_or_alias = ?, sex = ?, age_years = ?, minor = ?, age_assessment = ?, nationality = ?,
       languages_json = ?, dialect = ?, documents_location = ?, preferred_interviewer_gender = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    after.nameOrAlias,
    after.sex,
    after.ageYears,
    after.minor,
    after.ageAssessment,
    after.nationality,
    JSON.stringify(after.languages),
    after.dialect,
    after.documentsLocation,
    after.preferredInterviewerGender,
    now.toISOString(),
    row.id,
  );
  touchCase(db, row.case_id, user.id, now);
  refreshCaseSearchText(db, row.case_id);
  session.audit(db, now, {
    action: 'person.update',
    entityType: 'person',
    entityId: row.id,
    details: reason ? { ...changed, reason } : changed,
  });
}

function getPersonRow(session: Session, id: string): Person {
  return session.read((db) => {
    const row = db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    return personFromRow(row);
  });
}
