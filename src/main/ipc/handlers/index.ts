import type { Handlers } from '../dispatch';
import { appHandlers } from './app';

/** Every channel of the contract has exactly one handler here; the type fails if one is missing. */
export const handlers: Handlers = {
  ...appHandlers,
};
