import { describe, expect, it } from 'vitest';
import { type Answers, answer as a, type IloEcElement, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate, type RecommendationCode, type ScreeningResult } from '../../src/shared/screening';

/**
 * Written cases. Each starts from the facts (in the comment above it, as a colleague would tell them),
 * then records the answers an officer would give the instrument, then what a careful reader expects:
 * every recommendation in order, the ILO/EC elements found present, and the Thai s.6 and s.6/1 parts.
 * They were written from the facts, not from the rules: a change to the evidence links or the combining
 * rules that alters one of these outcomes must be a deliberate, reviewed decision.
 */

const { yes, no, notSure, preferNot, single, multi, number } = a;

/** Safe to talk, consent given, no health emergency: how most interviews begin. */
const opening: Answers = {
  safety_others_present: no(),
  safety_safe_to_talk: yes(),
  consent_explained: single('understood'),
  consent_screening: yes(),
  consent_referral: yes(),
  consent_police: no(),
  health_pain_injury: no(),
  needs_danger_now: no(),
};

/** The officer's closing: rights explained, the card handed over, the person's wishes recorded. */
const closing = (view = 'other_view', needs: string[] = ['need_nothing_now'], referral = true): Answers => ({
  close_rights_explained: yes(),
  close_card_given: yes(),
  close_person_view: single(view),
  close_needs: multi(...needs),
  close_referral_consent: referral ? yes() : no(),
});

const adult = (age: number): Answers => ({
  id_age: number(age),
  id_possibly_under_18: single('clearly_adult'),
  id_age_method: single('age_self_reported'),
});
const child = (age: number): Answers => ({
  id_age: number(age),
  id_possibly_under_18: single('possibly_under_18'),
  id_age_method: single('age_self_reported'),
});

/** The rest of a full interview where nothing else happened, as the officer records it. */
const nothingElse: Answers = {
  rec_understood_terms: yes(),
  rec_false_info: no(),
  rec_paid_fee: no(),
  rec_circumstances: multi('wanted_better_life'),
  rec_own_choice: single('own_decision'),
  trav_who_arranged: single('myself'),
  trav_own_documents: yes(),
  trav_journey_events: multi('j_none'),
  trav_money_paid_for_you: no(),
  trav_moved_between: no(),
  trav_arrival: single('went_myself'),
  doc_where_now: single('with_me'),
  work_rest_hours: number(12),
  work_days_off: number(4),
  work_contract: single('contract_with_copy'),
  work_paid_how: single('paid_monthly'),
  work_deductions: multi('no_deductions'),
  work_hazards: multi('no_hazards'),
  live_conditions: multi('fine_conditions'),
  work_unagreed_tasks: no(),
  ctrl_debt: no(),
  ctrl_when_unhappy: multi('nothing_like_this'),
  ctrl_other_pressure: multi('p_none'),
  ctrl_violence_seen: no(),
  ctrl_movement: single('go_freely'),
  ctrl_contact_family: single('contact_when_i_want'),
  vul_situation: multi('v_none'),
  exit_could_leave: yes(),
  exit_tried: no(),
  exit_others_tried: no(),
  sex_willing_to_talk: single('talk_now'),
  sex_asked: no(),
};

interface Expected {
  recommendations: RecommendationCode[];
  /** The ILO/EC elements found present, exactly. */
  elements: IloEcElement[];
  /** Thai s.6: the codes found for each part, exactly, and whether all required parts are indicated. */
  s6: { act: string[]; means: string[]; purpose: string[]; met: boolean };
  /** Thai s.6/1: the compelling means found, exactly, and whether forced labour is indicated. */
  s6_1: { means: string[]; met: boolean };
  child?: boolean;
  urgent?: string[];
  /** Indicators that must be among those found (with the answers behind them). */
  indicators?: string[];
  /** Indicators that must not be found. */
  absent?: string[];
  check?: (r: ScreeningResult) => void;
}

type Tag =
  | 'adult'
  | 'child'
  | 'man'
  | 'woman'
  | 'another_gender'
  | 'labour'
  | 'sexual'
  | 'online'
  | 'fishing'
  | 'domestic'
  | 'no_indicators'
  | 'stopped';

interface Vignette {
  name: string;
  tags: Tag[];
  tier?: 'short' | 'full';
  answers: Answers;
  expected: Expected;
}

const NONE = { act: [], means: [], purpose: [], met: false };
const NO_S61 = { means: [], met: false };

const vignettes: Vignette[] = [
  // Facts: Ko Aung, 27, a Burmese man. A broker in his village promised a job in a seafood factory in
  // Samut Sakhon with a good monthly wage; he paid the broker's fee with money the broker lent him. The
  // broker arranged the journey and handed him over to a boat owner, and he was put on a fishing boat.
  // The captain keeps his passport and will not give it back. He works 18 hours a day with 5 hours of
  // rest and no day off at sea; his wages go to the broker for the debt, which keeps growing, and he does
  // not know how much he still owes. Mistakes mean shouting and fines. He cannot leave: the debt would
  // follow his family and his papers would stay with the captain.
  {
    name: 'Burmese fisher deceived about the job, bound by a growing recruitment debt, passport held',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(27),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work', 'diff_pay'),
      rec_understood_terms: yes(),
      rec_false_info: no(),
      rec_paid_fee: yes(),
      rec_circumstances: multi('needed_money_debt'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('broker_agent'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_none'),
      trav_money_paid_for_you: no(),
      trav_moved_between: no(),
      trav_arrival: single('handed_over'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(18),
      work_rest_hours: number(5),
      work_days_off: number(0),
      work_contract: single('no_contract'),
      work_paid_how: single('paid_to_someone_else'),
      work_months_unpaid: number(7),
      work_deductions: multi('deduct_debt', 'deduct_food'),
      work_hazards: multi('no_safety_equipment'),
      live_conditions: multi('sleep_at_workplace', 'very_crowded'),
      sea_longest_months: number(4),
      sea_transshipped: no(),
      work_unagreed_tasks: no(),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_recruitment_fee'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_went_up'),
      ctrl_debt_known: no(),
      ctrl_when_unhappy: multi('shouting', 'fines_or_pay_cut'),
      ctrl_other_pressure: multi('p_none'),
      ctrl_violence_seen: no(),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_contact_family: single('no_signal_at_sea'),
      vul_situation: multi('v_family_depends'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows', 'papers_kept'),
      exit_tried: no(),
      sex_willing_to_talk: single('skip_topic'),
      ...closing('afraid_lose_job_or_pay', ['need_wages_compensation', 'need_go_home']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.document_seizure', 's6_1.debt_bondage'], met: true },
      indicators: [
        'ilo.deception',
        'ilo.retention_of_documents',
        'ilo.debt_bondage',
        'ilo.excessive_overtime',
      ],
      check: (r) => {
        const docs = r.indicators.find((i) => i.code === 'ilo.retention_of_documents');
        expect(docs?.evidence.map((e) => e.questionId)).toEqual([
          'doc_can_get_back',
          'exit_what_would_happen',
        ]);
        // The fee became a debt that binds him: coercive recruitment too (one medium indicator).
        expect(r.indicators.map((i) => i.code)).toContain('ilo_ec.cr.debt_bondage');
      },
    },
  },
  // Facts: Sokha, 34, a Cambodian man. A broker told him the truth about the job and the pay, but said the
  // boat would come back to port every few weeks. He has been at sea for 9 months, moved from boat to boat
  // at sea without being asked. He works 20 hours with 4 hours of rest and is paid only at the end of the
  // trip. The captain keeps his seaman book but would give it back. There is no signal at sea. He cannot
  // leave: there is no way off the boat and he would lose the wages owed.
  {
    name: 'Cambodian fisher transshipped at sea for months, no way off the boat',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(34),
      id_nationality: single('cambodia'),
      id_gender: single('man'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_hours_conditions'),
      rec_understood_terms: yes(),
      rec_false_info: no(),
      rec_paid_fee: no(),
      rec_circumstances: multi('no_work_at_home'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('broker_agent'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_none'),
      trav_money_paid_for_you: no(),
      trav_moved_between: yes(),
      trav_arrival: single('taken_there'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: yes(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(20),
      work_rest_hours: number(4),
      work_days_off: number(0),
      work_contract: single('contract_without_copy'),
      work_paid_how: single('paid_only_at_end'),
      work_months_unpaid: number(9),
      work_deductions: multi('deduct_food'),
      work_hazards: multi('no_safety_equipment', 'no_medical_care'),
      live_conditions: multi('sleep_at_workplace', 'very_crowded'),
      sea_longest_months: number(9),
      sea_transshipped: yes(),
      work_unagreed_tasks: no(),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_other_pressure: multi('p_none'),
      ctrl_violence_seen: no(),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_contact_family: single('no_signal_at_sea'),
      vul_situation: multi('v_no_thai'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('no_way_off_boat', 'lose_wages'),
      exit_tried: no(),
      sex_willing_to_talk: single('skip_topic'),
      ...closing('afraid_lose_job_or_pay', ['need_wages_compensation']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      // No recruitment element (only the conditions were misdescribed), so the ILO/EC pattern is not met;
      // the Thai s.6 elements are.
      elements: ['ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.detain_confine', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.other_similar'], met: true },
      indicators: [
        'ilo.isolation',
        'ilo.restriction_of_movement',
        'ilo.excessive_overtime',
        'ilo.withholding_of_wages',
      ],
      absent: ['ilo.retention_of_documents'],
      check: (r) => expect(r.iloEcPattern.met).toBe(false),
    },
  },
  // Facts: a 45-year-old Thai fisher found the job through a friend. Day trips and trips of up to two
  // weeks; 10 hours of work with 12 of rest; a contract with his own copy; paid every month; his ID with
  // him. He took an advance on his pay, which is deducted in small amounts; he could stop at any time.
  {
    name: 'Thai fisher with fair conditions and a wage advance (no indicators)',
    tags: ['adult', 'man', 'fishing', 'no_indicators'],
    answers: {
      ...opening,
      ...adult(45),
      id_nationality: single('thailand'),
      id_gender: single('man'),
      id_languages: multi('lang_th'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(10),
      sea_longest_months: number(0),
      sea_transshipped: no(),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_advance'),
      ctrl_debt_bound: yes(),
      ctrl_debt_grows: single('debt_went_down'),
      ctrl_debt_known: yes(),
      work_deductions: multi('deduct_debt'),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['no_indicators_found'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      check: (r) => {
        expect(r.indicators).toEqual([]);
        expect(r.completeness.sufficient).toBe(true);
      },
    },
  },
  // Facts: at a port inspection, a 31-year-old Burmese fisher says quietly that the broker promised other
  // work and more pay, the captain keeps his papers and would not give them back, he works 16 hours, is
  // paid only at the end of the trip, the captain threatens to hurt those who complain, and he fears he
  // would be hurt or killed if he tried to leave. The short screen only.
  {
    name: 'short screen at a port: deceived, papers held, threatened, cannot leave',
    tags: ['adult', 'man', 'labour', 'fishing'],
    tier: 'short',
    answers: {
      ...opening,
      ...adult(31),
      id_nationality: single('myanmar'),
      rec_how_found: single('broker_agent'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(16),
      work_paid_how: single('paid_only_at_end'),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('threat_to_hurt'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed'),
      close_rights_explained: yes(),
      close_card_given: yes(),
      close_referral_consent: yes(),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.harbour_receive'],
        means: ['s6.means.threat_force', 's6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.fear_of_harm', 's6_1.document_seizure'], met: true },
      check: (r) => {
        expect(r.nextQuestionId).toBeNull();
        expect(r.completeness.sufficient).toBe(true);
      },
    },
  },
  // Facts: a fisher with a deep cut from a winch needs a doctor now; the short screen stops after the
  // first questions so he can be treated, and goes on later from where it stopped.
  {
    name: 'injured fisher who needs a doctor now (urgent; the screen waits)',
    tags: ['adult', 'man', 'labour', 'fishing'],
    tier: 'short',
    answers: {
      ...opening,
      health_pain_injury: yes(),
      health_needs_care_now: yes(),
      health_injury_cause: single('work_accident'),
      ...adult(38),
    },
    expected: {
      recommendations: ['urgent_action', 'insufficient_information', 'labour_rights_follow_up'],
      urgent: ['medical_need'],
      elements: [],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => expect(r.nextQuestionId).toBe('id_nationality'),
    },
  },
  // Facts: the captain stands within earshot when the officer begins. The officer stops and slips the
  // person the rights card; that the card was handed over is recorded after the stop.
  {
    name: 'captain within earshot: stop at once, hand over the card discreetly',
    tags: ['adult', 'stopped'],
    tier: 'short',
    answers: { safety_others_present: yes(), close_card_given: yes() },
    expected: {
      recommendations: ['interview_paused_safety', 'insufficient_information'],
      urgent: ['unsafe_to_talk'],
      elements: [],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => {
        expect(r.stopped).toBe('unsafe_to_talk');
        // Nothing more is asked of the person; the officer's other closing check remains.
        expect(r.nextQuestionId).toBe('close_rights_explained');
        expect(r.indicators).toEqual([]);
      },
    },
  },
  // Facts: the person listens to the explanation and says they do not want to talk.
  {
    name: 'person who does not agree to the interview',
    tags: ['adult', 'stopped'],
    answers: {
      safety_others_present: no(),
      safety_safe_to_talk: yes(),
      consent_explained: single('understood'),
      consent_screening: no(),
    },
    expected: {
      recommendations: ['no_consent'],
      elements: [],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => {
        expect(r.stopped).toBe('no_consent');
        expect(r.nextQuestionId).toBe('close_rights_explained');
      },
    },
  },
  // Facts: a frightened man answers the safety and consent questions, then prefers not to say or is not
  // sure about almost everything. The officer sees an adult.
  {
    name: 'someone who declines most questions (no conclusion either way)',
    tags: ['adult', 'man'],
    answers: {
      ...opening,
      id_age: preferNot(),
      id_possibly_under_18: single('clearly_adult'),
      rec_how_found: preferNot(),
      rec_job_as_promised: preferNot(),
      rec_pay_as_promised: notSure(),
      doc_where_now: preferNot(),
      work_type: preferNot(),
      work_hours_per_day: preferNot(),
      work_paid_how: preferNot(),
      ctrl_debt: preferNot(),
      ctrl_when_unhappy: preferNot(),
      exit_could_leave: preferNot(),
      exit_what_would_happen: preferNot(),
      close_rights_explained: yes(),
      close_referral_consent: no(),
    },
    expected: {
      recommendations: ['insufficient_information'],
      elements: [],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => {
        expect(r.indicators).toEqual([]);
        expect(r.completeness.sufficient).toBe(false);
        expect(r.completeness.declined).toBeGreaterThanOrEqual(10);
      },
    },
  },
  // Facts: a 30-year-old Burmese man, recruited by a broker, works in seafood processing. The pay is lower
  // than promised and sometimes comes a month late; housing is deducted. He keeps his papers, goes out
  // freely, is never threatened and could leave; he chose this job himself.
  {
    name: 'migrant with only a wage dispute, free to leave (labour rights, not trafficking)',
    tags: ['adult', 'man', 'labour'],
    answers: {
      ...opening,
      ...adult(30),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('broker_agent'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: yes(),
      rec_what_differed: multi('diff_pay'),
      ...nothingElse,
      work_type: single('seafood_processing'),
      work_hours_per_day: number(9),
      work_paid_how: single('paid_irregularly'),
      work_months_unpaid: number(1),
      work_deductions: multi('deduct_housing'),
      ...closing('afraid_lose_job_or_pay', ['need_wages_compensation']),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'], means: ['s6.means.fraud_deception'] },
      s6_1: NO_S61,
      indicators: ['ilo.deception', 'ilo.withholding_of_wages'],
      absent: ['ilo.restriction_of_movement', 'ilo.retention_of_documents', 'ilo.debt_bondage'],
    },
  },
  // Facts: a 29-year-old Cambodian man in a seafood factory, introduced by a friend; the job and the pay
  // are as promised and he has his papers. The employer paid for his journey; the debt has gone up and
  // he cannot stop working before it is paid; he is sure the debt would follow his family if he left.
  {
    name: 'Cambodian seafood worker bound by a growing debt, not deceived (s.6/1, not s.6)',
    tags: ['adult', 'man', 'labour'],
    answers: {
      ...opening,
      ...adult(29),
      id_nationality: single('cambodia'),
      id_gender: single('man'),
      rec_how_found: single('friend_family'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      doc_where_now: single('with_me'),
      work_type: single('seafood_processing'),
      work_hours_per_day: number(11),
      work_paid_how: single('paid_monthly'),
      work_deductions: multi('deduct_debt'),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_travel'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_went_up'),
      ctrl_when_unhappy: multi('nothing_like_this'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows'),
      ...closing(),
    },
    expected: {
      recommendations: ['refer_forced_labour'],
      elements: [],
      // A recruitment act and the purpose, but no means: no s.6 for an adult.
      s6: { act: ['s6.act.recruit'], means: [], purpose: ['s6.purpose.forced_labour'], met: false },
      s6_1: { means: ['s6_1.debt_bondage'], met: true },
      indicators: ['ilo.debt_bondage', 'ilo_ec.cd.debt_bondage', 'ilo_ec.cr.debt_bondage'],
    },
  },
  // Facts: a 15-year-old boy on a fishing boat, recruited by a broker who told the truth about the job.
  // He works 16 hours with 5 hours of rest; his wages are paid to someone else; he sleeps on the crowded
  // boat and may go ashore only with the skipper's permission. He stopped school to work. He is not
  // threatened and says he could stop.
  {
    name: 'boy of 15 on a fishing boat, wages paid to someone else, ashore only with permission (child)',
    tags: ['child', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...child(15),
      id_gender: single('man'),
      child_school: single('school_stopped_for_work'),
      rec_how_found: single('broker_agent'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      doc_where_now: single('never_had'),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(16),
      work_rest_hours: number(5),
      work_paid_how: single('paid_to_someone_else'),
      live_conditions: multi('sleep_at_workplace', 'very_crowded'),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_movement: single('only_with_permission'),
      exit_could_leave: yes(),
      ...closing(),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt'],
      child: true,
      urgent: ['possible_child'],
      elements: ['ilo_ec.exploitation'],
      // For a child: an act and the purpose (work for others, wages to someone else, not free to go).
      s6: {
        act: ['s6.act.recruit', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: NO_S61,
      check: (r) => expect(r.iloEcPattern).toEqual({ met: true, profile: 'child', list: 'child_labour' }),
    },
  },
  // Facts: a 16-year-old Lao girl; a friend found her a job serving in a karaoke bar, which is the work she
  // does, and a broker arranged the trip. She sleeps at the bar. Adults at work ask her to do sexual
  // things; she says she can refuse. Pay comes irregularly. She says she could leave.
  {
    name: 'Lao girl of 16 in a karaoke bar, asked for sexual acts (child, sexual exploitation)',
    tags: ['child', 'woman', 'sexual'],
    answers: {
      ...opening,
      id_age: number(16),
      id_nationality: single('laos'),
      id_gender: single('woman'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: yes(),
      trav_who_arranged: single('broker_agent'),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(10),
      work_paid_how: single('paid_irregularly'),
      live_conditions: multi('sleep_at_workplace'),
      exit_could_leave: yes(),
      sex_willing_to_talk: single('talk_now'),
      sex_asked: yes(),
      sex_could_refuse: yes(),
      ...closing(),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt'],
      child: true,
      urgent: ['possible_child'],
      elements: [],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.sexual_exploitation'],
        met: true,
      },
      s6_1: NO_S61,
      check: (r) => {
        expect(r.thaiLaw.s6.meansRequired).toBe(false);
        expect(r.child.byStatedAge).toBe(true);
        expect(r.iloEcPattern.list).toBe('child_sexual');
      },
    },
  },
  // Facts: a 24-year-old Vietnamese man answered an online advert for office work in Bangkok. The
  // employer's people arranged the trip and, he heard, were paid for him. He is made to cheat people
  // online 15 hours a day, is not paid, is beaten and locked up when he misses targets, is never allowed
  // out, his phone was taken, his passport is held, and he owes a "debt" he cannot leave before paying.
  {
    name: 'Vietnamese man recruited online into a scam compound',
    tags: ['adult', 'man', 'labour', 'online'],
    answers: {
      ...opening,
      ...adult(24),
      id_nationality: single('vietnam'),
      id_gender: single('man'),
      rec_how_found: single('online_contact'),
      rec_promised_job: single('office_online_work'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_false_info: yes(),
      rec_false_info_about: multi('fi_papers_law'),
      trav_who_arranged: single('employer_or_boat'),
      trav_money_paid_for_you: yes(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('office_online_work'),
      work_hours_per_day: number(15),
      work_paid_how: single('not_paid'),
      work_unagreed_tasks: yes(),
      work_unagreed_kind: multi('cheating_people_online'),
      ctrl_debt: yes(),
      ctrl_debt_bound: no(),
      ctrl_when_unhappy: multi('fines_or_pay_cut', 'hitting_or_hurting', 'locked_up_or_no_food'),
      ctrl_movement: single('not_allowed_out'),
      ctrl_contact_family: single('no_phone_or_taken'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed'),
      ...closing('afraid_lose_job_or_pay', ['need_shelter', 'need_go_home']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: [
          's6.act.recruit',
          's6.act.buy_sell',
          's6.act.transport',
          's6.act.detain_confine',
          's6.act.harbour_receive',
        ],
        means: ['s6.means.threat_force', 's6.means.fraud_deception', 's6.means.payment_to_controller'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.slavery_servitude'],
        met: true,
      },
      s6_1: {
        means: [
          's6_1.fear_of_harm',
          's6_1.force',
          's6_1.document_seizure',
          's6_1.debt_bondage',
          's6_1.other_similar',
        ],
        met: true,
      },
      indicators: [
        'ilo.deception',
        'ilo.physical_sexual_violence',
        'ilo.isolation',
        'ilo_ec.cd.forced_illicit_activities',
      ],
      check: (r) => {
        expect(r.iloEcPattern).toEqual({ met: true, profile: 'adult', list: 'adult_labour' });
        // Being "paid for" is one medium indicator of coercive recruitment: not the element on its own.
        const coercive = r.elements.find((e) => e.code === 'ilo_ec.coercive_recruitment');
        expect(coercive).toMatchObject({ present: false, counts: { strong: 0, medium: 1, weak: 0 } });
      },
    },
  },
  // Facts: a 41-year-old Burmese woman, a domestic worker found through a friend; the job and pay are as
  // promised and she is paid every month. Her employer keeps her passport and will not return it; she may
  // go out only with permission; she is not sure she could leave, and knows she would lose her papers.
  {
    name: 'domestic worker whose passport the employer keeps (s.6/1 without the s.6 means)',
    tags: ['adult', 'woman', 'labour', 'domestic'],
    answers: {
      ...opening,
      ...adult(41),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      rec_how_found: single('friend_family'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('domestic_work'),
      work_hours_per_day: number(13),
      work_paid_how: single('paid_monthly'),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_movement: single('only_with_permission'),
      exit_could_leave: notSure(),
      exit_what_would_happen: multi('papers_kept'),
      ...closing(),
    },
    expected: {
      recommendations: ['refer_forced_labour'],
      elements: [],
      s6: {
        act: ['s6.act.recruit', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.forced_labour'],
        met: false,
      },
      s6_1: { means: ['s6_1.document_seizure'], met: true },
      indicators: ['ilo.retention_of_documents', 'ilo.restriction_of_movement'],
    },
  },
  // Facts: a 23-year-old woman, promised restaurant work by a broker, is made to serve clients in an
  // entertainment venue and cannot refuse; her pay and the clients' money go to someone else; she owes a
  // debt she cannot leave before paying; her family has been threatened, and she fears for them if she
  // left.
  {
    name: 'adult woman made to serve clients under threats against her family',
    tags: ['adult', 'woman', 'sexual'],
    answers: {
      ...opening,
      ...adult(23),
      id_gender: single('woman'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: no(),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(12),
      work_paid_how: single('paid_to_someone_else'),
      ctrl_debt: yes(),
      ctrl_debt_bound: no(),
      ctrl_when_unhappy: multi('threat_to_family'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('family_harmed'),
      sex_willing_to_talk: single('talk_now'),
      sex_asked: yes(),
      sex_could_refuse: no(),
      sex_money_kept_by_others: single('someone_kept_all'),
      ...closing(),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit'],
        means: ['s6.means.threat_force', 's6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.sexual_exploitation'],
        met: true,
      },
      s6_1: { means: ['s6_1.fear_of_harm', 's6_1.debt_bondage', 's6_1.other_similar'], met: true },
      indicators: ['ilo_ec.cd.forced_tasks_or_clients', 'ilo.intimidation_threats'],
      check: (r) => expect(r.iloEcPattern.list).toBe('adult_sexual'),
    },
  },
  // Facts: a young worker on a building site will not say their age; the officer thinks they may be under
  // 18. A broker found the job as described; the employer keeps the worker's papers and will not give
  // them back; pay is monthly, nobody threatens them and they say they could leave.
  {
    name: 'age withheld, the officer assesses "possibly under 18", papers held by the employer',
    tags: ['child', 'labour'],
    answers: {
      ...opening,
      id_age: preferNot(),
      id_possibly_under_18: single('possibly_under_18'),
      rec_how_found: single('broker_agent'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('construction'),
      work_hours_per_day: number(9),
      work_paid_how: single('paid_monthly'),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('nothing_like_this'),
      exit_could_leave: yes(),
      ...closing(),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
      child: true,
      urgent: ['possible_child'],
      elements: [],
      s6: {
        act: ['s6.act.recruit', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.document_seizure'], met: true },
      check: (r) =>
        expect(r.child).toEqual({ possibleChild: true, byStatedAge: false, byOfficerAssessment: true }),
    },
  },
  // Facts: Min, 32, a Burmese man, found his building-site job himself. He works 9 hours, has a contract
  // and his papers, and is paid every month. After a quarrel the foreman once threatened to hit him. He
  // chose this work, goes where he likes and is about to change jobs.
  {
    name: 'one threat against a man who is paid, free to leave and working by choice (an indicator, not forced labour)',
    tags: ['adult', 'man', 'labour'],
    answers: {
      ...opening,
      ...adult(32),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('found_myself'),
      rec_promised_job: single('construction'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('construction'),
      work_hours_per_day: number(9),
      ctrl_when_unhappy: multi('threat_to_hurt'),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: { ...NONE, means: ['s6.means.threat_force'] },
      s6_1: { means: ['s6_1.fear_of_harm'], met: false },
      indicators: ['ilo.intimidation_threats', 'ilo_ec.cd.threats_of_violence'],
    },
  },
  // Facts: Budi, 38, from another country, recruited by a licensed agency in his country for a fishing job
  // paid monthly. The boat owner's people took him to the boat. He has been at sea 14 months, moved from
  // boat to boat; the captain holds his passport and will not return it, took his phone and hits the crew;
  // he has seen others badly hurt. He works 16 hours, has had no pay for 10 months (paid "at the end"),
  // and was injured without care. He cannot leave: there is no way off the boat.
  {
    name: 'distant-water fisher from another country: 14 months at sea, no pay, beaten, no way off',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(38),
      id_nationality: single('other_country'),
      id_gender: single('man'),
      rec_how_found: single('licensed_agency'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_pay', 'diff_hours_conditions'),
      rec_understood_terms: yes(),
      rec_false_info: no(),
      rec_paid_fee: yes(),
      rec_circumstances: multi('needed_money_debt'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('employer_or_boat'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_none'),
      trav_money_paid_for_you: no(),
      trav_moved_between: yes(),
      trav_arrival: single('taken_there'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(16),
      work_rest_hours: number(6),
      work_days_off: number(0),
      work_contract: single('contract_without_copy'),
      work_paid_how: single('paid_only_at_end'),
      work_months_unpaid: number(10),
      work_deductions: multi('deduct_recruitment_fee'),
      work_hazards: multi('injured_at_work', 'no_medical_care'),
      live_conditions: multi('sleep_at_workplace', 'very_crowded'),
      sea_longest_months: number(14),
      sea_transshipped: yes(),
      work_unagreed_tasks: no(),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('hitting_or_hurting'),
      ctrl_other_pressure: multi('p_none'),
      ctrl_violence_seen: yes(),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_contact_family: single('no_phone_or_taken'),
      vul_situation: multi('v_no_thai', 'v_family_depends'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('no_way_off_boat', 'lose_wages'),
      exit_tried: no(),
      sex_willing_to_talk: single('skip_topic'),
      ...closing('do_not_want_to_return', ['need_wages_compensation', 'need_go_home', 'need_medical']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: [
        'ilo_ec.exploitation',
        'ilo_ec.coercion_at_destination',
        'ilo_ec.abuse_of_vulnerability_at_destination',
      ],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.detain_confine', 's6.act.harbour_receive'],
        means: ['s6.means.threat_force', 's6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: {
        means: ['s6_1.intimidation', 's6_1.force', 's6_1.document_seizure', 's6_1.other_similar'],
        met: true,
      },
      indicators: [
        'ilo.physical_sexual_violence',
        'ilo.isolation',
        'ilo.withholding_of_wages',
        'ilo.debt_bondage',
      ],
    },
  },
  // Facts: Ma Thida, 24, a Burmese woman. Her aunt told her of a job in a shop in Bangkok and arranged the
  // trip; at the bus station a woman met her and took her to a house, where she cleans and looks after
  // children 16 hours a day with no day off. The employer took her passport "for safekeeping" and will
  // not return it, lets her out only with someone, and has paid her nothing in 8 months ("kept for
  // you"). She could not leave: she would lose her papers and her wages.
  {
    name: 'woman recruited by her aunt, received by an employer who keeps her and her passport (domestic work)',
    tags: ['adult', 'woman', 'labour', 'domestic'],
    answers: {
      ...opening,
      ...adult(24),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('other_work'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work', 'diff_pay', 'diff_hours_conditions'),
      rec_understood_terms: yes(),
      rec_false_info: no(),
      rec_paid_fee: no(),
      rec_circumstances: multi('family_needed_support'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('family_friend'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_none'),
      trav_money_paid_for_you: no(),
      trav_moved_between: no(),
      trav_arrival: single('taken_there'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('domestic_work'),
      work_hours_per_day: number(16),
      work_rest_hours: number(7),
      work_days_off: number(0),
      work_contract: single('no_contract'),
      work_paid_how: single('not_paid'),
      work_months_unpaid: number(8),
      work_deductions: multi('no_deductions'),
      work_hazards: multi('no_hazards'),
      live_conditions: multi('sleep_at_workplace'),
      work_unagreed_tasks: no(),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_other_pressure: multi('p_none'),
      ctrl_violence_seen: no(),
      ctrl_movement: single('only_with_someone'),
      ctrl_contact_family: single('contact_only_when_allowed'),
      vul_situation: multi('v_no_thai', 'v_family_depends'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('papers_kept', 'lose_wages'),
      exit_tried: no(),
      sex_willing_to_talk: single('skip_topic'),
      ...closing('do_not_want_to_return', ['need_shelter', 'need_wages_compensation']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.document_seizure'], met: true },
      check: (r) => expect(r.iloEcPattern).toEqual({ met: true, profile: 'adult', list: 'adult_labour' }),
    },
  },
  // Facts: Noy, 35, a Lao woman, placed by a licensed agency as a housekeeper. She lives in her employer's
  // house, works 9 hours with 4 days off a month, has her contract and passport, is paid every month and
  // goes out as she likes. Everything is as she was told.
  {
    name: 'Lao domestic worker placed by a licensed agency, fair conditions (no indicators)',
    tags: ['adult', 'woman', 'domestic', 'no_indicators'],
    answers: {
      ...opening,
      ...adult(35),
      id_nationality: single('laos'),
      id_gender: single('woman'),
      rec_how_found: single('licensed_agency'),
      rec_promised_job: single('domestic_work'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('domestic_work'),
      work_hours_per_day: number(9),
      live_conditions: multi('employer_housing'),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['no_indicators_found'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit', 's6.act.harbour_receive'] },
      s6_1: NO_S61,
      check: (r) => expect(r.indicators).toEqual([]),
    },
  },
  // Facts: Khamla, 22, a Lao woman. A man on Facebook offered her a waitress job in Bangkok and paid her bus
  // fare. She was taken to a massage place where she must see clients and cannot refuse; the manager keeps
  // all the money, says she owes 30,000 baht for the trip and "fees" that keep growing, took her ID card,
  // locks the women in at night and lets them out only with a minder, and threatens to hand her to
  // immigration. She did not understand what she was agreeing to and is afraid of the authorities.
  {
    name: 'Lao woman recruited on Facebook into sexual exploitation, debt and threats of deportation',
    tags: ['adult', 'woman', 'sexual', 'online'],
    answers: {
      ...opening,
      ...adult(22),
      id_nationality: single('laos'),
      id_gender: single('woman'),
      rec_how_found: single('online_contact'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work', 'diff_pay', 'diff_travel_costs'),
      rec_understood_terms: no(),
      rec_false_info: no(),
      rec_paid_fee: no(),
      rec_circumstances: multi('needed_money_debt'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('employer_or_boat'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_none'),
      trav_money_paid_for_you: no(),
      trav_moved_between: no(),
      trav_arrival: single('taken_there'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(12),
      work_rest_hours: number(8),
      work_days_off: number(0),
      work_contract: single('no_contract'),
      work_paid_how: single('not_paid'),
      work_months_unpaid: number(3),
      work_deductions: multi('deduct_debt'),
      work_hazards: multi('no_hazards'),
      live_conditions: multi('sleep_at_workplace', 'locked_in_at_night'),
      work_unagreed_tasks: yes(),
      work_unagreed_kind: multi('sexual_services'),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_travel', 'debt_added_without_agreement'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_went_up'),
      ctrl_debt_known: no(),
      ctrl_when_unhappy: multi('threat_police_or_deport'),
      ctrl_other_pressure: multi('p_threat_report'),
      ctrl_violence_seen: no(),
      ctrl_movement: single('only_with_someone'),
      ctrl_contact_family: single('contact_only_when_allowed'),
      vul_situation: multi('v_afraid_authorities'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('police_or_deported', 'debt_follows', 'papers_kept'),
      exit_tried: no(),
      sex_willing_to_talk: single('talk_now'),
      sex_asked: yes(),
      sex_could_refuse: no(),
      sex_money_kept_by_others: single('someone_kept_all'),
      ...closing('do_not_want_to_return', ['need_shelter', 'need_legal_aid']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: [
        'ilo_ec.deceptive_recruitment',
        'ilo_ec.recruitment_abuse_of_vulnerability',
        'ilo_ec.exploitation',
        'ilo_ec.coercion_at_destination',
      ],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.detain_confine', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception', 's6.means.abuse_of_power'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.sexual_exploitation'],
        met: true,
      },
      s6_1: {
        means: ['s6_1.intimidation', 's6_1.document_seizure', 's6_1.debt_bondage', 's6_1.other_similar'],
        met: true,
      },
      check: (r) => expect(r.iloEcPattern).toEqual({ met: true, profile: 'adult', list: 'adult_sexual' }),
    },
  },
  // Facts: Tuan, 30, a Vietnamese man, found a seafood-processing job through an online group. The job,
  // pay and conditions are as described; he has a contract, his papers and monthly pay, and goes freely.
  {
    name: 'Vietnamese man recruited online into a fair job (no indicators)',
    tags: ['adult', 'man', 'online', 'no_indicators'],
    answers: {
      ...opening,
      ...adult(30),
      id_nationality: single('vietnam'),
      id_gender: single('man'),
      rec_how_found: single('online_contact'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('seafood_processing'),
      work_hours_per_day: number(9),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['no_indicators_found'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      check: (r) => expect(r.indicators).toEqual([]),
    },
  },
  // Facts: Aye, 15, a Burmese girl. Her aunt decided she should go and took her to a massage shop, where
  // she was handed over to the owner; she had been told she would work in a restaurant. Men at the shop
  // ask her to do sexual things with customers and she cannot refuse; the owner keeps all the money and
  // pays her wages to her aunt. She may go out only with permission. She stopped school.
  {
    name: 'girl of 15 taken by her aunt to a massage shop, sexual exploitation (child)',
    tags: ['child', 'woman', 'sexual'],
    answers: {
      ...opening,
      ...child(15),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      child_school: single('school_stopped_for_work'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: notSure(),
      rec_what_differed: multi('diff_kind_of_work'),
      rec_own_choice: single('someone_else_decided'),
      rec_how_made_to_go: multi('family_decided'),
      trav_who_arranged: single('family_friend'),
      trav_arrival: single('handed_over'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: notSure(),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(11),
      work_paid_how: single('paid_to_someone_else'),
      ctrl_movement: single('only_with_permission'),
      exit_could_leave: notSure(),
      sex_willing_to_talk: single('talk_now'),
      sex_asked: yes(),
      sex_could_refuse: no(),
      sex_money_kept_by_others: single('someone_kept_all'),
      ...closing('do_not_want_to_return', ['need_shelter']),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
      child: true,
      urgent: ['possible_child'],
      elements: ['ilo_ec.exploitation'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.sexual_exploitation'],
        met: true,
      },
      s6_1: { means: ['s6_1.other_similar'], met: true },
      check: (r) => expect(r.iloEcPattern).toEqual({ met: true, profile: 'child', list: 'child_sexual' }),
    },
  },
  // Facts: Dara, 14, a Cambodian boy, came with his father to a sugar-cane farm; his father decided. He has
  // no papers of his own. He cuts cane 9 hours a day without protective gear, sleeps in crowded housing the
  // farm provides, his wages are paid to his father, and he may leave the farm only with the manager's
  // permission. He stopped school to work. Nobody threatens him; he says he could leave.
  {
    name: 'boy of 14 on a farm with his father: wages to the father, not free to go, no school (child)',
    tags: ['child', 'man', 'labour'],
    answers: {
      ...opening,
      ...child(14),
      id_nationality: single('cambodia'),
      id_gender: single('man'),
      child_school: single('school_stopped_for_work'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('agriculture'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: notSure(),
      rec_own_choice: single('someone_else_decided'),
      rec_how_made_to_go: multi('family_decided'),
      trav_who_arranged: single('family_friend'),
      trav_own_documents: no(),
      trav_arrival: single('went_myself'),
      doc_where_now: single('at_home_country'),
      work_type: single('agriculture'),
      work_hours_per_day: number(9),
      work_rest_hours: number(10),
      work_paid_how: single('paid_to_someone_else'),
      work_months_unpaid: notSure(),
      work_hazards: multi('no_safety_equipment'),
      live_conditions: multi('employer_housing', 'very_crowded'),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_movement: single('only_with_permission'),
      ctrl_contact_family: single('contact_sometimes'),
      exit_could_leave: yes(),
      ...closing(),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt'],
      child: true,
      urgent: ['possible_child'],
      elements: ['ilo_ec.exploitation'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: NO_S61,
    },
  },
  // Facts: Lek, 16, a Thai boy, helps on his uncle's boat in the school holidays: day trips, 6 hours, paid
  // himself, goes to school, free to stop. Nothing else happened.
  {
    name: "Thai boy of 16 helping on his uncle's boat in the holidays (child, no indicators)",
    tags: ['child', 'man', 'fishing', 'no_indicators'],
    answers: {
      ...opening,
      ...child(16),
      id_nationality: single('thailand'),
      id_gender: single('man'),
      child_school: single('school_now'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(6),
      sea_longest_months: number(0),
      sea_transshipped: no(),
      ...closing('feel_safe_returning'),
    },
    expected: {
      // A child is always brought to child protection; nothing else was found.
      recommendations: ['urgent_action', 'no_indicators_found'],
      child: true,
      urgent: ['possible_child'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      check: (r) => expect(r.indicators).toEqual([]),
    },
  },
  // Facts: Vannak, 26, a Cambodian man. A broker promised construction work in Malaysia, took his passport
  // "for the visa" and kept him locked in a house near the border for a week, then handed him to a Thai
  // fishing boat. He was told the law there would punish him without the broker. He owes the broker for
  // the trip and cannot stop before paying; he does not know how much is left. He works 15 hours with no
  // day off and no contract, is paid irregularly, and cannot leave: there is no way off the boat.
  {
    name: 'Cambodian man promised work in Malaysia, confined on the way, taken to a Thai boat (other country)',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(26),
      id_nationality: single('cambodia'),
      id_gender: single('man'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('construction'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work', 'diff_country', 'diff_pay'),
      rec_understood_terms: no(),
      rec_false_info: yes(),
      rec_false_info_about: multi('fi_papers_law'),
      rec_paid_fee: no(),
      rec_circumstances: multi('no_work_at_home'),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('broker_agent'),
      trav_own_documents: yes(),
      trav_journey_events: multi('j_papers_taken', 'j_locked_or_watched'),
      trav_money_paid_for_you: notSure(),
      trav_moved_between: no(),
      trav_arrival: single('handed_over'),
      doc_where_now: single('broker_agent'),
      doc_can_get_back: no(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(15),
      work_rest_hours: number(6),
      work_days_off: number(0),
      work_contract: single('no_contract'),
      work_paid_how: single('paid_irregularly'),
      work_months_unpaid: number(2),
      sea_longest_months: number(2),
      sea_transshipped: no(),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_travel'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_stayed_same'),
      ctrl_debt_known: no(),
      ctrl_when_unhappy: multi('shouting'),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_contact_family: single('no_signal_at_sea'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('no_way_off_boat', 'debt_follows'),
      ...closing('afraid_lose_job_or_pay', ['need_go_home']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: [
        'ilo_ec.deceptive_recruitment',
        'ilo_ec.coercive_recruitment',
        'ilo_ec.recruitment_abuse_of_vulnerability',
        'ilo_ec.exploitation',
        'ilo_ec.coercion_at_destination',
      ],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.detain_confine', 's6.act.harbour_receive'],
        means: ['s6.means.threat_force', 's6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.document_seizure', 's6_1.debt_bondage', 's6_1.other_similar'], met: true },
    },
  },
  // Facts: Zaw, 19, a Burmese man, was grabbed at a bus station by men he did not know and sold to a boat
  // owner; he was beaten on the way. He has no papers. He works 18 hours with 4 hours of rest, has never
  // been paid, is hit when he is slow, has no phone, cannot get off the boat, and fears he would be killed
  // if he tried to leave or went back.
  {
    name: 'young man abducted and sold onto a fishing boat (coercive recruitment, slavery)',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(19),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('unknown_person'),
      rec_job_as_promised: notSure(),
      rec_own_choice: single('someone_else_decided'),
      rec_how_made_to_go: multi('taken_by_force', 'sold_or_paid_for'),
      trav_who_arranged: single('other'),
      trav_own_documents: no(),
      trav_journey_events: multi('j_hurt', 'j_sold'),
      trav_money_paid_for_you: yes(),
      trav_arrival: single('handed_over'),
      doc_where_now: single('lost_or_taken'),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(18),
      work_rest_hours: number(4),
      work_paid_how: single('not_paid'),
      work_months_unpaid: number(5),
      ctrl_debt: no(),
      ctrl_when_unhappy: multi('hitting_or_hurting'),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_contact_family: single('no_phone_or_taken'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed', 'no_way_off_boat'),
      ...closing('afraid_of_harm', ['need_shelter', 'need_medical']),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
      urgent: ['immediate_danger'],
      elements: ['ilo_ec.coercive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: [
          's6.act.recruit',
          's6.act.buy_sell',
          's6.act.transport',
          's6.act.detain_confine',
          's6.act.harbour_receive',
        ],
        means: ['s6.means.threat_force', 's6.means.abduction', 's6.means.payment_to_controller'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.slavery_servitude'],
        met: true,
      },
      s6_1: { means: ['s6_1.fear_of_harm', 's6_1.force', 's6_1.other_similar'], met: true },
    },
  },
  // Facts: Aung, 40, a Burmese man in a seafood factory, took an advance on his pay, which is deducted in
  // small amounts; he could stop working at any time. Everything else is as promised.
  {
    name: 'seafood worker repaying a wage advance he could walk away from (no indicators)',
    tags: ['adult', 'man', 'no_indicators'],
    answers: {
      ...opening,
      ...adult(40),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('seafood_processing'),
      work_hours_per_day: number(9),
      work_deductions: multi('deduct_debt'),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_advance'),
      ctrl_debt_bound: yes(),
      ctrl_debt_grows: single('debt_went_down'),
      ctrl_debt_known: yes(),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['no_indicators_found'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      check: (r) => expect(r.indicators).toEqual([]),
    },
  },
  // Facts: Srey, 28, a Cambodian woman in a seafood factory. The job is as promised, but wages come late:
  // the last full pay was 4 months ago. She is free to leave and nobody threatens her; she stays in the
  // hope of being paid.
  {
    name: 'woman whose wages are 4 months late, free to leave (labour rights follow-up)',
    tags: ['adult', 'woman', 'labour'],
    answers: {
      ...opening,
      ...adult(28),
      id_nationality: single('cambodia'),
      id_gender: single('woman'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('seafood_processing'),
      work_hours_per_day: number(10),
      work_paid_how: single('paid_late'),
      work_months_unpaid: number(4),
      ...closing('afraid_lose_job_or_pay', ['need_wages_compensation']),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      indicators: ['ilo.withholding_of_wages', 'ilo_ec.cd.withholding_of_wages'],
      check: (r) =>
        expect(r.indicators.find((i) => i.code === 'ilo.withholding_of_wages')?.strength).toBe('strong'),
    },
  },
  // Facts: Ko Myo, 35, a Burmese fisher without a work permit of his own, found the job through a friend.
  // He is paid less than promised. The skipper keeps saying he will hand him to immigration if he
  // complains or leaves; he cannot leave, because he would be deported. He is afraid of the authorities.
  {
    name: 'fisher held by threats of denunciation to immigration',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(35),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: yes(),
      rec_what_differed: multi('diff_pay'),
      ...nothingElse,
      trav_own_documents: no(),
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(13),
      work_rest_hours: number(10),
      sea_longest_months: number(1),
      sea_transshipped: no(),
      ctrl_when_unhappy: multi('threat_police_or_deport'),
      ctrl_other_pressure: multi('p_threat_report'),
      vul_situation: multi('v_afraid_authorities'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('police_or_deported'),
      ...closing(),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: [],
      s6: {
        act: ['s6.act.recruit'],
        means: ['s6.means.fraud_deception', 's6.means.abuse_of_power'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.intimidation'], met: true },
      indicators: ['ilo.intimidation_threats', 'ilo_ec.cd.threat_of_denunciation'],
    },
  },
  // Facts: Nok, 26, Thai, who describes themself in another way, chose to work as a host in a bar they
  // found themselves. Pay is monthly and as promised; customers sometimes expect sexual things, which Nok
  // can refuse; when paid for it, Nok keeps the money. Free to leave; nothing else.
  {
    name: 'bar host of another gender, sometimes expected to do sexual things, can refuse (follow-up only)',
    tags: ['adult', 'another_gender'],
    answers: {
      ...opening,
      ...adult(26),
      id_nationality: single('thailand'),
      id_gender: single('another_gender'),
      rec_how_found: single('found_myself'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('restaurant_bar'),
      work_hours_per_day: number(8),
      sex_asked: yes(),
      sex_could_refuse: yes(),
      sex_money_kept_by_others: single('kept_myself'),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => expect(r.indicators.map((i) => i.code)).toEqual(['ilo.physical_sexual_violence']),
    },
  },
  // Facts: Mya, 31, a Burmese woman peeling shrimp, was told by a broker she would earn 400 baht a day and
  // work 8 hours; she gets 300 and works 12. Housing is deducted and she is fined for mistakes. She chose
  // this job, keeps her papers and could leave.
  {
    name: 'shrimp peeler paid less and working longer than promised, fined (labour rights)',
    tags: ['adult', 'woman', 'labour'],
    answers: {
      ...opening,
      ...adult(31),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_pay', 'diff_hours_conditions'),
      ...nothingElse,
      work_type: single('seafood_processing'),
      work_hours_per_day: number(12),
      work_deductions: multi('deduct_housing', 'deduct_fines'),
      ...closing('afraid_lose_job_or_pay', ['need_wages_compensation']),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'], means: ['s6.means.fraud_deception'] },
      s6_1: NO_S61,
      indicators: ['ilo.deception', 'ilo.excessive_overtime', 'ilo.withholding_of_wages'],
    },
  },
  // Facts: a 29-year-old Thai man answered a chat-app advert for customer-service work in Bangkok and was
  // driven across the border to a compound in another country. His passport was taken; he was told he
  // had been bought and must repay his price plus added costs. He is made to run online scams 15 hours a
  // day, never paid, beaten and locked up when he misses targets, never allowed out, his phone taken. He
  // fears he would be killed if he tried to leave, and fears going back.
  {
    name: 'Thai man lured online across the border into a scam compound, bought and beaten',
    tags: ['adult', 'man', 'labour', 'online'],
    answers: {
      ...opening,
      ...adult(29),
      id_nationality: single('thailand'),
      id_gender: single('man'),
      rec_how_found: single('online_contact'),
      rec_promised_job: single('office_online_work'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work', 'diff_country'),
      rec_understood_terms: yes(),
      rec_own_choice: single('own_decision'),
      trav_who_arranged: single('employer_or_boat'),
      trav_journey_events: multi('j_papers_taken', 'j_sold'),
      trav_money_paid_for_you: yes(),
      trav_moved_between: yes(),
      trav_arrival: single('handed_over'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('office_online_work'),
      work_hours_per_day: number(15),
      work_rest_hours: number(6),
      work_paid_how: single('not_paid'),
      work_months_unpaid: number(3),
      work_unagreed_tasks: yes(),
      work_unagreed_kind: multi('cheating_people_online'),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_added_without_agreement'),
      ctrl_debt_bound: no(),
      ctrl_when_unhappy: multi('hitting_or_hurting', 'locked_up_or_no_food'),
      ctrl_movement: single('not_allowed_out'),
      ctrl_contact_family: single('no_phone_or_taken'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed'),
      ...closing('afraid_of_harm', ['need_shelter', 'need_go_home']),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
      urgent: ['immediate_danger'],
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.exploitation', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: [
          's6.act.recruit',
          's6.act.buy_sell',
          's6.act.transport',
          's6.act.detain_confine',
          's6.act.harbour_receive',
        ],
        means: ['s6.means.threat_force', 's6.means.fraud_deception', 's6.means.payment_to_controller'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.slavery_servitude'],
        met: true,
      },
      s6_1: {
        means: [
          's6_1.fear_of_harm',
          's6_1.force',
          's6_1.document_seizure',
          's6_1.debt_bondage',
          's6_1.other_similar',
        ],
        met: true,
      },
    },
  },
  // Facts: Phyu, 33, a Burmese woman, came on her own without papers, cannot read, does not speak Thai;
  // her family depends on her and there are debts at home. She found a fish-market job herself: 9 hours,
  // paid every month, free to come and go, nobody threatens her.
  {
    name: 'vulnerable but not exploited: no papers, cannot read, family depends on her (no indicators)',
    tags: ['adult', 'woman', 'no_indicators'],
    answers: {
      ...opening,
      ...adult(33),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      rec_how_found: single('found_myself'),
      rec_promised_job: single('seafood_processing'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      rec_circumstances: multi('needed_money_debt'),
      trav_own_documents: no(),
      vul_situation: multi('v_cannot_read', 'v_no_thai', 'v_family_depends', 'v_debts_at_home'),
      work_type: single('seafood_processing'),
      work_hours_per_day: number(9),
      ...closing('feel_safe_returning'),
    },
    expected: {
      // Vulnerability weighs in the ILO/EC elements, but without exploitation or coercion it is context.
      recommendations: ['no_indicators_found'],
      elements: ['ilo_ec.recruitment_abuse_of_vulnerability', 'ilo_ec.abuse_of_vulnerability_at_destination'],
      s6: NONE,
      s6_1: NO_S61,
      check: (r) => {
        expect(r.iloEcPattern.met).toBe(false);
        expect(r.indicators.every((i) => i.framework === 'ilo_ec')).toBe(true);
      },
    },
  },
  // Facts: Hein says he is 17; the officer thinks he looks older. He works on a boat 10 hours a day,
  // paid every month, free; the job is as promised and he had finished school.
  {
    name: 'young fisher who says he is 17 while the officer sees an adult (his word stands)',
    tags: ['child', 'man', 'fishing', 'no_indicators'],
    answers: {
      ...opening,
      id_age: number(17),
      id_possibly_under_18: single('clearly_adult'),
      id_age_method: single('age_self_reported'),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      child_school: single('school_finished'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(10),
      sea_longest_months: number(0),
      sea_transshipped: no(),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['urgent_action', 'no_indicators_found'],
      child: true,
      urgent: ['possible_child'],
      elements: [],
      s6: { ...NONE, act: ['s6.act.recruit'] },
      s6_1: NO_S61,
      check: (r) =>
        expect(r.child).toEqual({ possibleChild: true, byStatedAge: true, byOfficerAssessment: false }),
    },
  },
  // Facts: Ko Thet, 30, a Burmese fisher. A broker found him the job on a boat; the work and the pay are as
  // promised, paid every month; 12 hours a day with 10 hours of rest, back in port every few weeks. He
  // has never tried to leave himself. Last month a deckhand who slipped away in port was caught, brought
  // back and beaten in front of the crew. Ko Thet says he could not leave now: he would be beaten like the
  // deckhand, and he is afraid of what would happen if he went back to the boat today.
  {
    name: 'fisher who saw a deckhand brought back and beaten for leaving, and cannot leave for fear of the same',
    tags: ['adult', 'man', 'labour', 'fishing'],
    answers: {
      ...opening,
      ...adult(30),
      id_nationality: single('myanmar'),
      id_gender: single('man'),
      rec_how_found: single('broker_agent'),
      rec_promised_job: single('fishing_vessel'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('fishing_vessel'),
      work_hours_per_day: number(12),
      work_rest_hours: number(10),
      sea_longest_months: number(1),
      sea_transshipped: no(),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed'),
      exit_tried: no(),
      exit_others_tried: yes(),
      exit_others_outcome: single('punished_or_hurt'),
      ...closing('afraid_of_harm', ['need_shelter']),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt', 'refer_forced_labour'],
      urgent: ['immediate_danger'],
      elements: [],
      s6: {
        act: ['s6.act.recruit'],
        means: ['s6.means.threat_force'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.fear_of_harm', 's6_1.intimidation'], met: true },
      indicators: ['ilo.intimidation_threats', 'ilo.restriction_of_movement'],
      // What was done to the deckhand is not recorded as done to Ko Thet.
      absent: ['ilo.physical_sexual_violence', 'ilo_ec.cd.violence', 'ilo_ec.cd.isolation_confinement'],
      check: (r) => {
        expect(r.thaiLaw.s6.act.findings.map((f) => f.code)).not.toContain('s6.act.detain_confine');
        const threats = r.indicators.find((i) => i.code === 'ilo.intimidation_threats');
        expect(threats?.strength).toBe('strong');
        expect(threats?.evidence.map((e) => e.questionId)).toContain('exit_others_outcome');
      },
    },
  },
  // Facts: Mai, 24, a Vietnamese woman in a garment factory, found the job herself. Pay is monthly and as
  // promised, 9 hours a day, days off every week. A co-worker who wanted to quit was stopped at the gate by
  // a supervisor and told to finish her contract. Mai has not tried to leave; she says she could go if she
  // wanted, and she feels safe going back.
  {
    name: 'factory worker free to leave who saw a co-worker stopped at the gate (one indicator, not forced labour)',
    tags: ['adult', 'woman', 'labour'],
    answers: {
      ...opening,
      ...adult(24),
      id_nationality: single('vietnam'),
      id_gender: single('woman'),
      rec_how_found: single('found_myself'),
      rec_promised_job: single('factory_work'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: yes(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      work_type: single('factory_work'),
      work_hours_per_day: number(9),
      exit_others_tried: yes(),
      exit_others_outcome: single('stopped_or_brought_back'),
      ...closing('feel_safe_returning'),
    },
    expected: {
      recommendations: ['labour_rights_follow_up'],
      elements: [],
      s6: NONE,
      // The co-worker's fate is a menace, but Mai's own work is voluntary: not s.6/1 forced labour.
      s6_1: { means: ['s6_1.intimidation'], met: false },
      indicators: ['ilo.intimidation_threats'],
      absent: ['ilo.restriction_of_movement', 'ilo_ec.cd.isolation_confinement'],
      check: (r) => expect(r.thaiLaw.s6_1.involuntary.present).toBe(false),
    },
  },
  // Facts: Noi, 22, a Lao woman. Her boyfriend said he had found her a job as a waitress in a restaurant in
  // Thailand; he arranged the journey and handed her over to the owner of a karaoke bar. There she must sit
  // with customers and go with them, and cannot refuse; the owner keeps the money customers pay and her ID
  // card, and she is not paid. She may go out only with someone watching. She cannot leave: she owes the
  // owner for the journey, and her card would stay with him. She does not want to go back.
  {
    name: 'Lao woman recruited by her boyfriend as a waitress, handed over to a karaoke bar and made to serve customers',
    tags: ['adult', 'woman', 'sexual'],
    answers: {
      ...opening,
      ...adult(22),
      id_nationality: single('laos'),
      id_gender: single('woman'),
      rec_how_found: single('partner'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: no(),
      rec_what_differed: multi('diff_kind_of_work'),
      ...nothingElse,
      trav_who_arranged: single('family_friend'),
      trav_arrival: single('handed_over'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(10),
      work_paid_how: single('not_paid'),
      work_unagreed_tasks: yes(),
      work_unagreed_kind: multi('sexual_services'),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_travel'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_stayed_same'),
      ctrl_debt_known: no(),
      ctrl_movement: single('only_with_someone'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows', 'papers_kept'),
      sex_asked: yes(),
      sex_could_refuse: no(),
      sex_money_kept_by_others: single('someone_kept_all'),
      ...closing('do_not_want_to_return', ['need_shelter', 'need_go_home']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      // Deceived about the job and coerced at the destination; her exploitation shows in the answers
      // (unpaid, money kept) but with a single indicator the ILO/EC exploitation element is not reached.
      elements: ['ilo_ec.deceptive_recruitment', 'ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour', 's6.purpose.sexual_exploitation'],
        met: true,
      },
      s6_1: { means: ['s6_1.debt_bondage', 's6_1.document_seizure', 's6_1.other_similar'], met: true },
      indicators: ['ilo_ec.rv.emotional_dependency', 'ilo_ec.cd.forced_tasks_or_clients'],
      check: (r) => expect(r.iloEcPattern.list).toBe('adult_sexual'),
    },
  },
  // Facts: Mya, 13, a Burmese girl. Her aunt decided she should work and took her to a family in Bangkok as
  // a maid. She works from 5 in the morning to 9 at night with no day off and sleeps in the house; her
  // wages are paid to her aunt; she may go out only with the employer's permission and can call her mother
  // sometimes. She stopped school to work. Nobody hits or threatens her. She does not know whether she
  // could leave, or what would happen.
  {
    name: 'girl of 13 working as a maid, wages paid to her aunt, out only with permission, no school (child)',
    tags: ['child', 'woman', 'labour', 'domestic'],
    answers: {
      ...opening,
      ...child(13),
      id_nationality: single('myanmar'),
      id_gender: single('woman'),
      child_school: single('school_stopped_for_work'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('domestic_work'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: notSure(),
      rec_conditions_as_promised: yes(),
      ...nothingElse,
      rec_own_choice: single('someone_else_decided'),
      rec_how_made_to_go: multi('family_decided'),
      trav_who_arranged: single('family_friend'),
      trav_arrival: single('taken_there'),
      work_type: single('domestic_work'),
      work_hours_per_day: number(16),
      work_rest_hours: number(7),
      work_days_off: number(0),
      work_paid_how: single('paid_to_someone_else'),
      live_conditions: multi('sleep_at_workplace'),
      ctrl_movement: single('only_with_permission'),
      ctrl_contact_family: single('contact_sometimes'),
      exit_could_leave: notSure(),
      exit_what_would_happen: notSure(),
      ...closing('other_view', ['need_family_contact']),
    },
    expected: {
      recommendations: ['urgent_action', 'refer_mdt'],
      child: true,
      elements: ['ilo_ec.exploitation'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport', 's6.act.harbour_receive'],
        means: [],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      // No menace of penalty in her answers: not s.6/1, which a child's s.6 finding does not need.
      s6_1: NO_S61,
      indicators: [
        'ilo_ec.ex.excessive_hours',
        'ilo_ec.ex.no_access_to_education',
        'ilo_ec.ex.wage_manipulation',
      ],
      check: (r) =>
        expect(r.iloEcPattern).toMatchObject({ met: true, profile: 'child', list: 'child_labour' }),
    },
  },
  // Facts: Tuan, 40, a Vietnamese man. A man he did not know approached him at a border market and offered
  // construction work in Bangkok. The work is as described but the pay is lower. He owes the man for the job
  // and the journey, and the employer adds charges he never agreed to: the debt has gone up, he does not know
  // how much is left, and he cannot stop working before it is paid. The man keeps his passport and will not
  // give it back. He is paid irregularly, last in full two months ago. He cannot leave: the debt would follow
  // him and his passport would stay with the man.
  {
    name: 'Vietnamese builder recruited by a stranger, debt inflated with charges he never agreed to, passport kept',
    tags: ['adult', 'man', 'labour'],
    answers: {
      ...opening,
      ...adult(40),
      id_nationality: single('vietnam'),
      id_gender: single('man'),
      rec_how_found: single('unknown_person'),
      rec_promised_job: single('construction'),
      rec_job_as_promised: yes(),
      rec_pay_as_promised: no(),
      rec_conditions_as_promised: yes(),
      rec_what_differed: multi('diff_pay'),
      ...nothingElse,
      rec_paid_fee: yes(),
      trav_who_arranged: single('broker_agent'),
      doc_where_now: single('broker_agent'),
      doc_can_get_back: no(),
      work_type: single('construction'),
      work_hours_per_day: number(11),
      work_paid_how: single('paid_irregularly'),
      work_months_unpaid: number(2),
      ctrl_debt: yes(),
      ctrl_debt_origin: multi('debt_recruitment_fee', 'debt_travel', 'debt_added_without_agreement'),
      ctrl_debt_bound: no(),
      ctrl_debt_grows: single('debt_went_up'),
      ctrl_debt_known: no(),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows', 'papers_kept'),
      ...closing('afraid_lose_job_or_pay', ['need_legal_aid', 'need_wages_compensation']),
    },
    expected: {
      recommendations: ['refer_mdt', 'refer_forced_labour'],
      elements: ['ilo_ec.coercion_at_destination'],
      s6: {
        act: ['s6.act.recruit', 's6.act.transport'],
        means: ['s6.means.fraud_deception'],
        purpose: ['s6.purpose.forced_labour'],
        met: true,
      },
      s6_1: { means: ['s6_1.debt_bondage', 's6_1.document_seizure'], met: true },
      indicators: ['ilo.debt_bondage', 'ilo.retention_of_documents', 'ilo_ec.cr.debt_bondage'],
      // Papers with the broker, not the employer: no harbouring by the employer is inferred.
      check: (r) =>
        expect(r.thaiLaw.s6.act.findings.map((f) => f.code)).not.toContain('s6.act.harbour_receive'),
    },
  },
];

const sorted = (xs: readonly string[]) => [...xs].sort();
const codesOf = (part: { findings: { code: string }[] }) => sorted(part.findings.map((f) => f.code));

describe('vignettes', () => {
  it('there are at least 30, spread over the kinds of people and situations screened', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(30);
    const count = (tag: Tag) => vignettes.filter((v) => v.tags.includes(tag)).length;
    expect(count('adult')).toBeGreaterThanOrEqual(15);
    expect(count('child')).toBeGreaterThanOrEqual(6);
    expect(count('man')).toBeGreaterThanOrEqual(10);
    expect(count('woman')).toBeGreaterThanOrEqual(8);
    expect(count('labour')).toBeGreaterThanOrEqual(12);
    expect(count('sexual')).toBeGreaterThanOrEqual(4);
    expect(count('online')).toBeGreaterThanOrEqual(3);
    expect(count('fishing')).toBeGreaterThanOrEqual(8);
    expect(count('domestic')).toBeGreaterThanOrEqual(3);
    // People with no indicator and enough answers for that to mean something.
    const clear = vignettes.filter((v) => v.tags.includes('no_indicators'));
    expect(clear.length).toBeGreaterThanOrEqual(5);
    for (const v of clear) expect(v.expected.recommendations, v.name).toContain('no_indicators_found');
  });

  it.each(vignettes.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = evaluate(INSTRUMENT, v.answers, { tier: v.tier ?? 'full' });
    const e = v.expected;
    expect(r.recommendations.map((x) => x.code)).toEqual(e.recommendations);
    expect(r.recommendation.code).toBe(e.recommendations[0]);
    expect(sorted(r.elements.filter((x) => x.present).map((x) => x.code))).toEqual(sorted(e.elements));
    expect({
      act: codesOf(r.thaiLaw.s6.act),
      means: codesOf(r.thaiLaw.s6.means),
      purpose: codesOf(r.thaiLaw.s6.purpose),
      met: r.thaiLaw.s6.met,
    }).toEqual({
      act: sorted(e.s6.act),
      means: sorted(e.s6.means),
      purpose: sorted(e.s6.purpose),
      met: e.s6.met,
    });
    expect({ means: codesOf(r.thaiLaw.s6_1.means), met: r.thaiLaw.s6_1.met }).toEqual({
      means: sorted(e.s6_1.means),
      met: e.s6_1.met,
    });
    expect(r.child.possibleChild).toBe(e.child ?? false);
    expect(r.urgent.reasons).toEqual(e.urgent ?? (e.child ? ['possible_child'] : []));
    const found = r.indicators.map((i) => i.code);
    for (const code of e.indicators ?? []) expect(found).toContain(code);
    for (const code of e.absent ?? []) expect(found).not.toContain(code);
    // Every finding is backed by an answer actually given, with the value given.
    for (const indicator of r.indicators) {
      expect(indicator.evidence.length).toBeGreaterThan(0);
      for (const ev of indicator.evidence) expect(v.answers[ev.questionId]).toEqual(ev.value);
    }
    e.check?.(r);
  });

  it('the same answers for an adult do not meet the child-only rules', () => {
    const boy = vignettes.find((v) => v.name.startsWith('boy of 15'));
    const girl = vignettes.find((v) => v.name.startsWith('Lao girl'));
    if (!boy || !girl) throw new Error('vignette missing');
    const asAdult = (answers: Answers) => ({ ...answers, ...adult(25) });
    const boyAdult = evaluate(INSTRUMENT, asAdult(boy.answers));
    expect(boyAdult.thaiLaw.s6.met).toBe(false);
    expect(boyAdult.recommendations.map((x) => x.code)).not.toContain('refer_mdt');
    const girlAdult = evaluate(INSTRUMENT, asAdult(girl.answers));
    expect(girlAdult.thaiLaw.s6.met).toBe(false);
    expect(girlAdult.urgent.flagged).toBe(false);
  });
});
