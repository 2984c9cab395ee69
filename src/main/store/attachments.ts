import { createHash, randomUUID } from 'node:crypto';
import {
  type AttachmentAddInput,
  type AttachmentSummary,
  attachmentAddInput,
} from '../../shared/domain/attachments';
import { entityId } from '../../shared/domain/common';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { loadAttribution } from './attribution';
import { assertCaseOpen, loadCaseRow, touchCase } from './cases';
import type { Session } from './session';
import { parseInput } from './validate';

interface AttachmentRow {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}

const SUMMARY_COLUMNS = 'id, case_id, file_name, media_type, size, sha256, created_at, created_by';

function summaryFromRow(r: AttachmentRow, name: (s: string) => string): AttachmentSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: name(r.created_by),
  };
}

/** Inserts an attachment row inside the caller's transaction (also used by referrals and imports). */
export function insertAttachment(
  session: Session,
  db: Db,
  now: Date,
  input: {
    id?: string;
    caseId: string;
    fileName: string;
    mediaType: string;
    content: Uint8Array;
    createdBy?: string;
    createdAt?: string;
  },
): string {
  const user = session.requireUser();
  const id = input.id ?? randomUUID();
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  const sha256 = createHash('sha256').update(content).digest('hex');
  db.prepare(
    `INSERT INTO attachments (id, case_id, file_name, media_type, size, sha256, content, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.caseId,
    input.fileName,
    input.mediaType,
    content.byteLength,
    sha256,
    content,
    input.createdAt ?? now.toISOString(),
    input.createdBy ?? user.id,
  );
  session.audit(db, now, {
    action: 'attachment.add',
    entityType: 'attachment',
    entityId: id,
    details: {
      caseId: input.caseId,
      new: { fileName: input.fileName, mediaType: input.mediaType, size: content.byteLength, sha256 },
    },
  });
  return id;
}

/** Stores a file inside the encrypted database (never as a separate file on disk). */
export function addAttachment(session: Session, input: AttachmentAddInput): AttachmentSummary {
  const user = session.require('cases.write');
  const p = parseInput(attachmentAddInput, input);
  const id = session.write((db, now) => {
    assertCaseOpen(loadCaseRow(db, p.caseId));
    const attachmentId = insertAttachment(session, db, now, p);
    touchCase(db, p.caseId, user.id, now, { bumpRevision: false });
    return attachmentId;
  });
  return session.read((db) => {
    const names = loadAttribution(db);
    return summaryFromRow(
      db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM attachments WHERE id = ?`).get(id) as AttachmentRow,
      (s) => names.name(s),
    );
  });
}

export function listAttachments(session: Session, caseId: string): AttachmentSummary[] {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  return session.read((db) => {
    const names = loadAttribution(db);
    return (
      db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM attachments WHERE case_id = ? ORDER BY created_at, id`)
        .all(id) as AttachmentRow[]
    ).map((r) => summaryFromRow(r, (s) => names.name(s)));
  });
}

/** The file's bytes; audited as a view. */
export function getAttachmentContent(
  session: Session,
  attachmentId: string,
): { summary: AttachmentSummary; content: Uint8Array } {
  session.require('cases.read');
  const id = parseInput(entityId, attachmentId);
  return session.write((db, now) => {
    const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as
      | (AttachmentRow & { content: Buffer })
      | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    session.audit(db, now, {
      action: 'attachment.view',
      entityType: 'attachment',
      entityId: id,
      details: { caseId: row.case_id },
    });
    const names = loadAttribution(db);
    return { summary: summaryFromRow(row, (s) => names.name(s)), content: new Uint8Array(row.content) };
  });
}
