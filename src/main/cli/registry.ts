import { agencyKeyCommand, directoryCommand } from './commands/agency-key-commands';
import { demoCommand } from './commands/demo-command';
import { handoverCommands } from './commands/handover-commands';
import { instrumentCommand } from './commands/instrument-command';
import { referralCommands } from './commands/referral-commands';
import { storeCommands } from './commands/store-commands';
import { stringsCommands } from './commands/strings-commands';
import type { CliCommand } from './types';

/** Every CLI command; features add theirs here. */
export const commands: CliCommand[] = [
  ...storeCommands,
  demoCommand,
  ...referralCommands,
  agencyKeyCommand,
  directoryCommand,
  ...handoverCommands,
  ...stringsCommands,
  instrumentCommand,
];
