import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeAuditKeys } from '../src/main/audit/key-directory';
import { checkAuditTrail } from '../src/main/audit/log';
import { openDatabase } from '../src/main/db/connection';
import { deriveKek, KDF_PROFILES, newKdfParams } from '../src/main/keys/kdf';
import { readKeyring } from '../src/main/keys/keyring';
import { insertUser } from '../src/main/store/accounts';
import { createCase, listCases } from '../src/main/store/cases';
import { saveAnswer, startInterview } from '../src/main/store/interviews';
import { Session } from '../src/main/store/session';
import { Vault } from '../src/main/store/vault';

/**
 * Store benchmarks (issue 3). Prints one JSON object per line: {"name","value","unit", ...extra}.
 * Measures only; never asserts on time.
 *
 * - argon2id_derive_ms / unlock_ms: the strong KDF profile; unlock = Argon2id + AES-GCM unwrap + open
 *   (key check, quick_check, schema check) + the audited login row. Median of 5.
 * - answer_save_*: 2,000 saveAnswer calls, each its own durable transaction (synchronous=FULL, WAL),
 *   through the real service, each audit row signed with the person's own Ed25519 key (bound at sign-in);
 *   the plain-SQLite baseline runs the same service on an unkeyed database with the same
 *   pragmas and no signer, in the same run.
 * - audit_verify_ms: the whole trail check of that store afterwards (hash chain, every signature,
 *   triggers), as audit-verify and restore run it.
 * - case_search_10k_ms: 10,000 cases, a text filter plus a sort, first page of 50; median of 20.
 */
export interface StoreFigure {
  name: string;
  value: number;
  unit: string;
  [extra: string]: string | number | boolean;
}

const ANSWERS = 2000;
const CASES = 10_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}
const round = (v: number) => Number(v.toFixed(3));

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** A session over a database opened directly (the plain-SQLite baseline has no keyring). */
function directSession(dir: string, key: Buffer | null): Session {
  const db = openDatabase(join(dir, 'bench.db'), key, { create: true, quickCheck: false });
  const user = { id: randomUUID(), username: 'bench', displayName: 'Bench', role: 'supervisor' as const };
  db.transaction(() => insertUser(db, user, 'supervisor', new Date(), null)).immediate();
  return new Session({
    kind: 'user',
    user,
    dir,
    db,
    dbKey: key ?? Buffer.alloc(32),
    clock: Date.now,
    kdfProfile: 'test',
  });
}

function answerSaves(session: Session): number[] {
  const c = createCase(session, { place: { kind: 'port', name: 'Bench Port' }, screeningDate: '2026-05-21' });
  const iv = startInterview(session, {
    caseId: c.id,
    instrumentId: 'bench',
    instrumentVersion: '1',
    tier: 'short',
    intervieweeLanguage: 'my',
  });
  const samples: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const start = performance.now();
    saveAnswer(session, {
      interviewId: iv.id,
      questionId: `q${i % 400}`,
      value: { kind: 'text', text: `answer ${i}` },
      clientSeq: i,
    });
    samples.push(performance.now() - start);
  }
  return samples;
}

const PLACES = [
  'Ranong Port',
  'Songkhla PIPO',
  'Pattani Port',
  'Samut Sakhon PIPO',
  'Trat Port',
  'Phuket Port',
];
const SYLLABLES = [
  'ko',
  'aung',
  'mya',
  'thida',
  'sok',
  'chan',
  'somchai',
  'naw',
  'paw',
  'min',
  'thu',
  'vanna',
];

export function seedCases(session: Session): void {
  const db = session.db;
  // mulberry32: a small PRNG with well-spread low bits (a plain LCG mod 2^31 is badly skewed for small n).
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  // One outer transaction for seeding speed; each createCase still runs its own (nested) logic.
  db.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      const name = `${SYLLABLES[rand(SYLLABLES.length)]} ${SYLLABLES[rand(SYLLABLES.length)]}`;
      const day = String(1 + rand(28)).padStart(2, '0');
      const month = String(1 + rand(12)).padStart(2, '0');
      createCase(session, {
        place: { kind: 'port', name: PLACES[rand(PLACES.length)] ?? 'Port' },
        vessel: { name: `Vessel ${rand(500)}` },
        screeningDate: `2025-${month}-${day}`,
        person: { nameOrAlias: name },
      });
    }
  })();
}

export async function runStoreBench(print: (figure: StoreFigure) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fieldscreen-bench-'));
  try {
    const strong = KDF_PROFILES.strong;
    const kdfLabel = `argon2id m=${strong.memoryKiB}KiB t=${strong.iterations} p=${strong.parallelism}`;

    const derives: number[] = [];
    for (let i = 0; i < 5; i++)
      derives.push((await time(() => deriveKek('bench passphrase', newKdfParams('strong'))))[0]);
    print({ name: 'argon2id_derive_ms', value: round(percentile(derives, 50)), unit: 'ms', kdf: kdfLabel });

    const vaultDir = join(root, 'vault');
    const user = { username: 'bench', displayName: 'Bench', passphrase: 'bench passphrase long enough' };
    await Vault.initialise(vaultDir, user);
    const vault = new Vault(vaultDir);
    const unlocks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms, session] = await time(() => vault.unlock(user.username, user.passphrase));
      unlocks.push(ms);
      session.lock();
    }
    print({ name: 'unlock_ms', value: round(percentile(unlocks, 50)), unit: 'ms', kdf: kdfLabel });

    // Every answer's audit row is signed (Ed25519) with the person's own key, bound at sign-in.
    const encrypted = await vault.unlock(user.username, user.passphrase);
    const enc = answerSaves(encrypted);
    // The whole trail check (chain + every Ed25519 signature + triggers), as audit-verify runs it.
    const keys = storeAuditKeys({ db: encrypted.db, keyring: readKeyring(vaultDir) });
    const [verifyMs, report] = await time(() => checkAuditTrail(encrypted.db, keys));
    encrypted.lock();
    print({
      name: 'audit_verify_ms',
      value: round(verifyMs),
      unit: 'ms',
      rows: report.rows,
      signedRows: report.signedFromSeq === null ? 0 : report.rows - report.signedFromSeq + 1,
      ok: report.ok,
    });
    print({ name: 'answer_save_p50_ms', value: round(percentile(enc, 50)), unit: 'ms', samples: ANSWERS });
    print({
      name: 'answer_save_p99_ms',
      value: round(percentile(enc, 99)),
      unit: 'ms',
      samples: ANSWERS,
      auditSigned: true,
    });

    const plainDir = join(root, 'plain');
    mkdirSync(plainDir);
    const plain = directSession(plainDir, null);
    const pl = answerSaves(plain);
    plain.lock();
    print({
      name: 'answer_save_plain_sqlite_p50_ms',
      value: round(percentile(pl, 50)),
      unit: 'ms',
      samples: ANSWERS,
    });
    print({
      name: 'answer_save_plain_sqlite_p99_ms',
      value: round(percentile(pl, 99)),
      unit: 'ms',
      samples: ANSWERS,
    });

    const search = await vault.unlock(user.username, user.passphrase);
    seedCases(search);
    const runs: number[] = [];
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const query = i % 2 === 0 ? 'ranong' : 'aung';
      const [ms, result] = await time(() =>
        listCases(search, { search: query, sort: { column: 'screeningDate', direction: 'desc' }, limit: 50 }),
      );
      total = result.total;
      runs.push(ms);
    }
    search.lock();
    print({
      name: 'case_search_10k_ms',
      value: round(percentile(runs, 50)),
      unit: 'ms',
      cases: CASES,
      matches: total,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The shape bench/run.bench.ts loads suites by. */
export const run = runStoreBench;
