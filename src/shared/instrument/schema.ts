import { z } from 'zod';
import { DECLINE_REASONS, YES_NO } from './answers';
import {
  ILO_EC_INDICATOR_CODES,
  ILO_FL_INDICATORS,
  type IloEcIndicator,
  type IloFlIndicator,
  STRENGTHS,
  type Strength,
  THAI_CODES,
  type ThaiCode,
} from './frameworks';

/**
 * The zod schema of a screening instrument: sections of questions, answer kinds, declarative skip
 * rules (`showIf`), stop and urgent rules, and for each question the indicators its answers can
 * evidence. All text lives in i18next (`resources/locales/<lng>/instrument.json`); the data here only
 * names things. `parseInstrument` also checks cross-references (a rule may only name questions and
 * options that exist, and a skip rule only earlier questions, so visibility never loops).
 */

export const TIERS = ['short', 'full'] as const;
export type Tier = (typeof TIERS)[number];

export const QUESTION_KINDS = ['yesNo', 'single', 'multi', 'number', 'date', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const URGENT_REASONS = [
  'unsafe_to_talk',
  'immediate_danger',
  'medical_need',
  'possible_child',
] as const;
export type UrgentReason = (typeof URGENT_REASONS)[number];

export const STOP_REASONS = ['unsafe_to_talk', 'no_consent'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const CONDITION_FLAGS = ['child'] as const;
export type ConditionFlag = (typeof CONDITION_FLAGS)[number];

const idSchema = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'ids are snake_case');

/** A test on one answer's value. A missing or declined answer never passes a value test. */
export type ValueTest =
  | { equals: string }
  | { in: string[] }
  | { includes: string }
  | { includesAny: string[] }
  | { atLeast: number }
  | { below: number }
  | { answered: true }
  | { declined: true };

export type Condition =
  | ({ q: string } & ValueTest)
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { flag: ConditionFlag };

const valueTestVariants = [
  z.strictObject({ equals: z.string().min(1) }),
  z.strictObject({ in: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ includes: z.string().min(1) }),
  z.strictObject({ includesAny: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ atLeast: z.number().finite() }),
  z.strictObject({ below: z.number().finite() }),
  z.strictObject({ answered: z.literal(true) }),
  z.strictObject({ declined: z.literal(true) }),
] as const;

export const valueTestSchema: z.ZodType<ValueTest> = z.union(valueTestVariants);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    ...valueTestVariants.map((variant) => variant.extend({ q: idSchema })),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ flag: z.enum(CONDITION_FLAGS) }),
  ]),
);

export interface EvidenceRule {
  /** Test on this question's own answer. */
  when: ValueTest;
  /** Optional extra condition on other answers (or the child flag); must be true, never "unknown". */
  requires?: Condition;
  ilo?: IloFlIndicator[];
  iloEc?: IloEcIndicator[];
  thai?: ThaiCode[];
  /** How strongly this answer evidences the ILO forced-labour indicators it names (default medium). */
  strength?: Strength;
}

export const evidenceRuleSchema: z.ZodType<EvidenceRule> = z
  .strictObject({
    when: valueTestSchema,
    requires: conditionSchema.optional(),
    ilo: z.array(z.enum(ILO_FL_INDICATORS)).optional(),
    iloEc: z.array(z.enum(ILO_EC_INDICATOR_CODES as [IloEcIndicator, ...IloEcIndicator[]])).optional(),
    thai: z.array(z.enum(THAI_CODES)).optional(),
    strength: z.enum(STRENGTHS).optional(),
  })
  .refine((r) => (r.ilo?.length ?? 0) + (r.iloEc?.length ?? 0) + (r.thai?.length ?? 0) > 0, {
    message: 'an evidence rule must name at least one code',
  });

const optionSchema = z.strictObject({
  id: idSchema,
  /**
   * Multi-choice only: this option excludes every other ("Nothing like this", "No deductions"). An answer
   * that combines it with another option contradicts itself and is refused (see parseAnswerFor).
   */
  exclusive: z.boolean().default(false),
});

/**
 * Who a question is for:
 * - 'person': asked aloud and shown to the person (in the person-facing view too);
 * - 'officer': the officer's own record (an assessment, a check); never shown to the person, and
 *   answered without "prefers not to say" (the officer records "not sure" instead);
 * - 'both': asked of the person, and the officer may also answer it from what they see (papers, a card).
 */
export const QUESTION_AUDIENCES = ['person', 'officer', 'both'] as const;
export type QuestionAudience = (typeof QUESTION_AUDIENCES)[number];

const questionBase = {
  id: idSchema,
  audience: z.enum(QUESTION_AUDIENCES),
  /**
   * The wording version. Raise it whenever the text of the question changes its meaning or form, and move
   * the old texts to `archive.<id>.v<old>.text[Child]` so answers given to the old wording still show it.
   */
  version: z.number().int().min(1).default(1),
  /** ['short','full'] or ['full']: the full interview always contains every short-screen question. */
  tiers: z.array(z.enum(TIERS)).min(1),
  /** True when `questions.<id>.textChild` exists: child-appropriate wording, used on the child path. */
  childText: z.boolean().default(false),
  /** Sensitive topic: the UI offers "skip" prominently and the guidance says how to ask with care. */
  sensitive: z.boolean().default(false),
  showIf: conditionSchema.optional(),
  evidence: z.array(evidenceRuleSchema).default([]),
  /**
   * A closing check of the officer's that still makes sense after a stop rule fired (the rights card
   * handed over, the rights explained): asked after the stop, and recordable on a stopped interview,
   * without reopening the screening questions. Officer questions without evidence only, so it never
   * changes a result.
   */
  afterStop: z.boolean().default(false),
};

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...questionBase, kind: z.literal('yesNo') }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('single'),
    options: z.array(optionSchema).min(2),
    /**
     * A question that was yes/no in an earlier version and is now a choice (an either/or question):
     * how a stored yes/no answer reads in the new options. Old answers stay valid without a migration.
     */
    fromYesNo: z.strictObject({ yes: idSchema, no: idSchema }).optional(),
  }),
  z.strictObject({ ...questionBase, kind: z.literal('multi'), options: z.array(optionSchema).min(2) }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('number'),
    min: z.number().finite(),
    max: z.number().finite(),
    integer: z.boolean().default(true),
  }),
  z.strictObject({ ...questionBase, kind: z.literal('date') }),
  z.strictObject({ ...questionBase, kind: z.literal('text'), maxLength: z.number().int().min(1).max(2000) }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  /** The whole section is shown only when this holds (checked before each question's own showIf). */
  showIf: conditionSchema.optional(),
  sensitive: z.boolean().default(false),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const childRuleSchema = z.strictObject({
  /** Number question: the stated age; below `ageBelow` means a child. */
  ageQuestion: idSchema,
  ageBelow: z.number().int().min(1),
  /** The officer's age assessment; any of `childOptions` means "possibly a child". */
  assessmentQuestion: idSchema,
  childOptions: z.array(idSchema).min(1),
  /** Benefit of the doubt: an officer who is "not sure" whether the person is an adult treats them as a child. */
  notSureAssessmentMeansChild: z.boolean(),
});

export const instrumentSchema = z
  .strictObject({
    id: idSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    sections: z.array(sectionSchema).min(1),
    /** When one holds, the interview stops at once (nothing more is asked). */
    stopRules: z.array(z.strictObject({ when: conditionSchema, reason: z.enum(STOP_REASONS) })),
    /** When one holds, the UI brings emergency actions forward (hotline 1300). */
    urgentRules: z.array(z.strictObject({ when: conditionSchema, reason: z.enum(URGENT_REASONS) })),
    child: childRuleSchema,
  })
  .superRefine((instrument, ctx) => {
    for (const problem of crossReferenceProblems(instrument))
      ctx.addIssue({ code: 'custom', message: problem });
  });
export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentInput = z.input<typeof instrumentSchema>;

/** Parses and checks an instrument; throws a ZodError listing every problem. */
export function parseInstrument(data: unknown): Instrument {
  return instrumentSchema.parse(data);
}

type ParsedShape = z.infer<typeof instrumentSchema>;
type ParsedQuestion = ParsedShape['sections'][number]['questions'][number];

function crossReferenceProblems(instrument: ParsedShape): string[] {
  const problems: string[] = [];
  const seenQuestions = new Map<string, ParsedQuestion>();
  const seenSections = new Set<string>();
  const all = new Map<string, ParsedQuestion>();
  for (const section of instrument.sections) for (const q of section.questions) all.set(q.id, q);

  for (const section of instrument.sections) {
    if (seenSections.has(section.id)) problems.push(`duplicate section id ${section.id}`);
    seenSections.add(section.id);
    if (section.showIf) checkCondition(section.showIf, seenQuestions, `section ${section.id}`, problems);
    for (const q of section.questions) {
      const where = `question ${q.id}`;
      if (seenQuestions.has(q.id)) problems.push(`duplicate question id ${q.id}`);
      if (!q.tiers.includes('full')) problems.push(`${where}: every question belongs to the full tier`);
      if (new Set(q.tiers).size !== q.tiers.length) problems.push(`${where}: repeated tier`);
      if (q.kind === 'single' || q.kind === 'multi') {
        const ids = q.options.map((o) => o.id);
        if (new Set(ids).size !== ids.length) problems.push(`${where}: duplicate option id`);
        if (q.kind === 'single' && q.options.some((o) => o.exclusive))
          problems.push(`${where}: only multi-choice options can be exclusive`);
        if (q.kind === 'single' && q.fromYesNo) {
          for (const mapped of [q.fromYesNo.yes, q.fromYesNo.no])
            if (!ids.includes(mapped)) problems.push(`${where}: fromYesNo names unknown option ${mapped}`);
        }
      }
      if (q.kind === 'number' && q.min > q.max) problems.push(`${where}: min above max`);
      if (q.afterStop && (q.audience !== 'officer' || q.evidence.length > 0))
        problems.push(`${where}: only an officer's check without evidence can be asked after a stop`);
      // A skip rule may only look back, so visibility is computed in one pass and can never loop.
      if (q.showIf) checkCondition(q.showIf, seenQuestions, `${where} showIf`, problems);
      q.evidence.forEach((rule, i) => {
        checkValueTest(rule.when, q, `${where} evidence[${i}]`, problems);
        if (rule.requires) checkCondition(rule.requires, all, `${where} evidence[${i}] requires`, problems);
      });
      seenQuestions.set(q.id, q);
    }
  }
  for (const [i, r] of instrument.stopRules.entries())
    checkCondition(r.when, all, `stopRules[${i}]`, problems);
  for (const [i, r] of instrument.urgentRules.entries())
    checkCondition(r.when, all, `urgentRules[${i}]`, problems);

  const age = all.get(instrument.child.ageQuestion);
  if (age?.kind !== 'number') problems.push('child.ageQuestion must name a number question');
  const assessment = all.get(instrument.child.assessmentQuestion);
  if (assessment?.kind !== 'single')
    problems.push('child.assessmentQuestion must name a single-choice question');
  else {
    for (const option of instrument.child.childOptions) {
      if (!assessment.options.some((o) => o.id === option))
        problems.push(`child.childOptions: unknown ${option}`);
    }
  }
  return problems;
}

function checkCondition(
  condition: Condition,
  known: ReadonlyMap<string, ParsedQuestion>,
  where: string,
  problems: string[],
): void {
  if ('all' in condition || 'any' in condition) {
    for (const c of 'all' in condition ? condition.all : condition.any)
      checkCondition(c, known, where, problems);
    return;
  }
  if ('not' in condition) {
    checkCondition(condition.not, known, where, problems);
    return;
  }
  if ('flag' in condition) return;
  const target = known.get(condition.q);
  if (!target) {
    problems.push(`${where}: refers to ${condition.q}, which is unknown or not earlier`);
    return;
  }
  checkValueTest(condition, target, where, problems);
}

function checkValueTest(test: ValueTest, q: ParsedQuestion, where: string, problems: string[]): void {
  if ('answered' in test || 'declined' in test) return;
  const optionIds =
    q.kind === 'single' || q.kind === 'multi'
      ? q.options.map((o) => o.id)
      : q.kind === 'yesNo'
        ? [...YES_NO]
        : [];
  const checkValues = (values: string[], kinds: QuestionKind[]) => {
    if (!kinds.includes(q.kind)) {
      problems.push(`${where}: test does not fit a ${q.kind} question (${q.id})`);
      return;
    }
    for (const v of values) {
      if ((DECLINE_REASONS as readonly string[]).includes(v)) {
        problems.push(`${where}: use { declined: true }, not a value test, for ${v}`);
      } else if (!optionIds.includes(v)) problems.push(`${where}: ${q.id} has no option ${v}`);
    }
  };
  if ('equals' in test) checkValues([test.equals], ['yesNo', 'single']);
  else if ('in' in test) checkValues(test.in, ['yesNo', 'single']);
  else if ('includes' in test) checkValues([test.includes], ['multi']);
  else if ('includesAny' in test) checkValues(test.includesAny, ['multi']);
  else if (q.kind !== 'number') problems.push(`${where}: number test on a ${q.kind} question (${q.id})`);
}
