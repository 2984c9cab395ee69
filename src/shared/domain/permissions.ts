import type { UserRole } from './users';

/**
 * What each role may do. Services check these in main (the UI may also use them to hide what a
 * role cannot do, but hiding is never the protection).
 */
export const PERMISSIONS = {
  'cases.read': ['supervisor', 'officer'],
  'cases.write': ['supervisor', 'officer'],
  'cases.export': ['supervisor', 'officer'],
  'cases.import': ['supervisor'],
  'interviews.write': ['supervisor', 'officer'],
  'referrals.write': ['supervisor', 'officer'],
  'users.manage': ['supervisor'],
  'settings.device': ['supervisor'],
  'settings.personal': ['supervisor', 'officer'],
  'audit.read': ['supervisor'],
  'vault.rotateKey': ['supervisor'],
  'backup.create': ['supervisor', 'officer'],
  /** Replaces everyone's records with a backup's. */
  'backup.restore': ['supervisor'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
