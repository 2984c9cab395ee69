import type { InstrumentInput } from './schema';

/**
 * FieldScreen screening instrument, version 1 (data only; text in resources/locales/<lng>/instrument.json).
 *
 * Order follows BRIEF.md: safety first, then consent, health and rapport, and only later the sensitive
 * topics. Questions to the person are neutral ("what happens when...", "where are your papers now") and
 * never suggest an answer. Tiers: the short screen (port inspection, about 15 questions to the person)
 * is a subset of the full interview, so the full interview starts from its answers.
 *
 * Evidence links are conservative: a fact that is common and harmless on its own (owing a debt, the
 * employer holding papers, sleeping on board) evidences nothing until a follow-up shows control
 * (the debt must be worked off, the papers cannot be had back). Thai s.6 ACT codes are neutral facts
 * (someone recruited, transported or housed the person) and mean nothing without means and purpose.
 */

const SHORT_AND_FULL: ('short' | 'full')[] = ['short', 'full'];
const FULL: ('short' | 'full')[] = ['full'];

type OptionInput = { id: string; exclusive?: boolean };
const options = (...ids: (string | OptionInput)[]): OptionInput[] =>
  ids.map((id) => (typeof id === 'string' ? { id } : id));
/** A "none of these" answer of a multi-choice question: it cannot be chosen together with another option. */
const exclusive = (id: string): OptionInput => ({ id, exclusive: true });

/** Answers that show the person is compelled to work: the s.6/1 work context. */
const WORK_CONTEXT = { when: { answered: true as const }, thai: ['s6_1.work' as const] };

export const INSTRUMENT_V1_DATA: InstrumentInput = {
  id: 'fieldscreen_screening',
  version: '1.0.0',
  sections: [
    {
      id: 'safety',
      questions: [
        { id: 'safety_others_present', kind: 'yesNo', audience: 'person', tiers: SHORT_AND_FULL },
        {
          id: 'safety_safe_to_talk',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
        },
      ],
    },
    {
      id: 'consent',
      questions: [
        {
          id: 'consent_screening',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
        },
        { id: 'consent_referral', kind: 'yesNo', audience: 'person', tiers: FULL },
        { id: 'consent_police', kind: 'yesNo', audience: 'person', tiers: FULL },
        {
          id: 'consent_gender_preference',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options('woman', 'man', 'no_preference'),
        },
      ],
    },
    {
      id: 'health',
      questions: [
        {
          id: 'health_pain_injury',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
        },
        {
          id: 'health_needs_care_now',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          showIf: { q: 'health_pain_injury', equals: 'yes' },
        },
        {
          id: 'health_injury_cause',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'health_pain_injury', equals: 'yes' },
          options: options('work_accident', 'illness', 'another_person', 'other'),
          evidence: [
            { when: { equals: 'another_person' }, ilo: ['ilo.physical_sexual_violence'], strength: 'medium' },
            { when: { equals: 'work_accident' }, ilo: ['ilo.abusive_conditions'], strength: 'weak' },
          ],
        },
        {
          id: 'health_immediate_needs',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'need_food',
            'need_water',
            'need_rest',
            'need_medicine',
            'need_family_contact',
            exclusive('need_nothing_now'),
          ),
        },
        { id: 'needs_danger_now', kind: 'yesNo', audience: 'person', tiers: SHORT_AND_FULL, childText: true },
      ],
    },
    {
      id: 'identity',
      questions: [
        {
          id: 'id_nationality',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options(
            'myanmar',
            'cambodia',
            'laos',
            'vietnam',
            'thailand',
            'other_country',
            'no_nationality',
          ),
        },
        {
          id: 'id_gender',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options('woman', 'man', 'another_gender'),
        },
        {
          id: 'id_languages',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'lang_th',
            'lang_my',
            'lang_km',
            'lang_lo',
            'lang_vi',
            'lang_en',
            'lang_shan',
            'lang_karen',
            'lang_mon',
            'lang_other',
          ),
        },
        { id: 'id_age', kind: 'number', audience: 'person', tiers: SHORT_AND_FULL, min: 0, max: 120 },
        { id: 'id_birth_date', kind: 'date', audience: 'person', tiers: FULL },
        {
          id: 'id_age_method',
          kind: 'single',
          audience: 'officer',
          tiers: FULL,
          options: options('age_from_document', 'age_self_reported', 'age_estimated', 'age_not_assessed'),
        },
        {
          id: 'id_possibly_under_18',
          kind: 'single',
          audience: 'officer',
          tiers: SHORT_AND_FULL,
          options: options('possibly_under_18', 'clearly_adult'),
        },
      ],
    },
    {
      id: 'recruitment',
      questions: [
        {
          id: 'rec_how_found',
          kind: 'single',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          options: options(
            'friend_family',
            'broker_agent',
            'employer_direct',
            'online_contact',
            'licensed_agency',
            'other',
          ),
          evidence: [
            {
              when: { in: ['broker_agent', 'employer_direct', 'online_contact', 'licensed_agency'] },
              thai: ['s6.act.recruit'],
            },
          ],
        },
        {
          id: 'rec_promised_job',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options(
            'fishing_vessel',
            'seafood_processing',
            'factory_work',
            'construction',
            'agriculture',
            'domestic_work',
            'restaurant_bar',
            'office_online_work',
            'other_work',
          ),
        },
        {
          id: 'rec_job_as_promised',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.deception'],
              iloEc: ['ilo_ec.dr.nature_of_job'],
              thai: ['s6.means.fraud_deception'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'rec_pay_as_promised',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.deception'],
              iloEc: ['ilo_ec.dr.wages'],
              thai: ['s6.means.fraud_deception'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'rec_conditions_as_promised',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.deception'],
              iloEc: ['ilo_ec.dr.conditions_of_work'],
              thai: ['s6.means.fraud_deception'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'rec_false_info',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.deception', 'ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.false_information', 'ilo_ec.dr.legal_status_documents'],
              thai: ['s6.means.fraud_deception'],
              strength: 'medium',
            },
          ],
        },
        { id: 'rec_paid_fee', kind: 'yesNo', audience: 'person', tiers: FULL },
        {
          id: 'rec_circumstances',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'needed_money_debt',
            'family_needed_support',
            'no_work_at_home',
            'conflict_or_disaster',
            'wanted_better_life',
            'other',
          ),
          evidence: [
            {
              when: { includes: 'needed_money_debt' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.economic_reasons'],
              strength: 'weak',
            },
            { when: { includes: 'family_needed_support' }, iloEc: ['ilo_ec.rv.family_situation'] },
            { when: { includes: 'conflict_or_disaster' }, iloEc: ['ilo_ec.rv.general_context'] },
          ],
        },
        {
          // An either/or question ("did you decide, or did someone else?"): a yes/no would be ambiguous.
          id: 'rec_own_choice',
          kind: 'single',
          version: 2,
          audience: 'person',
          tiers: FULL,
          childText: true,
          options: options('own_decision', 'someone_else_decided'),
          fromYesNo: { yes: 'own_decision', no: 'someone_else_decided' },
        },
        {
          id: 'rec_how_made_to_go',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'rec_own_choice', equals: 'someone_else_decided' },
          options: options(
            'family_decided',
            'threatened',
            'hurt_or_beaten',
            'taken_by_force',
            'sold_or_paid_for',
            'tricked',
            'other',
          ),
          evidence: [
            { when: { includes: 'family_decided' }, iloEc: ['ilo_ec.rv.family_situation'] },
            {
              when: { includes: 'threatened' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cr.threats'],
              thai: ['s6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'hurt_or_beaten' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cr.violence'],
              thai: ['s6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'taken_by_force' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cr.abduction_or_sale'],
              thai: ['s6.means.abduction'],
              strength: 'strong',
            },
            {
              when: { includes: 'sold_or_paid_for' },
              iloEc: ['ilo_ec.cr.abduction_or_sale'],
              thai: ['s6.act.buy_sell', 's6.means.payment_to_controller'],
            },
            {
              when: { includes: 'tricked' },
              ilo: ['ilo.deception'],
              thai: ['s6.means.fraud_deception'],
              strength: 'medium',
            },
          ],
        },
      ],
    },
    {
      id: 'travel',
      questions: [
        {
          id: 'trav_who_arranged',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options('myself', 'family_friend', 'broker_agent', 'employer_or_boat', 'other'),
          evidence: [{ when: { in: ['broker_agent', 'employer_or_boat'] }, thai: ['s6.act.transport'] }],
        },
        {
          id: 'trav_own_documents',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.vd.legal_status'],
              strength: 'weak',
            },
          ],
        },
        {
          id: 'trav_money_paid_for_you',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              iloEc: ['ilo_ec.cr.abduction_or_sale'],
              thai: ['s6.act.buy_sell', 's6.means.payment_to_controller'],
            },
          ],
        },
        {
          id: 'trav_moved_between',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.vd.dependency_on_exploiters'],
              thai: ['s6.act.transport'],
              strength: 'weak',
            },
          ],
        },
        {
          id: 'doc_where_now',
          kind: 'single',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          options: options(
            'with_me',
            'employer_or_boat',
            'broker_agent',
            'at_home_country',
            'lost_or_taken',
            'never_had',
            'other_place',
          ),
        },
        {
          id: 'doc_can_get_back',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          showIf: { q: 'doc_where_now', in: ['employer_or_boat', 'broker_agent', 'other_place'] },
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.retention_of_documents'],
              iloEc: ['ilo_ec.cd.confiscation_of_documents'],
              thai: ['s6_1.document_seizure', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
          ],
        },
      ],
    },
    {
      id: 'work',
      questions: [
        {
          id: 'work_type',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          childText: true,
          options: options(
            'fishing_vessel',
            'seafood_processing',
            'factory_work',
            'construction',
            'agriculture',
            'domestic_work',
            'entertainment_venue',
            'restaurant_bar',
            'office_online_work',
            'other_work',
          ),
          evidence: [WORK_CONTEXT],
        },
        {
          id: 'work_hours_per_day',
          kind: 'number',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          min: 0,
          max: 24,
          evidence: [
            { when: { atLeast: 1 }, thai: ['s6_1.work'] },
            { when: { atLeast: 12 }, ilo: ['ilo.excessive_overtime'], strength: 'medium' },
            {
              when: { atLeast: 14 },
              ilo: ['ilo.excessive_overtime'],
              iloEc: ['ilo_ec.ex.excessive_hours'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'work_rest_hours',
          kind: 'number',
          audience: 'person',
          tiers: FULL,
          min: 0,
          max: 24,
          evidence: [
            // Thai fishing rules require at least 10 hours of rest in 24.
            { when: { below: 10 }, ilo: ['ilo.excessive_overtime'], strength: 'medium' },
            {
              when: { below: 6 },
              ilo: ['ilo.excessive_overtime'],
              iloEc: ['ilo_ec.ex.excessive_hours'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'work_paid_how',
          kind: 'single',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          options: options(
            'paid_monthly',
            'paid_irregularly',
            'paid_only_at_end',
            'not_paid',
            'paid_to_someone_else',
          ),
          evidence: [
            WORK_CONTEXT,
            {
              when: { equals: 'not_paid' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.ex.low_or_no_salary', 'ilo_ec.cd.withholding_of_wages'],
              strength: 'strong',
            },
            {
              when: { equals: 'paid_only_at_end' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cd.withholding_of_wages'],
              strength: 'medium',
            },
            {
              when: { equals: 'paid_to_someone_else' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'medium',
            },
            { when: { equals: 'paid_irregularly' }, ilo: ['ilo.withholding_of_wages'], strength: 'weak' },
          ],
        },
        {
          id: 'work_deductions',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'deduct_food',
            'deduct_housing',
            'deduct_recruitment_fee',
            'deduct_debt',
            'deduct_fines',
            'deduct_documents',
            'deduct_tools',
            exclusive('no_deductions'),
          ),
          evidence: [
            {
              when: { includes: 'deduct_fines' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'weak',
            },
            {
              when: { includesAny: ['deduct_debt', 'deduct_recruitment_fee'] },
              ilo: ['ilo.debt_bondage'],
              strength: 'weak',
            },
          ],
        },
        {
          id: 'work_hazards',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'no_safety_equipment',
            'injured_at_work',
            'not_enough_food_water',
            'no_medical_care',
            exclusive('no_hazards'),
          ),
          evidence: [
            {
              when: { includesAny: ['no_safety_equipment', 'injured_at_work'] },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.ex.hazardous_work'],
              strength: 'medium',
            },
            {
              when: { includes: 'not_enough_food_water' },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.ex.bad_living_conditions'],
              strength: 'medium',
            },
            { when: { includes: 'no_medical_care' }, ilo: ['ilo.abusive_conditions'], strength: 'medium' },
          ],
        },
        {
          id: 'live_conditions',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'sleep_at_workplace',
            'very_crowded',
            'no_clean_water_toilet',
            'locked_in_at_night',
            exclusive('fine_conditions'),
          ),
          evidence: [
            { when: { includes: 'sleep_at_workplace' }, thai: ['s6.act.harbour_receive'] },
            {
              when: { includesAny: ['very_crowded', 'no_clean_water_toilet'] },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.ex.bad_living_conditions'],
              strength: 'medium',
            },
            {
              when: { includes: 'locked_in_at_night' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              thai: ['s6.act.detain_confine', 's6_1.other_similar', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'sea_longest_months',
          kind: 'number',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'work_type', equals: 'fishing_vessel' },
          min: 0,
          max: 240,
          evidence: [
            { when: { atLeast: 3 }, ilo: ['ilo.isolation'], strength: 'medium' },
            {
              when: { atLeast: 6 },
              ilo: ['ilo.isolation'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'sea_transshipped',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'work_type', equals: 'fishing_vessel' },
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.isolation', 'ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.vd.difficult_unknown_area'],
              thai: ['s6.act.transport'],
              strength: 'medium',
            },
          ],
        },
        { id: 'work_unagreed_tasks', kind: 'yesNo', audience: 'person', tiers: FULL, childText: true },
        {
          id: 'work_unagreed_kind',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'work_unagreed_tasks', equals: 'yes' },
          options: options(
            'cheating_people_online',
            'other_illegal_activity',
            'sexual_services',
            'more_dangerous_work',
            'other_tasks',
          ),
          evidence: [
            {
              when: { includesAny: ['cheating_people_online', 'other_illegal_activity'] },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.cd.forced_illicit_activities'],
              thai: ['s6.purpose.forced_labour'],
              strength: 'medium',
            },
            {
              when: { includes: 'sexual_services' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.ex.sexual_exploitation', 'ilo_ec.cd.forced_tasks_or_clients'],
              thai: ['s6.purpose.sexual_exploitation'],
              strength: 'strong',
            },
            {
              when: { includes: 'more_dangerous_work' },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.ex.hazardous_work', 'ilo_ec.cd.forced_tasks_or_clients'],
              strength: 'medium',
            },
            { when: { includes: 'other_tasks' }, iloEc: ['ilo_ec.cd.forced_tasks_or_clients'] },
          ],
        },
      ],
    },
    {
      id: 'control',
      questions: [
        { id: 'ctrl_debt', kind: 'yesNo', audience: 'person', tiers: SHORT_AND_FULL, childText: true },
        {
          id: 'ctrl_debt_bound',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          showIf: { q: 'ctrl_debt', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.debt_bondage'],
              iloEc: ['ilo_ec.cd.debt_bondage'],
              thai: ['s6_1.debt_bondage', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            // A debt born of recruitment fees that now binds the person is also coercive recruitment.
            {
              when: { equals: 'no' },
              requires: { q: 'rec_paid_fee', equals: 'yes' },
              iloEc: ['ilo_ec.cr.debt_bondage'],
            },
          ],
        },
        {
          id: 'ctrl_debt_grows',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'ctrl_debt', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.debt_bondage'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'ctrl_when_unhappy',
          kind: 'multi',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          options: options(
            'shouting',
            'fines_or_pay_cut',
            'threat_to_hurt',
            'threat_to_family',
            'threat_police_or_deport',
            'hitting_or_hurting',
            'locked_up_or_no_food',
            exclusive('nothing_like_this'),
          ),
          evidence: [
            { when: { includes: 'shouting' }, ilo: ['ilo.intimidation_threats'], strength: 'weak' },
            {
              when: { includes: 'fines_or_pay_cut' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cd.withholding_of_wages'],
              strength: 'medium',
            },
            {
              when: { includes: 'threat_to_hurt' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threats_of_violence'],
              thai: ['s6.means.threat_force', 's6_1.fear_of_harm', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'threat_to_family' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threats_against_family'],
              thai: ['s6.means.threat_force', 's6_1.fear_of_harm', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'threat_police_or_deport' },
              ilo: ['ilo.intimidation_threats', 'ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.cd.threat_of_denunciation', 'ilo_ec.vd.legal_status'],
              thai: ['s6.means.abuse_of_power', 's6_1.intimidation'],
              strength: 'medium',
            },
            {
              when: { includes: 'hitting_or_hurting' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cd.violence'],
              thai: ['s6.means.threat_force', 's6_1.force', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'locked_up_or_no_food' },
              ilo: ['ilo.restriction_of_movement', 'ilo.abusive_conditions'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              thai: [
                's6.act.detain_confine',
                's6.means.threat_force',
                's6_1.force',
                's6.purpose.forced_labour',
              ],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'ctrl_violence_seen',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.intimidation_threats'],
              thai: ['s6_1.intimidation'],
              strength: 'medium',
            },
            { when: { equals: 'yes' }, ilo: ['ilo.physical_sexual_violence'], strength: 'weak' },
          ],
        },
        {
          id: 'ctrl_movement',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          childText: true,
          options: options(
            'go_freely',
            'only_with_someone',
            'only_with_permission',
            'not_allowed_out',
            'at_sea_most_of_time',
          ),
          evidence: [
            {
              when: { equals: 'only_with_someone' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              strength: 'medium',
            },
            {
              when: { equals: 'only_with_permission' },
              ilo: ['ilo.restriction_of_movement'],
              strength: 'weak',
            },
            {
              when: { equals: 'not_allowed_out' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              thai: ['s6.act.detain_confine', 's6_1.other_similar', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'ctrl_contact_family',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          childText: true,
          options: options(
            'contact_when_i_want',
            'contact_sometimes',
            'contact_only_when_allowed',
            'no_phone_or_taken',
            'no_signal_at_sea',
          ),
          evidence: [
            { when: { equals: 'contact_only_when_allowed' }, ilo: ['ilo.isolation'], strength: 'medium' },
            {
              when: { equals: 'no_phone_or_taken' },
              ilo: ['ilo.isolation'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              strength: 'strong',
            },
            { when: { equals: 'no_signal_at_sea' }, ilo: ['ilo.isolation'], strength: 'weak' },
          ],
        },
      ],
    },
    {
      id: 'exit',
      questions: [
        {
          id: 'exit_could_leave',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          evidence: [{ when: { equals: 'no' }, ilo: ['ilo.restriction_of_movement'], strength: 'medium' }],
        },
        {
          id: 'exit_what_would_happen',
          kind: 'multi',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          // Asked after "no" and after "not sure": the person may still decline.
          showIf: {
            any: [
              { q: 'exit_could_leave', equals: 'no' },
              { q: 'exit_could_leave', declined: true },
            ],
          },
          options: options(
            'lose_wages',
            'debt_follows',
            'hurt_or_killed',
            'family_harmed',
            'police_or_deported',
            'no_way_off_boat',
            'papers_kept',
            exclusive('would_be_free'),
            'other_consequence',
          ),
          evidence: [
            {
              when: { includes: 'lose_wages' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cd.withholding_of_wages'],
              strength: 'medium',
            },
            {
              when: { includes: 'debt_follows' },
              ilo: ['ilo.debt_bondage'],
              iloEc: ['ilo_ec.cd.debt_bondage'],
              thai: ['s6_1.debt_bondage', 's6.purpose.forced_labour'],
              strength: 'medium',
            },
            {
              when: { includes: 'hurt_or_killed' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threats_of_violence'],
              thai: ['s6.means.threat_force', 's6_1.fear_of_harm', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'family_harmed' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threats_against_family'],
              thai: ['s6.means.threat_force', 's6_1.fear_of_harm', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'police_or_deported' },
              ilo: ['ilo.intimidation_threats', 'ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.cd.threat_of_denunciation', 'ilo_ec.vd.legal_status'],
              thai: ['s6.means.abuse_of_power', 's6_1.intimidation'],
              strength: 'medium',
            },
            {
              when: { includes: 'no_way_off_boat' },
              ilo: ['ilo.restriction_of_movement', 'ilo.isolation'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              thai: ['s6.act.detain_confine', 's6_1.other_similar', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { includes: 'papers_kept' },
              ilo: ['ilo.retention_of_documents'],
              iloEc: ['ilo_ec.cd.confiscation_of_documents'],
              thai: ['s6_1.document_seizure', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
          ],
        },
        { id: 'exit_tried', kind: 'yesNo', audience: 'person', tiers: FULL },
        {
          id: 'exit_tried_outcome',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'exit_tried', equals: 'yes' },
          options: options(
            'left_without_problem',
            'stopped_or_brought_back',
            'punished_or_hurt',
            'lost_pay',
            'other_outcome',
          ),
          evidence: [
            {
              when: { equals: 'stopped_or_brought_back' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.cd.isolation_confinement'],
              thai: ['s6.act.detain_confine', 's6_1.force', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { equals: 'punished_or_hurt' },
              ilo: ['ilo.physical_sexual_violence', 'ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.violence'],
              thai: ['s6.means.threat_force', 's6_1.force', 's6.purpose.forced_labour'],
              strength: 'strong',
            },
            {
              when: { equals: 'lost_pay' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cd.withholding_of_wages'],
              strength: 'medium',
            },
          ],
        },
      ],
    },
    {
      id: 'sexual',
      sensitive: true,
      questions: [
        {
          id: 'sex_willing_to_talk',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          childText: true,
          options: options('talk_now', 'skip_topic'),
        },
        {
          id: 'sex_asked',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          childText: true,
          showIf: { q: 'sex_willing_to_talk', equals: 'talk_now' },
          evidence: [
            // For a child, being asked for sexual acts at work is sexual exploitation; no coercion is needed.
            {
              when: { equals: 'yes' },
              requires: { flag: 'child' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.ex.sexual_exploitation'],
              thai: ['s6.purpose.sexual_exploitation'],
              strength: 'strong',
            },
            { when: { equals: 'yes' }, ilo: ['ilo.physical_sexual_violence'], strength: 'medium' },
          ],
        },
        {
          id: 'sex_could_refuse',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          childText: true,
          showIf: { q: 'sex_asked', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.ex.sexual_exploitation', 'ilo_ec.cd.forced_tasks_or_clients'],
              thai: ['s6.purpose.sexual_exploitation', 's6_1.other_similar'],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'sex_money_kept_by_others',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          showIf: { q: 'sex_asked', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.ex.sexual_exploitation'],
              thai: ['s6.purpose.sexual_exploitation'],
              strength: 'medium',
            },
          ],
        },
      ],
    },
    {
      id: 'closing',
      questions: [
        { id: 'close_rights_explained', kind: 'yesNo', audience: 'officer', tiers: SHORT_AND_FULL },
        {
          id: 'close_person_view',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          childText: true,
          options: options(
            'feel_safe_returning',
            'afraid_of_harm',
            'afraid_lose_job_or_pay',
            'do_not_want_to_return',
            'other_view',
          ),
          evidence: [
            { when: { equals: 'afraid_of_harm' }, ilo: ['ilo.intimidation_threats'], strength: 'medium' },
          ],
        },
        {
          id: 'close_needs',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'need_medical',
            'need_shelter',
            'need_legal_aid',
            'need_wages_compensation',
            'need_go_home',
            'need_family_contact',
            exclusive('need_nothing_now'),
          ),
        },
        {
          id: 'close_referral_consent',
          kind: 'yesNo',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
        },
        { id: 'close_opinion', kind: 'text', audience: 'person', tiers: FULL, maxLength: 2000 },
      ],
    },
  ],
  stopRules: [
    {
      reason: 'unsafe_to_talk',
      when: {
        any: [
          { q: 'safety_others_present', equals: 'yes' },
          { q: 'safety_safe_to_talk', equals: 'no' },
        ],
      },
    },
    // No consent, or not sure: nothing more is asked; the officer explains again or gives the hotline card.
    {
      reason: 'no_consent',
      when: {
        any: [
          { q: 'consent_screening', equals: 'no' },
          { q: 'consent_screening', declined: true },
        ],
      },
    },
  ],
  urgentRules: [
    {
      reason: 'unsafe_to_talk',
      when: {
        any: [
          { q: 'safety_others_present', equals: 'yes' },
          { q: 'safety_safe_to_talk', equals: 'no' },
        ],
      },
    },
    {
      reason: 'immediate_danger',
      when: {
        any: [
          { q: 'needs_danger_now', equals: 'yes' },
          { q: 'close_person_view', equals: 'afraid_of_harm' },
        ],
      },
    },
    { reason: 'medical_need', when: { q: 'health_needs_care_now', equals: 'yes' } },
    { reason: 'possible_child', when: { flag: 'child' } },
  ],
  child: {
    ageQuestion: 'id_age',
    ageBelow: 18,
    assessmentQuestion: 'id_possibly_under_18',
    childOptions: ['possibly_under_18'],
    notSureAssessmentMeansChild: true,
  },
};
