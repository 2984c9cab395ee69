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
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One package of a case, sent from here or received here, as the case page shows it. */
export const handoverRecord = z.strictObject({
  packageId: z.uuid(),
  direction: z.enum(['sent', 'received']),
  agencyName: z.string().max(200),
  /** The sending officer, as their store certified them. */
  officerName: z.string().max(200),
  packageSha256: hex64,
  sentAt: isoDateTime,
  recordedAt: isoDateTime,
  /** Sent: the receipt imported from the receiver; received: the receipt issued here. */
  receipt: z.strictObject({ at: isoDateTime, by: z.string().max(200) }).nullable(),
});
export type HandoverRecord = z.infer<typeof handoverRecord>;

/** The sender's audit rows kept with a received case: what each was, and whether it checked out. */
export const appendixEntryView = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  actor: z.string().max(200).nullable(),
  action: z.string().max(64),
  verified: z.boolean(),
  signed: z.boolean(),
});

export const appendixSummaryView = z.strictObject({
  rows: z.number().int().min(0),
  hashesOk: z.number().int().min(0),
  signaturesVerified: z.number().int().min(0),
  unsigned: z.number().int().min(0),
  problems: z.number().int().min(0),
});

export const receivedCaseView = z.strictObject({
  caseId: entityId,
  reference: z.string().max(64),
  agencyName: z.string().max(200),
  officerName: z.string().max(200),
  packageSha256: hex64,
  sentAt: isoDateTime,
  receivedAt: isoDateTime,
  attachments: z.number().int().min(0),
  appendix: appendixSummaryView,
  referral: z.strictObject({ valid: z.boolean(), trusted: z.boolean() }),
});

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
  /** The case's packages, sent and received, with the receipts; and the sender's history of a received one. */
  'handover.ofCase': channel(
    'cases.read',
    z.strictObject({ caseId: entityId }),
    z.strictObject({
      records: z.array(handoverRecord).max(500),
      appendix: z
        .strictObject({ summary: appendixSummaryView, entries: z.array(appendixEntryView).max(100_000) })
        .nullable(),
    }),
  ),
  /** The agencies a case can be handed over to: directory entries with an imported key, and which the consent allows. */
  'handover.targets': channel(
    'handover.send',
    z.strictObject({ caseId: entityId }),
    z
      .array(
        z.strictObject({
          agencyId: entityId,
          name: z.string().max(200),
          shortFingerprint: z.string().max(20),
          consented: z.boolean(),
          referralSigned: z.boolean(),
        }),
      )
      .max(200),
  ),
  /** Seals the case for the agency and hands the file to the export target; audited once it is written. */
  'handover.send': channel(
    'handover.send',
    z.strictObject({ caseId: entityId, agencyId: entityId }),
    z.strictObject({
      fileName: z.string().nullable(),
      packageSha256: hex64.nullable(),
      agencyName: z.string().max(200),
    }),
  ),
  /** How a package to receive is chosen: an open dialog, or the export folder's packages. */
  'handover.receiveSources': channel(
    'handover.receive',
    z.strictObject({}),
    z.strictObject({ mode: z.enum(['dialog', 'list']), files: z.array(importFileInfo).max(500) }),
  ),
  'handover.pick': channel(
    'handover.receive',
    z.strictObject({ name: fileName.nullable() }),
    z.strictObject({ picked: z.strictObject({ id: pickedId, file: importFileInfo }).nullable() }),
  ),
  /** Checks, opens and receives the picked package; a refusal changes nothing. */
  'handover.receive': channel('handover.receive', z.strictObject({ pickedId }), receivedCaseView),
  /** The signed receipt of a case received here, handed to the export target. */
  'handover.receipt': channel(
    'handover.send',
    z.strictObject({ caseId: entityId }),
    z.strictObject({ fileName: z.string().nullable() }),
  ),
  /** The receipts main can offer to import (the export folder's, or a dialog). */
  'handover.receiptSources': channel(
    'handover.send',
    z.strictObject({}),
    z.strictObject({ mode: z.enum(['dialog', 'list']), files: z.array(importFileInfo).max(500) }),
  ),
  /** Main picks a receipt (dialog, or the listed name) and imports it; null when none was chosen. */
  'handover.receiptImport': channel(
    'handover.send',
    z.strictObject({ name: fileName.nullable() }),
    z.strictObject({
      imported: z
        .strictObject({
          caseId: entityId,
          agencyName: z.string().max(200),
          receivedAt: isoDateTime,
          receivedBy: z.string().max(200),
          alreadyRecorded: z.boolean(),
        })
        .nullable(),
    }),
  ),
};
