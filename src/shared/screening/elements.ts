import {
  ILO_EC_ELEMENTS,
  ILO_EC_INDICATOR_CODES,
  ILO_EC_INDICATORS,
  type IloEcElement,
  type IloEcIndicator,
} from '../instrument/frameworks';
import { type CodeHit, type EvidenceRef, mergeEvidence } from './evidence';
import { elementPresent, type ScreeningRules, type StrengthCounts } from './rules';

export interface ElementFinding {
  readonly code: IloEcElement;
  readonly present: boolean;
  /** Distinct ILO/EC indicators found for this element, by their Delphi grade. */
  readonly counts: StrengthCounts;
  readonly indicators: IloEcIndicator[];
  readonly evidence: EvidenceRef[];
}

export interface IloEcPattern {
  /** The ILO/EC combination of elements for trafficking (adult or child profile) is found. */
  readonly met: boolean;
  readonly profile: 'adult' | 'child';
}

/** All six ILO/EC elements, each with whether the Delphi combining rule finds it present. */
export function combineElements(
  found: ReadonlyMap<IloEcIndicator, CodeHit<IloEcIndicator>>,
  rules: ScreeningRules,
): ElementFinding[] {
  return ILO_EC_ELEMENTS.map((element) => {
    const indicators = ILO_EC_INDICATOR_CODES.filter(
      (c) => ILO_EC_INDICATORS[c].element === element && found.has(c),
    );
    const counts: StrengthCounts = { strong: 0, medium: 0, weak: 0 };
    for (const code of indicators) counts[ILO_EC_INDICATORS[code].strength] += 1;
    const evidence = mergeEvidence(indicators.map((c) => found.get(c)?.evidence ?? []));
    return { code: element, present: elementPresent(counts, rules), counts, indicators, evidence };
  });
}

export function iloEcPattern(
  elements: readonly ElementFinding[],
  child: boolean,
  rules: ScreeningRules,
): IloEcPattern {
  const present = new Set(elements.filter((e) => e.present).map((e) => e.code));
  const profile = child ? 'child' : 'adult';
  const groups = rules.iloEcPattern[profile];
  return { met: groups.every((group) => group.some((e) => present.has(e))), profile };
}
