import type { CliCommand } from './types';

/** Every CLI command; features add theirs here. */
export const commands: CliCommand[] = [];
