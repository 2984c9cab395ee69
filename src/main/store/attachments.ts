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

export interface AttachmentRow {
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

export function attachmentFromRow(r: AttachmentRow, name: (s: string) => string): AttachmentSummary {
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
    return attachmentFromRow(
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
    ).map((r) => attachmentFromRow(r, (s) => names.name(s)));
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
    return { summary: attachmentFromRow(row, (s) => names.name(s)), content: new Uint8Array(row.content) };
  });
}

/** Where a copy goes: a save dialog in the desktop app, a folder in the preview and tests. */
export interface AttachmentCopyTarget {
  /** Writes the bytes and returns the saved file's name, or null when the user cancelled. */
  write(suggestedFileName: string, bytes: Buffer): Promise<string | null>;
}

/**
 * The stored name made safe to suggest in a save dialog or a folder: no directory parts, no characters
 * Windows refuses, no control characters. Letters of every script stay (Thai, Burmese file names).
 */
export function suggestedCopyName(fileName: string): string {
  const cleaned = fileName
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned || 'attachment';
}

/**
 * Saves a copy of an attachment where the user chooses (the only place its plaintext is ever written
 * to disk). Reading the bytes is audited as a view; a copy actually written is audited as
 * 'attachment.export' with the name it was saved under. Returns that name, or null when cancelled.
 *
 * The copy is written first and recorded after (as referral exports are): if the record fails (say
 * the session locked while a save dialog stayed open), the call reports the error although the file
 * exists; the view of its bytes is on record either way.
 */
export async function saveAttachmentCopy(
  session: Session,
  attachmentId: string,
  target: AttachmentCopyTarget,
): Promise<string | null> {
  session.require('cases.export');
  const { summary, content } = getAttachmentContent(session, attachmentId);
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  let saved: string | null;
  try {
    saved = await target.write(suggestedCopyName(summary.fileName), bytes);
  } finally {
    // The plaintext is not kept in memory longer than the write needs it.
    bytes.fill(0);
  }
  if (saved === null) return null;
  const fileName = saved;
  session.write((db, now) =>
    session.audit(db, now, {
      action: 'attachment.export',
      entityType: 'attachment',
      entityId: summary.id,
      details: { caseId: summary.caseId, fileName, size: summary.size, sha256: summary.sha256 },
    }),
  );
  return fileName;
}

/** Media types the case page shows inline as a picture. */
export const VIEWABLE_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
export type ViewableImageType = (typeof VIEWABLE_IMAGE_TYPES)[number];

/** What the first bytes of a JPEG or PNG file must be: a stored media type is only the uploader's claim. */
const IMAGE_SIGNATURES: Record<ViewableImageType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

function viewableType(mediaType: string): ViewableImageType | null {
  const t = mediaType.toLowerCase();
  return (VIEWABLE_IMAGE_TYPES as readonly string[]).includes(t) ? (t as ViewableImageType) : null;
}

/** True when the case page may show this attachment as a picture (by its stored media type). */
export function isViewableImage(mediaType: string): boolean {
  return viewableType(mediaType) !== null;
}

/**
 * A JPEG or PNG attachment, base64 for the page to show (audited as a view); the bytes read are wiped
 * once encoded. Anything else, or a file whose bytes are not what its media type claims, is refused
 * before anything is read or recorded.
 */
export function getAttachmentImage(
  session: Session,
  attachmentId: string,
): { mediaType: ViewableImageType; contentBase64: string } {
  session.require('cases.read');
  const id = parseInput(entityId, attachmentId);
  const head = session.read(
    (db) =>
      db.prepare('SELECT media_type, substr(content, 1, 8) AS head FROM attachments WHERE id = ?').get(id) as
        | { media_type: string; head: Buffer }
        | undefined,
  );
  if (!head) throw new AppError('NOT_FOUND');
  const type = viewableType(head.media_type);
  const signature = type ? IMAGE_SIGNATURES[type] : null;
  if (!type || !signature || !Buffer.from(head.head).subarray(0, signature.length).equals(signature)) {
    throw new AppError('VALIDATION', { messageKey: 'errors.attachmentNotViewable' });
  }
  const { content } = getAttachmentContent(session, id);
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const contentBase64 = bytes.toString('base64');
  bytes.fill(0);
  return { mediaType: type, contentBase64 };
}
