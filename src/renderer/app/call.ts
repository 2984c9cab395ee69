import type { ChannelName, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Reply } from '../../shared/ipc/reply';
import { getApi } from './bridge';

/** Calls one channel of the contract. Never throws: the reply carries the error. */
export function call<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
): Promise<Reply<ResponseOf<C>>> {
  return getApi().call(channel, request);
}
