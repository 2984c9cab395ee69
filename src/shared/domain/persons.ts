import { z } from 'zod';
import { entityId, isoDateTime, optionalText, requiredText } from './common';

export const personSex = z.enum(['female', 'male', 'other', 'undisclosed']);
export const minorStatus = z.enum(['adult', 'minor', 'unknown']);
/** How the age was established; a child is screened under different rules (ACT + PURPOSE). */
export const ageAssessment = z.enum(['document', 'self_reported', 'officer_estimate', 'other']);
export const documentsLocation = z.enum([
  'with_person',
  'with_employer',
  'with_captain',
  'with_broker',
  'lost',
  'unknown',
  'other',
]);
export const genderPreference = z.enum(['female', 'male', 'no_preference']);

/** BCP 47-ish language tag, e.g. "my", "km", "th", "shn". */
export const languageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'language tag');

const personFields = {
  /** The name the person gives, or an alias they choose. */
  nameOrAlias: requiredText(200),
  sex: personSex.default('undisclosed'),
  ageYears: z.number().int().min(0).max(120).nullable().default(null),
  minor: minorStatus.default('unknown'),
  ageAssessment: ageAssessment.nullable().default(null),
  nationality: optionalText(100),
  languages: z.array(languageTag).max(10).default([]),
  dialect: optionalText(100),
  documentsLocation: documentsLocation.nullable().default(null),
  preferredInterviewerGender: genderPreference.nullable().default(null),
};

export const personInput = z.object(personFields);
export type PersonInput = z.input<typeof personInput>;

/** Partial update; absent fields keep their value. */
export const personUpdateInput = z.object({
  id: entityId,
  nameOrAlias: personFields.nameOrAlias.optional(),
  sex: personSex.optional(),
  ageYears: z.number().int().min(0).max(120).nullable().optional(),
  minor: minorStatus.optional(),
  ageAssessment: ageAssessment.nullable().optional(),
  nationality: z.string().trim().max(100).nullable().optional(),
  languages: z.array(languageTag).max(10).optional(),
  dialect: z.string().trim().max(100).nullable().optional(),
  documentsLocation: documentsLocation.nullable().optional(),
  preferredInterviewerGender: genderPreference.nullable().optional(),
});
export type PersonUpdateInput = z.input<typeof personUpdateInput>;

export const person = z.object({
  id: entityId,
  caseId: entityId,
  nameOrAlias: z.string(),
  sex: personSex,
  ageYears: z.number().int().nullable(),
  minor: minorStatus,
  ageAssessment: ageAssessment.nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  dialect: z.string().nullable(),
  documentsLocation: documentsLocation.nullable(),
  preferredInterviewerGender: genderPreference.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Person = z.infer<typeof person>;
