import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryTrustCommand } from '../../src/main/cli/commands/directory-trust-command';
import { referralCommand, verifyPdfCommand } from '../../src/main/cli/commands/referral-commands';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { parseSignedData } from '../../src/main/pdf/cms';
import { createSelfSignedIdentity, formatFingerprint } from '../../src/main/pdf/identity';
import { signPdf } from '../../src/main/pdf/sign';
import { updateSettings } from '../../src/main/store/settings';
import { Vault } from '../../src/main/store/vault';
import { smallPdf } from '../fixtures/pdf/ca-chain';
import { captureIo } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';

/**
 * verify-pdf as a receiving shelter runs it, against referrals made by the real referral code in real
 * stores, and against what an insider would try: a referral made in a second, freshly created store
 * by an officer of the same name; a changed referral re-signed by another certificate (two
 * signatures); a cut, an extended and an unsigned file. pdfsig (poppler) is the independent reader
 * that must agree on how many signatures each file carries.
 */

const PASS = 'verify trust passphrase';
const OFFICER = { username: 'somsak', displayName: 'Somsak Officer' };
let root: string;
let genuine: string;
let forged: string;
let genuineFingerprint: string;
/** The genuine signer's certificate as the receiver got it out of band (checked by fingerprint). */
let trustPem: string;

/** A new store with the same officer name and the demo agency, and a signed referral from it. */
async function referralFromNewStore(name: string): Promise<{ file: string; fingerprint: string }> {
  const dir = join(root, `store-${name}`);
  await Vault.initialise(dir, { ...OFFICER, passphrase: PASS }, { kdfProfile: 'test' });
  const session = await new Vault(dir).unlock(OFFICER.username, PASS);
  seedDemoAgency(session);
  const scenario = DEMO_SCENARIOS.find((s) => s.lang === 'km') ?? DEMO_SCENARIOS[0];
  const caseId = seedDemoCases(session, scenario ? [scenario] : undefined)[0]?.caseId ?? '';
  session.lock('manual');
  const file = join(root, `${name}.pdf`);
  const made = captureIo({ FIELDSCREEN_PASSPHRASE: PASS });
  const code = await referralCommand.run(
    ['--data', dir, '--user', OFFICER.username, caseId, '--out', file, '--position', 'Labour inspector'],
    made,
  );
  expect(made.err).toEqual([]);
  expect(code).toBe(0);
  const fingerprint = /^signer-fingerprint: ([0-9a-f]{64})$/m.exec(made.out.join('\n'))?.[1] ?? '';
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  return { file, fingerprint };
}

/** The signer certificate a PDF's (last) signature carries. */
function signerCertificateOf(pdf: Buffer): X509Certificate {
  const text = pdf.toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text.slice(text.lastIndexOf('/ByteRange')))?.[1] ?? '';
  const parsed = parseSignedData(Buffer.from(hex, 'hex'));
  if (!parsed.signerCertificate) throw new Error('no signer certificate');
  return new X509Certificate(parsed.signerCertificate);
}

async function verify(args: string[]) {
  const run = captureIo();
  const code = await verifyPdfCommand.run(args, run);
  const facts = Object.fromEntries(
    run.out.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  return { code, facts, stdout: run.out, stderr: run.err };
}

/** How many signatures pdfsig (poppler) reports. */
function pdfsigCount(file: string): number {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return (`${result.stdout}${result.stderr}`.match(/^Signature #\d+:/gm) ?? []).length;
}

/** One byte of the signed part changed (a byte of a compressed page stream, far from the signature). */
function changedCopy(pdf: Buffer): Buffer {
  const changed = Buffer.from(pdf);
  changed[2000] = (changed[2000] ?? 0) ^ 0x01;
  return changed;
}

beforeAll(async () => {
  root = tempDir('fs-verify-trust-');
  const a = await referralFromNewStore('genuine');
  const b = await referralFromNewStore('forged');
  genuine = a.file;
  forged = b.file;
  genuineFingerprint = a.fingerprint;
  const certificate = signerCertificateOf(readFileSync(genuine));
  expect(formatFingerprint(certificate.raw).replace(/:/g, '').toLowerCase()).toBe(genuineFingerprint);
  trustPem = join(root, 'genuine-officer.pem');
  writeFileSync(trustPem, certificate.toString());
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('verify-pdf: who signed, and whether the receiver trusts them', () => {
  it('a genuine referral from a trusted signer: exit 0, every fact on its own line', async () => {
    const r = await verify([genuine, '--trust', trustPem]);
    expect(r.code).toBe(0);
    expect(r.stdout.slice(0, 8).map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'valid',
      'trusted',
      'signer',
      'fingerprint',
      'store',
      'signatures',
      'covers-whole-document',
      'reason',
    ]);
    expect(r.facts).toMatchObject({
      valid: 'yes',
      trusted: 'yes',
      signer: OFFICER.displayName,
      signatures: '1',
      'covers-whole-document': 'yes',
    });
    expect(r.facts.fingerprint?.replace(/:/g, '').toLowerCase()).toBe(genuineFingerprint);
    expect(r.facts.reason).toMatch(/^ok: /);
    expect(pdfsigCount(genuine)).toBe(1);
  });

  it('the same referral without a trust list: valid but not trusted, exit 3', async () => {
    const r = await verify([genuine]);
    expect(r.code).toBe(3);
    expect(r.facts).toMatchObject({ valid: 'yes', trusted: 'no' });
    expect(r.facts.reason).toMatch(/^signer-not-trusted: .*not trusted/);
  });

  it('a same-name referral forged in a second, fresh store: exit 3, trusted: no', async () => {
    const real = await verify([genuine, '--trust', trustPem]);
    const r = await verify([forged, '--trust', trustPem]);
    expect(r.code).toBe(3);
    expect(r.facts).toMatchObject({
      valid: 'yes',
      trusted: 'no',
      signer: OFFICER.displayName,
      signatures: '1',
      'covers-whole-document': 'yes',
    });
    expect(r.facts.reason).toMatch(/^signer-not-trusted: /);
    expect(r.facts.fingerprint).not.toBe(real.facts.fingerprint);
    // Once referrals carry their store identity, the two stores differ there too.
    if (real.facts.store !== '-') expect(r.facts.store).not.toBe(real.facts.store);
    expect(pdfsigCount(forged)).toBe(1);
  });

  it('changed and re-signed by another certificate as an incremental update: exit 1, second signature', async () => {
    const other = createSelfSignedIdentity({
      name: OFFICER.displayName,
      role: 'officer',
      agency: 'Another store',
      modulusLength: 2048,
    });
    const resigned = await signPdf(changedCopy(readFileSync(genuine)), {
      p12: other.p12,
      password: other.password,
      reason: 'Referral',
      location: 'Songkhla',
      name: OFFICER.displayName,
      contactInfo: '-',
    });
    const file = join(root, 'resigned.pdf');
    writeFileSync(file, resigned);
    for (const trust of [[], ['--trust', trustPem]]) {
      const r = await verify([file, ...trust]);
      expect(r.code).toBe(1);
      expect(r.facts).toMatchObject({ signatures: '2', valid: 'no', trusted: 'no' });
      expect(r.facts.reason).toMatch(/^second-signature: .*second signature/);
    }
    expect(pdfsigCount(file)).toBe(2);
    // pdfsig agrees: the first signature no longer matches, the second covers the whole file.
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    expect(sig).toMatch(/Signature #2:[\s\S]*Total document signed/);
  });

  it('even a second signature by the trusted signer is refused: exit 1', async () => {
    const again = join(root, 'again.pdf');
    const countersign = createSelfSignedIdentity({
      name: 'Receiver',
      role: 'x',
      agency: 'y',
      modulusLength: 2048,
    });
    writeFileSync(
      again,
      await signPdf(readFileSync(genuine), {
        p12: countersign.p12,
        password: countersign.password,
        reason: 'Received',
        location: 'Songkhla',
        name: 'Receiver',
        contactInfo: '-',
      }),
    );
    const receiverPem = join(root, 'receiver.pem');
    writeFileSync(receiverPem, countersign.certificatePem);
    const r = await verify([again, '--trust', trustPem, '--trust', receiverPem]);
    expect(r.code).toBe(1);
    expect(r.facts).toMatchObject({ signatures: '2', valid: 'yes', trusted: 'yes' });
    expect(r.facts.reason).toMatch(/^second-signature: /);
    expect(pdfsigCount(again)).toBe(2);
  });

  it('a cut, an extended, a changed and an unsigned file: exit 1 with the reason', async () => {
    const bytes = readFileSync(genuine);
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.pdf', bytes.subarray(0, bytes.length - 300), /^truncated: .*cut/],
      [
        'appended.pdf',
        Buffer.concat([bytes, Buffer.from('\n% appended\n', 'latin1')]),
        /^appended-after-signing: changed after signing/,
      ],
      ['changed.pdf', changedCopy(bytes), /^changed-after-signing: changed after signing/],
      ['unsigned.pdf', await smallPdf('Referral'), /^not-signed: .*not signed/],
    ];
    for (const [name, content, reason] of cases) {
      const file = join(root, name);
      writeFileSync(file, content);
      const r = await verify([file, '--trust', trustPem]);
      expect(r.code, name).toBe(1);
      expect(r.facts.valid, name).toBe('no');
      expect(r.facts.trusted, name).toBe('no');
      expect(r.facts.reason, name).toMatch(reason);
    }
    expect(pdfsigCount(join(root, 'unsigned.pdf'))).toBe(0);
  });

  it('refuses a --trust file that is not a certificate, and --data without --user', async () => {
    const junk = join(root, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    const r = await verify([genuine, '--trust', junk]);
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain('not a PEM or DER certificate');
    expect((await verify([genuine, '--data', root])).code).toBe(2);
    const der = join(root, 'genuine.der');
    writeFileSync(der, new X509Certificate(readFileSync(trustPem)).raw);
    expect((await verify([genuine, '--trust', der])).code).toBe(0);
  });

  it("a receiver's store trusts what its referral directory trusts (--data --user)", async () => {
    // The receiving shelter's own store, with the sending agency in its directory.
    const receiver = join(root, 'store-receiver');
    const SENDER = '6f1c1c1e-8a3b-4c55-9d7e-0b7f3f3f0a21';
    await Vault.initialise(
      receiver,
      { username: 'shelter', displayName: 'Shelter', passphrase: PASS },
      { kdfProfile: 'test' },
    );
    const session = await new Vault(receiver).unlock('shelter', PASS);
    updateSettings(session, {
      referralDirectory: [{ id: SENDER, name: 'Songkhla PIPO', kind: 'mdt', province: 'สงขลา' }],
    });
    session.lock('manual');
    const env = { FIELDSCREEN_PASSPHRASE: PASS };
    const store = ['--data', receiver, '--user', 'shelter'];
    const verifyIn = async (file: string) => {
      const run = captureIo(env);
      const code = await verifyPdfCommand.run([file, ...store], run);
      return { code, stdout: run.out };
    };

    expect((await verifyIn(genuine)).code).toBe(3);
    const genuineStore = (await verify([genuine])).facts.store ?? '-';
    const add = ['--agency', SENDER, '--add-cert', trustPem];
    // Once referrals carry their store identity, the sender's store fingerprint is what is trusted.
    if (genuineStore !== '-') add.push('--add-store', genuineStore);
    expect(await directoryTrustCommand.run([...store, ...add], captureIo(env))).toBe(0);

    const trusted = await verifyIn(genuine);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('trusted: yes');
    const forgery = await verifyIn(forged);
    expect(forgery.code).toBe(3);
    expect(forgery.stdout).toContain('trusted: no');

    const remove = ['--agency', SENDER, '--remove-cert', (await verify([genuine])).facts.fingerprint ?? ''];
    if (genuineStore !== '-') remove.push('--remove-store', genuineStore);
    expect(await directoryTrustCommand.run([...store, ...remove], captureIo(env))).toBe(0);
    expect((await verifyIn(genuine)).code).toBe(3);
  });
});
