import {
  type AuditEntry,
  type AuditQuery,
  type AuditVerifyResult,
  auditQuery,
} from '../../shared/domain/audit';
import { listAuditRows, verifyAuditChain } from '../audit/log';
import type { Session } from './session';
import { parseInput } from './validate';

/** Supervisors (or a recovery session) read the trail, newest first. */
export function listAudit(session: Session, query: AuditQuery = {}): AuditEntry[] {
  if (session.kind === 'user') session.require('audit.read');
  const q = parseInput(auditQuery, query);
  return session.read((db) => listAuditRows(db, q));
}

/** Recomputes the whole hash chain; reports the first row that does not check out. */
export function verifyAudit(session: Session): AuditVerifyResult {
  if (session.kind === 'user') session.require('audit.read');
  return session.read((db) => verifyAuditChain(db));
}
