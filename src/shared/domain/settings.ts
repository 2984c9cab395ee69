import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { entityId } from './common';
import { certificatePemText, fingerprint } from './fingerprint';
import type { Permission } from './permissions';
import { languageTag } from './persons';

export const agencyKind = z.enum([
  'mdt',
  'shelter',
  'police',
  'labour',
  'social_welfare',
  'health',
  'ngo',
  'other',
]);

/** Certificates, and store fingerprints, a directory entry may trust (each list). */
export const MAX_TRUSTED_PER_AGENCY = 16;

export const referralContact = z.object({
  id: entityId,
  name: z.string().trim().min(1).max(200),
  kind: agencyKind,
  phone: z.string().trim().max(60).default(''),
  email: z.string().trim().max(200).default(''),
  address: z.string().trim().max(500).default(''),
  /**
   * The province the agency serves, as typed (Thai names are suggested; see provinces.ts). Optional,
   * and absent from directories saved before it existed: those still parse, with ''.
   */
  province: z.string().trim().normalize('NFC').max(100).default(''),
  /**
   * Whom the receiver trusts as this agency's signers (verify-pdf, the in-app check): certificates
   * (PEM; an officer's, or the agency CA that issues them) and store fingerprints (the store identity
   * of a FieldScreen store). Supervisors edit them; absent from directories saved before: [].
   */
  trustedCertificates: z.array(certificatePemText).max(MAX_TRUSTED_PER_AGENCY).default([]),
  trustedStores: z.array(fingerprint).max(MAX_TRUSTED_PER_AGENCY).default([]),
});
export type ReferralContact = z.infer<typeof referralContact>;

export const agencyDetails = z.object({
  name: z.string().trim().max(200).default(''),
  unit: z.string().trim().max(200).default(''),
  province: z.string().trim().max(100).default(''),
  address: z.string().trim().max(500).default(''),
  phone: z.string().trim().max(60).default(''),
  /** The agency's registry code at the head of its letter numbers ("สข 0017" in "สข 0017/12/2569"). */
  letterPrefix: z.string().trim().normalize('NFC').max(40).default(''),
});

/** Thai text of referral PDFs: Sarabun (the official-letter face) or Noto Sans Thai. */
export const referralFont = z.enum(['sarabun', 'noto']);
export type ReferralFont = z.infer<typeof referralFont>;

/**
 * Follow-up periods counted from the referral. The domain brief cites a 45-day reflection period and
 * up to 15 days of temporary shelter from TIP reports, marked "verify": a supervisor can change both.
 */
export const followUpDays = z.strictObject({
  reflectionDays: z.number().int().min(1).max(365),
  shelterDays: z.number().int().min(1).max(365),
});
export type FollowUpDays = z.infer<typeof followUpDays>;
export const DEFAULT_FOLLOW_UP_DAYS: FollowUpDays = { reflectionDays: 45, shelterDays: 15 };

/**
 * Device settings, stored one row per key inside the encrypted database. Every key has a default
 * so a fresh store needs no seeding.
 */
export const settingsSchema = z.object({
  /** Minutes without activity before the app locks itself. */
  autoLockMinutes: z.number().int().min(1).max(120).default(5),
  uiLanguage: z.enum(LOCALES).default('th'),
  /**
   * Default interviewee language offered when an interview starts. Burmese by default because most
   * migrant fishers screened at Thai ports come from Myanmar; each centre should set its own.
   */
  intervieweeLanguageDefault: languageTag.default('my'),
  agency: agencyDetails.default({
    name: '',
    unit: '',
    province: '',
    address: '',
    phone: '',
    letterPrefix: '',
  }),
  referralDirectory: z.array(referralContact).max(200).default([]),
  followUpDays: followUpDays.default(DEFAULT_FOLLOW_UP_DAYS),
  referralFont: referralFont.default('sarabun'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

/** Who may change each setting: device-wide policy needs a supervisor. */
export const SETTING_PERMISSIONS: Record<SettingKey, Permission> = {
  autoLockMinutes: 'settings.device',
  uiLanguage: 'settings.personal',
  intervieweeLanguageDefault: 'settings.personal',
  agency: 'settings.device',
  referralDirectory: 'settings.device',
  followUpDays: 'settings.device',
  referralFont: 'settings.device',
};

export const settingsPatch = z
  .object({
    autoLockMinutes: settingsSchema.shape.autoLockMinutes.unwrap().optional(),
    uiLanguage: z.enum(LOCALES).optional(),
    intervieweeLanguageDefault: languageTag.optional(),
    agency: agencyDetails.optional(),
    referralDirectory: z.array(referralContact).max(200).optional(),
    followUpDays: followUpDays.optional(),
    referralFont: referralFont.optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatch>;
