import { describe, expect, it } from 'vitest';
import { personDetailsFromAnswers, personFieldsFromDetails } from '../../src/shared/domain/person-details';
import { personUpdateInput } from '../../src/shared/domain/persons';
import { answer, INSTRUMENT, INSTRUMENT_V1_DATA, parseInstrument } from '../../src/shared/instrument';

const { number, single, multi, notSure, preferNot, text } = answer;

/** The real instrument plus the two questions it may gain (ID document type, dialect). */
const WITH_DOCUMENT_AND_DIALECT = parseInstrument({
  ...INSTRUMENT_V1_DATA,
  sections: INSTRUMENT_V1_DATA.sections.map((section) =>
    section.id === 'identity'
      ? {
          ...section,
          questions: [
            ...section.questions,
            {
              id: 'id_document_type',
              kind: 'single',
              audience: 'officer',
              tiers: ['full'],
              options: [{ id: 'passport' }, { id: 'pink_card' }, { id: 'no_document' }],
            },
            { id: 'id_dialect', kind: 'text', audience: 'person', tiers: ['full'], maxLength: 100 },
          ],
        }
      : section,
  ),
});

describe('personDetailsFromAnswers', () => {
  it('reads a 17-year-old who answered "man" as a possible child of male sex', () => {
    const details = personDetailsFromAnswers(INSTRUMENT, {
      id_age: number(17),
      id_gender: single('man'),
      id_possibly_under_18: single('clearly_adult'),
    });
    expect(details.ageYears).toEqual({ state: 'answered', value: 17 });
    expect(details.sex).toEqual({ state: 'answered', value: 'male' });
    // The stated age wins over the officer's "clearly adult": the child path applies.
    expect(details.possibleChild).toBe(true);
    expect(details.minor).toBe('minor');
    expect(details.under18).toEqual({ state: 'answered', value: 'clearly_adult' });
  });

  it('keeps "not sure" and "prefers not to say" as declines, never as refusals or blanks', () => {
    const details = personDetailsFromAnswers(INSTRUMENT, {
      id_age: notSure(),
      id_gender: preferNot(),
      id_nationality: notSure(),
      id_possibly_under_18: notSure(),
    });
    expect(details.ageYears).toEqual({ state: 'declined', reason: 'not_sure' });
    expect(details.sex).toEqual({ state: 'declined', reason: 'prefer_not' });
    expect(details.nationality).toEqual({ state: 'declined', reason: 'not_sure' });
    expect(details.under18).toEqual({ state: 'declined', reason: 'not_sure' });
    // The officer unsure whether the person is an adult: benefit of the doubt.
    expect(details.possibleChild).toBe(true);
  });

  it('gives nationality as the option id, languages as tags and the age method', () => {
    const details = personDetailsFromAnswers(INSTRUMENT, {
      id_age: number(34),
      id_nationality: single('cambodia'),
      id_languages: multi('lang_km', 'lang_th', 'lang_other'),
      id_age_method: single('age_from_document'),
      id_possibly_under_18: single('clearly_adult'),
    });
    expect(details.nationality).toEqual({ state: 'answered', value: 'cambodia' });
    expect(details.languages).toEqual({ state: 'answered', value: ['km', 'th'] });
    expect(details.otherLanguage).toBe(true);
    expect(details.ageMethod).toEqual({ state: 'answered', value: 'document' });
    expect(details.possibleChild).toBe(false);
    expect(details.minor).toBe('adult');
  });

  it('says missing for what was not asked and for questions the instrument does not have', () => {
    const details = personDetailsFromAnswers(INSTRUMENT, {
      id_document_type: single('passport'),
      id_dialect: text('Dawei'),
    });
    expect(details.ageYears).toEqual({ state: 'missing' });
    expect(details.idDocumentType).toEqual({ state: 'missing' });
    expect(details.dialect).toEqual({ state: 'missing' });
    expect(details.minor).toBe('unknown');
  });

  it('reads the ID document type and dialect once the instrument asks them', () => {
    const details = personDetailsFromAnswers(WITH_DOCUMENT_AND_DIALECT, {
      id_document_type: single('pink_card'),
      id_dialect: text('  Dawei '),
    });
    expect(details.idDocumentType).toEqual({ state: 'answered', value: 'pink_card' });
    expect(details.dialect).toEqual({ state: 'answered', value: 'Dawei' });
  });
});

describe('personFieldsFromDetails', () => {
  it('fills only what was really answered, in the shape the person record accepts', () => {
    const fields = personFieldsFromDetails(
      personDetailsFromAnswers(INSTRUMENT, {
        id_age: number(29),
        id_gender: preferNot(),
        id_nationality: single('myanmar'),
        id_languages: multi('lang_my', 'lang_shan'),
        id_age_method: single('age_not_assessed'),
      }),
    );
    expect(fields).toEqual({
      ageYears: 29,
      minor: 'adult',
      nationality: 'myanmar',
      languages: ['my', 'shn'],
    });
    expect(
      personUpdateInput.safeParse({ id: '9b2f1c1e-8a51-4f43-9a37-2a5c1d0e7b11', ...fields }).success,
    ).toBe(true);
  });
});
