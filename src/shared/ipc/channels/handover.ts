import { z } from 'zod';
import { entityId, isoDateTime } from '../../domain/common';
import { agencyKind } from '../../domain/settings';
import { channel } from '../channel';

/** A file main listed or picked, as the renderer sees it: a bare name, never a path. */
export const importFileInfo = z.strictObject({
  name: z.string().max(255),
  bytes: z.number().int().min(0),
  modifiedAt: isoDateTime,
});
export type ImportFileInfo = z.infer<typeof importFileInfo>;
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => n !== '.' && n !== '..' && !/[/\\\0]/.test(n), { message: 'a file name, not a path' });
const pickedId = z.string().regex(/^[0-9a-f]{32}$/);

/** What an agency key file says, for the supervisor to compare by phone before importing it. */
export const agencyKeyFacts = z.strictObject({
  agencyName: z.string().max(200),
  province: z.string().max(100),
  storeFingerprint: z.string().max(200),
  /** The first 8 hex digits of the store fingerprint, grouped ("AB12 CD34"). */
  shortFingerprint: z.string().max(20),
});
export type AgencyKeyFactsView = z.infer<typeof agencyKeyFacts>;

/**
 * Agency keys of the referral directory (Administration → Settings → Referral directory): this store's
 * own, to export for the agencies that hand cases over to it, and other stores' keys to import. A
 * device setting, like the directory: supervisors only.
 */
export const handoverChannels = {
  /** This store's short fingerprint, the entries holding an imported key, and the key files to choose from. */
  'admin.agencyKey.status': channel(
    'settings.device',
    z.strictObject({}),
    z.strictObject({
      own: z.strictObject({ storeFingerprint: z.string(), shortFingerprint: z.string() }).nullable(),
      imported: z
        .array(
          z.strictObject({
            agencyId: entityId,
            storeFingerprint: z.string(),
            shortFingerprint: z.string(),
            importedAt: isoDateTime,
          }),
        )
        .max(200),
      mode: z.enum(['dialog', 'list']),
      files: z.array(importFileInfo).max(500),
    }),
  ),
  /** This store's agency key file, handed to the export target (a save dialog, or the export folder). */
  'admin.agencyKey.export': channel(
    'settings.device',
    z.strictObject({}),
    z.strictObject({ fileName: z.string().nullable(), facts: agencyKeyFacts }),
  ),
  /** Main picks an agency key file (dialog, or the listed name) and reads it: its facts, or null. */
  'admin.agencyKey.pick': channel(
    'settings.device',
    z.strictObject({ name: fileName.nullable() }),
    z.strictObject({
      picked: z.strictObject({ id: pickedId, file: importFileInfo, facts: agencyKeyFacts }).nullable(),
    }),
  ),
  /** Imports the picked key: into the entry named, or a new entry of that kind. */
  'admin.agencyKey.import': channel(
    'settings.device',
    z.strictObject({ pickedId, agencyId: entityId.nullable(), kind: agencyKind }),
    agencyKeyFacts.extend({ agencyId: entityId, created: z.boolean() }),
  ),
};
