import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

/**
 * Who may call a channel. Checked in main before the handler runs (services check again):
 * - public: before sign-in (app info, language preferences, unlock);
 * - signedIn: any unlocked account (the service checks its own permission);
 * - a permission of src/shared/domain/permissions.ts (e.g. 'users.manage'): an unlocked account whose
 *   role holds it, per that table, the same one the CLI consults. There is no bare 'supervisor': say
 *   what the channel does, and give the permission to supervisors in the table.
 */
export type Access = 'public' | 'signedIn' | Permission;

/** The permission a channel requires, or null for public and any-signed-in channels. */
export function requiredPermission(access: Access): Permission | null {
  return access === 'public' || access === 'signedIn' ? null : access;
}

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  access: Access;
  request: Req;
  response: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  access: Access,
  request: Req,
  response: Res,
): ChannelSpec<Req, Res> {
  return { access, request, response };
}
