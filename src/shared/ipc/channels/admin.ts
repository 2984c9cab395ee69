import { z } from 'zod';
import { AUDIT_ACTIONS, auditVerifyResult } from '../../domain/audit';
import { entityId, isoDateTime } from '../../domain/common';
import { settingsPatch, settingsSchema } from '../../domain/settings';
import {
  addUserInput,
  newPassphrase,
  passphraseAttempt,
  recoveryKeyIssued,
  recoveryKeyText,
  userSummary,
} from '../../domain/users';
import { channel } from '../channel';

/** Audit actions the viewer can filter by: every action the trail records. */
export const ADMIN_AUDIT_ACTIONS = AUDIT_ACTIONS;

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

/** A backup file as the renderer sees it: a bare name chosen from main's list, never a path. */
export const backupFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => n !== '.' && n !== '..' && !/[/\\\0]/.test(n), { message: 'a file name, not a path' });
export const backupFileInfo = z.strictObject({
  name: z.string().max(255),
  bytes: z.number().int().min(0),
  modifiedAt: isoDateTime,
});
export type BackupFileInfo = z.infer<typeof backupFileInfo>;
/** Opaque id of a file main picked (the path never leaves main). */
export const pickedFileId = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * Supervisor screens. Every channel here needs a permission that only supervisors hold
 * (src/shared/domain/permissions.ts): main refuses officers before any handler runs.
 */
export const adminChannels = {
  'admin.users.list': channel('users.manage', z.strictObject({}), z.array(userSummary)),
  'admin.users.add': channel('users.manage', addUserInput.strict(), userSummary),
  'admin.users.disable': channel('users.manage', z.strictObject({ userId: entityId }), userSummary),
  /**
   * A supervisor sets a new passphrase for an account; the recovery key is asked too (a supervisor
   * session left open is not enough). Wrong keys meet the same back-off as on the unlock screen.
   */
  'admin.users.resetPassphrase': channel(
    'users.manage',
    z.strictObject({ userId: entityId, recoveryKey: recoveryKeyText, newPassphrase }),
    userSummary,
  ),
  /**
   * A new database key (and so a new recovery key, shown once): sealed only to the accounts the roster
   * lists as enabled, so a disabled person's kept copy of keyring.json opens nothing written from now
   * on. The supervisor's passphrase is asked again (a session left open is not enough).
   */
  'admin.vault.rotateKey': channel(
    'vault.rotateKey',
    z.strictObject({ currentPassphrase: passphraseAttempt }),
    recoveryKeyIssued,
  ),
  'admin.settings.get': channel(
    'settings.device',
    z.strictObject({}),
    z.strictObject({ settings: settingsSchema }),
  ),
  'admin.settings.update': channel('settings.device', settingsPatch, settingsSchema),
  'admin.audit.list': channel(
    'audit.read',
    z.strictObject({
      action: z.enum(ADMIN_AUDIT_ACTIONS).optional(),
      /** Newest first; pass the smallest seq seen to get the next page. */
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.array(adminAuditEntry),
  ),
  'admin.audit.verify': channel('audit.read', z.strictObject({}), auditVerifyResult),
  /**
   * An encrypted backup (same key; the recovery key opens it) handed to the export target: a save
   * dialog in the desktop app, the export folder in the preview. fileName is null when cancelled.
   */
  'admin.backup.create': channel(
    'backup.create',
    z.strictObject({}),
    z.strictObject({ fileName: z.string().nullable(), bytes: z.number().int(), createdAt: isoDateTime }),
  ),
  /**
   * How the backup to restore is chosen: 'dialog' (desktop app: main opens the system's open dialog)
   * or 'list' (preview: the backups in the export folder, listed by main; files is empty for 'dialog').
   */
  'admin.backup.restoreSources': channel(
    'backup.restore',
    z.strictObject({}),
    z.strictObject({ mode: z.enum(['dialog', 'list']), files: z.array(backupFileInfo).max(500) }),
  ),
  /**
   * Main picks the backup: with the open dialog (name null), or the listed file of that name. Returns
   * an id for admin.backup.restore, or null when cancelled / no such file.
   */
  'admin.backup.pick': channel(
    'backup.restore',
    z.strictObject({ name: backupFileName.nullable() }),
    z.strictObject({ picked: z.strictObject({ id: pickedFileId, file: backupFileInfo }).nullable() }),
  ),
  /**
   * Replaces the records with the picked backup (checked with its recovery key first: a wrong key or a
   * bad file changes nothing and the session stays signed in). On success the session is locked and
   * main announces a 'restored' event; everyone signs in again with the passphrases of backup time.
   */
  'admin.backup.restore': channel(
    'backup.restore',
    z.strictObject({ pickedId: pickedFileId, recoveryKey: recoveryKeyText }),
    z.strictObject({ backupCreatedAt: isoDateTime, keyringRestored: z.boolean() }),
  ),
};
