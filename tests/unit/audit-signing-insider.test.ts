import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditRowContent, auditRowHash } from '../../src/main/audit/chain';
import { type AuditSigner, rowSignatureMessage } from '../../src/main/audit/signer';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import { type Keyring, openAccountEntry, openEntryBundle, readKeyring } from '../../src/main/keys/keyring';
import { parseRecoveryKey } from '../../src/main/keys/recovery-key';
import { openStoreSecrets } from '../../src/main/keys/store-recovery';
import { personAuditSigner, storeAuthoritySigner } from '../../src/main/store/audit-signing';
import { storePaths } from '../../src/main/store/paths';
import { disableUser } from '../../src/main/store/users';
import { Vault } from '../../src/main/store/vault';
import { captureIo } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { dropAuditTriggers, openKeyedFile, rechainAudit, recreateAuditTriggers } from '../helpers/keyed-db';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, givenPassphrase, type TestApp } from '../helpers/test-app';

/**
 * Signed audit rows against the insiders of the threat model, each a script on the real files of a
 * store made through the app (no test keys: the per-person keys bound at sign-in):
 * - an officer, who holds the shared database key and their own signing key, rewrites history;
 * - a supervisor who set up the officer's account (so knew the given passphrase) and kept a copy of
 *   keyring.json from then, writes as the officer later;
 * - a supervisor writes a person's row with the store's own key (which the store CA gives them).
 * `audit-verify` (CLI, as a supervisor runs it) must say broken, with the reason. And the honest paths
 * (recovery-key reset, restore) leave a trail that verifies to its end.
 */
const commands = createStoreCommands({ kdfProfile: 'test' });

async function cli(name: string, args: string[], env: Record<string, string>) {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no ${name}`);
  const io = captureIo(env);
  const code = await command.run(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

let app: TestApp;
let recoveryKey: string;
let officerId: string;
let supervisorId: string;
/** keyring.json as it was right after the supervisor set up the officer's account. */
let keyringAtEnrolment: Keyring;

const auditVerify = (dir: string) =>
  cli('audit-verify', ['--data', dir, '--user', SUPERVISOR.username], {
    FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase,
  });

function keyringOf(dir: string): Keyring {
  const keyring = readKeyring(dir);
  if (!keyring) throw new Error('no keyring');
  return keyring;
}

/** A copy of the store's folder to attack (each attack on its own copy). */
function copyOfStore(): string {
  const dir = tempDir('fs-audit-signing-copy-');
  const from = storePaths(app.dataDir);
  const to = storePaths(dir);
  copyFileSync(from.db, to.db);
  copyFileSync(from.keyring, to.keyring);
  return dir;
}

async function officerDbKey(dir: string): Promise<Buffer> {
  const keyring = keyringOf(dir);
  const entry = keyring.accounts.find((a) => a.accountId === officerId);
  const opened = entry ? await openAccountEntry(entry, OFFICER.passphrase) : null;
  if (!opened) throw new Error('the officer cannot open their own entry');
  return opened.dbKey;
}

/** Appends a correctly chained row, signed by `signer`, as an insider with the database key can. */
function appendSignedRow(dir: string, key: Buffer, signer: AuditSigner, row: Omit<AuditRowContent, 'seq'>) {
  const db = openKeyedFile(storePaths(dir).db, key);
  try {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    const content: AuditRowContent = { ...row, seq: last.seq + 1 };
    const hash = auditRowHash(last.hash, content);
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json, prev_hash, hash, signer_key, signature)
       VALUES (@seq, @at, @actorKind, @actorId, @action, @entityType, @entityId, @detailsJson, @prevHash, @hash, @signerKey, @signature)`,
    ).run({
      ...content,
      prevHash: last.hash,
      hash,
      signerKey: signer.keyId,
      signature: signer.sign(rowSignatureMessage(content.seq, hash)).toString('base64url'),
    });
  } finally {
    db.close();
  }
}

const row = (actorId: string, action: string): Omit<AuditRowContent, 'seq'> => ({
  at: new Date().toISOString(),
  actorKind: 'user',
  actorId,
  action,
  entityType: null,
  entityId: null,
  detailsJson: '{}',
});

beforeAll(async () => {
  app = createTestApp('fs-audit-signing-');
  recoveryKey = await app.initialise(SUPERVISOR);
  supervisorId = app.session().requireUser().id;
  // The supervisor sets the officer up (so knows the given passphrase) and keeps the keyring of then.
  const { id } = await app.ok<{ id: string }>('admin.users.add', {
    ...OFFICER,
    role: 'officer',
    passphrase: givenPassphrase(OFFICER.passphrase),
  });
  officerId = id;
  keyringAtEnrolment = keyringOf(app.dataDir);
  await app.signIn({ ...OFFICER, passphrase: givenPassphrase(OFFICER.passphrase) });
  await app.ok('account.changePassphrase', {
    currentPassphrase: givenPassphrase(OFFICER.passphrase),
    newPassphrase: OFFICER.passphrase,
  });
  await app.ok('cases.create', CASE_INPUT);
  await app.signIn(SUPERVISOR); // endorses the officer's own keys
  await app.ok('cases.create', CASE_INPUT);
  await app.signIn(OFFICER);
  await app.ok('cases.create', CASE_INPUT);
  app.ctx.sessions.lock('manual');
}, 120_000);

afterAll(() => app.close());

describe('rows written through the app', () => {
  it('are all signed, and the trail verifies from its first row', async () => {
    const dir = copyOfStore();
    const db = openKeyedFile(storePaths(dir).db, await officerDbKey(dir));
    const unsigned = db.prepare('SELECT count(*) FROM audit_log WHERE signature IS NULL').pluck().get();
    const actors = db
      .prepare('SELECT DISTINCT signer_key FROM audit_log WHERE actor_id = ?')
      .pluck()
      .all(officerId);
    db.close();
    expect(unsigned).toBe(0);
    // The officer signed with the key set up for them, then with their own.
    expect(actors.length).toBe(2);
    const r = await auditVerify(dir);
    expect(r.out).toContain('audit-trail: intact');
    expect(r.out).toContain('signed-from-row: 1');
    expect(r.code).toBe(0);
  });
});

describe('an officer with the database key and their own signing key', () => {
  it("cannot rewrite the supervisor's rows: re-signing them with their own key names the wrong signer", async () => {
    const dir = copyOfStore();
    const key = await officerDbKey(dir);
    const keyring = keyringOf(dir);
    const entry = keyring.accounts.find((a) => a.accountId === officerId);
    const opened = entry ? await openAccountEntry(entry, OFFICER.passphrase) : null;
    const bundle = entry && opened ? openEntryBundle(entry, opened.kek) : null;
    if (!bundle) throw new Error('the officer cannot open their own keys');
    const own = personAuditSigner(officerId, bundle);
    const db = openKeyedFile(storePaths(dir).db, key);
    const target = db
      .prepare("SELECT seq FROM audit_log WHERE actor_id = ? AND action = 'case.create' ORDER BY seq LIMIT 1")
      .pluck()
      .get(supervisorId) as number;
    dropAuditTriggers(db);
    db.prepare("UPDATE audit_log SET action = 'auth.login' WHERE seq = ?").run(target);
    rechainAudit(db, target, () => own);
    recreateAuditTriggers(db);
    db.close();
    const r = await auditVerify(dir);
    expect(r.out).toContain(`audit-trail: broken at row ${target} (signer_not_actor)`);
    expect(r.code).toBe(1);
  });

  it('cannot strip every signature to pass the trail off as one from before signing', async () => {
    const dir = copyOfStore();
    const db = openKeyedFile(storePaths(dir).db, await officerDbKey(dir));
    dropAuditTriggers(db);
    rechainAudit(db, 1, () => null);
    recreateAuditTriggers(db);
    db.close();
    const r = await auditVerify(dir);
    expect(r.out).toContain('audit-trail: broken at row 1 (unsigned_after_signing)');
    expect(r.code).toBe(1);
  });

  it("cannot sign a row with the store's key as themselves: they do not hold it", async () => {
    const dir = copyOfStore();
    const keyring = keyringOf(dir);
    const entry = keyring.accounts.find((a) => a.accountId === officerId);
    const opened = entry ? await openAccountEntry(entry, OFFICER.passphrase) : null;
    const bundle = entry && opened ? openEntryBundle(entry, opened.kek) : null;
    expect(bundle?.storeCaKeyPem).toBeNull();
  });
});

describe('a supervisor who set the officer up and kept the keyring of then', () => {
  it("writes a row as the officer with the enrolment key: refused once the officer's own key took over", async () => {
    const dir = copyOfStore();
    const entry = keyringAtEnrolment.accounts.find((a) => a.accountId === officerId);
    const opened = entry ? await openAccountEntry(entry, givenPassphrase(OFFICER.passphrase)) : null;
    const enrolmentBundle = entry && opened ? openEntryBundle(entry, opened.kek) : null;
    if (!enrolmentBundle || !opened)
      throw new Error('the kept entry does not open with the given passphrase');
    appendSignedRow(
      dir,
      opened.dbKey,
      personAuditSigner(officerId, enrolmentBundle),
      row(officerId, 'case.delete'),
    );
    const r = await auditVerify(dir);
    expect(r.out).toMatch(/audit-trail: broken at row \d+ \(key_retired\)/);
    expect(r.code).toBe(1);
  });

  it("writes a row as the officer with the store's own key: it is not the officer's", async () => {
    const dir = copyOfStore();
    const keyring = keyringOf(dir);
    const store = keyring.store;
    if (!store) throw new Error('no store identity');
    const ca = openStoreSecrets(parseRecoveryKey(recoveryKey), store.recoveryBox, store.caCertificatePem);
    if (!ca) throw new Error('the recovery key does not open the store secrets');
    appendSignedRow(dir, await officerDbKey(dir), storeAuthoritySigner(ca), row(officerId, 'case.delete'));
    const r = await auditVerify(dir);
    expect(r.out).toMatch(/audit-trail: broken at row \d+ \(signer_not_actor\)/);
    expect(r.code).toBe(1);
  });
});

describe('an officer who kept a copy of keyring.json and was then disabled', () => {
  it('still opens the database with the kept entry, but every row they sign after the disablement is flagged', async () => {
    const dir = copyOfStore();
    const kept = keyringOf(dir).accounts.find((a) => a.accountId === officerId);
    const session = await new Vault(dir, { kdfProfile: 'test' }).unlock(
      SUPERVISOR.username,
      SUPERVISOR.passphrase,
    );
    try {
      await disableUser(session, officerId);
    } finally {
      session.lock('manual');
    }
    expect(keyringOf(dir).accounts.some((a) => a.accountId === officerId)).toBe(false);
    expect((await auditVerify(dir)).code).toBe(0);

    // The kept entry still unwraps the database key (until a supervisor rotates it) and their own key.
    const opened = kept ? await openAccountEntry(kept, OFFICER.passphrase) : null;
    const bundle = kept && opened ? openEntryBundle(kept, opened.kek) : null;
    if (!opened || !bundle) throw new Error('the kept entry does not open');
    appendSignedRow(dir, opened.dbKey, personAuditSigner(officerId, bundle), row(officerId, 'case.delete'));
    const r = await auditVerify(dir);
    expect(r.out).toMatch(/audit-trail: broken at row \d+ \(signer_disabled\)/);
    expect(r.code).toBe(1);
  });
});

describe('the recovery key', () => {
  it('resets a passphrase and restores a backup; the trail still verifies to its end, signed throughout', async () => {
    const dir = copyOfStore();
    const reset = await cli('reset-passphrase', ['--data', dir, '--user', OFFICER.username], {
      FIELDSCREEN_RECOVERY_KEY: recoveryKey,
      FIELDSCREEN_NEW_PASSPHRASE: 'a passphrase reset by the recovery key',
    });
    expect(reset.err).toBe('');
    expect(reset.code).toBe(0);
    const backupFile = join(tempDir('fs-audit-signing-backup-'), 'backup.db');
    const backup = await cli('backup', ['--data', dir, '--user', SUPERVISOR.username, '--out', backupFile], {
      FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase,
    });
    expect(backup.code).toBe(0);
    const restored = tempDir('fs-audit-signing-restored-');
    const restore = await cli('restore', ['--from', backupFile, '--data', restored], {
      FIELDSCREEN_RECOVERY_KEY: recoveryKey,
    });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    for (const store of [dir, restored]) {
      const r = await auditVerify(store);
      expect(r.out).toContain('audit-trail: intact');
      expect(r.out).toContain('signed-from-row: 1');
      expect(r.code).toBe(0);
    }
    const withRecovery = await cli('audit-verify', ['--data', restored], {
      FIELDSCREEN_RECOVERY_KEY: recoveryKey,
    });
    expect(withRecovery.out).toContain('audit-trail: intact');
  });
});
