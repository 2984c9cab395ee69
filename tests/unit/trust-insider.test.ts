import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import {
  type AccountEntry,
  createAccountEntry,
  type Keyring,
  openAccountEntry,
  readKeyring,
  writeKeyring,
} from '../../src/main/keys/keyring';
import { newPersonBundle } from '../../src/main/keys/person-keys';
import { parseSignedData } from '../../src/main/pdf/cms';
import { formatFingerprint } from '../../src/main/pdf/identity';
import { rotateDatabaseKey } from '../../src/main/store/key-rotation';
import { storePaths } from '../../src/main/store/paths';
import { openKeyedFile } from '../helpers/keyed-db';
import { OFFICER } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The roster against an insider: an officer with their own passphrase and every file of the data
 * folder (so the shared database key: they can run any SQL and rewrite keyring.json). Each attack is
 * a script on the real files of a store made through the app; the app must refuse or report it.
 */

const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai Jaidee',
  passphrase: 'supervisor passphrase 1',
};
const LEAVER = { username: 'leaver', displayName: 'Former Officer', passphrase: 'leaver passphrase 1' };
const PLANTED = { username: 'ghost', displayName: 'Ghost Supervisor', passphrase: 'ghost passphrase 12' };

let app: TestApp;
let officerId: string;
let leaverId: string;
let caseId: string;

const keyringNow = (): Keyring => {
  const k = readKeyring(app.dataDir);
  if (!k) throw new Error('no keyring');
  return k;
};

/** What the officer can derive with their own passphrase: the shared database key. */
async function officerDbKey(): Promise<Buffer> {
  const entry = keyringNow().accounts.find((a) => a.accountId === officerId);
  const opened = entry ? await openAccountEntry(entry, OFFICER.passphrase) : null;
  if (!opened) throw new Error('officer cannot open their own entry');
  return opened.dbKey;
}

/** The insider runs SQL on the live database file with the key they derived. */
async function asInsiderSql(sql: string, ...params: unknown[]): Promise<void> {
  app.ctx.sessions.lock('manual');
  const db = openKeyedFile(storePaths(app.dataDir).db, await officerDbKey());
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** The insider writes an account entry of their own making into keyring.json, with a users row. */
async function plantAccount(role: 'supervisor' | 'officer'): Promise<string> {
  const dbKey = await officerDbKey();
  const keyring = keyringNow();
  const id = randomUUID();
  const entry: AccountEntry = await createAccountEntry({
    keyring,
    accountId: id,
    username: PLANTED.username,
    passphrase: PLANTED.passphrase,
    dbKey,
    bundle: newPersonBundle(keyring.store?.fingerprint ?? null, null),
    profile: 'test',
  });
  writeKeyring(app.dataDir, { ...keyring, accounts: [...keyring.accounts, entry] });
  await asInsiderSql(
    `INSERT INTO users (id, username, username_key, display_name, role, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL)`,
    id,
    PLANTED.username,
    PLANTED.username,
    PLANTED.displayName,
    role,
    new Date().toISOString(),
  );
  return id;
}

async function unlockCode(who: { username: string; passphrase: string }): Promise<string | null> {
  await app.call('session.lock', { reason: 'switch_user' });
  const r = await app.call('session.unlock', { username: who.username, passphrase: who.passphrase });
  return r.ok ? null : r.error.code;
}

async function auditActions(): Promise<string[]> {
  const rows = await app.ok<{ action: string }[]>('admin.audit.list', { limit: 500 });
  return rows.map((e) => e.action);
}

function signerFingerprint(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text.slice(text.lastIndexOf('/ByteRange')))?.[1] ?? '';
  const der = parseSignedData(Buffer.from(hex, 'hex')).signerCertificate;
  if (!der) throw new Error('no signer certificate');
  return formatFingerprint(der);
}

async function exportReferral(): Promise<Buffer> {
  const reply = await app.call('referral.export', {
    caseId,
    receivingAgency: 'Songkhla shelter',
    officerPosition: 'Labour inspector',
    // The demo consent was recorded before receivers were: the signing officer confirms naming it.
    confirmReceiverNamed: true,
  });
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  const r = (reply.ok ? reply.value : null) as { referral: { fileName: string } };
  return readFileSync(join(app.exportDir, r.referral.fileName));
}

beforeAll(async () => {
  app = createTestApp('fs-trust-insider-');
  await app.initialise(SUPERVISOR);
  officerId = (await app.enrol(OFFICER)).id;
  leaverId = (await app.enrol(LEAVER)).id;
  await app.ok('admin.settings.update', { agency: DEMO_AGENCY });
  const songkhla = DEMO_SCENARIOS.filter((s) => s.case.place.province === 'Songkhla');
  caseId = seedDemoCases(app.session(), songkhla, { consentReceiver: null })[0]?.caseId ?? '';
}, 180_000);

afterAll(() => app.close());

describe('an account the insider plants in keyring.json', () => {
  it('cannot sign in, is reported at the next supervisor sign-in, and gets no key at a rotation', async () => {
    const planted = await plantAccount('supervisor');
    // The planted entry opens the database key (the insider sealed it), but the roster does not list it.
    expect(await unlockCode(PLANTED)).toBe('ACCOUNT_KEYS_UNTRUSTED');

    await app.signIn(SUPERVISOR);
    expect(await auditActions()).toContain('trust.unlisted_entries');

    await rotateDatabaseKey(app.session(), SUPERVISOR.passphrase);
    const after = keyringNow();
    const entry = after.accounts.find((a) => a.accountId === planted);
    expect(entry?.rotatedDbKey ?? null).toBeNull();
    expect(entry?.wrappedDbKey ?? null).toBeNull();
    // The officer, listed and enabled, got the new key; the planted account opens nothing.
    expect(after.accounts.find((a) => a.accountId === officerId)?.rotatedDbKey).toBeTruthy();
    expect(await unlockCode(PLANTED)).not.toBeNull();
    expect(await unlockCode(OFFICER)).toBeNull();
  });
});

describe('an officer who makes themself supervisor', () => {
  it('in the users table: still an officer (the role comes from the signed roster), and it is recorded', async () => {
    await asInsiderSql("UPDATE users SET role = 'supervisor' WHERE id = ?", officerId);
    expect(await unlockCode(OFFICER)).toBeNull();
    expect(app.session().requireUser().role).toBe('officer');
    expect(await app.code('admin.users.list', {})).toBe('FORBIDDEN_ROLE');
    await app.signIn(SUPERVISOR);
    expect(await auditActions()).toContain('trust.role_mismatch');
    await asInsiderSql("UPDATE users SET role = 'officer' WHERE id = ?", officerId);
  });

  it('in the roster text: the store signature no longer holds and nobody signs in until it is restored', async () => {
    const keyring = keyringNow();
    const original = keyring.roster;
    if (!original) throw new Error('no roster');
    const forged = original.text.replace(
      new RegExp(`("accountId":"${officerId}","role":)"officer"`),
      '$1"supervisor"',
    );
    expect(forged).not.toBe(original.text);
    writeKeyring(app.dataDir, { ...keyring, roster: { ...original, text: forged } });
    expect(await unlockCode(OFFICER)).toBe('TRUST_BROKEN');
    expect(await unlockCode(SUPERVISOR)).toBe('TRUST_BROKEN');
    writeKeyring(app.dataDir, { ...keyringNow(), roster: original });
    expect(await unlockCode(OFFICER)).toBeNull();
  });
});

describe('a disabled officer', () => {
  it('stays out with their old keyring entry put back, and a rotation leaves them out', async () => {
    await app.signIn(SUPERVISOR);
    const saved = keyringNow().accounts.find((a) => a.accountId === leaverId);
    if (!saved) throw new Error('no leaver entry');
    await app.ok('admin.users.disable', { userId: leaverId });
    // The insider re-enables the row and puts the old entry back.
    await asInsiderSql('UPDATE users SET disabled_at = NULL, disabled_by = NULL WHERE id = ?', leaverId);
    writeKeyring(app.dataDir, { ...keyringNow(), accounts: [...keyringNow().accounts, saved] });
    expect(await unlockCode(LEAVER)).toBe('ACCOUNT_DISABLED');

    await app.signIn(SUPERVISOR);
    await rotateDatabaseKey(app.session(), SUPERVISOR.passphrase);
    const entry = keyringNow().accounts.find((a) => a.accountId === leaverId);
    expect(entry?.rotatedDbKey ?? null).toBeNull();
    expect(await unlockCode(LEAVER)).not.toBeNull();
  });
});

describe('signing as someone else', () => {
  it("a supervisor's referral carries the supervisor's certificate, never the officer's", async () => {
    await app.signIn(OFFICER);
    const officerPdf = await exportReferral();
    const officerCert = signerFingerprint(officerPdf);
    const status = await app.ok<{ certificateFingerprint: string }>('account.status', {});
    expect(status.certificateFingerprint).toBe(officerCert);

    await app.signIn(SUPERVISOR);
    const supervisorPdf = await exportReferral();
    expect(signerFingerprint(supervisorPdf)).not.toBe(officerCert);
    const verdict = await app.ok<{ signerName: string; trusted: boolean }>('referral.verify', {
      pdfBase64: supervisorPdf.toString('base64'),
    });
    expect(verdict.signerName).toBe(SUPERVISOR.displayName);
  });

  it('an officer with the database key cannot read another person’s keys or identity from the files', async () => {
    const keyring = keyringNow();
    const supervisorEntry = keyring.accounts.find((a) => a.accountId !== officerId && a.bundle);
    // The officer's passphrase opens only the officer's own entry.
    expect(supervisorEntry).toBeDefined();
    expect(await openAccountEntry(supervisorEntry as AccountEntry, OFFICER.passphrase)).toBeNull();
    // Signing identities in the database are sealed: no PKCS#12 password beside them.
    app.ctx.sessions.lock('manual');
    const db = openKeyedFile(storePaths(app.dataDir).db, await officerDbKey());
    try {
      const rows = db.prepare('SELECT p12_password FROM signing_identities').all() as {
        p12_password: string;
      }[];
      for (const row of rows) expect(row.p12_password).toBe('');
    } finally {
      db.close();
    }
  });
});
