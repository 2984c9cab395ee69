import {
  THAI_S6_1_INVOLUNTARY,
  THAI_S6_1_MEANS,
  THAI_S6_1_WORK,
  THAI_S6_ACTS,
  THAI_S6_MEANS,
  THAI_S6_PURPOSES,
  type ThaiCode,
} from '../instrument/frameworks';
import { type CodeHit, type EvidenceRef, mergeEvidence } from './evidence';

/** One Thai law code found, with the answers behind it. */
export interface ThaiFinding {
  readonly code: ThaiCode;
  readonly evidence: EvidenceRef[];
}

export interface ThaiPart {
  readonly present: boolean;
  readonly findings: ThaiFinding[];
}

/** Anti-Trafficking in Persons Act s.6 elements as screened (never a legal finding). */
export interface ThaiS6 {
  readonly act: ThaiPart;
  readonly means: ThaiPart;
  readonly purpose: ThaiPart;
  /** The child path applies: the means are not required. */
  readonly child: boolean;
  readonly meansRequired: boolean;
  /** ACT + MEANS + PURPOSE (adult) or ACT + PURPOSE (child) are all indicated. */
  readonly met: boolean;
  readonly evidence: EvidenceRef[];
}

/** s.6/1 forced labour or services: work exacted by a compelling means, and not offered voluntarily. */
export interface ThaiS6_1 {
  readonly work: ThaiPart;
  readonly means: ThaiPart;
  /** The work is not offered voluntarily: cannot leave or refuse, deceived into it, someone else decided. */
  readonly involuntary: ThaiPart;
  readonly met: boolean;
  readonly evidence: EvidenceRef[];
}

export interface ThaiLawResult {
  readonly s6: ThaiS6;
  readonly s6_1: ThaiS6_1;
}

function part(found: ReadonlyMap<ThaiCode, CodeHit<ThaiCode>>, codes: readonly ThaiCode[]): ThaiPart {
  const findings = codes.flatMap((code) => {
    const hit = found.get(code);
    return hit ? [{ code, evidence: hit.evidence }] : [];
  });
  return { present: findings.length > 0, findings };
}

const evidenceOf = (parts: ThaiPart[]) =>
  mergeEvidence(parts.flatMap((p) => p.findings.map((f) => f.evidence)));

/** The rules are documented in rules.ts. */
export function evaluateThaiLaw(
  found: ReadonlyMap<ThaiCode, CodeHit<ThaiCode>>,
  child: boolean,
): ThaiLawResult {
  const work = part(found, [THAI_S6_1_WORK]);
  const s61Means = part(found, THAI_S6_1_MEANS);
  const involuntary = part(found, [THAI_S6_1_INVOLUNTARY]);
  const s61Met = work.present && s61Means.present && involuntary.present;
  const act = part(found, THAI_S6_ACTS);
  const means = part(found, THAI_S6_MEANS);
  // Forced labour as a purpose needs the work to be involuntary, as s.6/1 does; for a child the
  // answers that point to it are enough (a child cannot consent to exploitation).
  const purpose = part(
    found,
    THAI_S6_PURPOSES.filter((code) => code !== 's6.purpose.forced_labour' || child || involuntary.present),
  );
  const s6Met = act.present && purpose.present && (child || means.present);
  return {
    s6: {
      act,
      means,
      purpose,
      child,
      meansRequired: !child,
      met: s6Met,
      evidence: evidenceOf([act, means, purpose]),
    },
    s6_1: {
      work,
      means: s61Means,
      involuntary,
      met: s61Met,
      evidence: evidenceOf([work, s61Means, involuntary]),
    },
  };
}
