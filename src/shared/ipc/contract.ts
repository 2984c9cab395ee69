import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { adminChannels } from './channels/admin';
import { appChannels } from './channels/app';
import { caseChannels } from './channels/cases';
import { caseworkChannels } from './channels/casework';
import { handoverChannels } from './channels/handover';
import { interviewChannels } from './channels/interviews';
import { referralChannels } from './channels/referrals';
import { rightsCardChannels } from './channels/rights-card';
import { sessionChannels } from './channels/session';
import { textChannels } from './channels/text';

/**
 * THE IPC contract: every channel the renderer may call, with its access level and zod schemas for
 * both directions. Main registers handlers from this table only; the preload and the preview bridge
 * expose exactly these names. Features add their part in ./channels/<feature>.ts.
 */
export const contract = {
  ...appChannels,
  ...sessionChannels,
  ...caseChannels,
  ...interviewChannels,
  ...textChannels,
  ...referralChannels,
  ...rightsCardChannels,
  ...caseworkChannels,
  ...adminChannels,
  ...handoverChannels,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
