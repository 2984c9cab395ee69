import {
  ILO_EC_DESTINATION_ELEMENTS,
  ILO_EC_RECRUITMENT_ELEMENTS,
  type IloEcElement,
  type Strength,
} from '../instrument/frameworks';

/**
 * The combining rules, kept apart from the engine so reviewers can change them without touching code.
 *
 * ILO/EC element rule (Delphi survey, 2009; our reading of the ILO brochure — verify): an element is
 * present when its distinct indicators found reach one of these minimum combinations:
 *   two strong; or one strong plus one medium or weak; or three medium; or two medium plus one weak.
 * A stronger indicator may fill a weaker slot (two strong satisfy "one strong + one weak").
 *
 * ILO/EC trafficking pattern (verify): adult = a recruitment element (deceptive, coercive or by abuse
 * of vulnerability) + exploitation + a destination element (coercion or abuse of vulnerability);
 * child = exploitation alone, since for a child the means are not required (as in Thai s.6).
 *
 * Thai s.6 (statute): ACT + MEANS + PURPOSE for an adult; ACT + PURPOSE for a child (under 18).
 * Thai s.6/1 (2019 decree; our reading, with the ILO definition of forced labour applied both ways):
 * indicators present when the person works or serves (`s6_1.work`), at least one compelling means is
 * evidenced (the menace of a penalty: fear of harm, intimidation, force, seizure of identity documents,
 * debt bondage, or a similar means leaving them unable to resist such as confinement or no way off the
 * boat) AND the work is not offered voluntarily (`s6_1.involuntary`: cannot leave or refuse, deceived
 * into the work, someone else decided). A threat against a person who is paid, free to leave and working
 * by choice is one indicator, not forced labour; a wage dispute alone is not s.6/1 either.
 * The s.6 purpose "forced labour" follows the same rule for an adult; for a child, the answers that
 * point to it suffice (for example work for others' benefit, wages paid to someone else and movement
 * restricted), since a child cannot consent to exploitation.
 *
 * ILO/EC lists: the answers are weighed with the list of the person's age group, sexual exploitation
 * first when the answers show it, else labour; the other list when only it finds the pattern.
 *
 * Completeness: a result of "no indicators" needs enough real answers. Among the shown questions of
 * the tier that can evidence an indicator ("key questions"), at least `minKeyShare` must have a real
 * answer, and at least `minKeyAnswered` of them. Otherwise the result says the interview is
 * incomplete: declining never produces "no indicators", and never produces a referral by itself.
 */
export interface StrengthCounts {
  strong: number;
  medium: number;
  weak: number;
}

export interface ScreeningRules {
  readonly elementThresholds: readonly Partial<StrengthCounts>[];
  /** Each inner list is "any of these elements"; every list must be satisfied. */
  readonly iloEcPattern: {
    readonly adult: readonly (readonly IloEcElement[])[];
    readonly child: readonly (readonly IloEcElement[])[];
  };
  readonly completeness: { readonly minKeyShare: number; readonly minKeyAnswered: number };
}

export const DEFAULT_SCREENING_RULES: ScreeningRules = {
  elementThresholds: [{ strong: 2 }, { strong: 1, weak: 1 }, { medium: 3 }, { medium: 2, weak: 1 }],
  iloEcPattern: {
    adult: [ILO_EC_RECRUITMENT_ELEMENTS, ['ilo_ec.exploitation'], ILO_EC_DESTINATION_ELEMENTS],
    child: [['ilo_ec.exploitation']],
  },
  completeness: { minKeyShare: 0.5, minKeyAnswered: 4 },
};

const ORDER: Strength[] = ['strong', 'medium', 'weak'];

/** Whether counts reach a threshold, letting a stronger indicator fill a weaker slot. */
export function meetsThreshold(counts: StrengthCounts, threshold: Partial<StrengthCounts>): boolean {
  let spare = 0;
  for (const grade of ORDER) {
    spare += counts[grade] - (threshold[grade] ?? 0);
    if (spare < 0) return false;
  }
  return true;
}

export function elementPresent(counts: StrengthCounts, rules: ScreeningRules): boolean {
  return rules.elementThresholds.some((t) => meetsThreshold(counts, t));
}
