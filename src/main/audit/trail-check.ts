import { AUDIT_ROW_PROBLEMS } from '../../shared/domain/audit';
import type { AuditAnchor } from './anchor';
import { type AuditRowContent, auditRowHash, GENESIS_HASH } from './chain';
import {
  type AuditKeyEntry,
  type AuditKeyLookup,
  anchorSignatureMessage,
  rowSignatureMessage,
  verifyAuditSignature,
} from './signer';

/**
 * The whole check of an audit trail, pure: rows in seq order, a key lookup (the endorsed roster) and
 * the triggers the schema holds. Used by `audit-verify`, the supervisor's check and restore.
 *
 * What it establishes, row by row:
 * - the hash chain: seq 1, 2, 3 … without gaps, each prev_hash the hash before it, each hash
 *   recomputed from the stored content (a changed, removed, inserted or reordered row breaks it);
 * - signatures: a signed row names a key the lookup knows (and that was valid from that seq on), its
 *   Ed25519 signature over (seq, hash) checks out, and for a person's row the key is that person's;
 * - no unsigned row after the first signed one, nor from the row the roster says signing began;
 * - an enrolment key (set up by someone else, `retiresOnNextKey`) signs nothing once the same account's
 *   next key has signed a row: whoever knew the given passphrase cannot write as the person later.
 *
 * Rows written before signing existed. A store keeps its older, unsigned rows; signing starts with
 * the first row written under a bound key. That row's hash chains over every unsigned row before it,
 * so its signature commits to the whole unsigned prefix: rewriting any of those rows afterwards breaks
 * the chain into a signed row. From the first signed row on every row must be signed, so stripping
 * signatures is seen. What this cannot see on its own is a trail cut back to before its first signed
 * row (or any tail cut): anchors see that. Every referral PDF and every backup carries a signed anchor
 * (`anchor.ts`), and a trail that no longer contains one fails `audit-verify --anchor`.
 *
 * And the schema: the append-only triggers on audit_log are present and exactly as created, and no
 * other trigger touches audit_log (one that drops inserts with RAISE(IGNORE), say).
 *
 * The first row that fails ends the row check (everything after it hangs on it); trigger and anchor
 * problems are reported alongside.
 */

/** A stored audit row (log.ts reads them): the content the hash covers, the chain and the signature. */
export interface TrailRow extends AuditRowContent {
  prevHash: string;
  hash: string;
  /** Null on unsigned rows (and on every row of a store from before signatures). */
  signerKey: string | null;
  /** base64url Ed25519 signature of rowSignatureMessage(seq, hash). */
  signature: string | null;
}

/** A trigger as sqlite_schema holds it. */
export interface TriggerDef {
  name: string;
  sql: string | null;
}

/** The append-only triggers of migration 0001, as written there. */
export const AUDIT_TRIGGERS: readonly TriggerDef[] = [
  {
    name: 'audit_log_no_update',
    sql: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  },
  {
    name: 'audit_log_no_delete',
    sql: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  },
];

export type RowProblemKind = (typeof AUDIT_ROW_PROBLEMS)[number];

export const ROW_PROBLEMS: ReadonlySet<string> = new Set<RowProblemKind>(AUDIT_ROW_PROBLEMS);

export type TrailProblem =
  | { kind: RowProblemKind; seq: number }
  | { kind: 'triggers_missing' | 'triggers_changed'; triggers: string[] }
  | {
      kind: 'anchor_not_contained' | 'anchor_unknown_key' | 'anchor_bad_signature';
      seq: number;
    };

export interface TrailReport {
  ok: boolean;
  /** Rows checked (up to and including the first that failed). */
  rows: number;
  /** The first signed row, or null when no row is signed. */
  signedFromSeq: number | null;
  /** The last row that checked out, or seq 0 and the genesis hash. */
  head: { seq: number; hash: string };
  problems: TrailProblem[];
}

export interface TrailCheckInput {
  rows: Iterable<TrailRow>;
  lookup: AuditKeyLookup;
  /** Every trigger on audit_log or whose SQL names audit_log (see `auditTriggersIn`). */
  triggers: readonly TriggerDef[];
  /** Anchors the trail must contain (from referral PDFs or backups). */
  anchors?: readonly AuditAnchor[];
}

const normaliseSql = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

/** Trigger problems: expected ones missing, or changed, or extra triggers on the audit trail. */
export function checkAuditTriggers(triggers: readonly TriggerDef[]): TrailProblem[] {
  const expected = new Map(AUDIT_TRIGGERS.map((t) => [t.name, normaliseSql(t.sql)]));
  const present = new Map(triggers.map((t) => [t.name, normaliseSql(t.sql)]));
  const missing = [...expected.keys()].filter((name) => !present.has(name));
  const changed = [...present.entries()]
    .filter(([name, sql]) => expected.get(name) !== sql)
    .map(([name]) => name);
  const problems: TrailProblem[] = [];
  if (missing.length) problems.push({ kind: 'triggers_missing', triggers: missing });
  if (changed.length) problems.push({ kind: 'triggers_changed', triggers: changed.sort() });
  return problems;
}

/**
 * The signature rules of one row that need no signature check: signed at all (once signing began), by
 * a key the roster knows, valid from this row on, and for a person's row that person's key.
 */
function signerProblem(
  row: TrailRow,
  entry: AuditKeyEntry | undefined,
  signingBegan: boolean,
): RowProblemKind | null {
  if (row.signerKey === null || row.signature === null) {
    // Half a signature is as good as none.
    return signingBegan || row.signerKey !== null || row.signature !== null ? 'unsigned_after_signing' : null;
  }
  if (!entry) return 'unknown_key';
  if (entry.validFromSeq !== undefined && row.seq < entry.validFromSeq) return 'key_not_yet_valid';
  if (row.actorKind === 'user' && row.actorId !== entry.accountId) return 'signer_not_actor';
  return null;
}

function signatureValid(entry: AuditKeyEntry, row: Pick<TrailRow, 'seq' | 'hash' | 'signature'>): boolean {
  if (row.signature === null) return false;
  const signature = Buffer.from(row.signature, 'base64url');
  return verifyAuditSignature(entry.publicKey, rowSignatureMessage(row.seq, row.hash), signature);
}

/**
 * Consecutive rows signed with the same key. Only the last signature of a run is checked on the way:
 * it covers that row's hash, which chains over every row before it, so a valid one proves the key's
 * holder vouched for the exact content of the whole run (and everything before). Rewriting a row inside
 * the run changes the last hash too. The per-row labels (whose key, whose row) are checked on every
 * row. Only when the last signature fails are the run's rows checked one by one, to name the first.
 * (Checking every signature costs about 0.1 ms a row: minutes for an office's millions of rows.)
 */
interface SignedRun {
  entry: AuditKeyEntry;
  keyId: string;
  rows: Pick<TrailRow, 'seq' | 'hash' | 'prevHash' | 'signature'>[];
}

/** The first row of the run whose signature fails, or null when the run checks out. */
function badRowIn(run: SignedRun): SignedRun['rows'][number] | null {
  const last = run.rows[run.rows.length - 1];
  if (!last || signatureValid(run.entry, last)) return null;
  return run.rows.find((r) => !signatureValid(run.entry, r)) ?? last;
}

function anchorProblems(
  anchors: readonly AuditAnchor[],
  lookup: (keyId: string) => AuditKeyEntry | undefined,
  hashAt: ReadonlyMap<number, string>,
): TrailProblem[] {
  const problems: TrailProblem[] = [];
  for (const a of anchors) {
    if (a.signed) {
      const entry = lookup(a.signed.keyId);
      if (!entry) {
        problems.push({ kind: 'anchor_unknown_key', seq: a.seq });
        continue;
      }
      if (!verifyAuditSignature(entry.publicKey, anchorSignatureMessage(a.seq, a.hash), a.signed.signature)) {
        problems.push({ kind: 'anchor_bad_signature', seq: a.seq });
        continue;
      }
    }
    const found = a.seq === 0 ? GENESIS_HASH : hashAt.get(a.seq);
    if (found !== a.hash) problems.push({ kind: 'anchor_not_contained', seq: a.seq });
  }
  return problems;
}

export function checkTrail(input: TrailCheckInput): TrailReport {
  const anchors = input.anchors ?? [];
  const wanted = new Set(anchors.map((a) => a.seq));
  const hashAt = new Map<number, string>();
  const keys = new Map<string, AuditKeyEntry | undefined>();
  const lookup = (keyId: string) => {
    if (!keys.has(keyId)) keys.set(keyId, input.lookup(keyId));
    return keys.get(keyId);
  };
  const problems: TrailProblem[] = checkAuditTriggers(input.triggers);
  let expectedSeq = 1;
  let head = { seq: 0, hash: GENESIS_HASH };
  let signedFromSeq: number | null = null;
  let rows = 0;
  let run: SignedRun | null = null;
  /** The key each account last signed with, and the enrolment keys a later key has replaced. */
  const lastKeyOf = new Map<string, string>();
  const retired = new Set<string>();
  /** Accounts the roster lists as disabled whose `user.disable` row has passed. */
  const disabled = new Set<string>();
  /** Checks the open run; on failure records it (the earliest problem) and moves the head back. */
  const closeRun = (): boolean => {
    const bad = run ? badRowIn(run) : null;
    run = null;
    if (!bad) return true;
    problems.push({ kind: 'bad_signature', seq: bad.seq });
    head = { seq: bad.seq - 1, hash: bad.prevHash };
    return false;
  };
  for (const row of input.rows) {
    rows++;
    let problem: RowProblemKind | null = null;
    const entry = row.signerKey === null ? undefined : lookup(row.signerKey);
    if (row.seq !== expectedSeq) problem = 'sequence_gap';
    else if (row.prevHash !== head.hash) problem = 'prev_hash_mismatch';
    else if (auditRowHash(head.hash, row) !== row.hash) problem = 'hash_mismatch';
    else
      problem = signerProblem(
        row,
        entry,
        signedFromSeq !== null ||
          row.seq >= (input.lookup.signaturesRequiredFrom ?? Number.POSITIVE_INFINITY),
      );
    if (!problem && entry && row.signerKey !== null) {
      if (retired.has(row.signerKey)) problem = 'key_retired';
      // Someone disabled who kept the database key and their own key (an old keyring copy).
      else if (disabled.has(entry.accountId)) problem = 'signer_disabled';
      const previous = lastKeyOf.get(entry.accountId);
      if (previous !== undefined && previous !== row.signerKey && lookup(previous)?.retiresOnNextKey)
        retired.add(previous);
      lastKeyOf.set(entry.accountId, row.signerKey);
    }
    if (problem) {
      // A bad signature earlier in the open run is the first problem.
      if (closeRun()) problems.push({ kind: problem, seq: row.seq });
      break;
    }
    if (entry && row.signerKey !== null) {
      if (run && run.keyId !== row.signerKey && !closeRun()) break;
      run ??= { entry, keyId: row.signerKey, rows: [] };
      run.rows.push({ seq: row.seq, hash: row.hash, prevHash: row.prevHash, signature: row.signature });
      signedFromSeq ??= row.seq;
    }
    if (row.action === 'user.disable' && row.entityId && input.lookup.disabledAccounts?.has(row.entityId))
      disabled.add(row.entityId);
    if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
    head = { seq: row.seq, hash: row.hash };
    expectedSeq++;
  }
  if (run) closeRun();
  // Anchors are only as good as the rows that checked out.
  for (const seq of [...hashAt.keys()]) if (seq > head.seq) hashAt.delete(seq);
  problems.push(...anchorProblems(anchors, lookup, hashAt));
  return { ok: problems.length === 0, rows, signedFromSeq, head, problems };
}
