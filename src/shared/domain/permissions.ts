import type { UserRole } from './users';

/**
 * What each role may do: THE table, for every way in. An IPC channel names the permission it needs as
 * its access (src/shared/ipc/channels/*, checked by the dispatcher before the handler runs); a CLI
 * command signs in for one (src/main/cli/commands/*, checked right after sign-in, before anything is
 * read or written); services check again in main. The UI may use it to hide what a role cannot do,
 * but hiding is never the protection. tests/unit/permissions-cli-ipc.test.ts holds each CLI command
 * to its IPC twin.
 */
export const PERMISSIONS = {
  'cases.read': ['supervisor', 'officer'],
  'cases.write': ['supervisor', 'officer'],
  'cases.export': ['supervisor', 'officer'],
  'cases.import': ['supervisor'],
  /** Deletes a case and all its records for good. */
  'cases.delete': ['supervisor'],
  'interviews.write': ['supervisor', 'officer'],
  'referrals.write': ['supervisor', 'officer'],
  /** Judges a referral PDF against this store's trust list. */
  'referrals.verify': ['supervisor', 'officer'],
  'users.manage': ['supervisor'],
  'settings.device': ['supervisor'],
  'settings.personal': ['supervisor', 'officer'],
  'audit.read': ['supervisor'],
  'vault.rotateKey': ['supervisor'],
  /** A copy of everyone's records, to take off the laptop. */
  'backup.create': ['supervisor'],
  /** Replaces everyone's records with a backup's. */
  'backup.restore': ['supervisor'],
  /** Seals a case to another FieldScreen store's agency key (issue 18), and imports its receipt. */
  'handover.send': ['supervisor', 'officer'],
  /**
   * Opens a handover package sent to this store and creates its case: needs the store's agency key,
   * which only supervisors (and the recovery key) hold.
   */
  'handover.receive': ['supervisor'],
  /** Fills a store with fictional training cases (and the demo agency where none is set). */
  'demo.seed': ['supervisor'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
