import { describe, expect, it } from 'vitest';
import { type Answers, answer as a, INSTRUMENT, parseInstrument } from '../../src/shared/instrument';
import { evaluate, planInterview, questionsOfTier } from '../../src/shared/screening';

const started: Answers = {
  safety_others_present: a.no(),
  safety_safe_to_talk: a.yes(),
  consent_explained: a.single('understood'),
  consent_screening: a.yes(),
};

const statusOf = (answers: Answers, id: string, tier: 'short' | 'full' = 'full') =>
  planInterview(INSTRUMENT, answers, tier).items.find((i) => i.questionId === id)?.status;

describe('tiers', () => {
  it('a blank interview starts with the safety questions in both tiers', () => {
    expect(planInterview(INSTRUMENT, {}, 'short').nextQuestionId).toBe('safety_others_present');
    expect(planInterview(INSTRUMENT, {}, 'full').nextQuestionId).toBe('safety_others_present');
  });

  it('the short screen asks about 17 questions of the person (kind of work and nationality included); the full interview 45-85 in all, at most 65 of them asked of everyone', () => {
    const short = questionsOfTier(INSTRUMENT, 'short');
    const alwaysAskedOfPerson = short.filter((q) => !q.showIf && q.audience === 'person');
    expect(alwaysAskedOfPerson.length).toBeGreaterThanOrEqual(13);
    expect(alwaysAskedOfPerson.length).toBeLessThanOrEqual(19);
    expect(alwaysAskedOfPerson.map((q) => q.id)).toEqual(
      expect.arrayContaining(['id_nationality', 'work_type']),
    );
    const full = questionsOfTier(INSTRUMENT, 'full');
    expect(full.length).toBeGreaterThanOrEqual(45);
    expect(full.length).toBeLessThanOrEqual(85);
    // Follow-ups are asked only after the answer they follow: a full interview asks everyone at most 65.
    expect(full.filter((q) => !q.showIf).length).toBeLessThanOrEqual(65);
    // The short screen is a subset of the full interview, in the same order.
    const fullIds = full.map((q) => q.id);
    const positions = short.map((q) => fullIds.indexOf(q.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('the short screen never asks full-only questions', () => {
    const plan = planInterview(INSTRUMENT, started, 'short');
    const shortIds = new Set(questionsOfTier(INSTRUMENT, 'short').map((q) => q.id));
    expect(plan.toAsk.every((id) => shortIds.has(id))).toBe(true);
    expect(plan.items.find((i) => i.questionId === 'consent_referral')?.status).toBe('not_in_tier');
  });

  it('the full interview starts from the short screen answers and never asks them again', () => {
    // Answer every short-tier question in order, as the short screen would, with ordinary answers.
    const answers: Answers = { ...started };
    for (let guard = 0; guard < 100; guard++) {
      const next = planInterview(INSTRUMENT, answers, 'short').nextQuestionId;
      if (!next) break;
      const q = questionsOfTier(INSTRUMENT, 'short').find((x) => x.id === next);
      if (!q) throw new Error(next);
      answers[next] =
        q.kind === 'yesNo'
          ? a.no()
          : q.kind === 'number'
            ? a.number(Math.min(q.max, 30))
            : q.kind === 'single'
              ? a.single(q.options[0]?.id ?? '')
              : q.kind === 'multi'
                ? a.multi(q.options[0]?.id ?? '')
                : a.preferNot();
    }
    const shortPlan = planInterview(INSTRUMENT, answers, 'short');
    expect(shortPlan.toAsk).toEqual([]);
    const full = planInterview(INSTRUMENT, answers, 'full');
    for (const id of Object.keys(answers)) {
      expect(full.toAsk).not.toContain(id);
      expect(full.alreadyAnswered).toContain(id);
    }
    expect(full.toAsk.length).toBeGreaterThan(20);
    expect(full.nextQuestionId).toBe('consent_referral');
  });

  it('a declined answer counts as already answered: never asked again', () => {
    const plan = planInterview(INSTRUMENT, { ...started, health_pain_injury: a.preferNot() }, 'full');
    expect(plan.alreadyAnswered).toContain('health_pain_injury');
    expect(plan.toAsk).not.toContain('health_pain_injury');
  });
});

describe('skip rules', () => {
  it('a follow-up is shown only when its condition definitely holds', () => {
    expect(statusOf({ ...started, doc_where_now: a.single('employer_or_boat') }, 'doc_can_get_back')).toBe(
      'to_ask',
    );
    expect(statusOf({ ...started, doc_where_now: a.single('with_me') }, 'doc_can_get_back')).toBe('hidden');
    expect(statusOf({ ...started }, 'doc_can_get_back')).toBe('hidden');
    // Declining the gate question never opens (or pushes) the follow-up.
    expect(statusOf({ ...started, doc_where_now: a.preferNot() }, 'doc_can_get_back')).toBe('hidden');
    expect(statusOf({ ...started, ctrl_debt: a.notSure() }, 'ctrl_debt_bound')).toBe('hidden');
  });

  it('"what would happen if you left" follows a no or a not sure', () => {
    expect(statusOf({ ...started, exit_could_leave: a.no() }, 'exit_what_would_happen')).toBe('to_ask');
    expect(statusOf({ ...started, exit_could_leave: a.notSure() }, 'exit_what_would_happen')).toBe('to_ask');
    expect(statusOf({ ...started, exit_could_leave: a.yes() }, 'exit_what_would_happen')).toBe('hidden');
  });

  it('sea questions only for fishers; the sexual-exploitation questions only after the person agrees', () => {
    expect(statusOf({ ...started, work_type: a.single('fishing_vessel') }, 'sea_transshipped')).toBe(
      'to_ask',
    );
    expect(statusOf({ ...started, work_type: a.single('domestic_work') }, 'sea_transshipped')).toBe('hidden');
    expect(statusOf({ ...started, sex_willing_to_talk: a.single('skip_topic') }, 'sex_asked')).toBe('hidden');
    expect(statusOf({ ...started, sex_willing_to_talk: a.single('talk_now') }, 'sex_asked')).toBe('to_ask');
  });

  it('an answer to a question that is now hidden is ignored by the evaluation', () => {
    const answers: Answers = {
      ...started,
      doc_where_now: a.single('with_me'),
      doc_can_get_back: a.no(),
    };
    const r = evaluate(INSTRUMENT, answers);
    expect(r.indicators.map((i) => i.code)).not.toContain('ilo.retention_of_documents');
    expect(statusOf(answers, 'doc_can_get_back')).toBe('hidden');
  });
});

describe('stop rules', () => {
  it('someone within earshot stops the interview; later answers are not used', () => {
    const answers: Answers = {
      safety_others_present: a.yes(),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
    };
    const plan = planInterview(INSTRUMENT, answers, 'full');
    expect(plan.stopped).toBe('unsafe_to_talk');
    // Only the officer's closing checks are still asked (the rights card is for exactly this case).
    expect(plan.toAsk).toEqual(['close_rights_explained', 'close_card_given']);
    expect(plan.effectiveAnswers).toEqual({ safety_others_present: a.yes() });
    expect(evaluate(INSTRUMENT, answers).indicators).toEqual([]);
  });

  it('after a safety stop the card handed over is recorded and kept, without reopening the screening questions', () => {
    const stoppedAt: Answers = {
      safety_others_present: a.yes(),
      doc_where_now: a.single('employer_or_boat'),
    };
    const withCard: Answers = { ...stoppedAt, close_card_given: a.yes() };
    for (const tier of ['short', 'full'] as const) {
      const plan = planInterview(INSTRUMENT, withCard, tier);
      expect(plan.stopped).toBe('unsafe_to_talk');
      expect(plan.toAsk).toEqual(['close_rights_explained']);
      expect(plan.alreadyAnswered).toEqual(['safety_others_present', 'close_card_given']);
      expect(plan.effectiveAnswers).toEqual({ safety_others_present: a.yes(), close_card_given: a.yes() });
      const status = (id: string) => plan.items.find((i) => i.questionId === id)?.status;
      expect(status('doc_where_now')).toBe('after_stop');
      expect(status('close_referral_consent')).toBe('after_stop');
      expect(status('close_card_given')).toBe('answered');
    }
    // The stop stands whatever the closing checks say, and the result is the same as without them.
    const r = evaluate(INSTRUMENT, { ...withCard, close_rights_explained: a.no() });
    expect(r.stopped).toBe('unsafe_to_talk');
    expect(r.recommendations).toEqual(evaluate(INSTRUMENT, stoppedAt).recommendations);
    expect(r.nextQuestionId).toBeNull();
  });

  it('only an officer check without evidence may be asked after a stop (the instrument refuses others)', () => {
    const afterStop = INSTRUMENT.sections.flatMap((s) => s.questions).filter((q) => q.afterStop);
    expect(afterStop.map((q) => q.id)).toEqual(['close_rights_explained', 'close_card_given']);
    const personCheck = {
      ...INSTRUMENT,
      sections: INSTRUMENT.sections.map((s) => ({
        ...s,
        questions: s.questions.map((q) =>
          q.id === 'close_referral_consent' ? { ...q, afterStop: true } : q,
        ),
      })),
    };
    expect(() => parseInstrument(personCheck)).toThrow(/only an officer's check without evidence/);
  });

  it('"not safe to talk" stops; "not sure" does not stop but the guidance offers a private place', () => {
    expect(
      planInterview(INSTRUMENT, { safety_others_present: a.no(), safety_safe_to_talk: a.no() }, 'short')
        .stopped,
    ).toBe('unsafe_to_talk');
    const unsure = planInterview(
      INSTRUMENT,
      { safety_others_present: a.no(), safety_safe_to_talk: a.notSure() },
      'short',
    );
    expect(unsure.stopped).toBeNull();
    // The consent explanation comes next: read in the person's language before the consent questions.
    expect(unsure.nextQuestionId).toBe('consent_explained');
  });

  it('no consent, or unsure consent, stops the interview', () => {
    const no = planInterview(INSTRUMENT, { ...started, consent_screening: a.no() }, 'short');
    expect(no.stopped).toBe('no_consent');
    const unsure = planInterview(INSTRUMENT, { ...started, consent_screening: a.notSure() }, 'short');
    expect(unsure.stopped).toBe('no_consent');
    expect(unsure.nextQuestionId).toBe('close_rights_explained');
  });
});
