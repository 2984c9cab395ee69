import { z } from 'zod';
import {
  attachmentSummary,
  base64LengthFor,
  MAX_ATTACHMENT_BYTES,
  MAX_UPLOAD_BYTES,
  mediaType,
} from '../../domain/attachments';
import { caseStatus } from '../../domain/cases';
import { entityId, isoDate, isoDateTime, requiredText } from '../../domain/common';
import { followUp, followUpDueOn, followUpText } from '../../domain/follow-ups';
import { note, noteBody } from '../../domain/notes';
import { followUpDays } from '../../domain/settings';
import { channel } from '../channel';

const maxBase64Length = base64LengthFor(MAX_UPLOAD_BYTES);
/** A stored attachment can be larger than an upload (signed referral PDFs are added in main). */
const maxStoredBase64Length = base64LengthFor(MAX_ATTACHMENT_BYTES);

/** Pictures the case page shows inline (main checks the bytes, not only the stored media type). */
export const viewableImageType = z.enum(['image/jpeg', 'image/png']);
export type ViewableImageType = z.infer<typeof viewableImageType>;

/**
 * One event of a case's history as shown on the case page: what happened, when and by whom, and only
 * facts the case page shows anyway (status and its reason, interview state, names of changed fields).
 * Never the audit row's details as such: those hold answers, names and note texts.
 */
export const timelineEntry = z.strictObject({
  seq: z.number().int().min(1),
  at: isoDateTime,
  action: z.string().max(64),
  /** Username of whoever did it; 'recovery' for the recovery key; null for the system. */
  actor: z.string().nullable(),
  statusChange: z
    .strictObject({ from: caseStatus, to: caseStatus, reason: z.string().nullable() })
    .optional(),
  interviewState: z.strictObject({ from: z.string().max(32), to: z.string().max(32) }).optional(),
  changedFields: z.array(z.string().max(64)).max(50).optional(),
  /** Follow-up events: the task and its due day, as the follow-ups panel shows them. */
  followUp: z.strictObject({ what: z.string().max(500), dueOn: isoDate }).optional(),
  /** File events: the file's name (for a saved copy, the name it was saved under). */
  fileName: z.string().max(1000).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const caseworkChannels = {
  /**
   * The history of one case, newest first, for anyone who may read the case (the full audit trail is
   * for supervisors only). Views and single saved answers are left out unless asked for.
   */
  'casework.timeline': channel(
    'signedIn',
    z.strictObject({
      caseId: entityId,
      includeRoutine: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(300),
    }),
    z.array(timelineEntry),
  ),
  'casework.notes.list': channel('signedIn', z.strictObject({ caseId: entityId }), z.array(note)),
  'casework.notes.add': channel('signedIn', z.strictObject({ caseId: entityId, body: noteBody }), note),
  'casework.attachments.list': channel(
    'signedIn',
    z.strictObject({ caseId: entityId }),
    z.array(attachmentSummary),
  ),
  /** A file the user picked, read in the renderer; stored encrypted inside the database. */
  'casework.attachments.add': channel(
    'signedIn',
    z.strictObject({
      caseId: entityId,
      fileName: requiredText(255),
      mediaType: mediaType.max(255),
      contentBase64: z.base64().max(maxBase64Length),
    }),
    attachmentSummary,
  ),
  /**
   * Saves a copy of a file where the user chooses (a save dialog in the desktop app, the export folder
   * in the preview). fileName is the name it was saved under, or null when the user cancelled.
   */
  'casework.attachments.save': channel(
    'signedIn',
    z.strictObject({ attachmentId: entityId }),
    z.strictObject({ fileName: z.string().nullable() }),
  ),
  /** A JPEG or PNG file's bytes, to show in the page (audited as a view); other files are refused. */
  'casework.attachments.image': channel(
    'signedIn',
    z.strictObject({ attachmentId: entityId }),
    z.strictObject({ mediaType: viewableImageType, contentBase64: z.base64().max(maxStoredBase64Length) }),
  ),
  /** Follow-up tasks the officers set: open ones first (soonest due first), then the done ones. */
  'casework.followUps.list': channel('signedIn', z.strictObject({ caseId: entityId }), z.array(followUp)),
  /** A due day in the past is allowed (recording something overdue); it must be a real calendar day. */
  'casework.followUps.add': channel(
    'signedIn',
    z.strictObject({ caseId: entityId, what: followUpText, dueOn: followUpDueOn }),
    followUp,
  ),
  /** done: true marks it done, false reopens it. */
  'casework.followUps.setDone': channel(
    'signedIn',
    z.strictObject({ id: entityId, done: z.boolean() }),
    followUp,
  ),
  /**
   * When the follow-up periods start (the receiving agency's receipt of a handover, else the first signed
   * referral, else the change to "referred") and the periods.
   */
  'casework.followUps': channel(
    'signedIn',
    z.strictObject({ caseId: entityId }),
    z.strictObject({
      referredAt: isoDateTime.nullable(),
      source: z.enum(['received', 'referral', 'status']).nullable(),
      days: followUpDays,
    }),
  ),
  /**
   * Deletes a case and everything recorded with it, for good (supervisors only). The audit trail keeps
   * the deletion with its reason; see src/main/store/case-deletion.ts for what older audit rows keep.
   */
  'casework.deleteCase': channel(
    'cases.delete',
    z.strictObject({ caseId: entityId, reason: z.string().trim().min(1).max(2000) }),
    z.strictObject({ reference: z.string(), checkpointed: z.boolean() }),
  ),
};
