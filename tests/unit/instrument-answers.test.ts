import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/shared/errors';
import {
  answerSchemaFor,
  answersSchema,
  answerValueSchema,
  declineReasonOf,
  INSTRUMENT,
  isSubstantive,
  parseAnswerFor,
  type Question,
} from '../../src/shared/instrument';
import { question as q } from '../helpers/samples';

const rejects = (question: Question, value: unknown) => {
  try {
    parseAnswerFor(question, value);
    return false;
  } catch (error) {
    expect(isAppError(error) && error.code === 'VALIDATION' && error.messageKey === 'errors.validation').toBe(
      true,
    );
    return true;
  }
};

describe('parseAnswerFor', () => {
  it('every question accepts "not sure"; only questions to the person accept "prefers not to say"', () => {
    for (const section of INSTRUMENT.sections) {
      for (const question of section.questions) {
        expect(parseAnswerFor(question, { kind: 'declined', reason: 'not_sure' })).toEqual({
          kind: 'declined',
          reason: 'not_sure',
        });
        const preferNot = { kind: 'declined', reason: 'prefer_not' };
        if (question.audience === 'officer') expect(rejects(question, preferNot)).toBe(true);
        else expect(parseAnswerFor(question, preferNot)).toEqual(preferNot);
      }
    }
    // The officer's own questions: no "prefers not to say" in either answer form.
    expect(rejects(q('close_rights_explained'), { kind: 'choice', value: 'prefer_not' })).toBe(true);
    expect(parseAnswerFor(q('close_rights_explained'), { kind: 'choice', value: 'not_sure' })).toEqual({
      kind: 'declined',
      reason: 'not_sure',
    });
    expect(rejects(q('id_age'), { kind: 'declined', reason: 'bored' })).toBe(true);
  });

  it('yes/no: canonicalises a "not sure" choice into a declined answer', () => {
    expect(parseAnswerFor(q('exit_could_leave'), { kind: 'choice', value: 'no' })).toEqual({
      kind: 'choice',
      value: 'no',
    });
    expect(parseAnswerFor(q('exit_could_leave'), { kind: 'choice', value: 'prefer_not' })).toEqual({
      kind: 'declined',
      reason: 'prefer_not',
    });
    expect(rejects(q('exit_could_leave'), { kind: 'choice', value: 'maybe' })).toBe(true);
    expect(rejects(q('exit_could_leave'), { kind: 'single', option: 'yes' })).toBe(true);
  });

  it('single and multiple choice: option ids must exist; duplicates collapse', () => {
    expect(parseAnswerFor(q('doc_where_now'), { kind: 'single', option: 'with_me' })).toEqual({
      kind: 'single',
      option: 'with_me',
    });
    expect(rejects(q('doc_where_now'), { kind: 'single', option: 'under_the_bed' })).toBe(true);
    expect(
      parseAnswerFor(q('ctrl_when_unhappy'), { kind: 'multi', options: ['shouting', 'shouting'] }),
    ).toEqual({
      kind: 'multi',
      options: ['shouting'],
    });
    expect(rejects(q('ctrl_when_unhappy'), { kind: 'multi', options: [] })).toBe(true);
    expect(rejects(q('ctrl_when_unhappy'), { kind: 'multi', options: ['with_me'] })).toBe(true);
  });

  it('numbers: within the question range, whole numbers', () => {
    expect(parseAnswerFor(q('work_hours_per_day'), { kind: 'number', value: 18 })).toEqual({
      kind: 'number',
      value: 18,
    });
    expect(rejects(q('work_hours_per_day'), { kind: 'number', value: 25 })).toBe(true);
    expect(rejects(q('work_hours_per_day'), { kind: 'number', value: -1 })).toBe(true);
    expect(rejects(q('id_age'), { kind: 'number', value: 16.5 })).toBe(true);
    expect(rejects(q('id_age'), { kind: 'number', value: Number.NaN })).toBe(true);
    expect(rejects(q('id_age'), { kind: 'number', value: '16' })).toBe(true);
  });

  it('dates: a real ISO date, or an approximate year and month', () => {
    const birth = q('id_birth_date');
    expect(parseAnswerFor(birth, { kind: 'date', iso: '2008-02-29' })).toEqual({
      kind: 'date',
      iso: '2008-02-29',
    });
    expect(rejects(birth, { kind: 'date', iso: '2007-02-29' })).toBe(true);
    expect(rejects(birth, { kind: 'date', iso: '29/02/2008' })).toBe(true);
    expect(parseAnswerFor(birth, { kind: 'approxDate', year: 2007 })).toEqual({
      kind: 'approxDate',
      year: 2007,
    });
    expect(parseAnswerFor(birth, { kind: 'approxDate', year: 2007, month: 5 })).toEqual({
      kind: 'approxDate',
      year: 2007,
      month: 5,
    });
    expect(rejects(birth, { kind: 'approxDate', year: 2007, month: 13 })).toBe(true);
  });

  it('free text: trimmed, not empty, at most 2000 characters', () => {
    const opinion = q('close_opinion');
    expect(parseAnswerFor(opinion, { kind: 'text', text: '  ต้องการกลับบ้าน  ' })).toEqual({
      kind: 'text',
      text: 'ต้องการกลับบ้าน',
    });
    expect(rejects(opinion, { kind: 'text', text: '   ' })).toBe(true);
    expect(parseAnswerFor(opinion, { kind: 'text', text: 'x'.repeat(2000) })).toMatchObject({ kind: 'text' });
    expect(rejects(opinion, { kind: 'text', text: 'x'.repeat(2001) })).toBe(true);
  });

  it('rejects extra fields and never echoes the answer in the error', () => {
    expect(rejects(q('id_age'), { kind: 'number', value: 30, note: 'x' })).toBe(true);
    let caught: unknown;
    try {
      parseAnswerFor(q('close_opinion'), { kind: 'text', text: `secret name ${'x'.repeat(3000)}` });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    expect(String((caught as Error).message)).not.toContain('secret');
    expect(JSON.stringify(caught)).not.toContain('secret');
    expect(String((caught as Error).cause ?? '')).not.toContain('secret');
  });

  it('answerSchemaFor gives a zod schema the IPC layer can use', () => {
    const schema = answerSchemaFor(q('doc_can_get_back'));
    expect(schema.safeParse({ kind: 'choice', value: 'yes' }).success).toBe(true);
    expect(schema.safeParse({ kind: 'number', value: 1 }).success).toBe(false);
  });
});

describe('generic answer schemas and helpers', () => {
  it('answerValueSchema accepts every shape and answersSchema a record of them', () => {
    const values = [
      { kind: 'choice', value: 'yes' },
      { kind: 'single', option: 'with_me' },
      { kind: 'multi', options: ['a', 'b'] },
      { kind: 'number', value: 3 },
      { kind: 'date', iso: '2020-01-31' },
      { kind: 'approxDate', year: 1999 },
      { kind: 'text', text: 'words' },
      { kind: 'declined', reason: 'prefer_not' },
    ];
    for (const v of values) expect(answerValueSchema.safeParse(v).success, JSON.stringify(v)).toBe(true);
    expect(answerValueSchema.safeParse({ kind: 'date', iso: '2020-02-31' }).success).toBe(false);
    expect(answersSchema.safeParse({ id_age: { kind: 'number', value: 3 } }).success).toBe(true);
    expect(answersSchema.safeParse({ id_age: { kind: 'weird' } }).success).toBe(false);
  });

  it('declineReasonOf / isSubstantive', () => {
    expect(declineReasonOf({ kind: 'choice', value: 'not_sure' })).toBe('not_sure');
    expect(declineReasonOf({ kind: 'declined', reason: 'prefer_not' })).toBe('prefer_not');
    expect(declineReasonOf({ kind: 'choice', value: 'no' })).toBeNull();
    expect(declineReasonOf(undefined)).toBeNull();
    expect(isSubstantive({ kind: 'choice', value: 'no' })).toBe(true);
    expect(isSubstantive({ kind: 'choice', value: 'prefer_not' })).toBe(false);
    expect(isSubstantive(undefined)).toBe(false);
  });
});
