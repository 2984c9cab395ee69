import { demoCommand } from './commands/demo-command';
import type { CliCommand } from './types';

/** Every CLI command; features add theirs here. */
export const commands: CliCommand[] = [demoCommand];
