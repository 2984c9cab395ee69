import type { AnswerValue, Question } from '../../shared/instrument';

/**
 * A neutral answer for a question no scenario mentions: safe to talk, consent given, free to leave,
 * nothing bad happened. Scenarios override what their story needs.
 */
const YES_BY_DEFAULT = new Set([
  'safety_safe_to_talk',
  'consent_screening',
  'consent_referral',
  'consent_police',
  'rec_job_as_promised',
  'rec_pay_as_promised',
  'rec_conditions_as_promised',
  'trav_own_documents',
  'exit_could_leave',
  'close_rights_explained',
  'close_card_given',
  'close_referral_consent',
  'rec_understood_terms',
  'ctrl_debt_known',
]);

const OPTION_BY_DEFAULT: Record<string, string> = {
  id_possibly_under_18: 'clearly_adult',
  rec_own_choice: 'own_decision',
  doc_where_now: 'with_me',
  work_paid_how: 'paid_monthly',
  ctrl_movement: 'go_freely',
  ctrl_contact_family: 'contact_when_i_want',
  sex_willing_to_talk: 'skip_topic',
  consent_gender_preference: 'no_preference',
  id_age_method: 'age_self_reported',
  close_person_view: 'other_view',
  ctrl_when_unhappy: 'nothing_like_this',
  work_deductions: 'no_deductions',
  work_hazards: 'no_hazards',
  live_conditions: 'fine_conditions',
  health_immediate_needs: 'need_nothing_now',
  close_needs: 'need_nothing_now',
  exit_what_would_happen: 'would_be_free',
  trav_journey_events: 'j_none',
  ctrl_other_pressure: 'p_none',
  vul_situation: 'v_none',
  trav_arrival: 'went_myself',
  trav_who_arranged: 'myself',
  rec_how_found: 'found_myself',
  child_school: 'school_now',
};

export function neutralAnswer(question: Question): AnswerValue {
  switch (question.kind) {
    case 'yesNo':
      return { kind: 'choice', value: YES_BY_DEFAULT.has(question.id) ? 'yes' : 'no' };
    case 'single':
      return { kind: 'single', option: OPTION_BY_DEFAULT[question.id] ?? question.options[0]?.id ?? '' };
    case 'multi':
      return { kind: 'multi', options: [OPTION_BY_DEFAULT[question.id] ?? question.options[0]?.id ?? ''] };
    case 'number':
      return { kind: 'number', value: Math.min(question.max, Math.max(question.min, 8)) };
    case 'date':
      return { kind: 'approxDate', year: 1995 };
    case 'text':
      return { kind: 'declined', reason: 'prefer_not' };
  }
}
