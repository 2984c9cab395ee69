import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { caseHandlers } from './cases';
import { interviewHandlers } from './interviews';
import { referralHandlers } from './referrals';
import { sessionHandlers } from './session';
import { textHandlers } from './text';

/** Every channel of the contract has exactly one handler here; the type fails if one is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...sessionHandlers,
  ...caseHandlers,
  ...interviewHandlers,
  ...textHandlers,
  ...referralHandlers,
};
