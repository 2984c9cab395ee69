import { type AnswerValue, isSubstantive } from '../instrument/answers';
import type { IloEcIndicator, IloFlIndicator, Strength, ThaiCode } from '../instrument/frameworks';
import type { Instrument } from '../instrument/schema';
import { type ConditionContext, holds, testValue } from './conditions';

/** One answer that supports a finding: the question and the value given (traceable to the record). */
export interface EvidenceRef {
  readonly questionId: string;
  readonly value: AnswerValue;
}

export interface CodeHit<C extends string> {
  readonly code: C;
  /** The strongest grade any supporting answer gave (ILO forced-labour indicators). */
  readonly strength: Strength;
  readonly evidence: EvidenceRef[];
}

export interface CollectedEvidence {
  readonly ilo: Map<IloFlIndicator, CodeHit<IloFlIndicator>>;
  readonly iloEc: Map<IloEcIndicator, CodeHit<IloEcIndicator>>;
  readonly thai: Map<ThaiCode, CodeHit<ThaiCode>>;
}

const RANK: Record<Strength, number> = { strong: 3, medium: 2, weak: 1 };

/**
 * Walks the questions in order and applies each question's evidence rules to its (effective) answer.
 * Only real answers can match: a declined or missing answer never counts for or against the person.
 */
export function collectEvidence(instrument: Instrument, ctx: ConditionContext): CollectedEvidence {
  const out: CollectedEvidence = { ilo: new Map(), iloEc: new Map(), thai: new Map() };
  for (const section of instrument.sections) {
    for (const question of section.questions) {
      const value = ctx.answers[question.id];
      if (!isSubstantive(value)) continue;
      for (const rule of question.evidence) {
        if (testValue(rule.when, value) !== true || !holds(rule.requires, ctx)) continue;
        const ref: EvidenceRef = { questionId: question.id, value };
        const strength = rule.strength ?? 'medium';
        for (const code of rule.ilo ?? []) add(out.ilo, code, strength, ref);
        for (const code of rule.iloEc ?? []) add(out.iloEc, code, strength, ref);
        for (const code of rule.thai ?? []) add(out.thai, code, strength, ref);
      }
    }
  }
  return out;
}

function add<C extends string>(map: Map<C, CodeHit<C>>, code: C, strength: Strength, ref: EvidenceRef): void {
  const hit = map.get(code);
  if (!hit) {
    map.set(code, { code, strength, evidence: [ref] });
    return;
  }
  const stronger = RANK[strength] > RANK[hit.strength] ? strength : hit.strength;
  const evidence = hit.evidence.some((e) => e.questionId === ref.questionId)
    ? hit.evidence
    : [...hit.evidence, ref];
  map.set(code, { code, strength: stronger, evidence });
}

/** Union of evidence lists, one entry per question, in first-seen order. */
export function mergeEvidence(lists: readonly (readonly EvidenceRef[])[]): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const list of lists) {
    for (const ref of list) {
      if (seen.has(ref.questionId)) continue;
      seen.add(ref.questionId);
      out.push(ref);
    }
  }
  return out;
}
