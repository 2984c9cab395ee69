import { z } from 'zod';

/**
 * The referral form as data, so an agency can adapt it (the official NRM / Ror.Bor. 1 field lists are
 * not public). It follows the shape of a Thai official letter: letterhead (number, date, subject,
 * addressee, enclosures), then the form's sections in order, then signatures, the receiver's
 * acknowledgement and the verification facts. Each section names its kind of content, which fields
 * it shows (for 'fields' sections, as a grid of `columns`), and whether the interviewee's language
 * is printed beside the Thai. Labels come from i18next namespace `referral` (`fields.<id>`,
 * `sections.<id>`).
 */
export const FIELD_SOURCES = [
  'letter.number',
  'letter.date',
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
  'agency.address',
  'agency.phone',
  'officer.name',
  'officer.position',
  'interview.dates',
  'interview.tier',
  'interview.instrument',
  'interview.language',
  'person.nameOrAlias',
  'person.sex',
  'person.age',
  'person.ageMethod',
  'person.under18',
  'person.nationality',
  'person.languages',
  'person.idDocumentType',
  'person.documentsLocation',
  'receiving.agency',
  'receiving.contactPerson',
  /** The chosen directory entry's details; not printed for an agency typed by hand, nor when empty. */
  'receiving.province',
  'receiving.address',
  'receiving.phone',
  'receiving.email',
] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** Facts of the verification box at the end (the digital signature as a reader checks it). */
export const VERIFICATION_SOURCES = [
  'letter.number',
  'signer.name',
  'signer.position',
  // In the agency's place (the letterhead names the agency already): the store whose CA certified the
  // signer, short as read out by phone; the whole fingerprint is in the signature's certificates,
  // which verify-pdf reports as store:.
  'signer.store',
  'signer.time',
  // Beside the time, in the row the time had to itself (the certificate takes a whole row): the box
  // keeps its height and the letter its page count.
  'audit.anchor',
  'signer.certificate',
  'document.hashNote',
] as const;
export type VerificationSource = (typeof VERIFICATION_SOURCES)[number];

export const SECTION_KINDS = [
  'fields',
  'team',
  'consent',
  'recommendations',
  'findings',
  'safety',
  'needs',
  'othersInvolved',
  'personWords',
  'rights',
  'nextSteps',
  'assessment',
  'signatures',
  'acknowledgement',
  'verification',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const referralFormSchema = z.strictObject({
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** The pages a typical referral should fit on (DocModel.fitPages: tighter spacing if needed). */
  fitPages: z.number().int().min(1).max(20).optional(),
  sections: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        kind: z.enum(SECTION_KINDS),
        /** Print the interviewee's language beside or after the Thai. */
        bilingual: z.boolean(),
        /** Only for kind 'fields'. */
        fields: z.array(z.enum(FIELD_SOURCES)).optional(),
        /** Only for kind 'verification'. */
        verification: z.array(z.enum(VERIFICATION_SOURCES)).optional(),
        /** Grid columns for 'fields' sections. */
        columns: z.number().int().min(1).max(4).default(3),
        /** Person details are printed only when the person consented to referral. */
        needsReferralConsent: z.boolean().default(false),
        /** Printed without a heading of its own (it follows the section before). */
        untitled: z.boolean().default(false),
      }),
    )
    .min(1),
});
export type ReferralForm = z.infer<typeof referralFormSchema>;
export type FormSection = ReferralForm['sections'][number];

export const REFERRAL_FORM_V2: ReferralForm = referralFormSchema.parse({
  id: 'fieldscreen_referral',
  version: '2.0.0',
  fitPages: 4,
  sections: [
    {
      id: 'referral',
      kind: 'fields',
      bilingual: false,
      columns: 3,
      fields: [
        'case.reference',
        'case.screeningDate',
        'case.status',
        // Province, telephone and e-mail share a row; the address, a whole row, comes after them.
        'receiving.province',
        'receiving.phone',
        'receiving.email',
        'receiving.address',
      ],
    },
    {
      id: 'referringAgency',
      kind: 'fields',
      bilingual: false,
      columns: 3,
      fields: [
        'agency.name',
        'agency.unit',
        'agency.province',
        'agency.address',
        'agency.phone',
        'officer.name',
        'officer.position',
      ],
    },
    {
      id: 'interview',
      kind: 'fields',
      bilingual: false,
      columns: 3,
      fields: [
        'interview.dates',
        'interview.instrument',
        'interview.language',
        'place.kind',
        'place.name',
        'place.province',
        'vessel.name',
        'vessel.registration',
        'vessel.flag',
      ],
    },
    { id: 'team', kind: 'team', bilingual: false },
    {
      id: 'person',
      kind: 'fields',
      bilingual: false,
      columns: 3,
      needsReferralConsent: true,
      fields: [
        'person.nameOrAlias',
        'person.sex',
        'person.age',
        'person.ageMethod',
        'person.under18',
        'person.nationality',
        'person.languages',
        'person.idDocumentType',
        'person.documentsLocation',
      ],
    },
    { id: 'consent', kind: 'consent', bilingual: true },
    { id: 'recommendations', kind: 'recommendations', bilingual: false },
    { id: 'findings', kind: 'findings', bilingual: false },
    { id: 'safety', kind: 'safety', bilingual: false },
    { id: 'needs', kind: 'needs', bilingual: false },
    { id: 'othersInvolved', kind: 'othersInvolved', bilingual: false },
    { id: 'personWords', kind: 'personWords', bilingual: false },
    { id: 'rights', kind: 'rights', bilingual: true },
    { id: 'nextSteps', kind: 'nextSteps', bilingual: true },
    { id: 'assessment', kind: 'assessment', bilingual: false },
    { id: 'signatures', kind: 'signatures', bilingual: false },
    { id: 'acknowledgement', kind: 'acknowledgement', bilingual: false },
    {
      id: 'verification',
      kind: 'verification',
      bilingual: false,
      verification: [...VERIFICATION_SOURCES],
    },
  ],
});
