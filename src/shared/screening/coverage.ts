import { type Answers, type AnswerValue, answer } from '../instrument/answers';
import {
  gradeOn,
  ILO_EC_INDICATOR_CODES,
  ILO_EC_LISTS,
  ILO_FL_INDICATORS,
  type IloEcList,
  type Strength,
  THAI_S6_1_INVOLUNTARY,
  THAI_S6_1_MEANS,
  THAI_S6_1_WORK,
  THAI_S6_ACTS,
  THAI_S6_MEANS,
  THAI_S6_PURPOSES,
} from '../instrument/frameworks';
import type { Condition, Instrument, Question, ValueTest } from '../instrument/schema';
import { testValue } from './conditions';
import { evaluate, type ScreeningResult } from './evaluate';

/**
 * The coverage matrix: every ILO/EC operational indicator (on each of the four lists), every Thai s.6
 * act, means and purpose, every s.6/1 means and every ILO forced-labour indicator, with the answers that
 * can evidence it. Each is also proven reachable: an answer set is built from the instrument data (the
 * answer the rule names, what makes the question shown, what the rule requires) and screened with the
 * real engine, which must report the code. Children's lists are proven on the child path.
 */

export type CoverageGroup =
  | 'ilo_fl'
  | 'ilo_ec'
  | 's6.act'
  | 's6.means'
  | 's6.purpose'
  | 's6_1.means'
  | 's6_1.context';

/** One answer that can evidence a code: the question and the test its answer must pass. */
export interface CoverageSource {
  readonly questionId: string;
  readonly when: ValueTest;
  readonly requires?: Condition;
}

export interface CoverageRow {
  readonly group: CoverageGroup;
  readonly code: string;
  /** ILO/EC only: the grade on each list that has the indicator. */
  readonly grades?: Readonly<Partial<Record<IloEcList, Strength>>>;
  readonly sources: readonly CoverageSource[];
  /** Proven on the adult path (and, for ILO/EC indicators of the child lists, on the child path). */
  readonly reachable: { readonly adult: boolean; readonly child: boolean };
}

/** Every code the screening must be able to find, in a stable order. */
export function coverageTargets(): { group: CoverageGroup; code: string }[] {
  return [
    ...ILO_FL_INDICATORS.map((code) => ({ group: 'ilo_fl' as const, code })),
    ...ILO_EC_INDICATOR_CODES.map((code) => ({ group: 'ilo_ec' as const, code })),
    ...THAI_S6_ACTS.map((code) => ({ group: 's6.act' as const, code })),
    ...THAI_S6_MEANS.map((code) => ({ group: 's6.means' as const, code })),
    ...THAI_S6_PURPOSES.map((code) => ({ group: 's6.purpose' as const, code })),
    ...THAI_S6_1_MEANS.map((code) => ({ group: 's6_1.means' as const, code })),
    ...[THAI_S6_1_WORK, THAI_S6_1_INVOLUNTARY].map((code) => ({ group: 's6_1.context' as const, code })),
  ];
}

export function coverageMatrix(instrument: Instrument): CoverageRow[] {
  return coverageTargets().map(({ group, code }) => {
    const sources = sourcesOf(instrument, code);
    const grades =
      group === 'ilo_ec'
        ? Object.fromEntries(
            ILO_EC_LISTS.flatMap((list) => {
              const grade = gradeOn(code as (typeof ILO_EC_INDICATOR_CODES)[number], list);
              return grade ? [[list, grade]] : [];
            }),
          )
        : undefined;
    const onChildList = grades !== undefined && (grades.child_labour ?? grades.child_sexual) !== undefined;
    const reachable = {
      adult: sources.some((s) => provenReachable(instrument, code, s, 'adult')),
      child: onChildList ? sources.some((s) => provenReachable(instrument, code, s, 'child')) : false,
    };
    return grades ? { group, code, grades, sources, reachable } : { group, code, sources, reachable };
  });
}

/** A row is covered when some answer reaches it on every path its lists need. */
export function isCovered(row: CoverageRow): boolean {
  const childNeeded = row.grades && (row.grades.child_labour ?? row.grades.child_sexual) !== undefined;
  const adultNeeded = !row.grades || (row.grades.adult_labour ?? row.grades.adult_sexual) !== undefined;
  // An indicator that only children can show (schooling) is covered for the adult lists by the child path.
  const adultOk = row.reachable.adult || (childNeeded === true && row.reachable.child);
  return (!adultNeeded || adultOk) && (!childNeeded || row.reachable.child);
}

function sourcesOf(instrument: Instrument, code: string): CoverageSource[] {
  const out: CoverageSource[] = [];
  for (const section of instrument.sections)
    for (const q of section.questions)
      for (const rule of q.evidence) {
        const codes: readonly string[] = [...(rule.ilo ?? []), ...(rule.iloEc ?? []), ...(rule.thai ?? [])];
        if (codes.includes(code))
          out.push(
            rule.requires
              ? { questionId: q.id, when: rule.when, requires: rule.requires }
              : { questionId: q.id, when: rule.when },
          );
      }
  return out;
}

const OPENING: Answers = {
  safety_others_present: answer.no(),
  safety_safe_to_talk: answer.yes(),
  consent_screening: answer.yes(),
};

/**
 * Answers that may be needed beside the source for the engine to report a code that depends on other
 * answers (forced labour needs the work to be involuntary and to be work). Tried in order, never
 * overriding what the source itself needs.
 */
const SUPPORT: Answers[] = [
  {},
  { exit_could_leave: answer.no() },
  { exit_could_leave: answer.no(), work_hours_per_day: answer.number(8) },
];

function provenReachable(
  instrument: Instrument,
  code: string,
  source: CoverageSource,
  path: 'adult' | 'child',
): boolean {
  const base: Answers = {
    ...OPENING,
    ...(path === 'child'
      ? { id_age: answer.number(15) }
      : { id_age: answer.number(30), id_possibly_under_18: answer.single('clearly_adult') }),
  };
  const built = new Builder(instrument, base, path);
  const question = built.question(source.questionId);
  if (!question) return false;
  const value = valueFor(question, source.when);
  if (!value || !built.showQuestion(question.id) || !built.set(question.id, value)) return false;
  if (source.requires && !built.satisfy(source.requires)) return false;
  return SUPPORT.some((extra) => {
    const answers = { ...extra, ...built.answers };
    return reports(evaluate(instrument, answers), code);
  });
}

/** True when the screening result names the code as found. */
export function reports(result: ScreeningResult, code: string): boolean {
  if (result.indicators.some((i) => i.code === code)) return true;
  const { s6, s6_1 } = result.thaiLaw;
  return [s6.act, s6.means, s6.purpose, s6_1.work, s6_1.means, s6_1.involuntary].some((part) =>
    part.findings.some((f) => f.code === code),
  );
}

/** Builds an answer set step by step, refusing to change an answer it already set. */
class Builder {
  readonly answers: Answers;
  private readonly instrument: Instrument;
  private readonly path: 'adult' | 'child';
  // Plain fields, no parameter properties: store child processes load this file with Node's type stripping.
  constructor(instrument: Instrument, base: Answers, path: 'adult' | 'child') {
    this.instrument = instrument;
    this.answers = { ...base };
    this.path = path;
  }

  question(id: string): Question | undefined {
    for (const section of this.instrument.sections) {
      const found = section.questions.find((q) => q.id === id);
      if (found) return found;
    }
    return undefined;
  }

  set(id: string, value: AnswerValue): boolean {
    const current = this.answers[id];
    if (current !== undefined) return JSON.stringify(current) === JSON.stringify(value);
    this.answers[id] = value;
    return true;
  }

  /** Makes the question's section and the question itself shown (their skip rules hold). */
  showQuestion(id: string): boolean {
    const section = this.instrument.sections.find((s) => s.questions.some((q) => q.id === id));
    const question = this.question(id);
    if (!section || !question) return false;
    return (
      (!section.showIf || this.satisfy(section.showIf)) && (!question.showIf || this.satisfy(question.showIf))
    );
  }

  satisfy(condition: Condition): boolean {
    if ('all' in condition) return condition.all.every((c) => this.satisfy(c));
    if ('any' in condition) {
      for (const c of condition.any) {
        const saved = { ...this.answers };
        if (this.satisfy(c)) return true;
        for (const key of Object.keys(this.answers)) if (!(key in saved)) delete this.answers[key];
      }
      return false;
    }
    if ('not' in condition) return false;
    if ('flag' in condition) return this.path === 'child';
    const question = this.question(condition.q);
    if (!question) return false;
    // An answer already chosen for another reason may pass the test as it is (an age of 30 is "18 or over").
    const current = this.answers[question.id];
    if (current !== undefined) return testValue(condition, current) === true;
    const value = valueFor(question, condition);
    return value !== undefined && this.showQuestion(question.id) && this.set(question.id, value);
  }
}

/** An answer to this question that passes the test, if there is one. */
function valueFor(question: Question, test: ValueTest): AnswerValue | undefined {
  if ('declined' in test) return answer.notSure();
  if ('equals' in test || 'in' in test) {
    const v = 'equals' in test ? test.equals : test.in[0];
    if (v === undefined) return undefined;
    if (question.kind === 'yesNo') return v === 'yes' ? answer.yes() : answer.no();
    return question.kind === 'single' ? answer.single(v) : undefined;
  }
  if ('includes' in test) return answer.multi(test.includes);
  if ('includesAny' in test) return test.includesAny[0] ? answer.multi(test.includesAny[0]) : undefined;
  if ('atLeast' in test || 'below' in test) {
    if (question.kind !== 'number') return undefined;
    const n = 'atLeast' in test ? Math.ceil(test.atLeast) : Math.ceil(test.below) - 1;
    return n >= question.min && n <= question.max ? answer.number(n) : undefined;
  }
  // { answered: true }: any real answer.
  switch (question.kind) {
    case 'yesNo':
      return answer.yes();
    case 'single':
    case 'multi':
      return question.options[0] ? answer[question.kind](question.options[0].id) : undefined;
    case 'number':
      return answer.number(Math.max(question.min, Math.min(question.max, 8)));
    case 'date':
      return answer.approxDate(2000);
    case 'text':
      return answer.text('-');
  }
}
