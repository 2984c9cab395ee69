import { readFileSync, statSync } from 'node:fs';
import type { ReferralContact } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import type { ResponseOf } from '../../shared/ipc/contract';
import { MAX_AGENCY_KEY_FILE_BYTES } from '../keys/agency-key';
import {
  exportAgencyKey,
  importAgencyKey,
  listAgencyKeys,
  ownAgencyFingerprint,
  previewAgencyKey,
} from '../store/agency-keys';
import type { AppContext } from './context';
import type { PickedFile } from './import-source';

/**
 * Agency keys from the Referral directory screen: main writes this store's key file to the export
 * target and picks the files to import itself (an open dialog, or the export folder's listing); the
 * renderer sees names and an opaque id, never a path. Every step needs 'settings.device'.
 */

export async function agencyKeyStatus(ctx: AppContext): Promise<ResponseOf<'admin.agencyKey.status'>> {
  const session = ctx.sessions.require();
  session.require('settings.device');
  const source = ctx.importSource;
  return {
    own: ownAgencyFingerprint(session),
    imported: listAgencyKeys(session),
    mode: source.mode,
    files: source.mode === 'list' ? await source.list('agencyKey') : [],
  };
}

export async function exportAgencyKeyFile(ctx: AppContext): Promise<ResponseOf<'admin.agencyKey.export'>> {
  const session = ctx.sessions.require();
  const { bytes, facts } = exportAgencyKey(session);
  const fileName = await ctx.exportTarget.write(
    `agency-${facts.shortFingerprint.replace(' ', '')}.fskey`,
    bytes,
  );
  return { fileName, facts };
}

/** The bytes of a picked file, at most `max` (a larger one is VALIDATION with `messageKey`). */
export function readPicked(file: PickedFile, max: number, messageKey: string): Buffer {
  try {
    if (statSync(file.path).size > max) throw new AppError('VALIDATION', { messageKey });
    return readFileSync(file.path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('NOT_FOUND', { cause: err });
  }
}

export async function pickAgencyKey(
  ctx: AppContext,
  name: string | null,
): Promise<ResponseOf<'admin.agencyKey.pick'>> {
  ctx.sessions.require().require('settings.device');
  const file = await ctx.importSource.pick('agencyKey', name);
  if (!file) return { picked: null };
  const facts = previewAgencyKey(readPicked(file, MAX_AGENCY_KEY_FILE_BYTES, 'errors.agencyKeyInvalid'));
  const { path: _path, ...info } = file;
  return { picked: { id: ctx.picked.hold(file), file: info, facts } };
}

export function importPickedAgencyKey(
  ctx: AppContext,
  input: { pickedId: string; agencyId: string | null; kind: ReferralContact['kind'] },
): ResponseOf<'admin.agencyKey.import'> {
  const session = ctx.sessions.require();
  session.require('settings.device');
  const file = ctx.picked.get(input.pickedId);
  if (!file) throw new AppError('NOT_FOUND');
  const bytes = readPicked(file, MAX_AGENCY_KEY_FILE_BYTES, 'errors.agencyKeyInvalid');
  const imported = importAgencyKey(session, bytes, {
    ...(input.agencyId ? { agencyId: input.agencyId } : {}),
    kind: input.kind,
  });
  ctx.picked.clear();
  return imported;
}
