import {
  gradeOn,
  ILO_EC_ELEMENTS,
  ILO_EC_INDICATOR_CODES,
  ILO_EC_INDICATORS,
  type IloEcElement,
  type IloEcIndicator,
  type IloEcList,
} from '../instrument/frameworks';
import { type CodeHit, type EvidenceRef, mergeEvidence } from './evidence';
import { elementPresent, type ScreeningRules, type StrengthCounts } from './rules';

export interface ElementFinding {
  readonly code: IloEcElement;
  readonly present: boolean;
  /** Distinct ILO/EC indicators found for this element, by their grade on the list used. */
  readonly counts: StrengthCounts;
  readonly indicators: IloEcIndicator[];
  readonly evidence: EvidenceRef[];
}

export interface IloEcPattern {
  /** The ILO/EC combination of elements for trafficking (adult or child profile) is found. */
  readonly met: boolean;
  readonly profile: 'adult' | 'child';
  /** The list whose grades the elements were weighed with (see chooseIloEcList). */
  readonly list: IloEcList;
}

/** All six ILO/EC elements weighed with one list's grades; indicators the list lacks do not count. */
export function combineElements(
  found: ReadonlyMap<IloEcIndicator, CodeHit<IloEcIndicator>>,
  rules: ScreeningRules,
  list: IloEcList = 'adult_labour',
): ElementFinding[] {
  return ILO_EC_ELEMENTS.map((element) => {
    const indicators = ILO_EC_INDICATOR_CODES.filter(
      (c) => ILO_EC_INDICATORS[c].element === element && found.has(c) && gradeOn(c, list) !== undefined,
    );
    const counts: StrengthCounts = { strong: 0, medium: 0, weak: 0 };
    for (const code of indicators) {
      const grade = gradeOn(code, list);
      if (grade) counts[grade] += 1;
    }
    const evidence = mergeEvidence(indicators.map((c) => found.get(c)?.evidence ?? []));
    return { code: element, present: elementPresent(counts, rules), counts, indicators, evidence };
  });
}

export function iloEcPattern(
  elements: readonly ElementFinding[],
  child: boolean,
  rules: ScreeningRules,
  list: IloEcList = child ? 'child_labour' : 'adult_labour',
): IloEcPattern {
  const present = new Set(elements.filter((e) => e.present).map((e) => e.code));
  const profile = child ? 'child' : 'adult';
  const groups = rules.iloEcPattern[profile];
  return { met: groups.every((group) => group.some((e) => present.has(e))), profile, list };
}

/**
 * The list to weigh the answers with. A person may be exploited in labour and sexually at once, so both
 * lists of the person's age group are tried: the sexual exploitation list first when the answers show
 * sexual exploitation, else the labour list; the other list is used only when it finds the pattern and
 * the first does not.
 */
export function screenIloEc(
  found: ReadonlyMap<IloEcIndicator, CodeHit<IloEcIndicator>>,
  child: boolean,
  sexualExploitation: boolean,
  rules: ScreeningRules,
): { elements: ElementFinding[]; pattern: IloEcPattern } {
  const labour: IloEcList = child ? 'child_labour' : 'adult_labour';
  const sexual: IloEcList = child ? 'child_sexual' : 'adult_sexual';
  const order = sexualExploitation ? [sexual, labour] : [labour, sexual];
  const tried = order.map((list) => {
    const elements = combineElements(found, rules, list);
    return { elements, pattern: iloEcPattern(elements, child, rules, list) };
  });
  return tried.find((t) => t.pattern.met) ?? (tried[0] as (typeof tried)[number]);
}
