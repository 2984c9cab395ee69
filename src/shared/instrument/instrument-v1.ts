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
 * (someone recruited, transported, received or housed the person) and mean nothing without means and
 * purpose; any recruiter makes a recruitment act, whoever they are. `s6_1.involuntary` marks answers
 * showing the work is not offered voluntarily (see rules.ts). Vulnerability answers (ILO/EC rv.* and
 * vd.*) are context: they weigh in the ILO/EC elements but never count as an indicator on their own.
 * Every indicator, element and legal part must stay reachable: tests/unit/instrument-coverage.test.ts.
 */

const SHORT_AND_FULL: ('short' | 'full')[] = ['short', 'full'];
const FULL: ('short' | 'full')[] = ['full'];

type OptionInput = { id: string; exclusive?: boolean };
const options = (...ids: (string | OptionInput)[]): OptionInput[] =>
  ids.map((id) => (typeof id === 'string' ? { id } : id));
/** A "none of these" answer of a multi-choice question: it cannot be chosen together with another option. */
const exclusive = (id: string): OptionInput => ({ id, exclusive: true });

/** Answers that show the person works or serves: the s.6/1 work context. */
const WORK_CONTEXT = { when: { answered: true as const }, thai: ['s6_1.work' as const] };
/** The work is not offered voluntarily (the second half of the ILO definition of forced labour). */
const INVOLUNTARY = 's6_1.involuntary' as const;
/** The child path: for a child, the means of s.6 are not required. */
const CHILD = { flag: 'child' as const };

export const INSTRUMENT_V1_DATA: InstrumentInput = {
  id: 'fieldscreen_screening',
  version: '1.3.0',
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
          // Informed consent, in the person's language: who we are, what is written down and where it is
          // kept, who may see it and when, what it is for, the right to skip, pause or stop, and what
          // happens to what was already said. Asked as a question so the person can ask to hear it again.
          id: 'consent_explained',
          kind: 'single',
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
          options: options('understood', 'explain_again'),
        },
        // Each consent question says what "yes" means for that purpose (version 2).
        {
          id: 'consent_screening',
          kind: 'yesNo',
          version: 2,
          audience: 'person',
          tiers: SHORT_AND_FULL,
          childText: true,
        },
        { id: 'consent_referral', kind: 'yesNo', version: 2, audience: 'person', tiers: FULL },
        { id: 'consent_police', kind: 'yesNo', version: 2, audience: 'person', tiers: FULL },
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
          // Version 2: an open "how is your body today?" before a yes/no question left "no" ambiguous.
          id: 'health_pain_injury',
          kind: 'yesNo',
          version: 2,
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
          // Version 2: the question names its topic (pain, injury or illness), as the referral quotes it.
          id: 'health_injury_cause',
          kind: 'single',
          version: 2,
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
          tiers: SHORT_AND_FULL,
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
        {
          // Asked on the child path only: schooling given up for work is exploitation of a child.
          id: 'child_school',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          showIf: CHILD,
          options: options('school_now', 'school_stopped_for_work', 'school_never', 'school_finished'),
          evidence: [
            {
              when: { in: ['school_stopped_for_work', 'school_never'] },
              iloEc: ['ilo_ec.ex.no_access_to_education'],
              ilo: ['ilo.abusive_conditions'],
              strength: 'medium',
            },
          ],
        },
      ],
    },
    {
      id: 'recruitment',
      questions: [
        {
          // Version 2: one question (who helped, or nobody), not "how did you find it? who helped?".
          id: 'rec_how_found',
          kind: 'single',
          version: 2,
          audience: 'person',
          tiers: SHORT_AND_FULL,
          options: options(
            'friend_family',
            'partner',
            'broker_agent',
            'employer_direct',
            'online_contact',
            'licensed_agency',
            'unknown_person',
            'found_myself',
            'other',
          ),
          evidence: [
            // Anyone who found or procured the job recruits, a relative or someone unnamed included.
            {
              when: {
                in: [
                  'friend_family',
                  'partner',
                  'broker_agent',
                  'employer_direct',
                  'online_contact',
                  'licensed_agency',
                  'unknown_person',
                  'other',
                ],
              },
              thai: ['s6.act.recruit'],
            },
            { when: { equals: 'partner' }, iloEc: ['ilo_ec.rv.emotional_dependency'] },
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
              thai: ['s6.means.fraud_deception', INVOLUNTARY],
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
          id: 'rec_what_differed',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          showIf: {
            any: [
              { q: 'rec_job_as_promised', equals: 'no' },
              { q: 'rec_pay_as_promised', equals: 'no' },
              { q: 'rec_conditions_as_promised', equals: 'no' },
            ],
          },
          options: options(
            'diff_kind_of_work',
            'diff_place_or_employer',
            'diff_country',
            'diff_pay',
            'diff_hours_conditions',
            'diff_housing',
            'diff_contract',
            'diff_papers',
            'diff_travel_costs',
            'diff_family',
            'diff_marriage',
            'diff_school',
            'diff_other',
          ),
          evidence: [
            ...(
              [
                ['diff_kind_of_work', 'ilo_ec.dr.nature_of_job'],
                ['diff_place_or_employer', 'ilo_ec.dr.nature_of_job'],
                ['diff_pay', 'ilo_ec.dr.wages'],
                ['diff_hours_conditions', 'ilo_ec.dr.conditions_of_work'],
                ['diff_housing', 'ilo_ec.dr.housing_living'],
                ['diff_contract', 'ilo_ec.dr.contract'],
                ['diff_papers', 'ilo_ec.dr.legal_status_documents'],
                ['diff_travel_costs', 'ilo_ec.dr.travel_recruitment_conditions'],
                ['diff_family', 'ilo_ec.dr.family_reunification'],
                ['diff_marriage', 'ilo_ec.dr.marriage_adoption'],
                ['diff_school', 'ilo_ec.dr.education'],
              ] as const
            ).map(([option, code]) => ({
              when: { includes: option },
              ilo: ['ilo.deception' as const],
              iloEc: [code],
              thai: ['s6.means.fraud_deception' as const],
              strength: 'medium' as const,
            })),
            // Taken to another country than the one promised: deceived about the place, and brought there.
            {
              when: { includes: 'diff_country' },
              ilo: ['ilo.deception'],
              iloEc: ['ilo_ec.dr.nature_of_job'],
              thai: ['s6.means.fraud_deception', 's6.act.transport', INVOLUNTARY],
              strength: 'strong',
            },
          ],
        },
        {
          id: 'rec_understood_terms',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [{ when: { equals: 'no' }, iloEc: ['ilo_ec.rv.lack_of_information'] }],
        },
        {
          id: 'rec_false_info',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              ilo: ['ilo.deception'],
              thai: ['s6.means.fraud_deception'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'rec_false_info_about',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'rec_false_info', equals: 'yes' },
          options: options('fi_papers_law', 'fi_police', 'fi_earnings', 'fi_life_here', 'fi_other'),
          evidence: [
            {
              when: { includes: 'fi_papers_law' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.false_information', 'ilo_ec.dr.legal_status_documents'],
              strength: 'medium',
            },
            {
              when: { includes: 'fi_police' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.false_information'],
              strength: 'medium',
            },
            {
              when: { includesAny: ['fi_earnings', 'fi_life_here'] },
              iloEc: ['ilo_ec.rv.false_info_migration'],
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
            'no_work_at_home',
            'family_needed_support',
            'family_problems',
            'personal_hardship',
            'conflict_or_disaster',
            'wanted_better_life',
            'other',
          ),
          evidence: [
            {
              when: { includesAny: ['needed_money_debt', 'no_work_at_home'] },
              iloEc: ['ilo_ec.rv.economic_reasons'],
            },
            { when: { includes: 'family_needed_support' }, iloEc: ['ilo_ec.rv.family_situation'] },
            { when: { includes: 'family_problems' }, iloEc: ['ilo_ec.rv.difficult_family_situation'] },
            { when: { includes: 'personal_hardship' }, iloEc: ['ilo_ec.rv.personal_situation'] },
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
          evidence: [{ when: { equals: 'someone_else_decided' }, thai: [INVOLUNTARY] }],
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
              iloEc: ['ilo_ec.cr.threats_of_violence'],
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
          // Version 2: who arranged the journey only; "and who paid for it" asked two things at once.
          id: 'trav_who_arranged',
          kind: 'single',
          version: 2,
          audience: 'person',
          tiers: FULL,
          options: options('myself', 'family_friend', 'broker_agent', 'employer_or_boat', 'other'),
          evidence: [
            // Anyone else who brought or sent the person makes the act of transport.
            {
              when: { in: ['family_friend', 'broker_agent', 'employer_or_boat', 'other'] },
              thai: ['s6.act.transport'],
            },
            // Without papers of their own, the person could not have travelled without the broker or employer.
            {
              when: { in: ['broker_agent', 'employer_or_boat'] },
              requires: { q: 'trav_own_documents', equals: 'no' },
              iloEc: ['ilo_ec.rv.difficulty_organising_travel'],
            },
          ],
        },
        {
          id: 'trav_own_documents',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          evidence: [
            // No papers of one's own is vulnerability (context), not abuse of it by anyone.
            { when: { equals: 'no' }, iloEc: ['ilo_ec.vd.legal_status', 'ilo_ec.rv.illegal_status'] },
          ],
        },
        {
          id: 'trav_journey_events',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          options: options(
            'j_hurt',
            'j_threatened',
            'j_family_threatened',
            'j_papers_taken',
            'j_locked_or_watched',
            'j_threat_report',
            'j_threat_tell_family',
            'j_money_kept',
            'j_sold',
            'j_oath_or_beliefs',
            'j_controlled_everything',
            exclusive('j_none'),
          ),
          evidence: [
            {
              when: { includes: 'j_hurt' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cr.violence'],
              thai: ['s6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'j_threatened' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cr.threats_of_violence'],
              thai: ['s6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'j_family_threatened' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cr.violence_on_family'],
              thai: ['s6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'j_papers_taken' },
              ilo: ['ilo.retention_of_documents'],
              iloEc: ['ilo_ec.cr.confiscation_of_documents'],
              strength: 'medium',
            },
            {
              when: { includes: 'j_locked_or_watched' },
              ilo: ['ilo.restriction_of_movement'],
              iloEc: ['ilo_ec.cr.isolation_confinement'],
              thai: ['s6.act.detain_confine', 's6.means.threat_force'],
              strength: 'strong',
            },
            {
              when: { includes: 'j_threat_report' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cr.threat_of_denunciation'],
              thai: ['s6.means.abuse_of_power'],
              strength: 'medium',
            },
            {
              when: { includes: 'j_threat_tell_family' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cr.threats_to_inform'],
              strength: 'medium',
            },
            {
              when: { includes: 'j_money_kept' },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cr.withholding_of_money'],
              strength: 'medium',
            },
            {
              when: { includes: 'j_sold' },
              iloEc: ['ilo_ec.cr.abduction_or_sale'],
              thai: ['s6.act.buy_sell', 's6.means.payment_to_controller', INVOLUNTARY],
            },
            {
              when: { includes: 'j_oath_or_beliefs' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.cultural_religious_beliefs'],
              thai: ['s6.means.abuse_of_power'],
              strength: 'medium',
            },
            {
              when: { includes: 'j_controlled_everything' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.rv.control_by_exploiters'],
              strength: 'weak',
            },
          ],
        },
        {
          // Version 2: someone was given money for handing the person over (sold), not "paid money for
          // you", which read as a fee paid on the person's behalf.
          id: 'trav_money_paid_for_you',
          kind: 'yesNo',
          version: 2,
          audience: 'person',
          tiers: FULL,
          evidence: [
            {
              when: { equals: 'yes' },
              iloEc: ['ilo_ec.cr.abduction_or_sale'],
              thai: ['s6.act.buy_sell', 's6.means.payment_to_controller', INVOLUNTARY],
            },
            // Bought or sold and unable to leave: treated as a person owned, a practice similar to slavery.
            {
              when: { equals: 'yes' },
              requires: { q: 'exit_could_leave', equals: 'no' },
              thai: ['s6.purpose.slavery_servitude'],
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
              thai: ['s6.act.transport', INVOLUNTARY],
              strength: 'weak',
            },
          ],
        },
        {
          // Receiving or harbouring at the destination: someone took the person in, not only who recruited.
          id: 'trav_arrival',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options('went_myself', 'taken_there', 'handed_over'),
          evidence: [
            {
              when: { in: ['taken_there', 'handed_over'] },
              thai: ['s6.act.transport', 's6.act.harbour_receive'],
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
              thai: ['s6_1.document_seizure', 's6.purpose.forced_labour', INVOLUNTARY],
              strength: 'strong',
            },
            // An employer who keeps the person's papers keeps the person: harbouring at the destination.
            {
              when: { equals: 'no' },
              requires: { q: 'doc_where_now', equals: 'employer_or_boat' },
              thai: ['s6.act.harbour_receive'],
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
          tiers: SHORT_AND_FULL,
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
          id: 'work_days_off',
          kind: 'number',
          audience: 'person',
          tiers: FULL,
          min: 0,
          max: 31,
          evidence: [
            // Not one day off in a usual month: excessive working days.
            {
              when: { below: 1 },
              ilo: ['ilo.excessive_overtime'],
              iloEc: ['ilo_ec.ex.excessive_hours'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'work_contract',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          options: options(
            'contract_with_copy',
            'contract_without_copy',
            'contract_cannot_read',
            'no_contract',
          ),
          evidence: [
            { when: { equals: 'no_contract' }, iloEc: ['ilo_ec.ex.no_social_protection'] },
            // The law requires the worker to hold a copy of the contract (fishing work in particular).
            { when: { equals: 'contract_without_copy' }, iloEc: ['ilo_ec.ex.no_respect_labour_law'] },
            { when: { equals: 'contract_cannot_read' }, iloEc: ['ilo_ec.rv.lack_of_education'] },
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
            'paid_late',
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
            // Wages paid late are withheld wages, even when they come in the end.
            { when: { equals: 'paid_late' }, ilo: ['ilo.withholding_of_wages'], strength: 'medium' },
          ],
        },
        {
          id: 'work_months_unpaid',
          kind: 'number',
          audience: 'person',
          tiers: FULL,
          showIf: {
            q: 'work_paid_how',
            in: ['paid_late', 'paid_irregularly', 'paid_only_at_end', 'not_paid', 'paid_to_someone_else'],
          },
          min: 0,
          max: 120,
          evidence: [
            { when: { atLeast: 1 }, ilo: ['ilo.withholding_of_wages'], strength: 'medium' },
            {
              when: { atLeast: 3 },
              ilo: ['ilo.withholding_of_wages'],
              iloEc: ['ilo_ec.cd.withholding_of_wages'],
              strength: 'strong',
            },
          ],
        },
        {
          // Version 2: one question (which of these, if any), not "is money taken? what for?".
          id: 'work_deductions',
          kind: 'multi',
          version: 2,
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
            // A recruitment fee taken from the worker's pay; repaying an advance or a loan is not an indicator alone.
            { when: { includes: 'deduct_recruitment_fee' }, ilo: ['ilo.debt_bondage'], strength: 'weak' },
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
            {
              when: { includes: 'no_medical_care' },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.ex.very_bad_working_conditions'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'live_conditions',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'sleep_at_workplace',
            'employer_housing',
            'very_crowded',
            'no_clean_water_toilet',
            'locked_in_at_night',
            exclusive('fine_conditions'),
          ),
          evidence: [
            {
              when: { includesAny: ['sleep_at_workplace', 'employer_housing'] },
              thai: ['s6.act.harbour_receive'],
            },
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
              thai: ['s6.act.detain_confine', 's6_1.other_similar', 's6.purpose.forced_labour', INVOLUNTARY],
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
        {
          id: 'work_unagreed_tasks',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          childText: true,
          evidence: [{ when: { equals: 'yes' }, thai: [INVOLUNTARY] }],
        },
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
              // Forced criminality (online scam compounds): forced labour or services.
              when: { includesAny: ['cheating_people_online', 'other_illegal_activity'] },
              ilo: ['ilo.abusive_conditions'],
              iloEc: ['ilo_ec.cd.forced_illicit_activities'],
              thai: ['s6.purpose.forced_labour'],
              strength: 'medium',
            },
            {
              when: { includes: 'sexual_services' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cd.forced_tasks_or_clients'],
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
          // What the debt is for: an advance on pay is not a recruitment debt; a debt with costs added
          // that the person never agreed to is imposed or inflated.
          // Version 2: "what do you owe this money for?", readable on its own in the referral.
          id: 'ctrl_debt_origin',
          kind: 'multi',
          version: 2,
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'ctrl_debt', equals: 'yes' },
          options: options(
            'debt_recruitment_fee',
            'debt_travel',
            'debt_advance',
            'debt_employer_charges',
            'debt_added_without_agreement',
            'debt_family_loan',
            'debt_other',
          ),
          evidence: [
            {
              when: { includes: 'debt_added_without_agreement' },
              ilo: ['ilo.debt_bondage', 'ilo.deception'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'medium',
            },
          ],
        },
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
              thai: ['s6_1.debt_bondage', 's6.purpose.forced_labour', INVOLUNTARY],
              strength: 'strong',
            },
            // A debt born of recruitment fees or the journey that now binds the person is also coercive recruitment.
            {
              when: { equals: 'no' },
              requires: {
                any: [
                  { q: 'rec_paid_fee', equals: 'yes' },
                  { q: 'ctrl_debt_origin', includesAny: ['debt_recruitment_fee', 'debt_travel'] },
                ],
              },
              iloEc: ['ilo_ec.cr.debt_bondage'],
            },
          ],
        },
        {
          // Version 2: "gone up, or hard to know how much is left" asked two things at once.
          id: 'ctrl_debt_grows',
          kind: 'single',
          version: 2,
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'ctrl_debt', equals: 'yes' },
          options: options('debt_went_down', 'debt_stayed_same', 'debt_went_up'),
          evidence: [
            {
              when: { equals: 'debt_went_up' },
              ilo: ['ilo.debt_bondage'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'medium',
            },
          ],
        },
        {
          id: 'ctrl_debt_known',
          kind: 'yesNo',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'ctrl_debt', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.debt_bondage'],
              iloEc: ['ilo_ec.ex.wage_manipulation'],
              strength: 'weak',
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
              iloEc: ['ilo_ec.cd.threat_of_denunciation'],
              thai: ['s6.means.abuse_of_power', 's6_1.intimidation', 's6.purpose.forced_labour'],
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
          // Pressure other than "when the boss is unhappy": denunciation, lies, worse conditions, control.
          id: 'ctrl_other_pressure',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'p_threat_report',
            'p_told_what_to_say',
            'p_against_peers',
            'p_worse_conditions',
            'p_tell_family',
            'p_controls_everything',
            exclusive('p_none'),
          ),
          evidence: [
            {
              when: { includes: 'p_threat_report' },
              ilo: ['ilo.intimidation_threats', 'ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.cd.threat_of_denunciation'],
              thai: ['s6.means.abuse_of_power', 's6_1.intimidation', 's6.purpose.forced_labour'],
              strength: 'medium',
            },
            {
              when: { includes: 'p_told_what_to_say' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.forced_to_lie'],
              strength: 'medium',
            },
            {
              when: { includes: 'p_against_peers' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.forced_against_peers'],
              strength: 'medium',
            },
            {
              when: { includes: 'p_worse_conditions' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threat_worse_conditions'],
              thai: ['s6_1.intimidation'],
              strength: 'medium',
            },
            {
              when: { includes: 'p_tell_family' },
              ilo: ['ilo.intimidation_threats'],
              iloEc: ['ilo_ec.cd.threats_to_inform'],
              strength: 'medium',
            },
            {
              when: { includes: 'p_controls_everything' },
              ilo: ['ilo.abuse_of_vulnerability'],
              iloEc: ['ilo_ec.cd.under_strong_influence', 'ilo_ec.vd.dependency_on_exploiters'],
              strength: 'medium',
            },
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
              thai: ['s6.act.detain_confine', 's6_1.other_similar', 's6.purpose.forced_labour', INVOLUNTARY],
              strength: 'strong',
            },
            // Kept in and not paid at all: servitude.
            {
              when: { equals: 'not_allowed_out' },
              requires: { q: 'work_paid_how', equals: 'not_paid' },
              thai: ['s6.purpose.slavery_servitude'],
            },
            // A child working for others' benefit, whose wages go to someone else and who cannot come and
            // go freely, is exploited even when no single answer says "forced".
            {
              when: { in: ['only_with_someone', 'only_with_permission', 'not_allowed_out'] },
              requires: { all: [CHILD, { q: 'work_paid_how', equals: 'paid_to_someone_else' }] },
              thai: ['s6.purpose.forced_labour'],
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
        {
          // The person's situation here: context for the ILO/EC vulnerability elements, never a finding alone.
          id: 'vul_situation',
          kind: 'multi',
          audience: 'person',
          tiers: FULL,
          options: options(
            'v_cannot_read',
            'v_no_thai',
            'v_family_depends',
            'v_debts_at_home',
            'v_health',
            'v_discriminated',
            'v_afraid_authorities',
            'v_happened_before',
            exclusive('v_none'),
          ),
          evidence: [
            { when: { includes: 'v_cannot_read' }, iloEc: ['ilo_ec.rv.lack_of_education'] },
            { when: { includes: 'v_no_thai' }, iloEc: ['ilo_ec.vd.difficult_unknown_area'] },
            { when: { includes: 'v_family_depends' }, iloEc: ['ilo_ec.vd.family_situation'] },
            { when: { includes: 'v_debts_at_home' }, iloEc: ['ilo_ec.vd.economic_reasons'] },
            {
              when: { includesAny: ['v_health', 'v_discriminated'] },
              iloEc: ['ilo_ec.vd.personal_characteristics'],
            },
            {
              when: { includes: 'v_afraid_authorities' },
              iloEc: ['ilo_ec.vd.legal_status', 'ilo_ec.rv.legal_status_relationship'],
            },
            {
              when: { includes: 'v_happened_before' },
              iloEc: ['ilo_ec.vd.difficulties_in_past', 'ilo_ec.rv.difficulties_in_past'],
            },
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
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.restriction_of_movement'],
              thai: [INVOLUNTARY],
              strength: 'medium',
            },
          ],
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
            // Any of these as the price of leaving: the person does not stay voluntarily.
            {
              when: {
                includesAny: [
                  'lose_wages',
                  'debt_follows',
                  'hurt_or_killed',
                  'family_harmed',
                  'police_or_deported',
                  'no_way_off_boat',
                  'papers_kept',
                ],
              },
              thai: [INVOLUNTARY],
            },
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
              iloEc: ['ilo_ec.cd.threat_of_denunciation'],
              thai: ['s6.means.abuse_of_power', 's6_1.intimidation', 's6.purpose.forced_labour'],
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
        // Version 2: the person only. "Have you, or anyone you work with, tried to leave?" put what happened
        // to a co-worker (brought back, beaten) on the person's own record as their confinement.
        { id: 'exit_tried', kind: 'yesNo', version: 2, audience: 'person', tiers: FULL },
        {
          // Version 2: the question names its topic (leaving), as the referral quotes it on its own.
          id: 'exit_tried_outcome',
          kind: 'single',
          version: 2,
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
              thai: ['s6.act.detain_confine', 's6_1.force', 's6.purpose.forced_labour', INVOLUNTARY],
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
        { id: 'exit_others_tried', kind: 'yesNo', audience: 'person', tiers: FULL },
        {
          // What happened to a co-worker who tried to leave is a warning to the person (intimidation, a
          // menace of penalty), not their own confinement: it counts as forced labour only together with
          // answers showing the person's own work is not voluntary.
          id: 'exit_others_outcome',
          kind: 'single',
          audience: 'person',
          tiers: FULL,
          showIf: { q: 'exit_others_tried', equals: 'yes' },
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
              ilo: ['ilo.intimidation_threats'],
              thai: ['s6_1.intimidation'],
              strength: 'medium',
            },
            {
              when: { equals: 'punished_or_hurt' },
              ilo: ['ilo.intimidation_threats'],
              thai: ['s6_1.intimidation'],
              strength: 'strong',
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
          // Version 2: "asked or told you to"; "expected" was translated as "hoped".
          id: 'sex_asked',
          kind: 'yesNo',
          version: 2,
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          childText: true,
          showIf: { q: 'sex_willing_to_talk', equals: 'talk_now' },
          evidence: [
            // For a child, being asked for sexual acts at work is sexual exploitation; no coercion is needed.
            {
              when: { equals: 'yes' },
              requires: CHILD,
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cd.forced_tasks_or_clients'],
              thai: ['s6.purpose.sexual_exploitation'],
              strength: 'strong',
            },
            { when: { equals: 'yes' }, ilo: ['ilo.physical_sexual_violence'], strength: 'medium' },
          ],
        },
        {
          // Version 2: "when this happened, were you able to say no?" (past; "could you say no?" was heard
          // as "may you refuse this question?").
          id: 'sex_could_refuse',
          kind: 'yesNo',
          version: 2,
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          childText: true,
          showIf: { q: 'sex_asked', equals: 'yes' },
          evidence: [
            {
              when: { equals: 'no' },
              ilo: ['ilo.physical_sexual_violence'],
              iloEc: ['ilo_ec.cd.forced_tasks_or_clients'],
              thai: ['s6.purpose.sexual_exploitation', 's6_1.other_similar', INVOLUNTARY],
              strength: 'strong',
            },
          ],
        },
        {
          // Version 2: "was money paid, and did someone else keep it" asked two things at once.
          id: 'sex_money_kept_by_others',
          kind: 'single',
          version: 2,
          audience: 'person',
          tiers: FULL,
          sensitive: true,
          showIf: { q: 'sex_asked', equals: 'yes' },
          options: options('no_money_paid', 'kept_myself', 'someone_kept_part', 'someone_kept_all'),
          evidence: [
            // Someone else profits from the person's sexual acts: sexual exploitation, whatever the consent.
            {
              when: { in: ['someone_kept_part', 'someone_kept_all'] },
              ilo: ['ilo.withholding_of_wages'],
              thai: ['s6.purpose.sexual_exploitation'],
              strength: 'medium',
            },
            { when: { equals: 'someone_kept_part' }, iloEc: ['ilo_ec.ex.wage_manipulation'] },
            { when: { equals: 'someone_kept_all' }, iloEc: ['ilo_ec.ex.low_or_no_salary'] },
          ],
        },
      ],
    },
    {
      id: 'closing',
      questions: [
        // Both closing checks are asked after a safety or consent stop too (the card is for that case).
        {
          id: 'close_rights_explained',
          kind: 'yesNo',
          audience: 'officer',
          tiers: SHORT_AND_FULL,
          afterStop: true,
        },
        // The take-away card (rights, hotline 1300): handed over or not is part of the record.
        {
          id: 'close_card_given',
          kind: 'yesNo',
          audience: 'officer',
          tiers: SHORT_AND_FULL,
          afterStop: true,
        },
        {
          // Version 2: the child wording asks one question, not two.
          id: 'close_person_view',
          kind: 'single',
          version: 2,
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
          version: 2,
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
