import { AppError } from '../../shared/errors';
import type { Db, Statement } from '../db/driver';

/**
 * Which case an audit event belongs to, so its details can be sealed under that case's key.
 *
 * In order: `details.caseId` (notes, attachments, referrals, interview.start, person.create), the
 * entity itself when it is a case, else the case of the entity's row (person.update, answer.save and
 * interview.state name an interview or person but no case). Events of no case (sign-in, users,
 * settings, backups, key rotation) stay plain.
 */

/** Never sealed: the record of a deletion outlives the case key it destroyed (and holds no personal data). */
const PLAIN_ACTIONS: ReadonlySet<string> = new Set(['case.delete']);

/** Entity types whose rows carry a case; the SQL finds the case of one row by id. */
const CASE_OF_ENTITY: ReadonlyMap<string, string> = new Map([
  ['person', 'SELECT case_id FROM persons WHERE id = ?'],
  ['interview', 'SELECT case_id FROM interviews WHERE id = ?'],
  ['note', 'SELECT case_id FROM notes WHERE id = ?'],
  ['attachment', 'SELECT case_id FROM attachments WHERE id = ?'],
  ['referral', 'SELECT case_id FROM referrals WHERE id = ?'],
  ['follow_up', 'SELECT case_id FROM follow_ups WHERE id = ?'],
  ['answer', 'SELECT i.case_id FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE a.id = ?'],
]);

export interface CaseScopedEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  details?: unknown;
}

const lookups = new WeakMap<Db, Map<string, Statement<[string], string | undefined>>>();

function caseOfEntity(db: Db, entityType: string, sql: string, entityId: string): string | undefined {
  let byType = lookups.get(db);
  if (!byType) {
    byType = new Map();
    lookups.set(db, byType);
  }
  let stmt = byType.get(entityType);
  if (!stmt) {
    stmt = db.prepare<[string], string | undefined>(sql).pluck();
    byType.set(entityType, stmt);
  }
  return stmt.get(entityId);
}

function detailsCaseId(details: unknown): string | undefined {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const id = (details as Record<string, unknown>).caseId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** The case id whose key seals this event's details, or null for an event of no case. */
export function auditCaseId(db: Db, event: CaseScopedEvent): string | null {
  if (PLAIN_ACTIONS.has(event.action)) return null;
  const fromDetails = detailsCaseId(event.details);
  if (fromDetails) return fromDetails;
  const { entityType, entityId } = event;
  if (!entityType || !entityId) return null;
  if (entityType === 'case') return entityId;
  const sql = CASE_OF_ENTITY.get(entityType);
  if (!sql) return null;
  const caseId = caseOfEntity(db, entityType, sql, entityId);
  // A case record whose case cannot be found would be written in the clear: refuse instead.
  if (!caseId) throw new AppError('INTERNAL', { cause: new Error(`audit: no case for ${entityType}`) });
  return caseId;
}
