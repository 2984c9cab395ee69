import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importSigningIdentityCommand,
  referralCommand,
  verifyPdfCommand,
} from '../../src/main/cli/commands/referral-commands';
import type { CliIo } from '../../src/main/cli/types';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { seedDemoCases } from '../../src/main/demo/seed';
import { createSelfSignedIdentity } from '../../src/main/pdf/identity';
import { Vault } from '../../src/main/store/vault';

const PASS = 'cli referral passphrase';
let dir: string;
let out: string;
let caseId: string;

function fakeIo(env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    env,
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    promptSecret: () => Promise.reject(new Error('no terminal')),
  };
  return { io, stdout, stderr };
}

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
    const made = fakeIo({ FIELDSCREEN_PASSPHRASE: PASS });
    const code = await referralCommand.run(
      ['--data', dir, '--user', 'officer', caseId, '--out', file, '--position', 'Labour inspector'],
      made.io,
    );
    expect(made.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(made.stdout.join('\n')).toMatch(/sha256: [0-9a-f]{64}/);

    const ok = fakeIo();
    expect(await verifyPdfCommand.run([file], ok.io)).toBe(0);
    expect(ok.stdout).toContain('valid: true');

    const bytes = readFileSync(file);
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff;
    const changed = join(out, 'changed.pdf');
    writeFileSync(changed, bytes);
    const bad = fakeIo();
    expect(await verifyPdfCommand.run([changed], bad.io)).toBe(1);
    expect(bad.stdout).toContain('valid: false');
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
    const wrongPw = fakeIo({ FIELDSCREEN_PASSPHRASE: PASS, FIELDSCREEN_P12_PASSWORD: 'wrong' });
    expect(
      await importSigningIdentityCommand.run(['--data', dir, '--user', 'officer', p12File], wrongPw.io),
    ).toBe(1);
    expect(wrongPw.stderr.join('\n')).toContain('VALIDATION');

    const ok = fakeIo({ FIELDSCREEN_PASSPHRASE: PASS, FIELDSCREEN_P12_PASSWORD: agency.password });
    expect(await importSigningIdentityCommand.run(['--data', dir, '--user', 'officer', p12File], ok.io)).toBe(
      0,
    );
    const expected = agency.fingerprintSha256.replace(/:/g, '').toLowerCase();
    expect(ok.stdout).toContain(`fingerprint: ${expected}`);

    const file = join(out, 'agency-signed.pdf');
    const made = fakeIo({ FIELDSCREEN_PASSPHRASE: PASS });
    expect(
      await referralCommand.run(
        ['--data', dir, '--user', 'officer', caseId, '--out', file, '--position', 'Labour inspector'],
        made.io,
      ),
    ).toBe(0);
    expect(made.stdout).toContain(`signer-fingerprint: ${expected}`);
    const check = fakeIo();
    expect(await verifyPdfCommand.run([file], check.io)).toBe(0);
    expect(check.stdout.join('\n')).toContain('DSDW Songkhla');
  });

  it('never takes the passphrase from arguments and reports a wrong one by code only', async () => {
    const wrong = fakeIo({ FIELDSCREEN_PASSPHRASE: 'not the passphrase' });
    const code = await referralCommand.run(
      ['--data', dir, '--user', 'officer', caseId, '--out', join(out, 'x.pdf')],
      wrong.io,
    );
    expect(code).toBe(1);
    expect(wrong.stderr.join('\n')).toContain('WRONG_PASSPHRASE');
    expect(wrong.stderr.join('\n')).not.toContain('not the passphrase');
  });

  it('an unsigned file is not valid', async () => {
    const file = join(out, 'plain.pdf');
    writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const r = fakeIo();
    expect(await verifyPdfCommand.run([file], r.io)).toBe(1);
    expect(r.stdout).toContain('signed: false');
  });
});
