/**
 * The indicator frameworks every question maps to. Codes are stable identifiers: they are stored with
 * results, printed on referrals and used as i18next keys (namespace `instrument`):
 *   ILO forced labour and ILO/EC indicators -> `indicators.<code>.name` / `.description`
 *   ILO/EC elements                          -> `elements.<code>.name`
 *   Thai law codes                           -> `thai.<code>.name`
 * Sources: BRIEF.md (ILO 2012 forced-labour indicators; ILO/EC Delphi operational indicators 2009;
 * Thai Anti-Trafficking in Persons Act B.E. 2551 s.6, s.4 as amended 2017, s.6/1 of the 2019 decree).
 */

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** ILO indicators of forced labour (2012): all eleven. */
export const ILO_FL_INDICATORS = [
  'ilo.abuse_of_vulnerability',
  'ilo.deception',
  'ilo.restriction_of_movement',
  'ilo.isolation',
  'ilo.physical_sexual_violence',
  'ilo.intimidation_threats',
  'ilo.retention_of_documents',
  'ilo.withholding_of_wages',
  'ilo.debt_bondage',
  'ilo.abusive_conditions',
  'ilo.excessive_overtime',
] as const;
export type IloFlIndicator = (typeof ILO_FL_INDICATORS)[number];

/** The six elements of the ILO/EC operational indicators (Delphi survey, 2009). */
export const ILO_EC_ELEMENTS = [
  'ilo_ec.deceptive_recruitment',
  'ilo_ec.coercive_recruitment',
  'ilo_ec.recruitment_abuse_of_vulnerability',
  'ilo_ec.exploitation',
  'ilo_ec.coercion_at_destination',
  'ilo_ec.abuse_of_vulnerability_at_destination',
] as const;
export type IloEcElement = (typeof ILO_EC_ELEMENTS)[number];

export const ILO_EC_RECRUITMENT_ELEMENTS: readonly IloEcElement[] = [
  'ilo_ec.deceptive_recruitment',
  'ilo_ec.coercive_recruitment',
  'ilo_ec.recruitment_abuse_of_vulnerability',
];
export const ILO_EC_DESTINATION_ELEMENTS: readonly IloEcElement[] = [
  'ilo_ec.coercion_at_destination',
  'ilo_ec.abuse_of_vulnerability_at_destination',
];

export interface IloEcIndicatorDefinition {
  readonly element: IloEcElement;
  /** Grade from the Delphi lists for adults in labour exploitation (verify against the ILO brochure). */
  readonly strength: Strength;
}

/**
 * The subset of ILO/EC operational indicators this instrument can evidence, with their element and
 * grade. Grades follow our reading of the adult labour-exploitation list (verify); they are data, so a
 * reviewer can regrade them without touching the engine.
 */
export const ILO_EC_INDICATORS = {
  // Deceptive recruitment
  'ilo_ec.dr.nature_of_job': { element: 'ilo_ec.deceptive_recruitment', strength: 'strong' },
  'ilo_ec.dr.conditions_of_work': { element: 'ilo_ec.deceptive_recruitment', strength: 'medium' },
  'ilo_ec.dr.wages': { element: 'ilo_ec.deceptive_recruitment', strength: 'medium' },
  'ilo_ec.dr.legal_status_documents': { element: 'ilo_ec.deceptive_recruitment', strength: 'medium' },
  // Coercive recruitment
  'ilo_ec.cr.violence': { element: 'ilo_ec.coercive_recruitment', strength: 'strong' },
  'ilo_ec.cr.abduction_or_sale': { element: 'ilo_ec.coercive_recruitment', strength: 'medium' },
  'ilo_ec.cr.threats': { element: 'ilo_ec.coercive_recruitment', strength: 'medium' },
  'ilo_ec.cr.debt_bondage': { element: 'ilo_ec.coercive_recruitment', strength: 'medium' },
  // Recruitment by abuse of vulnerability
  'ilo_ec.rv.false_information': { element: 'ilo_ec.recruitment_abuse_of_vulnerability', strength: 'medium' },
  'ilo_ec.rv.family_situation': { element: 'ilo_ec.recruitment_abuse_of_vulnerability', strength: 'medium' },
  'ilo_ec.rv.economic_reasons': { element: 'ilo_ec.recruitment_abuse_of_vulnerability', strength: 'weak' },
  'ilo_ec.rv.general_context': { element: 'ilo_ec.recruitment_abuse_of_vulnerability', strength: 'weak' },
  // Exploitation
  'ilo_ec.ex.excessive_hours': { element: 'ilo_ec.exploitation', strength: 'strong' },
  'ilo_ec.ex.bad_living_conditions': { element: 'ilo_ec.exploitation', strength: 'medium' },
  'ilo_ec.ex.hazardous_work': { element: 'ilo_ec.exploitation', strength: 'medium' },
  'ilo_ec.ex.low_or_no_salary': { element: 'ilo_ec.exploitation', strength: 'medium' },
  'ilo_ec.ex.wage_manipulation': { element: 'ilo_ec.exploitation', strength: 'medium' },
  'ilo_ec.ex.sexual_exploitation': { element: 'ilo_ec.exploitation', strength: 'strong' },
  // Coercion at destination
  'ilo_ec.cd.confiscation_of_documents': { element: 'ilo_ec.coercion_at_destination', strength: 'strong' },
  'ilo_ec.cd.debt_bondage': { element: 'ilo_ec.coercion_at_destination', strength: 'strong' },
  'ilo_ec.cd.isolation_confinement': { element: 'ilo_ec.coercion_at_destination', strength: 'strong' },
  'ilo_ec.cd.threats_of_violence': { element: 'ilo_ec.coercion_at_destination', strength: 'strong' },
  'ilo_ec.cd.violence': { element: 'ilo_ec.coercion_at_destination', strength: 'strong' },
  'ilo_ec.cd.forced_illicit_activities': { element: 'ilo_ec.coercion_at_destination', strength: 'medium' },
  'ilo_ec.cd.forced_tasks_or_clients': { element: 'ilo_ec.coercion_at_destination', strength: 'medium' },
  'ilo_ec.cd.threat_of_denunciation': { element: 'ilo_ec.coercion_at_destination', strength: 'medium' },
  'ilo_ec.cd.threats_against_family': { element: 'ilo_ec.coercion_at_destination', strength: 'medium' },
  'ilo_ec.cd.withholding_of_wages': { element: 'ilo_ec.coercion_at_destination', strength: 'medium' },
  // Abuse of vulnerability at destination
  'ilo_ec.vd.dependency_on_exploiters': {
    element: 'ilo_ec.abuse_of_vulnerability_at_destination',
    strength: 'medium',
  },
  'ilo_ec.vd.difficult_unknown_area': {
    element: 'ilo_ec.abuse_of_vulnerability_at_destination',
    strength: 'medium',
  },
  'ilo_ec.vd.legal_status': { element: 'ilo_ec.abuse_of_vulnerability_at_destination', strength: 'medium' },
} as const satisfies Record<string, IloEcIndicatorDefinition>;
export type IloEcIndicator = keyof typeof ILO_EC_INDICATORS;
export const ILO_EC_INDICATOR_CODES = Object.keys(ILO_EC_INDICATORS) as IloEcIndicator[];

/** Thai Anti-Trafficking in Persons Act s.6: the ACT (any one suffices). */
export const THAI_S6_ACTS = [
  's6.act.recruit',
  's6.act.buy_sell',
  's6.act.transport',
  's6.act.detain_confine',
  's6.act.harbour_receive',
] as const;
/** s.6: the MEANS (not needed when the person is a child). */
export const THAI_S6_MEANS = [
  's6.means.threat_force',
  's6.means.abduction',
  's6.means.fraud_deception',
  's6.means.abuse_of_power',
  's6.means.payment_to_controller',
] as const;
/** s.6 with s.4: the PURPOSE of exploitation (forced labour includes document seizure and debt bondage, 2017). */
export const THAI_S6_PURPOSES = [
  's6.purpose.forced_labour',
  's6.purpose.sexual_exploitation',
  's6.purpose.slavery_servitude',
] as const;
/** s.6/1 (2019): compelling work or service by one of these means. */
export const THAI_S6_1_MEANS = [
  's6_1.fear_of_harm',
  's6_1.intimidation',
  's6_1.force',
  's6_1.document_seizure',
  's6_1.debt_bondage',
  's6_1.other_similar',
] as const;
/** s.6/1 needs work or service being exacted; this code marks answers showing the person works. */
export const THAI_S6_1_WORK = 's6_1.work' as const;

export const THAI_CODES = [
  ...THAI_S6_ACTS,
  ...THAI_S6_MEANS,
  ...THAI_S6_PURPOSES,
  ...THAI_S6_1_MEANS,
  THAI_S6_1_WORK,
] as const;
export type ThaiCode = (typeof THAI_CODES)[number];

/** Group headings printed on results and referrals (`thai.<group>.name`). */
export const THAI_GROUPS = ['s6.act', 's6.means', 's6.purpose', 's6_1.means'] as const;

export type Framework = 'ilo_fl' | 'ilo_ec';
