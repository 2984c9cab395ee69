import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { isAppError } from '../../src/shared/errors';
import {
  type Answers,
  answer as a,
  allQuestions,
  archivedTextKey,
  declineReasonsFor,
  exclusiveOptionIds,
  INSTRUMENT,
  INSTRUMENT_V1_DATA,
  type InstrumentInput,
  isContradictorySelection,
  parseAnswerFor,
  parseInstrument,
  parseWordingId,
  type Question,
  readAnswer,
  readAnswers,
  shownToPerson,
  wordingId,
  wordingIdSchema,
  wordingOf,
  wordingTextKeys,
} from '../../src/shared/instrument';
import { evaluate, planInterview } from '../../src/shared/screening';
import { question as q } from '../helpers/samples';

const refused = (question: Question, value: unknown) => {
  try {
    parseAnswerFor(question, value);
    return false;
  } catch (error) {
    return isAppError(error) && error.code === 'VALIDATION';
  }
};

describe('audience', () => {
  it("the officer's own questions are never shown to the person and offer only 'not sure'", () => {
    const officer = allQuestions(INSTRUMENT)
      .map((x) => x.question)
      .filter((x) => x.audience === 'officer');
    expect(officer.map((x) => x.id)).toEqual(
      expect.arrayContaining(['id_age_method', 'id_possibly_under_18', 'close_rights_explained']),
    );
    for (const question of officer) {
      expect(shownToPerson(question)).toBe(false);
      expect(declineReasonsFor(question)).toEqual(['not_sure']);
    }
    expect(shownToPerson(q('exit_could_leave'))).toBe(true);
    expect(declineReasonsFor(q('exit_could_leave'))).toEqual(['not_sure', 'prefer_not']);
  });

  it('the age assessment has one "not sure" path: no option that also means unsure', () => {
    const assessment = q('id_possibly_under_18');
    expect(assessment.kind === 'single' && assessment.options.map((o) => o.id)).toEqual([
      'possibly_under_18',
      'clearly_adult',
    ]);
    // "Not sure" is the universal answer, read as possibly a child (benefit of the doubt).
    const plan = planInterview(INSTRUMENT, { id_possibly_under_18: a.notSure() }, 'short');
    expect(plan.child.possibleChild).toBe(true);
  });
});

describe('exclusive options', () => {
  it('"nothing like this" cannot be combined with what happened', () => {
    const unhappy = q('ctrl_when_unhappy');
    expect(exclusiveOptionIds(unhappy)).toEqual(['nothing_like_this']);
    expect(refused(unhappy, { kind: 'multi', options: ['hitting_or_hurting', 'nothing_like_this'] })).toBe(
      true,
    );
    expect(parseAnswerFor(unhappy, { kind: 'multi', options: ['nothing_like_this'] })).toEqual(
      a.multi('nothing_like_this'),
    );
    expect(parseAnswerFor(unhappy, { kind: 'multi', options: ['shouting', 'hitting_or_hurting'] })).toEqual(
      a.multi('shouting', 'hitting_or_hurting'),
    );
    // Choosing the same exclusive option twice is not a contradiction.
    expect(isContradictorySelection(unhappy, ['nothing_like_this', 'nothing_like_this'])).toBe(false);
  });

  it('every "none of these" option of a multi-choice question is exclusive', () => {
    const none =
      /^(nothing_|no_deductions|no_hazards|fine_conditions|need_nothing_now|would_be_free|j_none|p_none|v_none)/;
    for (const { question } of allQuestions(INSTRUMENT)) {
      if (question.kind !== 'multi') continue;
      for (const option of question.options)
        expect(option.exclusive, `${question.id}.${option.id}`).toBe(none.test(option.id));
    }
  });

  it('a contradictory answer saved before the check is not used by the screening', () => {
    const stored: Answers = {
      ctrl_when_unhappy: { kind: 'multi', options: ['hitting_or_hurting', 'nothing_like_this'] },
    };
    expect(readAnswers(INSTRUMENT, stored)).toEqual({});
    const r = evaluate(INSTRUMENT, { ...stored, safety_others_present: a.no() });
    expect(r.indicators.map((i) => i.code)).not.toContain('ilo.physical_sexual_violence');
  });

  it('the schema refuses exclusive options on a single-choice question', () => {
    const data: InstrumentInput = structuredClone(INSTRUMENT_V1_DATA);
    const docs = data.sections.flatMap((s) => s.questions).find((x) => x.id === 'doc_where_now');
    if (docs?.kind !== 'single') throw new Error('doc_where_now');
    docs.options[0] = { id: 'with_me', exclusive: true };
    expect(() => parseInstrument(data)).toThrow(/only multi-choice options can be exclusive/);
  });
});

describe('either/or questions', () => {
  it('"did you decide, or did someone else?" is a choice between the two, not yes/no', () => {
    const choice = q('rec_own_choice');
    expect(choice.kind).toBe('single');
    expect(choice.kind === 'single' && choice.options.map((o) => o.id)).toEqual([
      'own_decision',
      'someone_else_decided',
    ]);
    expect(refused(choice, a.yes())).toBe(true);
  });

  it('a yes/no answer stored before the change still reads, in the new options', () => {
    const choice = q('rec_own_choice');
    expect(readAnswer(choice, a.yes())).toEqual(a.single('own_decision'));
    expect(readAnswer(choice, a.no())).toEqual(a.single('someone_else_decided'));
    expect(readAnswer(choice, { kind: 'choice', value: 'prefer_not' })).toEqual(a.preferNot());
    // ... and the follow-up about how it happened is shown for the old "no" as for the new answer.
    const base: Answers = {
      safety_others_present: a.no(),
      safety_safe_to_talk: a.yes(),
      consent_screening: a.yes(),
    };
    const old = planInterview(INSTRUMENT, { ...base, rec_own_choice: a.no() }, 'full');
    const now = planInterview(
      INSTRUMENT,
      { ...base, rec_own_choice: a.single('someone_else_decided') },
      'full',
    );
    const status = (p: typeof old) => p.items.find((i) => i.questionId === 'rec_how_made_to_go')?.status;
    expect(status(old)).toBe('to_ask');
    expect(status(now)).toBe('to_ask');
  });

  it('the schema checks that fromYesNo names real options', () => {
    const data: InstrumentInput = structuredClone(INSTRUMENT_V1_DATA);
    const choice = data.sections.flatMap((s) => s.questions).find((x) => x.id === 'rec_own_choice');
    if (choice?.kind !== 'single') throw new Error('rec_own_choice');
    choice.fromYesNo = { yes: 'own_decision', no: 'forced' };
    expect(() => parseInstrument(data)).toThrow(/fromYesNo names unknown option forced/);
  });
});

describe('stored answers that no longer fit', () => {
  it('are left out of the screening so the question is asked again, never guessed', () => {
    expect(readAnswer(q('work_hours_per_day'), a.number(30))).toBeUndefined();
    expect(readAnswer(q('doc_where_now'), a.single('under_the_bed'))).toBeUndefined();
    expect(readAnswer(q('doc_where_now'), a.yes())).toBeUndefined();
    expect(readAnswer(q('work_hours_per_day'), a.number(12))).toEqual(a.number(12));
    const plan = planInterview(
      INSTRUMENT,
      {
        safety_others_present: a.no(),
        safety_safe_to_talk: a.yes(),
        consent_screening: a.yes(),
        id_age: a.number(300),
      },
      'short',
    );
    expect(plan.toAsk).toContain('id_age');
  });
});

describe('question wording on record', () => {
  it('names the version, the child or standard variant and the tier', () => {
    const own = q('rec_own_choice');
    const child = wordingOf(own, { child: true, tier: 'full' });
    expect(wordingId(child)).toBe('rec_own_choice@2:child:full');
    expect(parseWordingId(wordingId(child))).toEqual(child);
    // A question without child wording is asked in its standard wording on the child path too.
    expect(wordingId(wordingOf(q('rec_paid_fee'), { child: true, tier: 'full' }))).toBe(
      'rec_paid_fee@1:standard:full',
    );
    expect(parseWordingId('rec_paid_fee')).toBeNull();
    expect(wordingIdSchema.safeParse('rec_paid_fee@1:standard:short').success).toBe(true);
    expect(wordingIdSchema.safeParse('rec_paid_fee@0:standard:short').success).toBe(false);
    expect(wordingIdSchema.safeParse('Rec@1:adult:short').success).toBe(false);
  });

  it('finds the text shown: the archived text of an older version, else the current one', () => {
    expect(
      wordingTextKeys(INSTRUMENT, {
        questionId: 'rec_own_choice',
        version: 1,
        variant: 'child',
        tier: 'full',
      }),
    ).toEqual([
      'archive.rec_own_choice.v1.textChild',
      'questions.rec_own_choice.textChild',
      'questions.rec_own_choice.text',
    ]);
    expect(
      wordingTextKeys(INSTRUMENT, {
        questionId: 'rec_own_choice',
        version: 2,
        variant: 'standard',
        tier: 'short',
      }),
    ).toEqual(['questions.rec_own_choice.text']);
    expect(archivedTextKey('ctrl_debt', 3)).toBe('archive.ctrl_debt.v3.text');
  });
});

describe('the training scenarios', () => {
  it('answer every question in its current form (an answer that no longer fits would be asked forever)', () => {
    for (const scenario of DEMO_SCENARIOS)
      for (const [id, value] of Object.entries(scenario.answers))
        expect(() => parseAnswerFor(q(id), value), `${scenario.lang} ${id}`).not.toThrow();
  });
});
