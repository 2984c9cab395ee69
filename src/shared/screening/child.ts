import { type Answers, declineReasonOf } from '../instrument/answers';
import type { Instrument } from '../instrument/schema';

export interface ChildAssessment {
  /** The person may be under 18: the child path applies (child wording; Thai s.6 needs no means). */
  readonly possibleChild: boolean;
  /** The stated age is below 18. */
  readonly byStatedAge: boolean;
  /** The officer assessed "possibly under 18", or was not sure (benefit of the doubt). */
  readonly byOfficerAssessment: boolean;
}

/**
 * Either source suffices, and neither can cancel the other: a stated age of 16 stays a child whatever
 * the officer thinks, and an officer's "possibly under 18" stands even if the person says 20.
 */
export function assessChild(instrument: Instrument, answers: Answers): ChildAssessment {
  const rule = instrument.child;
  const age = answers[rule.ageQuestion];
  const byStatedAge = age?.kind === 'number' && age.value < rule.ageBelow;
  const assessment = answers[rule.assessmentQuestion];
  const byOfficerAssessment =
    (assessment?.kind === 'single' && rule.childOptions.includes(assessment.option)) ||
    (rule.notSureAssessmentMeansChild && declineReasonOf(assessment) === 'not_sure');
  return { possibleChild: byStatedAge || byOfficerAssessment, byStatedAge, byOfficerAssessment };
}
