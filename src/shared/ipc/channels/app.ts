import { z } from 'zod';
import { LOCALES } from '../../i18n/locales';
import { channel } from '../channel';

export const localeSchema = z.enum(LOCALES);

/** Device preferences readable before sign-in: they hold no personal data, only language choices. */
export const preferencesSchema = z.strictObject({
  uiLanguage: localeSchema,
  intervieweeLanguage: localeSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const appChannels = {
  'app.info': channel(
    'public',
    z.strictObject({}),
    z.strictObject({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'preview', 'test']),
      electronVersion: z.string().nullable(),
      nodeVersion: z.string(),
      locales: z.array(localeSchema),
    }),
  ),
  'prefs.get': channel('public', z.strictObject({}), preferencesSchema),
  /** A redacted report for support: versions, counts and log events, never record content. */
  'app.diagnostics': channel(
    'public',
    z.strictObject({}),
    z.strictObject({ text: z.string().max(60_000), copied: z.boolean() }),
  ),
  'prefs.set': channel('public', preferencesSchema.partial().strict(), preferencesSchema),
};
