import { type Answers, answer } from '../../src/shared/instrument';

/**
 * Facts an officer would record that lead to each screening result (the other questions answered
 * neutrally, the person an adult). For tests that need a case with a given result, through the real
 * services or the real channels.
 */
export const FACTS_FOR_RESULT: Record<
  'urgent' | 'indicators_found' | 'no_indicators' | 'not_screened',
  Answers
> = {
  urgent: { needs_danger_now: answer.yes() },
  indicators_found: {
    rec_pay_as_promised: answer.no(),
    doc_where_now: answer.single('employer_or_boat'),
    doc_can_get_back: answer.no(),
    ctrl_debt: answer.yes(),
    ctrl_debt_bound: answer.yes(),
  },
  no_indicators: {},
  not_screened: { consent_screening: answer.no() },
};
