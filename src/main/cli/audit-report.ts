import type { RowProblemKind, TrailProblem, TrailReport } from '../audit/trail-check';
import { ROW_PROBLEMS } from '../audit/trail-check';
import type { AnchorSource } from '../store/anchor-source';

/**
 * `audit-verify` output, one fact a line: the verdict first, then `first-broken-seq`, then one
 * `reason:` line per problem in words. Codes and row numbers only; never personal data.
 */
const ROW_REASONS: Record<RowProblemKind, (seq: number) => string> = {
  sequence_gap: (seq) => `rows are missing or renumbered before row ${seq}`,
  prev_hash_mismatch: (seq) =>
    `row ${seq} does not link to the row before it (rows removed, reordered or rewritten)`,
  hash_mismatch: (seq) => `row ${seq} was changed after it was written`,
  unknown_key: (seq) => `row ${seq} is signed by a key this store does not know`,
  key_not_yet_valid: (seq) => `row ${seq} is signed by a key that did not exist yet at that row`,
  key_retired: (seq) =>
    `row ${seq} is signed by a key set up for the person by someone else, after the person's own key replaced it`,
  signer_disabled: (seq) =>
    `row ${seq} is signed by a person after their account was disabled (with a kept copy of the keys)`,
  bad_signature: (seq) => `the signature of row ${seq} does not match it (rewritten after signing)`,
  signer_not_actor: (seq) => `row ${seq} is signed by someone other than the person it names`,
  unsigned_after_signing: (seq) =>
    `row ${seq} is not signed although earlier rows are (signature removed or row added without a key)`,
};

export function describeProblem(p: TrailProblem): string {
  switch (p.kind) {
    case 'triggers_missing':
      return `the append-only triggers are missing: ${p.triggers.join(', ')}`;
    case 'triggers_changed':
      return `triggers on the audit trail were changed or added: ${p.triggers.join(', ')}`;
    case 'anchor_not_contained':
      return `the trail no longer contains the anchor at row ${p.seq} (its tail was cut or its history rewritten)`;
    case 'anchor_unknown_key':
      return `the anchor at row ${p.seq} is signed by a key this store does not know`;
    case 'anchor_bad_signature':
      return `the signature of the anchor at row ${p.seq} is not valid`;
    default:
      return ROW_REASONS[p.kind](p.seq);
  }
}

export function describeTrailReport(report: TrailReport): string[] {
  const lines: string[] = [];
  const rowProblem = report.problems.find((p) => ROW_PROBLEMS.has(p.kind));
  const first = rowProblem ?? report.problems[0];
  if (!first) {
    lines.push(`audit-trail: intact (${report.rows} rows)`);
    lines.push(`signed-from-row: ${report.signedFromSeq ?? '-'}`);
    lines.push(`head: ${report.head.seq} ${report.head.hash}`);
    return lines;
  }
  if (rowProblem && 'seq' in rowProblem) {
    lines.push(`audit-trail: broken at row ${rowProblem.seq} (${rowProblem.kind})`);
    lines.push(`first-broken-seq: ${rowProblem.seq}`);
  } else {
    lines.push(`audit-trail: broken (${first.kind})`);
  }
  for (const p of report.problems) lines.push(`reason: ${describeProblem(p)}`);
  return lines;
}

/** One line on the anchor checked: where it came from, its row, its signer and the verdict. */
export function describeAnchor(source: Extract<AnchorSource, { ok: true }>, report: TrailReport): string {
  const a = source.anchor;
  const signer = a.signed ? `signed by key ${a.signed.keyId.slice(0, 16)}` : 'unsigned';
  const failed = report.problems.some((p) => p.kind.startsWith('anchor_'));
  return `anchor: ${failed ? 'NOT contained' : 'contained'} (${source.kind}, row ${a.seq}, ${signer})`;
}
