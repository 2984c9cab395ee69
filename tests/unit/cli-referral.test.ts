import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importSigningIdentityCommand,
  referralCommand,
  verifyPdfCommand,
} from '../../src/main/cli/commands/referral-commands';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { seedDemoCases } from '../../src/main/demo/seed';
import { createSelfSignedIdentity } from '../../src/main/pdf/identity';
import { Vault } from '../../src/main/store/vault';
import { captureIo } from '../helpers/cli-io';

const PASS = 'cli referral passphrase';
let dir: string;
let out: string;
let caseId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-cliref-'));
  out = mkdtempSync(join(tmpdir(), 'fs-cliref-out-'));
  await Vault.initialise(
    dir,
    { username: 'officer', displayName: 'Officer', passphrase: PASS },
    { kdfProfile: 'test' },
  );
  const session = await new Vault(dir).unlock('officer', PASS);
  seedDemoAgency(session);
  caseId = seedDemoCases(session).find((c) => c.lang === 'km')?.caseId ?? '';
  session.lock('manual');
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('referral and verify-pdf commands', () => {
  it('writes a signed referral that verify-pdf accepts, and refuses a changed one', async () => {
    const file = join(out, 'ref.pdf');
    const made = captureIo({ FIELDSCREEN_PASSPHRASE: PASS });
    const code = await referralCommand.run(
      ['--data', dir, '--user', 'officer', caseId, '--out', file, '--position', 'Labour inspector'],
      made,
    );
    expect(made.err).toEqual([]);
    expect(code).toBe(0);
    expect(made.out.join('\n')).toMatch(/sha256: [0-9a-f]{64}/);

    // Intact, one signature over the whole file, but no trust list: valid and not trusted (exit 3).
    const ok = captureIo();
    expect(await verifyPdfCommand.run([file], ok)).toBe(3);
    expect(ok.out).toContain('valid: yes');
    expect(ok.out).toContain('trusted: no');
    expect(ok.out).toContain('signatures: 1');

    const bytes = readFileSync(file);
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff;
    const changed = join(out, 'changed.pdf');
    writeFileSync(changed, bytes);
    const bad = captureIo();
    expect(await verifyPdfCommand.run([changed], bad)).toBe(1);
    expect(bad.out).toContain('valid: no');
  });

  it("signs with an imported agency PKCS#12 once it is the officer's identity", async () => {
    const agency = createSelfSignedIdentity({
      name: 'Officer Agency',
      role: 'officer',
      agency: 'DSDW Songkhla',
      modulusLength: 2048,
    });
    const p12File = join(out, 'agency.p12');
    writeFileSync(p12File, agency.p12);
    const wrongPw = captureIo({ FIELDSCREEN_PASSPHRASE: PASS, FIELDSCREEN_P12_PASSWORD: 'wrong' });
    expect(
      await importSigningIdentityCommand.run(['--data', dir, '--user', 'officer', p12File], wrongPw),
    ).toBe(1);
    expect(wrongPw.err.join('\n')).toContain('VALIDATION');

    const ok = captureIo({ FIELDSCREEN_PASSPHRASE: PASS, FIELDSCREEN_P12_PASSWORD: agency.password });
    expect(await importSigningIdentityCommand.run(['--data', dir, '--user', 'officer', p12File], ok)).toBe(0);
    const expected = agency.fingerprintSha256.replace(/:/g, '').toLowerCase();
    expect(ok.out).toContain(`fingerprint: ${expected}`);

    const file = join(out, 'agency-signed.pdf');
    const made = captureIo({ FIELDSCREEN_PASSPHRASE: PASS });
    expect(
      await referralCommand.run(
        ['--data', dir, '--user', 'officer', caseId, '--out', file, '--position', 'Labour inspector'],
        made,
      ),
    ).toBe(0);
    expect(made.out).toContain(`signer-fingerprint: ${expected}`);
    // The receiver trusts the agency certificate it was given: exit 0.
    const pem = join(out, 'agency.pem');
    writeFileSync(pem, agency.certificatePem);
    const check = captureIo();
    expect(await verifyPdfCommand.run([file, '--trust', pem], check)).toBe(0);
    expect(check.out).toContain('signer: Officer Agency');
    expect(check.out).toContain(`fingerprint: ${agency.fingerprintSha256}`);
  });

  it('never takes the passphrase from arguments and reports a wrong one by code only', async () => {
    const wrong = captureIo({ FIELDSCREEN_PASSPHRASE: 'not the passphrase' });
    const code = await referralCommand.run(
      ['--data', dir, '--user', 'officer', caseId, '--out', join(out, 'x.pdf')],
      wrong,
    );
    expect(code).toBe(1);
    expect(wrong.err.join('\n')).toContain('WRONG_PASSPHRASE');
    expect(wrong.err.join('\n')).not.toContain('not the passphrase');
  });

  it('an unsigned file is not valid', async () => {
    const file = join(out, 'plain.pdf');
    writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const r = captureIo();
    expect(await verifyPdfCommand.run([file], r)).toBe(1);
    expect(r.out).toContain('signatures: 0');
    expect(r.out.join('\n')).toMatch(/^reason: not-signed/m);
  });
});
