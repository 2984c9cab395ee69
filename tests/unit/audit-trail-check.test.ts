import { describe, expect, it } from 'vitest';
import { formatAnchor, makeAnchor, parseAnchor } from '../../src/main/audit/anchor';
import { auditRowHash, GENESIS_HASH } from '../../src/main/audit/chain';
import { type AuditSigner, rowSignatureMessage } from '../../src/main/audit/signer';
import { AUDIT_TRIGGERS, checkTrail, type TrailRow } from '../../src/main/audit/trail-check';
import { strayAuditKey, testAuditKeys } from '../helpers/audit-keys';

/** Builds a correctly chained trail; `signerOf` picks each row's signer (undefined: unsigned). */
function trail(
  actors: (string | null)[],
  signerOf: (actorId: string | null, seq: number) => AuditSigner | undefined,
): TrailRow[] {
  const rows: TrailRow[] = [];
  let prev = GENESIS_HASH;
  actors.forEach((actorId, i) => {
    const seq = i + 1;
    const content = {
      seq,
      at: `2026-05-21T08:00:${String(i).padStart(2, '0')}.000Z`,
      actorKind: actorId ? 'user' : 'system',
      actorId,
      action: 'case.view',
      entityType: 'case',
      entityId: `c${seq}`,
      detailsJson: '{}',
    };
    const hash = auditRowHash(prev, content);
    const signer = signerOf(actorId, seq);
    rows.push({
      ...content,
      prevHash: prev,
      hash,
      signerKey: signer?.keyId ?? null,
      signature: signer ? signer.sign(rowSignatureMessage(seq, hash)).toString('base64url') : null,
    });
    prev = hash;
  });
  return rows;
}

/** Recomputes hashes from index i on (what an attacker with the database key can do). */
function rehash(
  rows: TrailRow[],
  from: number,
  resign?: (r: TrailRow) => AuditSigner | null | undefined,
): TrailRow[] {
  const out = rows.map((r) => ({ ...r }));
  let prev = from === 0 ? GENESIS_HASH : (out[from - 1]?.hash ?? GENESIS_HASH);
  for (let i = from; i < out.length; i++) {
    const r = out[i];
    if (!r) continue;
    r.prevHash = prev;
    r.hash = auditRowHash(prev, r);
    const signer = resign?.(r);
    if (signer === null) {
      r.signerKey = null;
      r.signature = null;
    } else if (signer) {
      r.signerKey = signer.keyId;
      r.signature = signer.sign(rowSignatureMessage(r.seq, r.hash)).toString('base64url');
    }
    prev = r.hash;
  }
  return out;
}

const keys = testAuditKeys();
const somchai = keys.signerFor('somchai-id');
const malee = keys.signerFor('malee-id');
const signers = new Map([
  ['somchai-id', somchai],
  ['malee-id', malee],
]);
// Rows 1-2 from before signing existed (system), then signed rows of two people.
const ACTORS = [null, null, 'somchai-id', 'malee-id', 'somchai-id', null, 'malee-id'];
const signedFrom3 = (actor: string | null, seq: number) =>
  seq < 3 ? undefined : (signers.get(actor ?? '') ?? malee);
const check = (rows: TrailRow[], extra: Partial<Parameters<typeof checkTrail>[0]> = {}) =>
  checkTrail({ rows, lookup: keys.lookup, triggers: AUDIT_TRIGGERS, ...extra });

describe('audit trail check', () => {
  it('accepts an intact trail: unsigned rows from before signing, then every row signed by its actor', () => {
    const rows = trail(ACTORS, signedFrom3);
    const report = check(rows);
    expect(report).toEqual({
      ok: true,
      rows: 7,
      signedFromSeq: 3,
      head: { seq: 7, hash: rows[6]?.hash },
      problems: [],
    });
    // A store that never signed is intact too (an upgraded store before per-person keys).
    expect(check(trail(ACTORS, () => undefined))).toMatchObject({ ok: true, signedFromSeq: null });
  });

  it('names the first row at fault for each way a row can be rewritten', () => {
    const rows = trail(ACTORS, signedFrom3);
    const at = (i: number, patch: Partial<TrailRow>) =>
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    const first = (r: TrailRow[], extra = {}) => check(r, extra).problems[0];

    expect(first(at(1, { detailsJson: '{"x":1}' }))).toEqual({ kind: 'hash_mismatch', seq: 2 });
    // Removed row 4: row 5 comes where 4 should.
    expect(first(rows.filter((r) => r.seq !== 4))).toEqual({ kind: 'sequence_gap', seq: 5 });
    // Removed and renumbered without rehashing: the link breaks.
    const renumbered = rows.filter((r) => r.seq !== 4).map((r) => (r.seq > 4 ? { ...r, seq: r.seq - 1 } : r));
    expect(first(renumbered)).toEqual({ kind: 'prev_hash_mismatch', seq: 4 });
    // Rewritten and rehashed by someone who cannot sign as the others: the old signatures fail.
    const rewritten = rehash(at(2, { detailsJson: '{"forged":true}' }), 2);
    expect(first(rewritten)).toEqual({ kind: 'bad_signature', seq: 3 });
    // ... and re-signed with their own key: not the person the row names.
    expect(first(rehash(at(2, { detailsJson: '{"forged":true}' }), 2, () => malee))).toEqual({
      kind: 'signer_not_actor',
      seq: 3,
    });
    // ... or with a key of their own making: unknown.
    const stray = strayAuditKey('somchai-id');
    expect(first(rehash(rows, 2, () => stray))).toEqual({ kind: 'unknown_key', seq: 3 });
    // ... or signatures stripped: an unsigned row after signing began.
    expect(first(rehash(rows, 4, () => null))).toEqual({ kind: 'unsigned_after_signing', seq: 5 });
    // Half a signature is none.
    expect(first(at(0, { signerKey: somchai.keyId }))).toEqual({ kind: 'unsigned_after_signing', seq: 1 });
    // A key the roster says exists only from row 5 on cannot have signed row 3.
    expect(
      first(rows, {
        lookup: keys.with({ ...stray, ...somchai, publicKey: somchaiPublic() }, { validFromSeq: 5 }),
      }),
    ).toEqual({ kind: 'key_not_yet_valid', seq: 3 });
  });

  it('checks a run of rows signed with one key by its last signature, and names the first bad row inside it', () => {
    // One person's long session: rows 3..12 all signed by somchai.
    const rows = trail([null, null, ...Array<string>(10).fill('somchai-id')], signedFrom3);
    expect(check(rows).ok).toBe(true);
    // Row 7 rewritten and rehashed: its own and every later signature fail; row 7 is named.
    const rewritten = rehash(
      rows.map((r) => (r.seq === 7 ? { ...r, detailsJson: '{"x":1}' } : r)),
      6,
    );
    expect(check(rewritten).problems).toEqual([{ kind: 'bad_signature', seq: 7 }]);
    expect(check(rewritten).head).toEqual({ seq: 6, hash: rows[5]?.hash });
    // A signature inside the run garbled while every row's content stays as signed: the last
    // signature still vouches for the exact content of the whole run, so nothing was changed.
    const garbled = rows.map((r) => (r.seq === 7 ? { ...r, signature: 'A'.repeat(86) } : r));
    expect(check(garbled).ok).toBe(true);
    // ... but the run's last row garbled is a finding, and so is the row moved under another key.
    expect(check(rows.map((r) => (r.seq === 12 ? { ...r, signature: 'A'.repeat(86) } : r))).problems).toEqual(
      [{ kind: 'bad_signature', seq: 12 }],
    );
    const relabelled = rows.map((r) => (r.seq === 7 ? { ...r, actorKind: 'system', actorId: null } : r));
    expect(check(rehash(relabelled, 6, (r) => (r.seq === 7 ? malee : undefined))).ok).toBe(false);
  });

  it('lets rows of no person (system) be signed by whoever was signed in, but a person only by their key', () => {
    const rows = trail(ACTORS, (actor, seq) => (seq < 3 ? undefined : actor ? signers.get(actor) : somchai));
    expect(check(rows).ok).toBe(true);
  });

  it('reports missing, changed and added triggers on the audit trail', () => {
    const rows = trail(ACTORS, signedFrom3);
    expect(check(rows, { triggers: [AUDIT_TRIGGERS[0] ?? { name: '', sql: '' }] }).problems).toEqual([
      { kind: 'triggers_missing', triggers: ['audit_log_no_delete'] },
    ]);
    const weakened = AUDIT_TRIGGERS.map((t) =>
      t.name === 'audit_log_no_update' ? { ...t, sql: (t.sql ?? '').replace('BEGIN', 'WHEN 0 BEGIN') } : t,
    );
    expect(check(rows, { triggers: weakened }).problems).toEqual([
      { kind: 'triggers_changed', triggers: ['audit_log_no_update'] },
    ]);
    const planted = [
      ...AUDIT_TRIGGERS,
      {
        name: 'swallow',
        sql: 'CREATE TRIGGER swallow BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END',
      },
    ];
    expect(check(rows, { triggers: planted }).problems).toEqual([
      { kind: 'triggers_changed', triggers: ['swallow'] },
    ]);
    // Whitespace as SQLite keeps it from the migration is not a change.
    const spaced = AUDIT_TRIGGERS.map((t) => ({
      ...t,
      sql: (t.sql ?? '').replace(' BEGIN', '\n        BEGIN'),
    }));
    expect(check(rows, { triggers: spaced }).ok).toBe(true);
  });

  it('checks anchors: contained, cut off, rewritten, forged', () => {
    const rows = trail(ACTORS, signedFrom3);
    const head = rows[6];
    if (!head) throw new Error('no head');
    const anchor = makeAnchor({ seq: head.seq, hash: head.hash }, malee);
    const text = formatAnchor(anchor);
    expect(text).toMatch(/^FSA1\.7\.[0-9a-f]{64}\.[0-9a-f]{64}\.[A-Za-z0-9_-]{86}$/);
    expect(parseAnchor(text)).toEqual(anchor);
    expect(parseAnchor(`${text}x`)).toBeNull();
    expect(check(rows, { anchors: [anchor] }).ok).toBe(true);

    // The tail cut: the chain itself is intact, only the anchor shows it.
    const cut = rows.slice(0, 5);
    expect(check(cut).ok).toBe(true);
    expect(check(cut, { anchors: [anchor] }).problems).toEqual([{ kind: 'anchor_not_contained', seq: 7 }]);
    // History rewritten (by the person who may sign the tail): same length, other hash.
    const resigned = rehash(
      rows.map((r) => (r.seq === 7 ? { ...r, detailsJson: '{"x":1}' } : r)),
      6,
    );
    const resignedBy = rehash(resigned, 6, () => malee);
    expect(check(resignedBy).ok).toBe(true);
    expect(check(resignedBy, { anchors: [anchor] }).problems).toEqual([
      { kind: 'anchor_not_contained', seq: 7 },
    ]);
    // A forged anchor (to raise a false alarm) is refused on its own signature.
    const forged = { ...anchor, hash: '1'.repeat(64) };
    expect(check(rows, { anchors: [forged] }).problems).toEqual([{ kind: 'anchor_bad_signature', seq: 7 }]);
    const stray = makeAnchor({ seq: 7, hash: head.hash }, strayAuditKey('x'));
    expect(check(rows, { anchors: [stray] }).problems).toEqual([{ kind: 'anchor_unknown_key', seq: 7 }]);
    // Unsigned anchors (made before per-person keys) are still checked for containment.
    expect(check(cut, { anchors: [makeAnchor({ seq: 7, hash: head.hash }, undefined)] }).ok).toBe(false);
    expect(check(rows, { anchors: [makeAnchor({ seq: 0, hash: GENESIS_HASH }, undefined)] }).ok).toBe(true);
  });
});

function somchaiPublic() {
  const entry = keys.lookup(somchai.keyId);
  if (!entry) throw new Error('no key');
  return entry.publicKey;
}

describe('admin.audit.verify (the supervisor screen)', () => {
  it('reports a schema problem without a row, and a row problem with its row, through the IPC contract', async () => {
    const { createTestApp } = await import('../helpers/test-app');
    const app = createTestApp('fs-audit-ipc-');
    try {
      await app.initialise();
      expect(await app.ok('admin.audit.verify', {})).toMatchObject({ ok: true });
      app.session().db.exec('DROP TRIGGER audit_log_no_delete');
      expect(await app.ok('admin.audit.verify', {})).toEqual({
        ok: false,
        rows: expect.any(Number),
        reason: 'triggers_missing',
      });
      app.session().db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET at = 'x' WHERE seq = 1");
      expect(await app.ok('admin.audit.verify', {})).toEqual({
        ok: false,
        rows: 1,
        firstBrokenSeq: 1,
        reason: 'hash_mismatch',
      });
    } finally {
      app.close();
    }
  });
});
