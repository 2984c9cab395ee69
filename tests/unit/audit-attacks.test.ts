import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnchor } from '../../src/main/audit/anchor';
import type { AuditSigner } from '../../src/main/audit/signer';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import type { Db } from '../../src/main/db/driver';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { seedDemoCases } from '../../src/main/demo/seed';
import { prepareReferral } from '../../src/main/referral/service';
import { anchorsInPdf } from '../../src/main/store/anchor-source';
import { createBackup } from '../../src/main/store/backup';
import { createCase, updateCase } from '../../src/main/store/cases';
import { storePaths } from '../../src/main/store/paths';
import { addUser } from '../../src/main/store/users';
import { accountAuditSigner } from '../helpers/audit-keys';
import { captureIo } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { dropAuditTriggers, openKeyedFile, rechainAudit, recreateAuditTriggers } from '../helpers/keyed-db';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/**
 * The audit trail against an insider who holds the shared database key (they can open the SQLCipher
 * file and run any SQL) and their own passphrase, i.e. their own signing key, but nobody else's. Each
 * attack runs on a copy of one real store, made through the services with per-person keys bound at
 * sign-in; `audit-verify` (the CLI, as a supervisor would run it) must fail with the reason.
 */
const commands = createStoreCommands({ kdfProfile: 'test' });

async function cli(name: string, args: string[], env: Record<string, string>) {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no ${name}`);
  const o = captureIo(env);
  const code = await command.run(args, o);
  return { code, out: o.out, err: o.err };
}

function auditVerify(dir: string, anchor?: string) {
  return cli(
    'audit-verify',
    ['--data', dir, '--user', SUPERVISOR.username, ...(anchor ? ['--anchor', anchor] : [])],
    { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase },
  );
}

let store: TestStore;
let dbKey: Buffer;
let supervisorId: string;
let officerId: string;
let root: string;
/** A referral made as the supervisor, then a backup, then more work by both. */
let referralPdf: string;
let referralAnchorSeq: number;
let backupFile: string;
let backupAnchorSeq: number;
let officerSigner: AuditSigner;
let supervisorSigner: AuditSigner;

beforeAll(async () => {
  root = tempDir('fs-audit-attacks-');
  store = await createTestStore(join(root, 'original'));
  const s = await store.unlock();
  supervisorId = s.requireUser().id;
  dbKey = Buffer.from(s.dbKey);
  officerId = (await addUser(s, { ...OFFICER, role: 'officer' })).id;
  const c = createCase(s, CASE_INPUT);
  updateCase(s, { id: c.id, expectedRevision: 1, officerAssessment: 'seen by the supervisor' });
  seedDemoAgency(s);
  const demo = seedDemoCases(s).find((d) => d.lang === 'my');
  if (!demo) throw new Error('no demo case');
  const referral = await prepareReferral(s, { caseId: demo.caseId, officerPosition: 'Supervisor' });
  referralPdf = join(root, 'referral.pdf');
  writeFileSync(referralPdf, referral.pdf);
  referralAnchorSeq = parseAnchor(anchorsInPdf(referral.pdf)[0] ?? '')?.seq ?? 0;
  createCase(s, CASE_INPUT);
  backupFile = join(root, 'backup.db');
  backupAnchorSeq = parseAnchor((await createBackup(s, backupFile)).auditAnchor)?.seq ?? 0;
  s.lock();
  const o = await store.vault.unlock(OFFICER.username, OFFICER.passphrase);
  createCase(o, CASE_INPUT);
  o.lock();
  // What each insider holds: their own key, opened with their own passphrase.
  officerSigner = await accountAuditSigner(store.dir, officerId, OFFICER.passphrase);
  supervisorSigner = await accountAuditSigner(store.dir, supervisorId, SUPERVISOR.passphrase);
}, 120_000);

afterAll(() => store.remove());

/** A copy of the store for one attack, opened with the raw key as the insider opens it. */
function tamper(attack: (db: Db) => void): string {
  const dir = join(tempDir('fs-audit-attack-'), 'data');
  cpSync(store.dir, dir, { recursive: true });
  const db = openKeyedFile(storePaths(dir).db, dbKey);
  try {
    attack(db);
  } finally {
    db.close();
  }
  return dir;
}

/** A copy of the backup file, changed the same way (a backup is under the same database key). */
function tamperBackup(attack: (db: Db) => void): string {
  const file = join(tempDir('fs-audit-backup-'), 'backup.db');
  cpSync(backupFile, file);
  const db = openKeyedFile(file, dbKey);
  try {
    attack(db);
  } finally {
    db.close();
  }
  return file;
}

/** Cuts the trail after row `keep` (the insider removing what they did, or what others did). */
function cutTail(db: Db, keep: number): void {
  dropAuditTriggers(db);
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
  recreateAuditTriggers(db);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fingerprint = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => `${f}:${sha256(join(dir, f))}`);

const seqOf = (db: Db, where: string, ...params: unknown[]) =>
  db
    .prepare(`SELECT seq FROM audit_log WHERE ${where} ORDER BY seq LIMIT 1`)
    .pluck()
    .get(...params) as number;

describe('audit trail against an insider with the database key', () => {
  it('an untouched store verifies, signed from its very first row (the founding supervisor signs it)', async () => {
    const r = await auditVerify(tamper(() => {}));
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^audit-trail: intact \(\d+ rows\)$/);
    const signedFrom = Number(r.out.find((l) => l.startsWith('signed-from-row: '))?.slice(17));
    expect(signedFrom).toBe(1);
  });

  it('dropping the append-only triggers is reported, even with no row touched', async () => {
    const r = await auditVerify(tamper(dropAuditTriggers));
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe('audit-trail: broken (triggers_missing)');
    expect(r.out).toContain(
      'reason: the append-only triggers are missing: audit_log_no_update, audit_log_no_delete',
    );
  });

  it('a trigger that swallows new rows is refused at the next write and reported', async () => {
    const dir = tamper((db) =>
      db.exec('CREATE TRIGGER swallow BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END'),
    );
    // The sign-in itself cannot record itself: it fails instead of working unrecorded.
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['error: DB_CORRUPT']);
  });

  it('a rewritten row of another person, rechained and with the triggers put back: bad signature', async () => {
    let target = 0;
    const dir = tamper((db) => {
      target = seqOf(db, "action = 'case.update' AND actor_id = ?", supervisorId);
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = ?").run(target);
      rechainAudit(db, target);
      recreateAuditTriggers(db);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${target} (bad_signature)`);
    expect(r.out).toContain(
      `reason: the signature of row ${target} does not match it (rewritten after signing)`,
    );
  });

  it("the same rewrite re-signed with the insider's own key: signed by someone else than the actor", async () => {
    let target = 0;
    const dir = tamper((db) => {
      target = seqOf(db, "action = 'case.update' AND actor_id = ?", supervisorId);
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = ?").run(target);
      rechainAudit(db, target, () => officerSigner);
      recreateAuditTriggers(db);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${target} (signer_not_actor)`);
    expect(r.out).toContain(`first-broken-seq: ${target}`);
  });

  it('a row deleted and the rest renumbered, rechained and re-signed: detected', async () => {
    let target = 0;
    const dir = tamper((db) => {
      target = seqOf(db, "action = 'case.create' AND actor_id = ?", supervisorId);
      dropAuditTriggers(db);
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(target);
      const later = db.prepare('SELECT seq FROM audit_log WHERE seq > ? ORDER BY seq').pluck().all(target);
      for (const seq of later as number[])
        db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(seq - 1, seq);
      rechainAudit(db, target, () => officerSigner);
      recreateAuditTriggers(db);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${target} (signer_not_actor)`);
  });

  it('two rows swapped (reordered) and rechained: detected', async () => {
    let first = 0;
    const dir = tamper((db) => {
      first = seqOf(db, "action = 'case.create' AND actor_id = ?", supervisorId);
      dropAuditTriggers(db);
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(first);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(first, first + 1);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(first + 1);
      rechainAudit(db, first);
      recreateAuditTriggers(db);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${first} (bad_signature)`);
  });

  it('signatures stripped from a rewritten tail: an unsigned row after signing began', async () => {
    let target = 0;
    const dir = tamper((db) => {
      target = seqOf(db, "action = 'case.update' AND actor_id = ?", supervisorId);
      dropAuditTriggers(db);
      db.prepare('UPDATE audit_log SET details_json = \'{"forged":true}\' WHERE seq = ?').run(target);
      rechainAudit(db, target, () => null);
      recreateAuditTriggers(db);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${target} (unsigned_after_signing)`);
  });

  it('a row changed in place (no rechaining) is still the plain hash mismatch', async () => {
    let target = 0;
    const dir = tamper((db) => {
      target = seqOf(db, "action = 'case.update'");
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET action = 'case.view' WHERE seq = ?").run(target);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`audit-trail: broken at row ${target} (hash_mismatch)`);
    expect(r.out).toContain(`reason: row ${target} was changed after it was written`);
    expect(r.out).toContain(
      'reason: the append-only triggers are missing: audit_log_no_update, audit_log_no_delete',
    );
  });

  it('a cut tail passes the chain check alone, and fails against the anchor of a referral PDF', async () => {
    expect(referralAnchorSeq).toBeGreaterThan(0);
    const untouched = await auditVerify(
      tamper(() => {}),
      referralPdf,
    );
    expect(untouched.code).toBe(0);
    expect(untouched.out).toContain(
      `anchor: contained (referral, row ${referralAnchorSeq}, signed by key ${supervisorSigner.keyId.slice(0, 16)})`,
    );

    const dir = tamper((db) => cutTail(db, referralAnchorSeq - 3));
    const plain = await auditVerify(dir);
    expect(plain.code).toBe(0);
    const anchored = await auditVerify(dir, referralPdf);
    expect(anchored.code).toBe(1);
    expect(anchored.out[0]).toBe('audit-trail: broken (anchor_not_contained)');
    expect(anchored.out).toContain(
      `reason: the trail no longer contains the anchor at row ${referralAnchorSeq} (its tail was cut or its history rewritten)`,
    );
  });

  it('a cut tail fails against the anchor of a backup, and so does a tail rewritten by its own signer', async () => {
    expect(backupAnchorSeq).toBeGreaterThan(referralAnchorSeq);
    expect(
      (
        await auditVerify(
          tamper(() => {}),
          backupFile,
        )
      ).code,
    ).toBe(0);
    const cut = await auditVerify(
      tamper((db) => cutTail(db, backupAnchorSeq - 1)),
      backupFile,
    );
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(
      `anchor: NOT contained (backup, row ${backupAnchorSeq}, signed by key ${supervisorSigner.keyId.slice(0, 16)})`,
    );

    // The supervisor's own last rows rewritten and re-signed with the supervisor's key (what a
    // person can do to their own tail): the chain and signatures pass, the anchor does not.
    const rewritten = tamper((db) => {
      cutTail(db, backupAnchorSeq);
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = ?").run(backupAnchorSeq);
      rechainAudit(db, backupAnchorSeq, () => supervisorSigner);
      recreateAuditTriggers(db);
    });
    expect((await auditVerify(rewritten)).code).toBe(0);
    expect((await auditVerify(rewritten, backupFile)).code).toBe(1);
  });

  it('cli backup prints the anchor it wrote into the backup, signed by who took it', async () => {
    const dir = tamper(() => {});
    const out = join(tempDir('fs-audit-cli-backup-'), 'b.db');
    const r = await cli('backup', ['--data', dir, '--out', out, '--user', SUPERVISOR.username], {
      FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase,
    });
    expect(r.code).toBe(0);
    const printed = r.out.find((l) => l.startsWith('audit-anchor: '))?.slice(14) ?? '';
    const anchor = parseAnchor(printed);
    expect(anchor?.signed?.keyId).toBe(supervisorSigner.keyId);
    expect(anchor?.seq).toBeGreaterThan(backupAnchorSeq);
    const verified = await auditVerify(dir, out);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(
      `anchor: contained (backup, row ${anchor?.seq}, signed by key ${anchor?.signed?.keyId.slice(0, 16)})`,
    );
  });

  it('audit-verify --anchor refuses a file that carries no anchor', async () => {
    const other = join(tempDir('fs-audit-noanchor-'), 'x.pdf');
    writeFileSync(other, '%PDF-1.7\n% no anchor here\n');
    const r = await auditVerify(
      tamper(() => {}),
      other,
    );
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'audit-trail: not checked (anchor unreadable)',
      'reason: the PDF carries no audit anchor',
    ]);
  });
});

describe('restore refuses a backup whose audit trail does not check out', () => {
  async function restoreInto(file: string) {
    const dir = join(tempDir('fs-audit-restore-'), 'data');
    cpSync(store.dir, dir, { recursive: true });
    const before = fingerprint(dir);
    const r = await cli('restore', ['--from', file, '--data', dir], {
      FIELDSCREEN_RECOVERY_KEY: store.recoveryKey,
    });
    return { ...r, dir, before };
  }

  it('restores an untouched backup (its rows signed, its anchor signed and contained)', async () => {
    const r = await restoreInto(backupFile);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // The restored store verifies, the restore row included.
    expect((await auditVerify(r.dir)).code).toBe(0);
  });

  it.each([
    [
      'a rewritten row, rechained',
      (db: Db) => {
        const target = seqOf(db, "action = 'case.update' AND actor_id = ?", supervisorId);
        dropAuditTriggers(db);
        db.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = ?").run(target);
        rechainAudit(db, target);
        recreateAuditTriggers(db);
      },
    ],
    ['the append-only triggers dropped', dropAuditTriggers],
    [
      'a cut tail (the anchor in backup_meta no longer contained)',
      (db: Db) => cutTail(db, backupAnchorSeq - 2),
    ],
    [
      'a cut tail with the anchor removed from backup_meta',
      (db: Db) => {
        cutTail(db, backupAnchorSeq - 2);
        const meta = JSON.parse(
          db.prepare("SELECT value FROM backup_meta WHERE key = 'meta'").pluck().get() as string,
        ) as Record<string, unknown>;
        delete meta.auditAnchor;
        db.prepare("UPDATE backup_meta SET value = ? WHERE key = 'meta'").run(JSON.stringify(meta));
      },
    ],
  ])('%s: BACKUP_UNTRUSTED, and nothing in the store changes', async (_name, attack) => {
    const r = await restoreInto(tamperBackup(attack));
    expect(r.err).toEqual(['error: BACKUP_UNTRUSTED']);
    expect(r.code).toBe(1);
    expect(fingerprint(r.dir)).toEqual(r.before);
    expect(existsSync(join(r.dir, 'fieldscreen.db'))).toBe(true);
  });
});
