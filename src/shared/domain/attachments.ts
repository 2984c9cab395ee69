import { z } from 'zod';
import { bytes, entityId, isoDateTime, requiredText, sha256Hex } from './common';

/** Attachments live encrypted inside the database; keep them modest (photos of documents, signed PDFs). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * Largest file a person brings into a case: added on the case page, or inside an imported case
 * document. Smaller than the store's own limit because the bytes travel as base64 (a third larger)
 * and the preview server caps request bodies at 32 MiB.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Characters of base64 that encode at most `bytes` bytes. */
export const base64LengthFor = (bytes: number) => Math.ceil(bytes / 3) * 4;

export const mediaType = z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, 'media type');

export const attachmentAddInput = z.object({
  caseId: entityId,
  fileName: requiredText(255),
  mediaType,
  content: bytes
    .refine((b) => b.byteLength > 0, { message: 'empty file' })
    .refine((b) => b.byteLength <= MAX_ATTACHMENT_BYTES, { message: 'attachment too large' }),
});
export type AttachmentAddInput = z.input<typeof attachmentAddInput>;

export const attachmentSummary = z.object({
  id: entityId,
  caseId: entityId,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: sha256Hex,
  createdAt: isoDateTime,
  createdBy: z.string(),
});
export type AttachmentSummary = z.infer<typeof attachmentSummary>;
