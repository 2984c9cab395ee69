import type { AuditEntry } from '../../shared/domain/audit';
import { caseStatus } from '../../shared/domain/cases';
import { isoDate } from '../../shared/domain/common';
import type { TimelineEntry } from '../../shared/ipc/channels/casework';
import { listAuditRows } from '../audit/log';
import { loadAttribution } from './attribution';
import { caseAuditEntityIds } from './case-deletion';
import { loadCaseRow } from './cases';
import { listReferrals } from './referrals';
import type { Session } from './session';
import { readSettings } from './settings';

/**
 * What happened to a case, read from its audit trail and referrals: the case page's timeline and the
 * dates its follow-up counters start from.
 */

/** Follow-up events show their task and due day: the follow-ups panel shows both anyway (never edited). */
const FOLLOW_UP_ACTIONS = new Set(['followup.add', 'followup.done', 'followup.reopen']);

/** Audit actions that happen often and say little on their own; the timeline hides them unless asked. */
const ROUTINE_ACTIONS = new Set(['case.view', 'attachment.view', 'answer.save']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function field(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, Json>)[key];
  }
  return v;
}

/** Keeps only what the case page shows anyway; the audit details themselves never leave main here. */
function toTimelineEntry(entry: AuditEntry, actorName: (id: string) => string): TimelineEntry {
  const out: TimelineEntry = {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actor:
      entry.actorKind === 'user' && entry.actorId
        ? actorName(entry.actorId)
        : entry.actorKind === 'recovery'
          ? 'recovery'
          : null,
  };
  if (entry.action === 'case.status') {
    const from = caseStatus.safeParse(field(entry.details, 'old', 'status'));
    const to = caseStatus.safeParse(field(entry.details, 'new', 'status'));
    const reason = field(entry.details, 'new', 'reason');
    if (from.success && to.success) {
      out.statusChange = { from: from.data, to: to.data, reason: typeof reason === 'string' ? reason : null };
    }
  }
  if (entry.action === 'interview.state') {
    const from = field(entry.details, 'old', 'state');
    const to = field(entry.details, 'new', 'state');
    if (typeof from === 'string' && typeof to === 'string') out.interviewState = { from, to };
  }
  if (FOLLOW_UP_ACTIONS.has(entry.action)) {
    const what = field(entry.details, 'what');
    const dueOn = isoDate.safeParse(field(entry.details, 'dueOn'));
    if (typeof what === 'string' && dueOn.success)
      out.followUp = { what: what.slice(0, 500), dueOn: dueOn.data };
  }
  if (entry.action === 'attachment.add' || entry.action === 'attachment.export') {
    const name = field(entry.details, 'new', 'fileName') ?? field(entry.details, 'fileName');
    if (typeof name === 'string') out.fileName = name.slice(0, 1000);
  }
  if (entry.action === 'case.update' || entry.action === 'person.update') {
    const changed = field(entry.details, 'new');
    if (changed && typeof changed === 'object' && !Array.isArray(changed)) {
      out.changedFields = Object.keys(changed).slice(0, 50);
    }
  }
  return out;
}

/**
 * The case-scoped slice of the audit trail: events whose entity is the case or one of its records
 * (people, interviews, notes, attachments, referrals, follow-ups). Needs only 'cases.read'.
 */
export function caseTimeline(
  session: Session,
  query: { caseId: string; includeRoutine: boolean; limit: number },
): TimelineEntry[] {
  session.require('cases.read');
  return session.read((db) => {
    const row = loadCaseRow(db, query.caseId);
    const entries = caseAuditEntityIds(db, row.id)
      .flatMap((entityId) => listAuditRows(db, { entityId, limit: 5000 }))
      .filter((e) => query.includeRoutine || !ROUTINE_ACTIONS.has(e.action))
      .sort((a, b) => b.seq - a.seq)
      .slice(0, query.limit);
    const names = loadAttribution(db);
    return entries.map((e) => toTimelineEntry(e, (id) => names.name(id)));
  });
}

/**
 * When the follow-up periods start: the day the receiving agency says it received the case (the first
 * imported handover receipt), else the first signed referral, else the first change of the status to
 * "referred".
 */
export function referredAt(
  session: Session,
  caseId: string,
): { at: string; source: 'received' | 'referral' | 'status' } | null {
  const receipt = session.read(
    (db) =>
      db
        .prepare(
          "SELECT min(receipt_at) FROM handovers WHERE case_id = ? AND direction = 'sent' AND receipt_json IS NOT NULL",
        )
        .pluck()
        .get(caseId) as string | null,
  );
  if (receipt) return { at: receipt, source: 'received' };
  const signed = listReferrals(session, caseId)
    .map((r) => r.signedAt)
    .sort()[0];
  if (signed) return { at: signed, source: 'referral' };
  const changes = session.read((db) =>
    listAuditRows(db, { entityId: caseId, action: 'case.status', limit: 1000 }),
  );
  const first = changes
    .filter((e) => field(e.details, 'new', 'status') === 'referred')
    .sort((a, b) => a.seq - b.seq)[0];
  return first ? { at: first.at, source: 'status' } : null;
}

/** The follow-up counters of a case: since when (the referral date, and what it comes from) and the periods. */
export function followUpCounters(session: Session, caseId: string) {
  session.require('cases.read');
  session.read((db) => loadCaseRow(db, caseId));
  const referred = referredAt(session, caseId);
  return {
    referredAt: referred?.at ?? null,
    source: referred?.source ?? null,
    days: session.read((db) => readSettings(db).followUpDays),
  };
}
