import { z } from 'zod';
import { isoDateTime } from './common';

/** Everything the audit trail records. Names are stable: verification and reports depend on them. */
export const AUDIT_ACTIONS = [
  'vault.initialise',
  'vault.rotate_key',
  'vault.rotate_key_rolled_back',
  'vault.upgrade',
  'trust.established',
  'trust.keys_endorsed',
  'trust.unlisted_entries',
  'trust.role_mismatch',
  'auth.login',
  'auth.login_failed',
  'auth.recovery_unlock',
  'auth.lock',
  'user.create',
  'user.disable',
  'user.passphrase_change',
  'user.passphrase_reset',
  'case.create',
  'case.update',
  'case.status',
  'case.view',
  'case.export',
  'case.import',
  'case.delete',
  'person.create',
  'person.update',
  'interview.start',
  'interview.state',
  'answer.save',
  'note.create',
  'note.update',
  'attachment.add',
  'attachment.view',
  'attachment.export',
  'followup.add',
  'followup.done',
  'followup.reopen',
  'referral.record',
  'rights_card.save',
  'rights_card.handed_over',
  'signing_identity.save',
  'settings.update',
  'backup.create',
  'backup.restore',
  'agency_key.export',
  'agency_key.import',
  'handover.send',
  'handover.receive',
  'handover.receipt_issue',
  'handover.receipt_import',
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const auditActorKind = z.enum(['user', 'recovery', 'system']);
export type AuditActorKind = z.infer<typeof auditActorKind>;

export const auditEntry = z.object({
  seq: z.number().int().min(1),
  at: isoDateTime,
  actorKind: auditActorKind,
  actorId: z.string().nullable(),
  action: auditAction,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.json(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  action: auditAction.optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  /** Newest first; pass the smallest seq seen to get the next page. */
  beforeSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.input<typeof auditQuery>;

/** Why one row fails the trail check; the first such row ends the row check. */
export const AUDIT_ROW_PROBLEMS = [
  'sequence_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'unknown_key',
  'key_not_yet_valid',
  'key_retired',
  'signer_disabled',
  'bad_signature',
  'signer_not_actor',
  'unsigned_after_signing',
] as const;

/** Why a trail fails its check (src/main/audit/trail-check.ts): a row, the triggers, an anchor. */
export const AUDIT_PROBLEMS = [
  ...AUDIT_ROW_PROBLEMS,
  'triggers_missing',
  'triggers_changed',
  'anchor_not_contained',
  'anchor_unknown_key',
  'anchor_bad_signature',
] as const;
export const auditProblem = z.enum(AUDIT_PROBLEMS);
export type AuditProblem = z.infer<typeof auditProblem>;

export const auditVerifyResult = z.union([
  z.object({
    ok: z.literal(true),
    rows: z.number().int(),
    /** The first signed row; absent while no row is signed. */
    signedFromSeq: z.number().int().optional(),
  }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    /** The row at fault; absent for a schema problem (the append-only triggers). */
    firstBrokenSeq: z.number().int().optional(),
    reason: auditProblem,
  }),
]);
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
