import type { z } from 'zod';
import { can } from '../../shared/domain/permissions';
import { AppError, isAppError } from '../../shared/errors';
import { type FieldProblem, fieldProblemsOf } from '../../shared/field-problems';
import { requiredPermission } from '../../shared/ipc/channel';
import {
  type ChannelName,
  contract,
  isChannelName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import type { Reply } from '../../shared/ipc/reply';
import type { AppContext } from '../services/context';
import { log } from '../util/log';

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  ctx: AppContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/** What an account that must first choose its own passphrase may call (besides public channels). */
const OPEN_BEFORE_OWN_PASSPHRASE: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'account.status',
  'account.changePassphrase',
  'session.touch',
]);

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Reply<unknown>>;

/**
 * The one path every call takes, from Electron IPC and from the preview server alike:
 * known channel -> access check (permission table) -> parse request -> handler -> parse response -> Reply.
 * Errors become { code, messageKey } only; stacks and payloads stay in main and are never logged.
 */
export function createDispatcher(handlers: Handlers, ctx: AppContext): Dispatch {
  return async (channel, payload) => {
    try {
      if (!isChannelName(channel)) throw new AppError('UNKNOWN_CHANNEL');
      const spec = contract[channel];
      if (spec.access !== 'public') {
        const session = ctx.session();
        if (!session) throw new AppError('NOT_SIGNED_IN');
        // The one permission table (src/shared/domain/permissions.ts), as the CLI consults it.
        const permission = requiredPermission(spec.access);
        if (permission && !can(session.role, permission)) throw new AppError('FORBIDDEN_ROLE');
        // An account whose passphrase someone else set may do nothing else until it chose its own.
        if (session.mustChangePassphrase && !OPEN_BEFORE_OWN_PASSPHRASE.has(channel))
          throw new AppError('PASSPHRASE_CHANGE_REQUIRED');
        ctx.touch();
      }
      const parsed = safeParseRequest(spec.request, payload);
      if (!parsed.success) throw new AppError('VALIDATION', { fields: parsed.fields });
      const handler = handlers[channel] as Handler<ChannelName>;
      const value = await handler(parsed.data as never, ctx);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        log.error('ipc.response_invalid', { channel, issues: checked.error.issues.length });
        throw new AppError('INTERNAL');
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      return { ok: false, error: toReplyError(err, channel) };
    }
  };
}

/** A pathological payload (say, nested 20,000 levels deep) can overflow zod's stack: that is bad input too. */
function safeParseRequest(
  schema: z.ZodType,
  payload: unknown,
): { success: true; data: unknown } | { success: false; fields: FieldProblem[] } {
  try {
    const r = schema.safeParse(payload);
    return r.success
      ? { success: true, data: r.data }
      : { success: false, fields: fieldProblemsOf(r.error, schema, payload) };
  } catch {
    return { success: false, fields: [] };
  }
}

function toReplyError(err: unknown, channel: unknown) {
  if (isAppError(err)) {
    return {
      code: err.code,
      messageKey: err.messageKey,
      ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
      ...(err.fields ? { fields: err.fields.map((f) => ({ ...f, path: [...f.path] })) } : {}),
    };
  }
  // Only the error's class name is logged: messages of driver errors can quote data.
  const name = err instanceof Error ? err.name : typeof err;
  log.error('ipc.unexpected_error', { channel: isChannelName(channel) ? channel : 'unknown', error: name });
  return { code: 'INTERNAL' as const, messageKey: 'errors.internal' };
}
