import { randomUUID } from 'node:crypto';
import { entityId } from '../../shared/domain/common';
import { type Note, type NoteCreateInput, noteCreateInput } from '../../shared/domain/notes';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { type Attribution, loadAttribution } from './attribution';
import { loadCaseRow, touchCase } from './cases';
import type { Session } from './session';
import { parseInput } from './validate';

export interface NoteRow {
  id: string;
  case_id: string;
  interview_id: string | null;
  body: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

export function noteFromRow(r: NoteRow, names: Attribution): Note {
  return {
    id: r.id,
    caseId: r.case_id,
    interviewId: r.interview_id,
    body: r.body,
    authorId: names.name(r.author_id),
    importedFrom: names.importedFrom(r.author_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function readNote(db: Db, id: string): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const names = loadAttribution(db);
  return noteFromRow(row, names);
}

/** Notes may be added to any case, also a closed one (e.g. what happened after consent was withdrawn). */
export function addNote(session: Session, input: NoteCreateInput): Note {
  const user = session.require('cases.write');
  const p = parseInput(noteCreateInput, input);
  const id = session.write((db, now) => {
    loadCaseRow(db, p.caseId);
    if (p.interviewId) {
      const owner = db.prepare('SELECT case_id FROM interviews WHERE id = ?').pluck().get(p.interviewId);
      if (owner !== p.caseId) throw new AppError('NOT_FOUND');
    }
    const noteId = randomUUID();
    const at = now.toISOString();
    db.prepare(
      'INSERT INTO notes (id, case_id, interview_id, body, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(noteId, p.caseId, p.interviewId ?? null, p.body, user.id, at, at);
    touchCase(db, p.caseId, user.id, now, { bumpRevision: false });
    session.audit(db, now, {
      action: 'note.create',
      entityType: 'note',
      entityId: noteId,
      details: { caseId: p.caseId, new: { body: p.body } },
    });
    return noteId;
  });
  return session.read((db) => readNote(db, id));
}

export function listNotes(session: Session, caseId: string): Note[] {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  return session.read((db) => {
    const names = loadAttribution(db);
    return (
      db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY created_at, id').all(id) as NoteRow[]
    ).map((r) => noteFromRow(r, names));
  });
}
