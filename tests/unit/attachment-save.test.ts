import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import type { ExportTarget } from '../../src/main/referral/service';
import type { AppContext } from '../../src/main/services/context';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { suggestedCopyName } from '../../src/main/store/attachments';
import { listAudit } from '../../src/main/store/audit';
import type { AttachmentSummary } from '../../src/shared/domain/attachments';
import type { TimelineEntry } from '../../src/shared/ipc/channels/casework';
import { filesUnder, markersIn } from '../helpers/disk';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Saving a copy of an attachment and viewing a picture, through the dispatcher exactly as the
 * renderer calls them: the store's bytes go only to the export target, the save is audited as an
 * export (sealed per case), a cancelled save records no export, and only real JPEG/PNG files are shown.
 */

const SUPERVISOR = { username: 'sup', displayName: 'Sup', passphrase: 'long passphrase' };
const MARKER = 'ZQX-ATTACHMENT-PLAINTEXT-7719';
// The 8-byte PNG signature, an IHDR chunk's start and the marker: enough for the signature check.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from(`IHDR ${MARKER}-PNG`),
]);

let app: TestApp;
let root: string;
let dataDir: string;
let exportDir: string;
let dispatch: Dispatch;
let ctx: AppContext;
/** What the export target does now: the folder (as in the preview), or a cancelled save dialog. */
let target: ExportTarget;
const writes: string[] = [];

beforeEach(async () => {
  writes.length = 0;
  app = createTestApp('fs-attachment-save-', {
    exportTarget: {
      write: (name, bytes) => {
        writes.push(name);
        return target.write(name, bytes);
      },
    },
  });
  ({ root, dataDir, exportDir, ctx, dispatch } = app);
  target = folderExportTarget(exportDir);
  await app.initialise(SUPERVISOR);
});
afterEach(() => app.close());

const value = <T>(channel: string, request: unknown) => app.ok<T>(channel, request);

async function caseWithFile(fileName: string, mediaType: string, content: Buffer) {
  const c = await value<{ id: string }>('cases.create', {
    place: { kind: 'port', name: 'Ranong fishing port' },
    screeningDate: '2026-05-20',
  });
  const a = await value<AttachmentSummary>('casework.attachments.add', {
    caseId: c.id,
    fileName,
    mediaType,
    contentBase64: content.toString('base64'),
  });
  return { caseId: c.id, attachment: a };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const audit = () => listAudit(ctx.sessions.require(), { limit: 1000 });

describe('saving a copy of an attachment', () => {
  it('writes identical bytes to the export target only, and audits the view and the export', async () => {
    const content = Buffer.from(`${MARKER} crew list photographed at the pier\n`.repeat(300));
    const { caseId, attachment } = await caseWithFile('crew-list.txt', 'text/plain', content);

    const reply = await dispatch('casework.attachments.save', { attachmentId: attachment.id });
    expect(reply).toEqual({ ok: true, value: { fileName: 'crew-list.txt' } });
    expect(readdirSync(exportDir)).toEqual(['crew-list.txt']);
    expect(readFileSync(join(exportDir, 'crew-list.txt')).equals(content)).toBe(true);

    // Audited: the bytes were read (a view) and written out (an export), both sealed under the case key.
    const rows = audit().filter((e) => e.entityId === attachment.id);
    expect(rows.map((e) => e.action)).toEqual(['attachment.export', 'attachment.view', 'attachment.add']);
    expect(rows[0]?.details).toEqual({
      caseId,
      fileName: 'crew-list.txt',
      size: content.byteLength,
      sha256: sha256(content),
    });
    const stored = ctx.sessions
      .require()
      .read((db) => db.prepare('SELECT details_json FROM audit_log WHERE seq = ?').pluck().get(rows[0]?.seq));
    expect(JSON.parse(stored as string)).toMatchObject({ enc: 'v1', caseId });
    expect(stored).not.toContain('crew-list');

    // The case's history shows the export with the name it was saved under (views stay routine).
    const timeline = await value<TimelineEntry[]>('casework.timeline', { caseId });
    expect(timeline[0]).toMatchObject({ action: 'attachment.export', fileName: 'crew-list.txt' });
    expect(timeline.some((e) => e.action === 'attachment.view')).toBe(false);

    // Saved again: the folder never overwrites, the second copy gets its own name.
    expect(await dispatch('casework.attachments.save', { attachmentId: attachment.id })).toEqual({
      ok: true,
      value: { fileName: 'crew-list-2.txt' },
    });
    expect(readFileSync(join(exportDir, 'crew-list-2.txt')).equals(content)).toBe(true);

    // Plaintext is on disk only in the chosen export folder: the data folder holds none of it.
    ctx.sessions.lock('manual');
    const dataFiles = filesUnder(dataDir);
    expect(dataFiles.length).toBeGreaterThan(0);
    for (const f of dataFiles) expect(markersIn(f, [MARKER, 'crew list photographed']), f).toEqual([]);
    expect(filesUnder(root).filter((f) => !f.startsWith(dataDir))).toEqual([
      join(exportDir, 'crew-list-2.txt'),
      join(exportDir, 'crew-list.txt'),
    ]);
  });

  it('a cancelled save writes nothing and records no export', async () => {
    const { attachment } = await caseWithFile('photo.txt', 'text/plain', Buffer.from(MARKER));
    target = { write: async () => null };
    const before = audit().length;
    expect(await dispatch('casework.attachments.save', { attachmentId: attachment.id })).toEqual({
      ok: true,
      value: { fileName: null },
    });
    expect(writes).toEqual(['photo.txt']);
    expect(existsSync(exportDir)).toBe(false);
    const added = audit().slice(0, audit().length - before);
    expect(added.map((e) => e.action)).toEqual(['attachment.view']);
  });

  it('suggests a safe name: no folders, no characters a file system refuses, scripts kept', async () => {
    expect(suggestedCopyName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(suggestedCopyName('C:\\Users\\x\\scan?.jpg')).toBe('C__Users_x_scan_.jpg');
    expect(suggestedCopyName('หนังสือเดินทาง.jpg')).toBe('หนังสือเดินทาง.jpg');
    expect(suggestedCopyName(' ..\u0007 ')).toBe('_');
    expect(suggestedCopyName('...')).toBe('attachment');
    const { attachment } = await caseWithFile('../../escape/สัญญา.txt', 'text/plain', Buffer.from(MARKER));
    const reply = await value<{ fileName: string }>('casework.attachments.save', {
      attachmentId: attachment.id,
    });
    expect(writes).toEqual(['_.._escape_สัญญา.txt']);
    expect(readdirSync(exportDir)).toEqual([reply.fileName]);
    expect(readdirSync(root).sort()).toEqual(['data', 'exports']);
  });

  it('refuses unknown files, bad requests and callers who are not signed in; officers may save', async () => {
    const { attachment } = await caseWithFile('notes.txt', 'text/plain', Buffer.from(MARKER));
    const none = '00000000-0000-4000-8000-000000000000';
    expect(await dispatch('casework.attachments.save', { attachmentId: none })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const bad of [{}, { attachmentId: 'x' }, { attachmentId: attachment.id, extra: 1 }]) {
      expect(await dispatch('casework.attachments.save', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(writes).toEqual([]);

    await app.enrol({ username: 'malee', displayName: 'Malee', passphrase: 'officer passphrase 1' });
    ctx.sessions.lock('manual');
    expect(await dispatch('casework.attachments.save', { attachmentId: attachment.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(writes).toEqual([]);
    await ctx.sessions.unlock('malee', 'officer passphrase 1');
    expect(await dispatch('casework.attachments.save', { attachmentId: attachment.id })).toEqual({
      ok: true,
      value: { fileName: 'notes.txt' },
    });
    const officerId = ctx.sessions.require().user?.id;
    ctx.sessions.lock('manual');
    await ctx.sessions.unlock(SUPERVISOR.username, SUPERVISOR.passphrase);
    const exports = audit().filter((e) => e.action === 'attachment.export');
    expect(exports.map((e) => e.actorId)).toEqual([officerId]);
  });
});

describe('viewing a picture', () => {
  it('returns the bytes of a real PNG, audited as a view', async () => {
    const { attachment } = await caseWithFile('passport.png', 'image/png', PNG);
    const reply = await value<{ mediaType: string; contentBase64: string }>('casework.attachments.image', {
      attachmentId: attachment.id,
    });
    expect(reply.mediaType).toBe('image/png');
    expect(Buffer.from(reply.contentBase64, 'base64').equals(PNG)).toBe(true);
    expect(audit()[0]).toMatchObject({ action: 'attachment.view', entityId: attachment.id });
    expect(writes).toEqual([]);
  });

  it('refuses other files, and files whose bytes are not what their media type claims, before reading them', async () => {
    const notAPicture = { code: 'VALIDATION', messageKey: 'errors.attachmentNotViewable' };
    for (const [name, type, bytes] of [
      ['notes.txt', 'text/plain', Buffer.from(MARKER)],
      ['fake.png', 'image/png', Buffer.from(`<svg onload="alert(1)">${MARKER}</svg>`)],
      ['fake.jpg', 'image/jpeg', PNG],
      ['drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ] as const) {
      const { attachment } = await caseWithFile(name, type, bytes);
      const before = audit().length;
      expect(await dispatch('casework.attachments.image', { attachmentId: attachment.id }), name).toEqual({
        ok: false,
        error: notAPicture,
      });
      expect(audit().length, name).toBe(before);
    }
    expect(
      await dispatch('casework.attachments.image', { attachmentId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
