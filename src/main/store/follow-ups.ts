import { randomUUID } from 'node:crypto';
import { entityId } from '../../shared/domain/common';
import {
  type FollowUp,
  type FollowUpAddInput,
  type FollowUpSetDoneInput,
  followUpAddInput,
  followUpSetDoneInput,
} from '../../shared/domain/follow-ups';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { loadAttribution } from './attribution';
import { type CaseRow, FINAL_STATUSES, loadCaseRow, touchCase } from './cases';
import type { Session } from './session';
import { parseInput } from './validate';

/**
 * Follow-up tasks with due dates, set by officers on a case (issue 6, item 4). Reading needs
 * 'cases.read', every change 'cases.write'; a closed case (or one whose consent was withdrawn) is
 * frozen like its files. Every change is audited with the case id in its details, so the audit layer
 * seals it under the case key and deleting the case shreds it.
 */

export interface FollowUpRow {
  id: string;
  case_id: string;
  what: string;
  due_on: string;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
  created_by: string;
}

/** A stored row as the app shows it; `name` turns a stored user id into how this caller names people. */
export function followUpFromRow(r: FollowUpRow, name: (stored: string) => string): FollowUp {
  return {
    id: r.id,
    caseId: r.case_id,
    what: r.what,
    dueOn: r.due_on,
    doneAt: r.done_at,
    doneBy: r.done_by === null ? null : name(r.done_by),
    createdAt: r.created_at,
    createdBy: name(r.created_by),
  };
}

function readFollowUp(db: Db, id: string): FollowUp {
  const row = db.prepare('SELECT * FROM follow_ups WHERE id = ?').get(id) as FollowUpRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const names = loadAttribution(db);
  return followUpFromRow(row, (s) => names.name(s));
}

/** Same rule as assertCaseOpen, with a message that says why rather than "changed elsewhere". */
function assertOpenForFollowUps(row: CaseRow): void {
  if (FINAL_STATUSES.includes(row.status)) {
    throw new AppError('CONFLICT', { messageKey: 'errors.followUpsCaseClosed' });
  }
}

/** Open ones first, soonest due first; then the done ones, most recently done first. */
export function listFollowUps(session: Session, caseId: string): FollowUp[] {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  return session.read((db) => {
    loadCaseRow(db, id);
    const names = loadAttribution(db);
    return (
      db
        .prepare(
          `SELECT * FROM follow_ups WHERE case_id = ?
           ORDER BY done_at IS NOT NULL, CASE WHEN done_at IS NULL THEN due_on END, done_at DESC, created_at, id`,
        )
        .all(id) as FollowUpRow[]
    ).map((r) => followUpFromRow(r, (s) => names.name(s)));
  });
}

export function addFollowUp(session: Session, input: FollowUpAddInput): FollowUp {
  const user = session.require('cases.write');
  const p = parseInput(followUpAddInput, input);
  const id = session.write((db, now) => {
    assertOpenForFollowUps(loadCaseRow(db, p.caseId));
    const followUpId = randomUUID();
    db.prepare(
      `INSERT INTO follow_ups (id, case_id, what, due_on, done_at, done_by, created_at, created_by)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`,
    ).run(followUpId, p.caseId, p.what, p.dueOn, now.toISOString(), user.id);
    touchCase(db, p.caseId, user.id, now, { bumpRevision: false });
    session.audit(db, now, {
      action: 'followup.add',
      entityType: 'follow_up',
      entityId: followUpId,
      details: { caseId: p.caseId, what: p.what, dueOn: p.dueOn },
    });
    return followUpId;
  });
  return session.read((db) => readFollowUp(db, id));
}

/** Marks a follow-up done, or reopens it. Asking for the state it is already in changes nothing. */
export function setFollowUpDone(session: Session, input: FollowUpSetDoneInput): FollowUp {
  const user = session.require('cases.write');
  const p = parseInput(followUpSetDoneInput, input);
  session.write((db, now) => {
    const row = db.prepare('SELECT * FROM follow_ups WHERE id = ?').get(p.id) as FollowUpRow | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    assertOpenForFollowUps(loadCaseRow(db, row.case_id));
    if ((row.done_at !== null) === p.done) return;
    const at = now.toISOString();
    db.prepare('UPDATE follow_ups SET done_at = ?, done_by = ? WHERE id = ?').run(
      p.done ? at : null,
      p.done ? user.id : null,
      row.id,
    );
    touchCase(db, row.case_id, user.id, now, { bumpRevision: false });
    const task = { caseId: row.case_id, what: row.what, dueOn: row.due_on };
    session.audit(db, now, {
      action: p.done ? 'followup.done' : 'followup.reopen',
      entityType: 'follow_up',
      entityId: row.id,
      details: p.done ? task : { ...task, old: { doneAt: row.done_at, doneBy: row.done_by } },
    });
  });
  return session.read((db) => readFollowUp(db, p.id));
}
