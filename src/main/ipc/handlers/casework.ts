import {
  addAttachment,
  getAttachmentImage,
  listAttachments,
  saveAttachmentCopy,
} from '../../store/attachments';
import { deleteCase } from '../../store/case-deletion';
import { caseTimeline, followUpCounters } from '../../store/case-history';
import { addFollowUp, listFollowUps, setFollowUpDone } from '../../store/follow-ups';
import { addNote, listNotes } from '../../store/notes';
import type { Handler } from '../dispatch';

export const caseworkHandlers: {
  'casework.timeline': Handler<'casework.timeline'>;
  'casework.notes.list': Handler<'casework.notes.list'>;
  'casework.notes.add': Handler<'casework.notes.add'>;
  'casework.attachments.list': Handler<'casework.attachments.list'>;
  'casework.attachments.add': Handler<'casework.attachments.add'>;
  'casework.attachments.save': Handler<'casework.attachments.save'>;
  'casework.attachments.image': Handler<'casework.attachments.image'>;
  'casework.followUps.list': Handler<'casework.followUps.list'>;
  'casework.followUps.add': Handler<'casework.followUps.add'>;
  'casework.followUps.setDone': Handler<'casework.followUps.setDone'>;
  'casework.followUps': Handler<'casework.followUps'>;
  'casework.deleteCase': Handler<'casework.deleteCase'>;
} = {
  'casework.timeline': (req, ctx) => caseTimeline(ctx.sessions.require(), req),
  'casework.notes.list': (req, ctx) => listNotes(ctx.sessions.require(), req.caseId),
  'casework.notes.add': (req, ctx) => addNote(ctx.sessions.require(), req),
  'casework.attachments.list': (req, ctx) => listAttachments(ctx.sessions.require(), req.caseId),
  'casework.attachments.add': (req, ctx) =>
    addAttachment(ctx.sessions.require(), {
      caseId: req.caseId,
      fileName: req.fileName,
      mediaType: req.mediaType,
      content: Buffer.from(req.contentBase64, 'base64'),
    }),
  'casework.attachments.save': async (req, ctx) => ({
    fileName: await saveAttachmentCopy(ctx.sessions.require(), req.attachmentId, ctx.exportTarget),
  }),
  'casework.attachments.image': (req, ctx) => getAttachmentImage(ctx.sessions.require(), req.attachmentId),
  'casework.followUps.list': (req, ctx) => listFollowUps(ctx.sessions.require(), req.caseId),
  'casework.followUps.add': (req, ctx) => addFollowUp(ctx.sessions.require(), req),
  'casework.followUps.setDone': (req, ctx) => setFollowUpDone(ctx.sessions.require(), req),
  'casework.followUps': (req, ctx) => followUpCounters(ctx.sessions.require(), req.caseId),
  'casework.deleteCase': (req, ctx) => deleteCase(ctx.sessions.require(), req),
};
