import { z } from 'zod';
import { AUDIT_ACTIONS, auditVerifyResult } from '../../domain/audit';
import { entityId, isoDateTime } from '../../domain/common';
import { settingsPatch, settingsSchema } from '../../domain/settings';
import { addUserInput, userSummary } from '../../domain/users';
import { channel } from '../channel';
import { followUpDays } from './casework';

/**
 * Audit actions the viewer can filter by. 'case.delete' is written by case deletion
 * (src/main/store/case-deletion.ts) and is not yet in the shared AUDIT_ACTIONS list.
 */
export const ADMIN_AUDIT_ACTIONS = [...AUDIT_ACTIONS, 'case.delete'] as const;

/** An audit row for the supervisor's viewer. The action is kept as text so newer actions still show. */
export const adminAuditEntry = z.strictObject({
  seq: z.number().int().min(1),
  at: isoDateTime,
  actorKind: z.enum(['user', 'recovery', 'system']),
  /** Username for a local account (resolved in main), else the stored id or null. */
  actor: z.string().nullable(),
  action: z.string().max(64),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.json(),
});
export type AdminAuditEntry = z.infer<typeof adminAuditEntry>;

/** Supervisor screens. Every channel here is 'supervisor': main refuses officers before any handler runs. */
export const adminChannels = {
  'admin.users.list': channel('supervisor', z.strictObject({}), z.array(userSummary)),
  'admin.users.add': channel('supervisor', addUserInput.strict(), userSummary),
  'admin.users.disable': channel('supervisor', z.strictObject({ userId: entityId }), userSummary),
  'admin.settings.get': channel(
    'supervisor',
    z.strictObject({}),
    z.strictObject({ settings: settingsSchema, followUpDays }),
  ),
  'admin.settings.update': channel('supervisor', settingsPatch, settingsSchema),
  'admin.followUpDays.set': channel('supervisor', followUpDays, followUpDays),
  'admin.audit.list': channel(
    'supervisor',
    z.strictObject({
      action: z.enum(ADMIN_AUDIT_ACTIONS).optional(),
      /** Newest first; pass the smallest seq seen to get the next page. */
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.array(adminAuditEntry),
  ),
  'admin.audit.verify': channel('supervisor', z.strictObject({}), auditVerifyResult),
  /**
   * An encrypted backup (same key; the recovery key opens it) handed to the export target: a save
   * dialog in the desktop app, the export folder in the preview. fileName is null when cancelled.
   * Restoring is a command-line operation (`npm run cli -- restore`), with the app closed.
   */
  'admin.backup.create': channel(
    'supervisor',
    z.strictObject({}),
    z.strictObject({ fileName: z.string().nullable(), bytes: z.number().int(), createdAt: isoDateTime }),
  ),
};
