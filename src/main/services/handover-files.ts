import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { ExportTarget } from '../referral/service';
import { importReceipt, issueReceipt, MAX_RECEIPT_BYTES } from '../store/handover-receipt';
import { receiveHandover } from '../store/handover-receive';
import { recordHandoverSent, sealHandover } from '../store/handover-send';
import { readPicked } from './agency-key-files';
import type { AppContext } from './context';

/**
 * Handovers from the screens: the package is sealed into a temporary file in the data folder (it is
 * encrypted; removed at once), then handed to the export target (a save dialog, or the export
 * folder); only once it is written is the handover recorded. Packages to receive are picked by main
 * (an open dialog, or the export folder's listing); the renderer never names a path.
 */

async function writeTo(target: ExportTarget, name: string, path: string): Promise<string | null> {
  if (target.writeFile) return target.writeFile(name, path);
  return target.write(name, readFileSync(path));
}

export async function sendHandover(
  ctx: AppContext,
  input: { caseId: string; agencyId: string },
): Promise<ResponseOf<'handover.send'>> {
  const session = ctx.sessions.require();
  session.require('handover.send');
  const tmp = join(session.dir, `.handover-${randomUUID()}.fshandover`);
  try {
    const sealed = await sealHandover(session, input, tmp);
    const fileName = await writeTo(ctx.exportTarget, `handover-${sealed.reference}.fshandover`, tmp);
    if (fileName === null) return { fileName: null, packageSha256: null, agencyName: sealed.agencyName };
    recordHandoverSent(session, sealed, fileName);
    return { fileName, packageSha256: sealed.packageSha256, agencyName: sealed.agencyName };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export async function handoverReceiveSources(
  ctx: AppContext,
): Promise<ResponseOf<'handover.receiveSources'>> {
  ctx.sessions.require().require('handover.receive');
  const source = ctx.importSource;
  return { mode: source.mode, files: source.mode === 'list' ? await source.list('handover') : [] };
}

export async function pickHandover(
  ctx: AppContext,
  name: string | null,
): Promise<ResponseOf<'handover.pick'>> {
  ctx.sessions.require().require('handover.receive');
  const file = await ctx.importSource.pick('handover', name);
  if (!file) return { picked: null };
  const { path: _path, ...info } = file;
  return { picked: { id: ctx.picked.hold(file), file: info } };
}

export async function receivePickedHandover(
  ctx: AppContext,
  input: { pickedId: string },
): Promise<ResponseOf<'handover.receive'>> {
  const session = ctx.sessions.require();
  session.require('handover.receive');
  const file = ctx.picked.get(input.pickedId);
  if (!file) throw new AppError('NOT_FOUND');
  const received = await receiveHandover(session, file.path);
  ctx.picked.clear();
  return {
    caseId: received.caseId,
    reference: received.reference,
    agencyName: received.agencyName,
    officerName: received.officerName,
    packageSha256: received.packageSha256,
    sentAt: received.sentAt,
    receivedAt: received.receivedAt,
    attachments: received.attachments,
    appendix: received.appendix,
    referral: { valid: received.referral.valid, trusted: received.referral.trusted },
  };
}

export async function saveReceipt(
  ctx: AppContext,
  input: { caseId: string },
): Promise<ResponseOf<'handover.receipt'>> {
  const session = ctx.sessions.require();
  const issued = issueReceipt(session, input.caseId);
  const fileName = await ctx.exportTarget.write(`receipt-${issued.reference}.fsreceipt`, issued.bytes);
  return { fileName };
}

export async function receiptSources(ctx: AppContext): Promise<ResponseOf<'handover.receiptSources'>> {
  ctx.sessions.require().require('handover.send');
  const source = ctx.importSource;
  return { mode: source.mode, files: source.mode === 'list' ? await source.list('receipt') : [] };
}

export async function importPickedReceipt(
  ctx: AppContext,
  name: string | null,
): Promise<ResponseOf<'handover.receiptImport'>> {
  const session = ctx.sessions.require();
  session.require('handover.send');
  const file = await ctx.importSource.pick('receipt', name);
  if (!file) return { imported: null };
  const imported = importReceipt(session, readPicked(file, MAX_RECEIPT_BYTES, 'errors.receiptInvalid'));
  return {
    imported: {
      caseId: imported.caseId,
      agencyName: imported.agencyName,
      receivedAt: imported.receivedAt,
      receivedBy: imported.receivedBy,
      alreadyRecorded: imported.alreadyRecorded,
    },
  };
}
