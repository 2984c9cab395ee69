import { z } from 'zod';

/**
 * The referral form as data, so an agency can adapt it (the official NRM / Ror.Bor. 1 field lists are
 * not public). Sections are drawn in order; each names its kind of content, which fields it shows
 * (for 'fields' sections), and whether the interviewee's language is printed beside the Thai.
 * Labels come from i18next namespace `referral` (key `fields.<id>` / `sections.<id>`).
 */
export const FIELD_SOURCES = [
  'case.reference',
  'case.screeningDate',
  'case.status',
  'place.kind',
  'place.name',
  'place.province',
  'vessel.name',
  'vessel.registration',
  'vessel.flag',
  'agency.name',
  'agency.unit',
  'agency.province',
  'agency.phone',
  'officer.name',
  'team.present',
  'person.nameOrAlias',
  'person.sex',
  'person.age',
  'person.minor',
  'person.ageAssessment',
  'person.nationality',
  'person.languages',
  'person.documentsLocation',
  'interview.language',
  'interpreter.name',
  'interpreter.language',
  'interpreter.declaration',
  'interpreter.conflict',
  'receiving.agency',
  /** The chosen directory entry's details; not printed for an agency typed by hand, nor when empty. */
  'receiving.province',
  'receiving.address',
  'receiving.phone',
  'receiving.email',
] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

export const SECTION_KINDS = [
  'fields',
  'consent',
  'indicators',
  'safety',
  'needs',
  'rights',
  'nextSteps',
  'personWords',
  'assessment',
  'signature',
] as const;

export const referralFormSchema = z.strictObject({
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  sections: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        kind: z.enum(SECTION_KINDS),
        /** Print the interviewee's language beside or after the Thai. */
        bilingual: z.boolean(),
        /** Only for kind 'fields'. */
        fields: z.array(z.enum(FIELD_SOURCES)).optional(),
        /** Person details are printed only when the person consented to referral. */
        needsReferralConsent: z.boolean().default(false),
      }),
    )
    .min(1),
});
export type ReferralForm = z.infer<typeof referralFormSchema>;

export const REFERRAL_FORM_V1: ReferralForm = referralFormSchema.parse({
  id: 'fieldscreen_referral',
  version: '1.0.0',
  sections: [
    {
      id: 'case',
      kind: 'fields',
      bilingual: false,
      fields: [
        'case.reference',
        'case.screeningDate',
        'place.kind',
        'place.name',
        'place.province',
        'vessel.name',
        'vessel.registration',
        'vessel.flag',
      ],
    },
    {
      id: 'referringAgency',
      kind: 'fields',
      bilingual: false,
      fields: [
        'agency.name',
        'agency.unit',
        'agency.province',
        'agency.phone',
        'officer.name',
        'team.present',
      ],
    },
    {
      id: 'receiving',
      kind: 'fields',
      bilingual: false,
      fields: [
        'receiving.agency',
        'receiving.province',
        'receiving.address',
        'receiving.phone',
        'receiving.email',
        'case.status',
      ],
    },
    {
      id: 'person',
      kind: 'fields',
      bilingual: false,
      needsReferralConsent: true,
      fields: [
        'person.nameOrAlias',
        'person.sex',
        'person.age',
        'person.minor',
        'person.ageAssessment',
        'person.nationality',
        'person.languages',
        'person.documentsLocation',
      ],
    },
    {
      id: 'interpreter',
      kind: 'fields',
      bilingual: false,
      fields: [
        'interview.language',
        'interpreter.name',
        'interpreter.language',
        'interpreter.declaration',
        'interpreter.conflict',
      ],
    },
    { id: 'consent', kind: 'consent', bilingual: true },
    { id: 'indicators', kind: 'indicators', bilingual: false },
    { id: 'safety', kind: 'safety', bilingual: false },
    { id: 'needs', kind: 'needs', bilingual: false },
    { id: 'personWords', kind: 'personWords', bilingual: false },
    { id: 'rights', kind: 'rights', bilingual: true },
    { id: 'nextSteps', kind: 'nextSteps', bilingual: true },
    { id: 'assessment', kind: 'assessment', bilingual: false },
    { id: 'signature', kind: 'signature', bilingual: false },
  ],
});
