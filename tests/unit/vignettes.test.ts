import { describe, expect, it } from 'vitest';
import { type Answers, answer as a, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate, type RecommendationCode, type ScreeningResult } from '../../src/shared/screening';

/**
 * Realistic cases written as answer sets, each with the screening result a careful officer would expect.
 * They pin the instrument's evidence links and the combining rules together: a change to either that
 * alters one of these outcomes must be a deliberate decision.
 */

/** Safe to talk, consent given, no health emergency: how most interviews begin. */
const opening: Answers = {
  safety_others_present: a.no(),
  safety_safe_to_talk: a.yes(),
  consent_screening: a.yes(),
  consent_referral: a.yes(),
  consent_police: a.no(),
  health_pain_injury: a.no(),
  needs_danger_now: a.no(),
};

/** A closing where rights were explained and the person agrees to referral. */
const closing: Answers = {
  close_rights_explained: a.yes(),
  close_person_view: a.single('afraid_lose_job_or_pay'),
  close_needs: a.multi('need_wages_compensation'),
  close_referral_consent: a.yes(),
};

/** The rest of a full interview where nothing else happened, as the officer records it. */
const nothingElse: Answers = {
  rec_understood_terms: a.yes(),
  rec_false_info: a.no(),
  rec_circumstances: a.multi('wanted_better_life'),
  trav_who_arranged: a.single('myself'),
  trav_own_documents: a.yes(),
  trav_journey_events: a.multi('j_none'),
  trav_money_paid_for_you: a.no(),
  trav_moved_between: a.no(),
  trav_arrival: a.single('went_myself'),
  work_days_off: a.number(4),
  work_contract: a.single('contract_with_copy'),
  work_hazards: a.multi('no_hazards'),
  work_unagreed_tasks: a.no(),
  ctrl_other_pressure: a.multi('p_none'),
  ctrl_violence_seen: a.no(),
  ctrl_contact_family: a.single('contact_when_i_want'),
  vul_situation: a.multi('v_none'),
  exit_tried: a.no(),
};

const adult = (age: number): Answers => ({
  id_age: a.number(age),
  id_possibly_under_18: a.single('clearly_adult'),
});

interface Vignette {
  name: string;
  answers: Answers;
  tier?: 'short' | 'full';
  recommendations: RecommendationCode[];
  s6?: boolean;
  s6_1?: boolean;
  child?: boolean;
  urgent?: string[];
  indicators?: string[];
  absentIndicators?: string[];
  elements?: string[];
  check?: (r: ScreeningResult) => void;
}

const vignettes: Vignette[] = [
  {
    name: 'Burmese fisher deceived about pay, in debt to the broker, papers held by the captain',
    answers: {
      ...opening,
      ...adult(27),
      id_nationality: a.single('myanmar'),
      rec_how_found: a.single('broker_agent'),
      rec_promised_job: a.single('seafood_processing'),
      rec_job_as_promised: a.no(),
      rec_pay_as_promised: a.no(),
      rec_paid_fee: a.yes(),
      trav_who_arranged: a.single('broker_agent'),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_type: a.single('fishing_vessel'),
      work_hours_per_day: a.number(18),
      work_rest_hours: a.number(5),
      work_paid_how: a.single('paid_to_someone_else'),
      work_deductions: a.multi('deduct_debt', 'deduct_food'),
      ctrl_debt: a.yes(),
      ctrl_debt_bound: a.no(),
      ctrl_debt_grows: a.yes(),
      ctrl_when_unhappy: a.multi('shouting', 'fines_or_pay_cut'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('debt_follows', 'papers_kept'),
      ...closing,
    },
    recommendations: ['refer_mdt', 'refer_forced_labour'],
    s6: true,
    s6_1: true,
    indicators: ['ilo.deception', 'ilo.retention_of_documents', 'ilo.debt_bondage', 'ilo.excessive_overtime'],
    elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
    check: (r) => {
      expect(r.thaiLaw.s6.means.findings.map((f) => f.code)).toEqual(['s6.means.fraud_deception']);
      expect(r.thaiLaw.s6_1.means.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['s6_1.document_seizure', 's6_1.debt_bondage']),
      );
      const docs = r.indicators.find((i) => i.code === 'ilo.retention_of_documents');
      expect(docs?.evidence.map((e) => e.questionId)).toEqual(['doc_can_get_back', 'exit_what_would_happen']);
      // The recruitment fee that became a binding debt is also coercive recruitment.
      expect(r.indicators.map((i) => i.code)).toContain('ilo_ec.cr.debt_bondage');
    },
  },
  {
    name: 'Cambodian fisher transshipped at sea for months',
    answers: {
      ...opening,
      ...adult(34),
      id_nationality: a.single('cambodia'),
      rec_how_found: a.single('broker_agent'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      rec_conditions_as_promised: a.no(),
      trav_who_arranged: a.single('broker_agent'),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.yes(),
      work_type: a.single('fishing_vessel'),
      work_hours_per_day: a.number(20),
      work_rest_hours: a.number(4),
      work_paid_how: a.single('paid_only_at_end'),
      live_conditions: a.multi('sleep_at_workplace', 'very_crowded'),
      sea_longest_months: a.number(9),
      sea_transshipped: a.yes(),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('shouting'),
      ctrl_movement: a.single('at_sea_most_of_time'),
      ctrl_contact_family: a.single('no_signal_at_sea'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('no_way_off_boat', 'lose_wages'),
      ...closing,
    },
    recommendations: ['refer_mdt', 'refer_forced_labour'],
    s6: true,
    s6_1: true,
    indicators: [
      'ilo.isolation',
      'ilo.restriction_of_movement',
      'ilo.excessive_overtime',
      'ilo.withholding_of_wages',
    ],
    absentIndicators: ['ilo.retention_of_documents'],
    elements: ['ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
    check: (r) => {
      expect(r.thaiLaw.s6.act.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['s6.act.transport', 's6.act.detain_confine']),
      );
    },
  },
  {
    name: 'Lao girl of 16 in a karaoke bar',
    answers: {
      ...opening,
      id_age: a.number(16),
      id_nationality: a.single('laos'),
      id_gender: a.single('woman'),
      rec_how_found: a.single('friend_family'),
      rec_promised_job: a.single('restaurant_bar'),
      rec_job_as_promised: a.yes(),
      trav_who_arranged: a.single('broker_agent'),
      work_type: a.single('entertainment_venue'),
      work_hours_per_day: a.number(10),
      work_paid_how: a.single('paid_irregularly'),
      live_conditions: a.multi('sleep_at_workplace'),
      exit_could_leave: a.yes(),
      sex_willing_to_talk: a.single('talk_now'),
      sex_asked: a.yes(),
      sex_could_refuse: a.yes(),
      ...closing,
    },
    // A child: no means needed, and being asked for sexual acts at work is sexual exploitation.
    recommendations: ['urgent_action', 'refer_mdt'],
    s6: true,
    child: true,
    urgent: ['possible_child'],
    check: (r) => {
      expect(r.thaiLaw.s6.means.present).toBe(false);
      expect(r.thaiLaw.s6.meansRequired).toBe(false);
      expect(r.thaiLaw.s6.purpose.findings.map((f) => f.code)).toEqual(['s6.purpose.sexual_exploitation']);
      expect(r.child.byStatedAge).toBe(true);
    },
  },
  {
    name: 'Vietnamese worker recruited online into a scam compound',
    answers: {
      ...opening,
      ...adult(24),
      id_nationality: a.single('vietnam'),
      rec_how_found: a.single('online_contact'),
      rec_promised_job: a.single('office_online_work'),
      rec_job_as_promised: a.no(),
      rec_pay_as_promised: a.no(),
      rec_false_info: a.yes(),
      trav_who_arranged: a.single('employer_or_boat'),
      trav_money_paid_for_you: a.yes(),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_type: a.single('office_online_work'),
      work_hours_per_day: a.number(15),
      work_paid_how: a.single('not_paid'),
      work_unagreed_tasks: a.yes(),
      work_unagreed_kind: a.multi('cheating_people_online'),
      ctrl_debt: a.yes(),
      ctrl_debt_bound: a.no(),
      ctrl_when_unhappy: a.multi('fines_or_pay_cut', 'hitting_or_hurting', 'locked_up_or_no_food'),
      ctrl_movement: a.single('not_allowed_out'),
      ctrl_contact_family: a.single('no_phone_or_taken'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('hurt_or_killed'),
      ...closing,
    },
    recommendations: ['refer_mdt', 'refer_forced_labour'],
    s6: true,
    s6_1: true,
    indicators: [
      'ilo.deception',
      'ilo.physical_sexual_violence',
      'ilo.isolation',
      'ilo.restriction_of_movement',
      'ilo_ec.cd.forced_illicit_activities',
    ],
    elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
    check: (r) => {
      expect(r.iloEcPattern).toEqual({ met: true, profile: 'adult', list: 'adult_labour' });
      // Being "paid for" is one medium indicator of coercive recruitment: not enough for the element alone.
      const coercive = r.elements.find((e) => e.code === 'ilo_ec.coercive_recruitment');
      expect(coercive).toMatchObject({ present: false, counts: { strong: 0, medium: 1, weak: 0 } });
      expect(r.thaiLaw.s6.act.findings.map((f) => f.code)).toContain('s6.act.buy_sell');
    },
  },
  {
    name: 'domestic worker whose passport the employer keeps',
    answers: {
      ...opening,
      ...adult(41),
      id_nationality: a.single('myanmar'),
      id_gender: a.single('woman'),
      rec_how_found: a.single('friend_family'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_type: a.single('domestic_work'),
      work_hours_per_day: a.number(13),
      work_paid_how: a.single('paid_monthly'),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('shouting'),
      ctrl_movement: a.single('only_with_permission'),
      exit_could_leave: a.notSure(),
      exit_what_would_happen: a.multi('papers_kept'),
      ...closing,
    },
    // Forced labour indicators (document seizure) without the s.6 means: s.6/1, not the MDT.
    recommendations: ['refer_forced_labour'],
    s6: false,
    s6_1: true,
    indicators: ['ilo.retention_of_documents', 'ilo.restriction_of_movement'],
    check: (r) => {
      expect(r.thaiLaw.s6.means.present).toBe(false);
      expect(r.thaiLaw.s6_1.means.findings.map((f) => f.code)).toEqual(['s6_1.document_seizure']);
    },
  },
  {
    name: 'migrant with only a wage dispute, free to leave (no trafficking)',
    answers: {
      ...opening,
      ...adult(30),
      id_nationality: a.single('myanmar'),
      rec_how_found: a.single('broker_agent'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.no(),
      rec_conditions_as_promised: a.yes(),
      doc_where_now: a.single('with_me'),
      work_type: a.single('seafood_processing'),
      work_hours_per_day: a.number(9),
      work_rest_hours: a.number(12),
      work_paid_how: a.single('paid_irregularly'),
      work_deductions: a.multi('deduct_housing'),
      live_conditions: a.multi('fine_conditions'),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('nothing_like_this'),
      ctrl_movement: a.single('go_freely'),
      ctrl_contact_family: a.single('contact_when_i_want'),
      exit_could_leave: a.yes(),
      exit_tried: a.no(),
      ...nothingElse,
      rec_what_differed: a.multi('diff_pay'),
      work_months_unpaid: a.number(1),
      ...closing,
    },
    recommendations: ['labour_rights_follow_up'],
    s6: false,
    s6_1: false,
    indicators: ['ilo.deception', 'ilo.withholding_of_wages'],
    absentIndicators: ['ilo.restriction_of_movement', 'ilo.retention_of_documents', 'ilo.debt_bondage'],
    elements: [],
  },
  {
    name: 'someone who declines most questions (no false conclusion either way)',
    answers: {
      ...opening,
      id_age: a.preferNot(),
      id_possibly_under_18: a.single('clearly_adult'),
      rec_how_found: a.preferNot(),
      rec_job_as_promised: a.preferNot(),
      rec_pay_as_promised: a.notSure(),
      doc_where_now: a.preferNot(),
      work_type: a.preferNot(),
      work_hours_per_day: a.preferNot(),
      work_paid_how: a.preferNot(),
      ctrl_debt: a.preferNot(),
      ctrl_when_unhappy: a.preferNot(),
      exit_could_leave: a.preferNot(),
      exit_what_would_happen: a.preferNot(),
      close_rights_explained: a.yes(),
      close_referral_consent: a.no(),
    },
    recommendations: ['insufficient_information'],
    s6: false,
    s6_1: false,
    indicators: [],
    check: (r) => {
      expect(r.completeness.sufficient).toBe(false);
      expect(r.completeness.declined).toBeGreaterThanOrEqual(10);
      expect(r.recommendations.map((x) => x.code)).not.toContain('no_indicators_found');
    },
  },
  {
    name: 'Thai fisher with good conditions (no indicators)',
    answers: {
      ...opening,
      ...adult(45),
      id_nationality: a.single('thailand'),
      rec_how_found: a.single('friend_family'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      rec_conditions_as_promised: a.yes(),
      rec_own_choice: a.yes(),
      doc_where_now: a.single('with_me'),
      work_type: a.single('fishing_vessel'),
      work_hours_per_day: a.number(10),
      work_rest_hours: a.number(12),
      work_paid_how: a.single('paid_monthly'),
      work_hazards: a.multi('no_hazards'),
      sea_longest_months: a.number(0),
      sea_transshipped: a.no(),
      ctrl_debt: a.yes(),
      ctrl_debt_bound: a.yes(),
      ctrl_when_unhappy: a.multi('nothing_like_this'),
      ctrl_movement: a.single('go_freely'),
      exit_could_leave: a.yes(),
      ...nothingElse,
      ctrl_debt_origin: a.multi('debt_advance'),
      ctrl_debt_known: a.yes(),
      ctrl_debt_grows: a.single('debt_went_down'),
      ...closing,
    },
    // Owing money alone is not debt bondage: the person can stop working before repaying.
    recommendations: ['no_indicators_found'],
    s6: false,
    s6_1: false,
    indicators: [],
    absentIndicators: ['ilo.debt_bondage'],
  },
  {
    name: 'injured fisher who needs a doctor now',
    answers: {
      ...opening,
      health_pain_injury: a.yes(),
      health_needs_care_now: a.yes(),
      health_injury_cause: a.single('work_accident'),
      ...adult(38),
    },
    tier: 'short',
    recommendations: ['urgent_action', 'insufficient_information', 'labour_rights_follow_up'],
    urgent: ['medical_need'],
    check: (r) => {
      // The short screen goes on after the urgent care, from where it stopped.
      expect(r.nextQuestionId).toBe('id_nationality');
    },
  },
  {
    name: 'captain within earshot: stop at once',
    answers: { safety_others_present: a.yes() },
    tier: 'short',
    recommendations: ['interview_paused_safety', 'insufficient_information'],
    urgent: ['unsafe_to_talk'],
    indicators: [],
    check: (r) => {
      expect(r.stopped).toBe('unsafe_to_talk');
      expect(r.nextQuestionId).toBeNull();
    },
  },
  {
    name: 'person who does not agree to the interview',
    answers: { safety_others_present: a.no(), safety_safe_to_talk: a.yes(), consent_screening: a.no() },
    recommendations: ['no_consent'],
    check: (r) => {
      expect(r.stopped).toBe('no_consent');
      expect(r.nextQuestionId).toBeNull();
    },
  },
  {
    name: 'Cambodian seafood worker bound by a growing debt, not deceived',
    answers: {
      ...opening,
      ...adult(29),
      rec_how_found: a.single('friend_family'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      doc_where_now: a.single('with_me'),
      work_type: a.single('seafood_processing'),
      work_hours_per_day: a.number(11),
      work_paid_how: a.single('paid_monthly'),
      work_deductions: a.multi('deduct_debt'),
      ctrl_debt: a.yes(),
      ctrl_debt_bound: a.no(),
      ctrl_debt_grows: a.yes(),
      ctrl_when_unhappy: a.multi('nothing_like_this'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('debt_follows'),
      ...closing,
    },
    recommendations: ['refer_forced_labour'],
    s6: false,
    s6_1: true,
    indicators: ['ilo.debt_bondage', 'ilo_ec.cd.debt_bondage'],
  },
  {
    name: 'boy of 15 on a fishing boat with long hours (child path)',
    answers: {
      ...opening,
      id_age: a.number(15),
      rec_how_found: a.single('broker_agent'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      doc_where_now: a.single('never_had'),
      work_type: a.single('fishing_vessel'),
      work_hours_per_day: a.number(16),
      work_rest_hours: a.number(5),
      work_paid_how: a.single('paid_to_someone_else'),
      live_conditions: a.multi('sleep_at_workplace', 'very_crowded'),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('shouting'),
      exit_could_leave: a.yes(),
      ...closing,
    },
    // For a child the ILO/EC exploitation element suffices; an adult with these answers is not referred to the MDT.
    recommendations: ['urgent_action', 'refer_mdt'],
    child: true,
    s6: false,
    urgent: ['possible_child'],
    elements: ['ilo_ec.exploitation'],
    check: (r) => expect(r.iloEcPattern).toEqual({ met: true, profile: 'child', list: 'child_labour' }),
  },
  {
    name: 'adult woman made to serve clients in an entertainment venue under threat',
    answers: {
      ...opening,
      ...adult(23),
      id_gender: a.single('woman'),
      rec_how_found: a.single('broker_agent'),
      rec_promised_job: a.single('restaurant_bar'),
      rec_job_as_promised: a.no(),
      work_type: a.single('entertainment_venue'),
      work_hours_per_day: a.number(12),
      work_paid_how: a.single('paid_to_someone_else'),
      ctrl_debt: a.yes(),
      ctrl_debt_bound: a.no(),
      ctrl_when_unhappy: a.multi('threat_to_family'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('family_harmed'),
      sex_willing_to_talk: a.single('talk_now'),
      sex_asked: a.yes(),
      sex_could_refuse: a.no(),
      sex_money_kept_by_others: a.yes(),
      ...closing,
    },
    recommendations: ['refer_mdt', 'refer_forced_labour'],
    s6: true,
    s6_1: true,
    indicators: ['ilo_ec.cd.forced_tasks_or_clients', 'ilo.intimidation_threats'],
    check: (r) =>
      expect(r.thaiLaw.s6.purpose.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['s6.purpose.sexual_exploitation', 's6.purpose.forced_labour']),
      ),
  },
  {
    name: 'age withheld but the officer assesses "possibly under 18"',
    answers: {
      ...opening,
      id_age: a.preferNot(),
      id_possibly_under_18: a.single('possibly_under_18'),
      rec_how_found: a.single('broker_agent'),
      rec_job_as_promised: a.yes(),
      rec_pay_as_promised: a.yes(),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_type: a.single('construction'),
      work_hours_per_day: a.number(9),
      work_paid_how: a.single('paid_monthly'),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('nothing_like_this'),
      exit_could_leave: a.yes(),
      ...closing,
    },
    // Child: ACT (recruited by a broker) + PURPOSE (papers seized = forced labour) suffices without means.
    recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
    child: true,
    s6: true,
    s6_1: true,
    urgent: ['possible_child'],
    check: (r) =>
      expect(r.child).toEqual({ possibleChild: true, byStatedAge: false, byOfficerAssessment: true }),
  },
  {
    name: 'short screen at a port: deceived, papers held, cannot leave',
    tier: 'short',
    answers: {
      ...opening,
      ...adult(31),
      rec_how_found: a.single('broker_agent'),
      rec_job_as_promised: a.no(),
      rec_pay_as_promised: a.no(),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_hours_per_day: a.number(16),
      work_paid_how: a.single('paid_only_at_end'),
      ctrl_debt: a.no(),
      ctrl_when_unhappy: a.multi('threat_to_hurt'),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('hurt_or_killed'),
      id_nationality: a.single('myanmar'),
      work_type: a.single('fishing_vessel'),
      close_rights_explained: a.yes(),
      close_card_given: a.yes(),
      close_referral_consent: a.yes(),
    },
    recommendations: ['refer_mdt', 'refer_forced_labour'],
    s6: true,
    s6_1: true,
    check: (r) => {
      expect(r.nextQuestionId).toBeNull();
      expect(r.completeness.sufficient).toBe(true);
    },
  },
];

describe('vignettes', () => {
  it('there are at least 12', () => expect(vignettes.length).toBeGreaterThanOrEqual(12));

  it.each(vignettes.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = evaluate(INSTRUMENT, v.answers, { tier: v.tier ?? 'full' });
    expect(r.recommendations.map((x) => x.code)).toEqual(v.recommendations);
    expect(r.recommendation.code).toBe(v.recommendations[0]);
    if (v.s6 !== undefined) expect(r.thaiLaw.s6.met).toBe(v.s6);
    if (v.s6_1 !== undefined) expect(r.thaiLaw.s6_1.met).toBe(v.s6_1);
    expect(r.child.possibleChild).toBe(v.child ?? false);
    expect(r.urgent.reasons).toEqual(v.urgent ?? []);
    const codes = r.indicators.map((i) => i.code);
    if (v.indicators?.length === 0) expect(codes).toEqual([]);
    for (const code of v.indicators ?? []) expect(codes).toContain(code);
    for (const code of v.absentIndicators ?? []) expect(codes).not.toContain(code);
    if (v.elements) {
      expect(r.elements.filter((e) => e.present).map((e) => e.code)).toEqual(
        expect.arrayContaining(v.elements),
      );
      if (v.elements.length === 0) expect(r.elements.filter((e) => e.present)).toEqual([]);
    }
    // Every piece of evidence is an answer actually given, with the value given.
    for (const indicator of r.indicators) {
      expect(indicator.evidence.length).toBeGreaterThan(0);
      for (const e of indicator.evidence) expect(v.answers[e.questionId]).toEqual(e.value);
    }
    v.check?.(r);
  });

  it('the same answers for an adult do not meet the child-only patterns', () => {
    const boy = vignettes.find((v) => v.name.startsWith('boy of 15'));
    const girl = vignettes.find((v) => v.name.startsWith('Lao girl'));
    if (!boy || !girl) throw new Error('vignette missing');
    const asAdult = (answers: Answers) => ({ ...answers, ...adult(25) });
    // Judged on the short screen, which these answers complete.
    const boyAdult = evaluate(INSTRUMENT, asAdult(boy.answers), { tier: 'short' });
    expect(boyAdult.recommendations.map((x) => x.code)).toEqual(['labour_rights_follow_up']);
    const girlAdult = evaluate(INSTRUMENT, asAdult(girl.answers));
    expect(girlAdult.thaiLaw.s6.met).toBe(false);
    expect(girlAdult.urgent.flagged).toBe(false);
  });
});
