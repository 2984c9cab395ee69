import type { z } from 'zod';

/**
 * Who may call a channel. Checked in main before the handler runs (services check again):
 * - public: before sign-in (app info, language preferences, unlock);
 * - signedIn: any unlocked account;
 * - supervisor: supervisors only.
 */
export type Access = 'public' | 'signedIn' | 'supervisor';

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
