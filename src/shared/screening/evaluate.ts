import type { Answers } from '../instrument/answers';
import {
  type Framework,
  gradeOn,
  ILO_EC_INDICATOR_CODES,
  ILO_EC_INDICATORS,
  ILO_FL_INDICATORS,
  type IloEcElement,
  type Strength,
  THAI_S6_1_INVOLUNTARY,
  THAI_S6_1_WORK,
} from '../instrument/frameworks';
import type { Instrument, StopReason, Tier } from '../instrument/schema';
import type { ChildAssessment } from './child';
import { type ElementFinding, type IloEcPattern, screenIloEc } from './elements';
import { collectEvidence, type EvidenceRef } from './evidence';
import { type InterviewPlan, planInterview } from './plan';
import { type Recommendation, recommend, recommendationOf } from './recommendation';
import { DEFAULT_SCREENING_RULES, type ScreeningRules } from './rules';
import { evaluateThaiLaw, type ThaiLawResult } from './thai-law';
import { type UrgentResult, urgentFromPlan } from './urgent';

export interface IndicatorFinding {
  readonly code: string;
  readonly framework: Framework;
  /**
   * ILO/EC: the indicator's grade on the list used (`iloEcPattern.list`; the adult labour grade when that
   * list lacks it). ILO forced labour: the strongest grade of its supporting answers.
   */
  readonly strength: Strength;
  /** ILO/EC only: the element the indicator belongs to. */
  readonly element?: IloEcElement;
  readonly evidence: EvidenceRef[];
}

export interface Completeness {
  /** Shown questions of this tier (up to any stop), whether answered yet or not. */
  readonly applicable: number;
  /** Put to the person: answered + declined. */
  readonly asked: number;
  /** Answered with a real value. */
  readonly answered: number;
  /** Answered "not sure" or "prefers not to say". */
  readonly declined: number;
  readonly unanswered: number;
  /** Shown questions of this tier that can evidence an indicator, and how many have a real answer. */
  readonly keyApplicable: number;
  readonly keyAnswered: number;
  /** Enough real answers for "no indicators found" to mean something (rule in rules.ts). */
  readonly sufficient: boolean;
}

export interface ScreeningResult {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly tier: Tier;
  readonly child: ChildAssessment;
  readonly indicators: IndicatorFinding[];
  readonly elements: ElementFinding[];
  readonly iloEcPattern: IloEcPattern;
  readonly thaiLaw: ThaiLawResult;
  /** The most pressing recommendation; `recommendations` lists every applicable one in order. */
  readonly recommendation: Recommendation;
  readonly recommendations: Recommendation[];
  readonly urgent: UrgentResult;
  readonly completeness: Completeness;
  readonly stopped: StopReason | null;
  readonly nextQuestionId: string | null;
}

export interface EvaluateOptions {
  /** Which tier is being run (default 'full'); drives completeness and the next question. */
  readonly tier?: Tier;
  readonly rules?: ScreeningRules;
}

/**
 * Screens one interview record: the indicators found (with the answers behind each), the ILO/EC elements,
 * the Thai s.6 and s.6/1 elements, urgency, completeness, the next question and a recommended next
 * step. Pure: no I/O, no clock; the same answers always give the same result.
 */
export function evaluate(
  instrument: Instrument,
  answers: Answers,
  options: EvaluateOptions = {},
): ScreeningResult {
  const tier = options.tier ?? 'full';
  const rules = options.rules ?? DEFAULT_SCREENING_RULES;
  const plan = planInterview(instrument, answers, tier);
  const child = plan.child.possibleChild;
  const found = collectEvidence(instrument, { answers: plan.effectiveAnswers, child });
  const order = questionOrder(instrument);
  const sorted = (refs: EvidenceRef[]) =>
    [...refs].sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0));

  const thaiLaw = evaluateThaiLaw(found.thai, child);
  const iloEc = screenIloEc(found.iloEc, child, thaiLaw.s6.purpose.findings.some(isSexualPurpose), rules);
  const list = iloEc.pattern.list;
  const indicators: IndicatorFinding[] = [
    ...ILO_FL_INDICATORS.flatMap((code) => {
      const hit = found.ilo.get(code);
      return hit
        ? [{ code, framework: 'ilo_fl' as const, strength: hit.strength, evidence: sorted(hit.evidence) }]
        : [];
    }),
    ...ILO_EC_INDICATOR_CODES.flatMap((code) => {
      const hit = found.iloEc.get(code);
      const def = ILO_EC_INDICATORS[code];
      return hit
        ? [
            {
              code,
              framework: 'ilo_ec' as const,
              strength: gradeOn(code, list) ?? gradeOn(code, 'adult_labour') ?? 'medium',
              element: def.element,
              evidence: sorted(hit.evidence),
            },
          ]
        : [];
    }),
  ];
  const elements = iloEc.elements.map((e) => ({ ...e, evidence: sorted(e.evidence) }));
  const pattern = iloEc.pattern;
  const urgent = urgentFromPlan(instrument, plan);
  const completeness = measureCompleteness(instrument, plan, rules);

  // Thai acts, the work context and involuntariness are facts that only mean something together with
  // means and purpose; only means, purposes and indicators count as findings on their own.
  const anyThaiFinding = [...found.thai.keys()].some(
    (code) => code !== THAI_S6_1_WORK && code !== THAI_S6_1_INVOLUNTARY && !code.startsWith('s6.act.'),
  );
  const codes = recommend({
    stopped: plan.stopped,
    urgentBeyondSafety: urgent.reasons.some((r) => r !== 'unsafe_to_talk'),
    mdtPattern: thaiLaw.s6.met || pattern.met,
    forcedLabour: thaiLaw.s6_1.met,
    anyIndicator: indicators.some((i) => !isContextOnly(i)) || anyThaiFinding,
    sufficient: completeness.sufficient,
  });
  const recommendations = codes.map(recommendationOf);

  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    tier,
    child: plan.child,
    indicators,
    elements,
    iloEcPattern: pattern,
    thaiLaw,
    recommendation: recommendations[0] ?? recommendationOf('insufficient_information'),
    recommendations,
    urgent,
    completeness,
    stopped: plan.stopped,
    nextQuestionId: plan.nextQuestionId,
  };
}

/**
 * Vulnerability (the ILO/EC "abuse of vulnerability" elements) is context: it weighs in the ILO/EC
 * elements, but poverty, a family to feed or no papers never count as an indicator on their own.
 */
function isContextOnly(finding: IndicatorFinding): boolean {
  return (
    finding.element === 'ilo_ec.recruitment_abuse_of_vulnerability' ||
    finding.element === 'ilo_ec.abuse_of_vulnerability_at_destination'
  );
}

function isSexualPurpose(finding: { code: string }): boolean {
  return finding.code === 's6.purpose.sexual_exploitation';
}

function questionOrder(instrument: Instrument): Map<string, number> {
  const order = new Map<string, number>();
  for (const section of instrument.sections) for (const q of section.questions) order.set(q.id, order.size);
  return order;
}

function measureCompleteness(
  instrument: Instrument,
  plan: InterviewPlan,
  rules: ScreeningRules,
): Completeness {
  const hasEvidence = new Set(
    instrument.sections.flatMap((s) => s.questions.filter((q) => q.evidence.length > 0).map((q) => q.id)),
  );
  const shown = plan.items.filter(
    (i) => i.inTier && (i.status === 'answered' || i.status === 'declined' || i.status === 'to_ask'),
  );
  const answered = shown.filter((i) => i.status === 'answered').length;
  const declined = shown.filter((i) => i.status === 'declined').length;
  const key = shown.filter((i) => hasEvidence.has(i.questionId));
  const keyAnswered = key.filter((i) => i.status === 'answered').length;
  const { minKeyShare, minKeyAnswered } = rules.completeness;
  return {
    applicable: shown.length,
    asked: answered + declined,
    answered,
    declined,
    unanswered: shown.length - answered - declined,
    keyApplicable: key.length,
    keyAnswered,
    sufficient: keyAnswered >= minKeyAnswered && keyAnswered >= minKeyShare * key.length,
  };
}
