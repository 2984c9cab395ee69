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

/**
 * The four ILO/EC lists (Delphi survey, 2009): adults and children, in labour and in sexual exploitation.
 * Each list grades the same six elements' indicators, with grades of its own.
 */
export const ILO_EC_LISTS = ['adult_labour', 'adult_sexual', 'child_labour', 'child_sexual'] as const;
export type IloEcList = (typeof ILO_EC_LISTS)[number];

export interface IloEcIndicatorDefinition {
  readonly element: IloEcElement;
  /** The indicator's grade on each list it belongs to; a list that lacks it has no entry. */
  readonly grades: Readonly<Partial<Record<IloEcList, Strength>>>;
}

type Grades = Partial<Record<IloEcList, Strength>>;
const S: Strength = 'strong';
const M: Strength = 'medium';
const W: Strength = 'weak';
/** Grades on the four lists, in ILO_EC_LISTS order; null where the list does not have the indicator. */
const g = (al: Strength | null, as: Strength | null, cl: Strength | null, cs: Strength | null): Grades => {
  const out: Grades = {};
  if (al) out.adult_labour = al;
  if (as) out.adult_sexual = as;
  if (cl) out.child_labour = cl;
  if (cs) out.child_sexual = cs;
  return out;
};
const on = (element: IloEcElement, grades: Grades): IloEcIndicatorDefinition => ({ element, grades });
const DR = 'ilo_ec.deceptive_recruitment';
const CR = 'ilo_ec.coercive_recruitment';
const RV = 'ilo_ec.recruitment_abuse_of_vulnerability';
const EX = 'ilo_ec.exploitation';
const CD = 'ilo_ec.coercion_at_destination';
const VD = 'ilo_ec.abuse_of_vulnerability_at_destination';

/**
 * Every ILO/EC operational indicator of the four lists (67 on the adult labour list), with its element
 * and grades. The adult and child labour grades follow the published lists as we read them; the sexual
 * exploitation lists are taken as the labour lists with the differences we know of (forced tasks or
 * clients and threats of violence weigh more, no strong indicator of exploitative conditions for
 * adults, hazardous work strong for children). Verify every grade against the ILO brochure before
 * relying on it: grades are data, so a reviewer can change them without touching the engine.
 */
export const ILO_EC_INDICATORS = {
  // Deceptive recruitment (including transfer and transport)
  'ilo_ec.dr.nature_of_job': on(DR, g(S, S, S, S)),
  'ilo_ec.dr.conditions_of_work': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.contract': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.family_reunification': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.housing_living': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.legal_status_documents': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.travel_recruitment_conditions': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.wages': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.marriage_adoption': on(DR, g(M, M, M, M)),
  'ilo_ec.dr.education': on(DR, g(W, W, S, S)),
  // Coercive recruitment
  'ilo_ec.cr.violence': on(CR, g(S, S, S, S)),
  'ilo_ec.cr.threats_of_violence': on(CR, g(M, S, S, S)),
  'ilo_ec.cr.abduction_or_sale': on(CR, g(M, S, S, S)),
  'ilo_ec.cr.debt_bondage': on(CR, g(M, M, S, S)),
  'ilo_ec.cr.confiscation_of_documents': on(CR, g(M, M, M, M)),
  'ilo_ec.cr.isolation_confinement': on(CR, g(M, M, M, M)),
  'ilo_ec.cr.threat_of_denunciation': on(CR, g(M, M, M, M)),
  'ilo_ec.cr.threats_to_inform': on(CR, g(M, M, M, M)),
  'ilo_ec.cr.violence_on_family': on(CR, g(M, M, M, M)),
  'ilo_ec.cr.withholding_of_money': on(CR, g(M, M, M, M)),
  // Recruitment by abuse of vulnerability
  'ilo_ec.rv.difficult_family_situation': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.illegal_status': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.lack_of_education': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.lack_of_information': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.control_by_exploiters': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.economic_reasons': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.false_info_migration': on(RV, g(M, M, M, M)),
  // False information about the law, the attitude of the authorities, border crossing (adult lists only).
  'ilo_ec.rv.false_information': on(RV, g(M, M, null, null)),
  'ilo_ec.rv.family_situation': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.personal_situation': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.emotional_dependency': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.legal_status_relationship': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.difficulties_in_past': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.difficulty_organising_travel': on(RV, g(M, M, M, M)),
  'ilo_ec.rv.cultural_religious_beliefs': on(RV, g(W, W, M, M)),
  'ilo_ec.rv.general_context': on(RV, g(W, W, M, M)),
  // Exploitative conditions of work
  'ilo_ec.ex.excessive_hours': on(EX, g(S, M, S, S)),
  'ilo_ec.ex.low_or_no_salary': on(EX, g(M, M, M, M)),
  'ilo_ec.ex.wage_manipulation': on(EX, g(M, M, M, M)),
  'ilo_ec.ex.bad_living_conditions': on(EX, g(M, M, M, M)),
  'ilo_ec.ex.very_bad_working_conditions': on(EX, g(M, M, M, M)),
  'ilo_ec.ex.hazardous_work': on(EX, g(M, M, M, S)),
  'ilo_ec.ex.no_respect_labour_law': on(EX, g(M, M, M, M)),
  // No social protection (contract, social insurance): adult lists only.
  'ilo_ec.ex.no_social_protection': on(EX, g(M, M, null, null)),
  'ilo_ec.ex.no_access_to_education': on(EX, g(W, W, M, M)),
  // Coercion at destination
  'ilo_ec.cd.confiscation_of_documents': on(CD, g(S, S, S, S)),
  'ilo_ec.cd.debt_bondage': on(CD, g(S, S, S, S)),
  'ilo_ec.cd.isolation_confinement': on(CD, g(S, S, S, S)),
  'ilo_ec.cd.violence': on(CD, g(S, S, S, S)),
  'ilo_ec.cd.threats_of_violence': on(CD, g(M, S, S, S)),
  'ilo_ec.cd.forced_illicit_activities': on(CD, g(M, M, S, S)),
  'ilo_ec.cd.forced_tasks_or_clients': on(CD, g(M, S, S, S)),
  'ilo_ec.cd.under_strong_influence': on(CD, g(M, M, S, S)),
  'ilo_ec.cd.forced_against_peers': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.forced_to_lie': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.threat_of_denunciation': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.threat_worse_conditions': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.threats_against_family': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.withholding_of_wages': on(CD, g(M, M, M, M)),
  'ilo_ec.cd.threats_to_inform': on(CD, g(W, W, M, M)),
  // Abuse of vulnerability at destination
  'ilo_ec.vd.dependency_on_exploiters': on(VD, g(M, M, M, M)),
  'ilo_ec.vd.difficult_unknown_area': on(VD, g(M, M, M, M)),
  'ilo_ec.vd.economic_reasons': on(VD, g(M, M, M, M)),
  'ilo_ec.vd.family_situation': on(VD, g(M, M, M, M)),
  'ilo_ec.vd.legal_status': on(VD, g(M, M, M, M)),
  'ilo_ec.vd.difficulties_in_past': on(VD, g(W, W, M, M)),
  'ilo_ec.vd.personal_characteristics': on(VD, g(W, W, M, M)),
} as const satisfies Record<string, IloEcIndicatorDefinition>;
export type IloEcIndicator = keyof typeof ILO_EC_INDICATORS;
export const ILO_EC_INDICATOR_CODES = Object.keys(ILO_EC_INDICATORS) as IloEcIndicator[];

/** The indicators of one list, in catalogue order. */
export function indicatorsOfList(list: IloEcList): IloEcIndicator[] {
  return ILO_EC_INDICATOR_CODES.filter((code) => gradeOn(code, list) !== undefined);
}

/** The indicator's grade on a list, or undefined when the list does not have it. */
export function gradeOn(code: IloEcIndicator, list: IloEcList): Strength | undefined {
  return (ILO_EC_INDICATORS[code].grades as Partial<Record<IloEcList, Strength>>)[list];
}

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
/**
 * Forced labour is work exacted under the menace of a penalty AND not offered voluntarily (ILO C29, art.
 * 2). This code marks answers showing the second half: the person cannot leave or refuse, was deceived
 * into the work, or someone else decided. A threat against a person who is paid, free to leave and
 * working by choice is one indicator, not forced labour.
 */
export const THAI_S6_1_INVOLUNTARY = 's6_1.involuntary' as const;

export const THAI_CODES = [
  ...THAI_S6_ACTS,
  ...THAI_S6_MEANS,
  ...THAI_S6_PURPOSES,
  ...THAI_S6_1_MEANS,
  THAI_S6_1_WORK,
  THAI_S6_1_INVOLUNTARY,
] as const;
export type ThaiCode = (typeof THAI_CODES)[number];

/** Group headings printed on results and referrals (`thai.<group>.name`). */
export const THAI_GROUPS = ['s6.act', 's6.means', 's6.purpose', 's6_1.means'] as const;

export type Framework = 'ilo_fl' | 'ilo_ec';
