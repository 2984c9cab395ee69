import { z } from 'zod';
import { channel } from '../channel';

export const textChannels = {
  /**
   * Burmese typed on a phone-era keyboard may be Zawgyi (a legacy, non-Unicode encoding). Google's
   * detector gives the probability; when high, the screen offers the Unicode conversion before saving.
   */
  'text.zawgyiCheck': channel(
    'signedIn',
    z.strictObject({ text: z.string().max(20_000) }),
    z.strictObject({ zawgyiProbability: z.number().min(0).max(1), unicode: z.string() }),
  ),
};
