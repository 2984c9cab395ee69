import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answers,
  type AnswerValue,
  answer as a,
  allQuestions,
  type Condition,
  findQuestion,
  ILO_EC_ELEMENTS,
  ILO_EC_INDICATOR_CODES,
  ILO_EC_INDICATORS,
  ILO_FL_INDICATORS,
  INSTRUMENT,
  type Question,
  questionTextKey,
  THAI_CODES,
  type ValueTest,
} from '../../src/shared/instrument';
import {
  DEFAULT_SCREENING_RULES,
  evaluate,
  evaluateUrgent,
  meetsThreshold,
  planInterview,
  RECOMMENDATION_CODES,
  recommend,
} from '../../src/shared/screening';

const started: Answers = {
  safety_others_present: a.no(),
  safety_safe_to_talk: a.yes(),
  consent_explained: a.single('understood'),
  consent_screening: a.yes(),
};

const questions = allQuestions(INSTRUMENT).map((x) => x.question);

/** A real answer that passes a value test on this question. */
function valueFor(q: Question, test: ValueTest): AnswerValue {
  if ('equals' in test)
    return q.kind === 'yesNo' ? { kind: 'choice', value: test.equals as 'yes' } : a.single(test.equals);
  if ('in' in test)
    return q.kind === 'yesNo' ? { kind: 'choice', value: test.in[0] as 'yes' } : a.single(test.in[0] ?? '');
  if ('includes' in test) return a.multi(test.includes);
  if ('includesAny' in test) return a.multi(test.includesAny[0] ?? '');
  if ('atLeast' in test) return a.number(test.atLeast);
  if ('below' in test) return a.number(test.below - 1);
  if ('declined' in test) return a.notSure();
  return anyRealAnswer(q);
}

function anyRealAnswer(q: Question): AnswerValue {
  switch (q.kind) {
    case 'yesNo':
      return a.yes();
    case 'single':
      return a.single(q.options[0]?.id ?? '');
    case 'multi':
      return a.multi(q.options[0]?.id ?? '');
    case 'number':
      return a.number(q.min + 1);
    case 'date':
      return a.approxDate(1990);
    case 'text':
      return a.text('words');
  }
}

/** Answers that make a condition hold (first satisfiable branch of `any`; `not` is not needed here). */
function satisfy(condition: Condition): Answers {
  if ('all' in condition) return Object.assign({}, ...condition.all.map(satisfy));
  if ('any' in condition) return satisfy(condition.any[0] as Condition);
  if ('flag' in condition) return { id_age: a.number(15) };
  if ('not' in condition) throw new Error('not used by the witness builder');
  const q = findQuestion(INSTRUMENT, condition.q);
  if (!q) throw new Error(condition.q);
  return { [q.id]: valueFor(q, condition) };
}

/** Answers in which the question is shown and answered with `value` (and the rule's extra condition holds). */
function witness(q: Question, value: AnswerValue, requires?: Condition): Answers {
  let answers: Answers = {
    ...started,
    id_possibly_under_18: a.single('clearly_adult'),
    ...(requires ? satisfy(requires) : {}),
    [q.id]: value,
  };
  for (let round = 0; round < 5; round++) {
    for (const id of Object.keys(answers)) {
      const showIf = findQuestion(INSTRUMENT, id)?.showIf;
      if (showIf) answers = { ...satisfy(showIf), ...answers };
    }
  }
  return answers;
}

describe('every indicator, element and legal code is reachable through the engine', () => {
  const rules = questions.flatMap((q) => q.evidence.map((rule) => ({ q, rule })));

  it.each([...ILO_FL_INDICATORS])('ILO forced-labour indicator %s', (code) => {
    const found = rules.filter(({ rule }) => rule.ilo?.includes(code));
    expect(found.length).toBeGreaterThan(0);
    for (const { q, rule } of found) {
      const r = evaluate(INSTRUMENT, witness(q, valueFor(q, rule.when), rule.requires));
      expect(
        r.indicators.map((i) => i.code),
        `${q.id}`,
      ).toContain(code);
    }
  });

  it.each([...ILO_EC_INDICATOR_CODES])('ILO/EC indicator %s', (code) => {
    const found = rules.filter(({ rule }) => rule.iloEc?.includes(code));
    expect(found.length).toBeGreaterThan(0);
    for (const { q, rule } of found) {
      const r = evaluate(INSTRUMENT, witness(q, valueFor(q, rule.when), rule.requires));
      const hit = r.indicators.find((i) => i.code === code);
      expect(hit, q.id).toMatchObject({ framework: 'ilo_ec', element: ILO_EC_INDICATORS[code].element });
    }
  });

  it.each([...ILO_EC_ELEMENTS])('ILO/EC element %s can be found present', (element) => {
    // Evidence every indicator of the element at once; the Delphi rule must then find it present.
    let answers: Answers = {};
    for (const { q, rule } of rules.filter(({ rule }) =>
      (rule.iloEc ?? []).some((c) => ILO_EC_INDICATORS[c].element === element),
    )) {
      const w = witness(q, valueFor(q, rule.when), rule.requires);
      const prev = answers[q.id];
      const mine = w[q.id];
      // Merge multi-choice answers so several options of one question count together.
      if (prev?.kind === 'multi' && mine?.kind === 'multi')
        w[q.id] = a.multi(...prev.options, ...mine.options);
      answers = { ...answers, ...w };
    }
    const r = evaluate(INSTRUMENT, answers);
    expect(r.elements.find((e) => e.code === element)?.present).toBe(true);
  });

  it.each([...THAI_CODES])('Thai law code %s', (code) => {
    const found = rules.filter(({ rule }) => rule.thai?.includes(code));
    expect(found.length).toBeGreaterThan(0);
    for (const { q, rule } of found) {
      // Forced labour as a purpose also needs the work to be involuntary (an adult who cannot leave).
      const support: Answers = code === 's6.purpose.forced_labour' ? { exit_could_leave: a.no() } : {};
      const r = evaluate(INSTRUMENT, { ...support, ...witness(q, valueFor(q, rule.when), rule.requires) });
      const all = [
        ...r.thaiLaw.s6.act.findings,
        ...r.thaiLaw.s6.means.findings,
        ...r.thaiLaw.s6.purpose.findings,
        ...r.thaiLaw.s6_1.work.findings,
        ...r.thaiLaw.s6_1.means.findings,
        ...r.thaiLaw.s6_1.involuntary.findings,
      ].map((f) => f.code);
      expect(all, q.id).toContain(code);
    }
  });
});

describe('"not sure" and "prefers not to say"', () => {
  const keyQuestions = questions.filter((q) => q.evidence.length > 0);

  it('never produce an indicator, whichever question is declined', () => {
    for (const q of keyQuestions) {
      for (const declined of [a.notSure(), a.preferNot()]) {
        const r = evaluate(INSTRUMENT, witness(q, declined));
        const fromThis = r.indicators.filter((i) => i.evidence.some((e) => e.questionId === q.id));
        expect(fromThis, q.id).toEqual([]);
      }
    }
  });

  it('are not read as "no": a declined follow-up is not "could get papers back"', () => {
    const held = { ...started, doc_where_now: a.single('employer_or_boat') };
    const declined = evaluate(INSTRUMENT, { ...held, doc_can_get_back: a.preferNot() });
    const yes = evaluate(INSTRUMENT, { ...held, doc_can_get_back: a.yes() });
    expect(declined.indicators).toEqual([]);
    expect(yes.indicators).toEqual([]);
    expect(declined.completeness.declined).toBe(yes.completeness.declined + 1);
  });

  it('a yes/no "not sure" given as a choice value is treated exactly like a declined answer', () => {
    const asChoice = evaluate(INSTRUMENT, {
      ...started,
      rec_job_as_promised: { kind: 'choice', value: 'not_sure' },
    });
    const asDeclined = evaluate(INSTRUMENT, { ...started, rec_job_as_promised: a.notSure() });
    expect(asChoice.indicators).toEqual(asDeclined.indicators);
    expect(asChoice.completeness).toEqual(asDeclined.completeness);
  });

  it('declining every question gives "incomplete", never "no indicators" and never a referral', () => {
    const answers: Answers = { ...started };
    for (let guard = 0; guard < 200; guard++) {
      const next = evaluate(INSTRUMENT, answers).nextQuestionId;
      if (!next) break;
      // The officer's own age assessment is not the person's to decline ("not sure" there means a possible child).
      if (next === 'id_possibly_under_18') answers[next] = a.single('clearly_adult');
      else answers[next] = guard % 2 ? a.preferNot() : a.notSure();
    }
    const r = evaluate(INSTRUMENT, answers);
    expect(r.nextQuestionId).toBeNull();
    expect(r.recommendations.map((x) => x.code)).toEqual(['insufficient_information']);
    expect(r.indicators).toEqual([]);
    // Safety, the consent explanation and consent, and the officer's age assessment.
    expect(r.completeness.answered).toBe(5);
  });

  it('property: declining an answer never adds an indicator or a legal element', () => {
    fc.assert(
      fc.property(randomAnswers(), fc.nat(), (answers, pick) => {
        const ids = Object.keys(answers);
        if (ids.length === 0) return;
        const id = ids[pick % ids.length] as string;
        const before = evaluate(INSTRUMENT, answers);
        // Only the answers given to questions that were asked: a decline may bring up a follow-up that
        // is asked after "not sure" too (what would happen if you left), which has not been answered yet.
        const hidden = planInterview(INSTRUMENT, answers, 'full')
          .items.filter((i) => i.status === 'hidden' || i.status === 'after_stop')
          .map((i) => i.questionId);
        const asked = Object.fromEntries(Object.entries(answers).filter(([q]) => !hidden.includes(q)));
        const after = evaluate(INSTRUMENT, { ...asked, [id]: a.preferNot() });
        const codes = (r: typeof before) => new Set(r.indicators.map((i) => i.code));
        for (const code of codes(after)) expect(codes(before).has(code)).toBe(true);
        if (after.thaiLaw.s6.met) expect(before.thaiLaw.s6.met).toBe(true);
        if (after.thaiLaw.s6_1.met) expect(before.thaiLaw.s6_1.met).toBe(true);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});

/** Random answer sets over the whole instrument (safe to talk and consent given, so the interview runs). */
function randomAnswers(): fc.Arbitrary<Answers> {
  const perQuestion = questions.map((q) =>
    fc.option(fc.oneof(fc.constant(a.notSure()), fc.constant(a.preferNot()), realAnswer(q), realAnswer(q)), {
      nil: undefined,
    }),
  );
  return fc.tuple(...perQuestion).map((values) => {
    const answers: Answers = {};
    values.forEach((v, i) => {
      const q = questions[i];
      if (q && v !== undefined) answers[q.id] = v;
    });
    return { ...answers, ...started };
  });
}

function realAnswer(q: Question): fc.Arbitrary<AnswerValue> {
  switch (q.kind) {
    case 'yesNo':
      return fc.constantFrom(a.yes(), a.no());
    case 'single':
      return fc.constantFrom(...q.options.map((o) => a.single(o.id)));
    case 'multi':
      return fc
        .subarray(
          q.options.map((o) => o.id),
          { minLength: 1 },
        )
        .map((ids) => a.multi(...ids));
    case 'number':
      return fc.integer({ min: q.min, max: q.max }).map(a.number);
    case 'date':
      return fc.integer({ min: 1950, max: 2015 }).map((y) => a.approxDate(y));
    case 'text':
      return fc.constant(a.text('something'));
  }
}

describe('result invariants (property)', () => {
  it('pure, deterministic, traceable and always with a known recommendation', () => {
    fc.assert(
      fc.property(randomAnswers(), fc.constantFrom('short' as const, 'full' as const), (answers, tier) => {
        const frozen = structuredClone(answers);
        const r = evaluate(INSTRUMENT, answers, { tier });
        expect(answers).toEqual(frozen);
        expect(evaluate(INSTRUMENT, answers, { tier })).toEqual(r);
        expect(RECOMMENDATION_CODES).toContain(r.recommendation.code);
        expect(r.recommendation.messageKey).toBe(`recommendations.${r.recommendation.code}.title`);
        for (const i of r.indicators)
          for (const e of i.evidence) expect(answers[e.questionId]).toEqual(e.value);
        if (r.recommendations.some((x) => x.code === 'no_indicators_found')) {
          expect(r.indicators).toEqual([]);
          expect(r.completeness.sufficient).toBe(true);
        }
        if (r.thaiLaw.s6.met) expect(r.recommendations.map((x) => x.code)).toContain('refer_mdt');
        if (r.thaiLaw.s6_1.met) expect(r.recommendations.map((x) => x.code)).toContain('refer_forced_labour');
        expect(r.urgent.flagged).toBe(r.urgent.reasons.length > 0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('child path', () => {
  it('a stated age under 18, or the officer\'s "possibly under 18" (or "not sure"), makes a possible child', () => {
    const r = (answers: Answers) => evaluate(INSTRUMENT, { ...started, ...answers }).child.possibleChild;
    expect(r({ id_age: a.number(17) })).toBe(true);
    expect(r({ id_age: a.number(18) })).toBe(false);
    expect(r({ id_age: a.number(25), id_possibly_under_18: a.single('possibly_under_18') })).toBe(true);
    expect(r({ id_age: a.number(16), id_possibly_under_18: a.single('clearly_adult') })).toBe(true);
    expect(r({ id_possibly_under_18: a.notSure() })).toBe(true);
    expect(r({ id_age: a.preferNot(), id_possibly_under_18: a.single('clearly_adult') })).toBe(false);
  });

  it('a possible child is flagged urgent at once, so child protection comes forward', () => {
    const u = evaluateUrgent(INSTRUMENT, { ...started, id_age: a.number(14) }, 'short');
    expect(u).toEqual({ flagged: true, reasons: ['possible_child'], messageKeys: ['urgent.possible_child'] });
  });

  it('switches to the child wording where a question has one', () => {
    const q = findQuestion(INSTRUMENT, 'exit_could_leave');
    const age = findQuestion(INSTRUMENT, 'id_age');
    if (!q || !age) throw new Error('missing');
    expect(questionTextKey(q, true)).toBe('questions.exit_could_leave.textChild');
    expect(questionTextKey(q, false)).toBe('questions.exit_could_leave.text');
    expect(questionTextKey(age, true)).toBe('questions.id_age.text');
  });

  it('Thai s.6 drops the means for a child: act + purpose suffices', () => {
    const answers: Answers = {
      ...started,
      rec_how_found: a.single('broker_agent'),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
    };
    const asAdult = evaluate(INSTRUMENT, { ...answers, id_age: a.number(30) });
    const asChild = evaluate(INSTRUMENT, { ...answers, id_age: a.number(16) });
    expect(asAdult.thaiLaw.s6).toMatchObject({ met: false, meansRequired: true, child: false });
    expect(asChild.thaiLaw.s6).toMatchObject({ met: true, meansRequired: false, child: true });
    expect(asChild.thaiLaw.s6.evidence.map((e) => e.questionId)).toEqual([
      'rec_how_found',
      'doc_can_get_back',
    ]);
  });
});

describe('combining rules', () => {
  it('the Delphi thresholds: two strong, strong + medium/weak, three medium, two medium + weak', () => {
    const present = (strong: number, medium: number, weak: number) =>
      DEFAULT_SCREENING_RULES.elementThresholds.some((t) => meetsThreshold({ strong, medium, weak }, t));
    expect(present(2, 0, 0)).toBe(true);
    expect(present(1, 1, 0)).toBe(true);
    expect(present(1, 0, 1)).toBe(true);
    expect(present(0, 3, 0)).toBe(true);
    expect(present(0, 2, 1)).toBe(true);
    expect(present(1, 0, 0)).toBe(false);
    expect(present(0, 2, 0)).toBe(false);
    expect(present(0, 1, 5)).toBe(false);
    expect(present(0, 0, 9)).toBe(false);
  });

  it('rules are configurable without touching the engine', () => {
    const answers: Answers = {
      ...started,
      doc_where_now: a.single('broker_agent'),
      doc_can_get_back: a.no(),
    };
    const strict = evaluate(INSTRUMENT, answers);
    expect(strict.elements.find((e) => e.code === 'ilo_ec.coercion_at_destination')?.present).toBe(false);
    const lenient = evaluate(INSTRUMENT, answers, {
      rules: { ...DEFAULT_SCREENING_RULES, elementThresholds: [{ strong: 1 }] },
    });
    expect(lenient.elements.find((e) => e.code === 'ilo_ec.coercion_at_destination')?.present).toBe(true);
  });

  it('a referral outranks "incomplete"; urgent comes first; no consent ends everything', () => {
    const base = {
      stopped: null,
      urgentBeyondSafety: false,
      mdtPattern: false,
      forcedLabour: false,
      anyIndicator: false,
      sufficient: true,
    };
    expect(recommend(base)).toEqual(['no_indicators_found']);
    expect(recommend({ ...base, sufficient: false })).toEqual(['insufficient_information']);
    expect(recommend({ ...base, sufficient: false, anyIndicator: true })).toEqual([
      'insufficient_information',
      'labour_rights_follow_up',
    ]);
    expect(recommend({ ...base, sufficient: false, forcedLabour: true, anyIndicator: true })).toEqual([
      'refer_forced_labour',
    ]);
    expect(recommend({ ...base, urgentBeyondSafety: true, mdtPattern: true, forcedLabour: true })).toEqual([
      'urgent_action',
      'refer_mdt',
      'refer_forced_labour',
    ]);
    expect(recommend({ ...base, stopped: 'no_consent', mdtPattern: true })).toEqual(['no_consent']);
  });
});

describe('urgent', () => {
  it('injury needing care now, immediate danger, and fear of going back are urgent', () => {
    const u = (answers: Answers) => evaluateUrgent(INSTRUMENT, { ...started, ...answers }).reasons;
    expect(u({ health_pain_injury: a.yes(), health_needs_care_now: a.yes() })).toEqual(['medical_need']);
    expect(u({ needs_danger_now: a.yes() })).toEqual(['immediate_danger']);
    expect(u({ close_person_view: a.single('afraid_of_harm') })).toEqual(['immediate_danger']);
    expect(u({ needs_danger_now: a.notSure() })).toEqual([]);
    expect(u({})).toEqual([]);
  });

  it('the next question is given by the skip rules', () => {
    const r = evaluate(INSTRUMENT, { ...started, health_pain_injury: a.yes() }, { tier: 'short' });
    expect(r.nextQuestionId).toBe('health_needs_care_now');
    const r2 = evaluate(INSTRUMENT, { ...started, health_pain_injury: a.no() }, { tier: 'short' });
    expect(r2.nextQuestionId).toBe('needs_danger_now');
  });
});
