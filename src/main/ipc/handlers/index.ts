import type { Handlers } from '../dispatch';
import { adminHandlers } from './admin';
import { appHandlers } from './app';
import { caseHandlers } from './cases';
import { caseworkHandlers } from './casework';
import { handoverHandlers } from './handover';
import { interviewHandlers } from './interviews';
import { referralHandlers } from './referrals';
import { rightsCardHandlers } from './rights-card';
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
  ...rightsCardHandlers,
  ...caseworkHandlers,
  ...adminHandlers,
  ...handoverHandlers,
};
