import { z } from 'zod';
import { entityId, isoDateTime } from './common';

export const noteBody = z.string().trim().normalize('NFC').min(1).max(20_000);

export const noteCreateInput = z.object({
  caseId: entityId,
  interviewId: entityId.optional(),
  body: noteBody,
});
export type NoteCreateInput = z.input<typeof noteCreateInput>;

export const noteUpdateInput = z.object({ id: entityId, body: noteBody });
export type NoteUpdateInput = z.input<typeof noteUpdateInput>;

export const note = z.object({
  id: entityId,
  caseId: entityId,
  interviewId: entityId.nullable(),
  body: z.string(),
  authorId: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Note = z.infer<typeof note>;
