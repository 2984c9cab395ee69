import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/cases';
import { can } from '../../shared/domain/permissions';
import { readSchemaVersion } from '../db/migrations';
import type { Session } from './session';

export interface StoreSummary {
  schemaVersion: number;
  /** Null for a role that may not read cases. */
  cases: { total: number; byStatus: Record<CaseStatus, number> } | null;
}

/** What a diagnostic report may say about the open store: its schema version and case counts, no content. */
export function storeSummary(session: Session): StoreSummary {
  return session.read((db) => {
    const schemaVersion = readSchemaVersion(db);
    if (!session.user || !can(session.user.role, 'cases.read')) return { schemaVersion, cases: null };
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    const rows = db.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status').all() as {
      status: CaseStatus;
      n: number;
    }[];
    for (const r of rows) if (r.status in byStatus) byStatus[r.status] = r.n;
    return { schemaVersion, cases: { total: rows.reduce((sum, r) => sum + r.n, 0), byStatus } };
  });
}
