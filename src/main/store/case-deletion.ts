import { z } from 'zod';
import type { AuditAction } from '../../shared/domain/audit';
import { entityId } from '../../shared/domain/common';
import type { Db } from '../db/driver';
import { deleteCaseKey } from './case-keys';
import { loadCaseRow } from './cases';
import type { Session } from './session';
import { parseInput } from './validate';

/**
 * Deleting a case for good (issue 6).
 *
 * What is gone afterwards: every row of the case in every table that references it (persons,
 * interviews, answers with their history, notes, follow-ups, attachments with their bytes, referrals,
 * the case row with its search text), and the case's key in case_keys. The connection runs with
 * `secure_delete = ON`, so SQLite overwrites the freed cells and pages with zeros, and the WAL is
 * checkpointed and truncated right after the commit, so no older copy of those pages stays in
 * `fieldscreen.db-wal`. tests/unit/case-deletion.test.ts decrypts every page of the file to check this.
 *
 * The audit trail is append-only and hash-chained, so the rows recorded while the case lived stay.
 * Their details (names, answers in the person's words, notes, place, vessel, file names…) are sealed
 * under the case key (src/main/audit/log.ts): with the key gone they cannot be read by anyone, the
 * database key holder included, and read back as `{ erased: true }`. The chain covers the sealed text,
 * so it still verifies. The `case.delete` row itself is not sealed and holds no personal data.
 *
 * Known limitation: audit rows written before schema version 3 (migration 0003) were stored in plain
 * form and cannot be rewritten. For a case that already had such rows, those rows keep their personal
 * data after the deletion; the `case.delete` row counts them (`plainAuditRowsKept`).
 */

/** Not yet in the shared AUDIT_ACTIONS list (src/shared/domain/audit.ts); the store does not check. */
const CASE_DELETE_ACTION: AuditAction = 'case.delete';

export const caseDeleteInput = z.object({
  caseId: entityId,
  /** Why the case is deleted; recorded in the audit trail. Should name no one. */
  reason: z.string().trim().min(1).max(2000),
});
export type CaseDeleteInput = z.input<typeof caseDeleteInput>;

export interface CaseRecordIds {
  persons: string[];
  interviews: string[];
  answers: string[];
  notes: string[];
  attachments: string[];
  referrals: string[];
  followUps: string[];
}

/** The ids of every record that belongs to a case (its audit events carry these as entity ids). */
export function caseRecordIds(db: Db, caseId: string): CaseRecordIds {
  const ids = (sql: string) => db.prepare(sql).pluck().all(caseId) as string[];
  return {
    persons: ids('SELECT id FROM persons WHERE case_id = ? ORDER BY created_at, id'),
    interviews: ids('SELECT id FROM interviews WHERE case_id = ? ORDER BY started_at, id'),
    answers: ids(
      'SELECT a.id FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE i.case_id = ? ORDER BY a.id',
    ),
    notes: ids('SELECT id FROM notes WHERE case_id = ? ORDER BY created_at, id'),
    attachments: ids('SELECT id FROM attachments WHERE case_id = ? ORDER BY created_at, id'),
    referrals: ids('SELECT id FROM referrals WHERE case_id = ? ORDER BY created_at, id'),
    followUps: ids('SELECT id FROM follow_ups WHERE case_id = ? ORDER BY created_at, id'),
  };
}

/**
 * The entity ids the case's audit events carry, the case's first: the case and each of its records
 * (answers are audited under their interview). The case timeline and the handover appendix read these.
 */
export function caseAuditEntityIds(db: Db, caseId: string): string[] {
  const ids = caseRecordIds(db, caseId);
  return [
    caseId,
    ...ids.persons,
    ...ids.interviews,
    ...ids.notes,
    ...ids.attachments,
    ...ids.referrals,
    ...ids.followUps,
  ];
}

/**
 * Children before parents, because foreign keys are enforced: a table added later that references a
 * case and is missing here makes the final DELETE of the case fail, and the whole deletion rolls back
 * instead of leaving that table's rows behind.
 */
const DELETE_STATEMENTS = [
  `DELETE FROM answer_history WHERE answer_id IN
     (SELECT a.id FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE i.case_id = ?)`,
  'DELETE FROM answers WHERE interview_id IN (SELECT id FROM interviews WHERE case_id = ?)',
  'DELETE FROM notes WHERE case_id = ?',
  'DELETE FROM follow_ups WHERE case_id = ?',
  'DELETE FROM handovers WHERE case_id = ?',
  'DELETE FROM referrals WHERE case_id = ?',
  'DELETE FROM attachments WHERE case_id = ?',
  'DELETE FROM interviews WHERE case_id = ?',
  'DELETE FROM persons WHERE case_id = ?',
  'DELETE FROM cases WHERE id = ?',
] as const;

export interface CaseDeleteResult {
  reference: string;
  /** False when another connection kept the WAL from being checkpointed (it is truncated at close). */
  checkpointed: boolean;
}

/**
 * The case's audit rows stored in plain form (written before migration 0003): deletion cannot shred
 * them. Found the way the case timeline finds a case's events, by the entity ids of its records.
 */
function plainAuditRows(db: Db, caseId: string, ids: CaseRecordIds): number {
  const count = db
    .prepare<[string], number>(
      `SELECT count(*) FROM audit_log WHERE entity_id = ?
         AND (json_valid(details_json) = 0 OR json_extract(details_json, '$.enc') IS NOT 'v1')`,
    )
    .pluck();
  const entityIds = [caseId, ...Object.values(ids).flat()];
  return entityIds.reduce((n, id) => n + (count.get(id) ?? 0), 0);
}

/**
 * Deletes a case, all its records and its key in one transaction, audited as `case.delete` with the
 * reason, the case reference and how many records went (no personal data). Supervisors only.
 */
export function deleteCase(session: Session, input: CaseDeleteInput): CaseDeleteResult {
  session.require('cases.delete');
  const p = parseInput(caseDeleteInput, input);
  const reference = session.write((db, now) => {
    const row = loadCaseRow(db, p.caseId);
    const ids = caseRecordIds(db, row.id);
    const history = db
      .prepare(
        `SELECT count(*) FROM answer_history h JOIN answers a ON a.id = h.answer_id
           JOIN interviews i ON i.id = a.interview_id WHERE i.case_id = ?`,
      )
      .pluck()
      .get(row.id) as number;
    const plainKept = plainAuditRows(db, row.id, ids);
    for (const sql of DELETE_STATEMENTS) db.prepare(sql).run(row.id);
    // Shreds every sealed audit detail of the case. Never sealed itself: see PLAIN_ACTIONS in case-scope.ts.
    deleteCaseKey(db, row.id);
    session.audit(db, now, {
      action: CASE_DELETE_ACTION,
      entityType: 'case',
      entityId: row.id,
      details: {
        reference: row.reference,
        reason: p.reason,
        deleted: {
          persons: ids.persons.length,
          interviews: ids.interviews.length,
          answers: ids.answers.length,
          answerHistory: history,
          notes: ids.notes.length,
          attachments: ids.attachments.length,
          referrals: ids.referrals.length,
          followUps: ids.followUps.length,
        },
        plainAuditRowsKept: plainKept,
      },
    });
    return row.reference;
  });
  return { reference, checkpointed: checkpoint(session) };
}

/** Moves the committed pages into the main file and truncates the WAL, so no old page copy stays there. */
function checkpoint(session: Session): boolean {
  const result = session.read((db) => db.pragma('wal_checkpoint(TRUNCATE)')) as {
    busy: number;
  }[];
  return result[0]?.busy === 0;
}
