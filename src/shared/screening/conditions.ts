import { type Answers, type AnswerValue, declineReasonOf, isSubstantive } from '../instrument/answers';
import type { Condition, ValueTest } from '../instrument/schema';

/**
 * Skip rules and evidence conditions use three-valued (Kleene) logic: a test on a missing or declined
 * answer is 'unknown', never false. So "not sure" and "prefers not to say" can never stand in for "no"
 * (a `not` over an unknown stays unknown), and a rule only acts when it is definitely true.
 */
export type Truth = true | false | 'unknown';

export interface ConditionContext {
  readonly answers: Answers;
  /** The person may be under 18 (see child.ts). */
  readonly child: boolean;
}

/** Tests one answer value. `answered` and `declined` are always definite; other tests need a real answer. */
export function testValue(test: ValueTest, value: AnswerValue | undefined): Truth {
  if ('answered' in test) return isSubstantive(value);
  if ('declined' in test) return declineReasonOf(value) !== null;
  if (!isSubstantive(value)) return 'unknown';
  if ('equals' in test) return chosen(value).includes(test.equals);
  if ('in' in test) return chosen(value).some((v) => test.in.includes(v));
  if ('includes' in test) return value.kind === 'multi' && value.options.includes(test.includes);
  if ('includesAny' in test)
    return value.kind === 'multi' && value.options.some((o) => test.includesAny.includes(o));
  if (value.kind !== 'number') return false;
  if ('atLeast' in test) return value.value >= test.atLeast;
  return value.value < test.below;
}

/** The chosen value(s) of a yes/no or single-choice answer. */
function chosen(value: AnswerValue): string[] {
  if (value.kind === 'choice') return [value.value];
  if (value.kind === 'single') return [value.option];
  return [];
}

export function evaluateCondition(condition: Condition, ctx: ConditionContext): Truth {
  if ('all' in condition) {
    const results = condition.all.map((c) => evaluateCondition(c, ctx));
    if (results.includes(false)) return false;
    return results.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const results = condition.any.map((c) => evaluateCondition(c, ctx));
    if (results.includes(true)) return true;
    return results.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, ctx);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  if ('flag' in condition) return ctx.child;
  return testValue(condition, ctx.answers[condition.q]);
}

/** True only when the condition definitely holds (an absent condition holds). */
export function holds(condition: Condition | undefined, ctx: ConditionContext): boolean {
  return condition === undefined || evaluateCondition(condition, ctx) === true;
}
