import { z } from 'zod';
import { entityId, isoDateTime } from './common';

export const noteBody = z.string().trim().normalize('NFC').min(1).max(20_000);

export const noteCreateInput = z.object({
  caseId: entityId,
  interviewId: entityId.optional(),
  body: noteBody,
});
export type NoteCreateInput = z.input<typeof noteCreateInput>;

export const note = z.object({
  id: entityId,
  caseId: entityId,
  interviewId: entityId.nullable(),
  body: z.string(),
  /** The author's username (or, imported, the name the case document gave). */
  authorId: z.string(),
  /** Who exported the case document this note was imported from; null for notes written here. */
  importedFrom: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Note = z.infer<typeof note>;
