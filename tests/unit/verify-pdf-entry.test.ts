import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { referralCommands } from '../../src/main/cli/commands/referral-commands';
import { createSelfSignedIdentity } from '../../src/main/pdf/identity';
import { renderPdf } from '../../src/main/pdf/render';
import { signPdf } from '../../src/main/pdf/sign';
import { exitCodeOf, judgePdf } from '../../src/main/pdf/trust-judge';
import { verifyPdf } from '../../src/main/pdf/verify';
import { base64LengthFor } from '../../src/shared/domain/attachments';
import { MAX_P12_BYTES, MAX_VERIFY_PDF_BYTES } from '../../src/shared/domain/referrals';
import { bilingualSample } from '../fixtures/pdf/samples';
import { captureIo, commandNamed } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { createTestApp } from '../helpers/test-app';

/**
 * verify-pdf (command line) and referral.verify (IPC) take any file a person hands over: one size limit
 * for both, checked before the file is read, and a clear refusal instead of an internal error; whatever
 * the bytes, the verifier answers (never throws) and never calls a changed file valid.
 */

const verifyCommand = commandNamed(referralCommands, 'verify-pdf');
const importIdentityCommand = commandNamed(referralCommands, 'import-signing-identity');

/** A file of `bytes` zero bytes that takes no disk space (sparse). */
function sparseFile(dir: string, name: string, bytes: number): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return file;
}

let signed: Buffer;
let signerPem: string;
let byteRange: [number, number, number, number];

beforeAll(async () => {
  const identity = createSelfSignedIdentity({
    name: 'Officer Verify',
    role: 'Labour inspector',
    agency: 'Test agency',
    modulusLength: 2048,
    now: new Date('2026-03-01T00:00:00Z'),
  });
  signerPem = identity.certificatePem;
  const at = new Date('2026-03-15T03:30:00Z');
  const unsigned = await renderPdf(bilingualSample(identity.fingerprintSha256), { creationDate: at });
  signed = await signPdf(unsigned, {
    p12: identity.p12,
    password: identity.password,
    reason: 'Referral',
    location: 'Ranong',
    name: 'Officer Verify',
    contactInfo: '077-811-222',
    signingTime: at,
  });
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString('latin1'));
  byteRange = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3]), Number(m?.[4])];
}, 120_000);

describe('verify-pdf on the command line', () => {
  it('refuses a file over the limit before reading it, saying why, with VALIDATION', async () => {
    const dir = tempDir('fs-verify-');
    const huge = sparseFile(dir, 'huge.pdf', 700 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const io = captureIo();
    expect(await verifyCommand.run([huge], io)).toBe(1);
    expect(io.err).toEqual([
      `problem: ${huge} is larger than 20 MiB; a signed referral is far smaller, so it was not read`,
      'error: VALIDATION',
    ]);
    expect(io.out).toEqual([]);
    // Not read into memory (reading it took 2.1 GB before the limit).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('reads a file exactly at the limit (an unsigned one is reported as such)', async () => {
    const atLimit = sparseFile(tempDir('fs-verify-'), 'zeros.pdf', MAX_VERIFY_PDF_BYTES);
    const io = captureIo();
    expect(await verifyCommand.run([atLimit], io)).toBe(1);
    expect(io.out).toContain('signatures: 0');
    expect(io.out).toContain('reason: not-signed: the file is not signed');
    expect(io.err).toEqual([]);
  });

  it('says NOT_FOUND for a missing file and VALIDATION for a folder, never INTERNAL', async () => {
    const dir = tempDir('fs-verify-');
    const missing = captureIo();
    expect(await verifyCommand.run([join(dir, 'missing.pdf')], missing)).toBe(1);
    expect(missing.err).toEqual(['error: NOT_FOUND']);
    const folder = captureIo();
    expect(await verifyCommand.run([dir], folder)).toBe(1);
    expect(folder.err).toEqual(['error: VALIDATION']);
  });

  it('accepts the signed file and refuses it with one byte changed outside the signature', async () => {
    const dir = tempDir('fs-verify-');
    const good = join(dir, 'good.pdf');
    writeFileSync(good, signed);
    const pem = join(dir, 'signer.pem');
    writeFileSync(pem, signerPem);
    const ok = captureIo();
    expect(await verifyCommand.run([good, '--trust', pem], ok)).toBe(0);
    expect(ok.out).toContain('valid: yes');
    const changed = Buffer.from(signed);
    changed[100] = (changed[100] ?? 0) ^ 0x01;
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, changed);
    const refused = captureIo();
    expect(await verifyCommand.run([bad, '--trust', pem], refused)).toBe(1);
    expect(refused.out).toContain('valid: no');
  });

  it('import-signing-identity refuses a PKCS#12 file over its limit before asking for anything', async () => {
    const dir = tempDir('fs-verify-');
    const big = sparseFile(dir, 'big.p12', MAX_P12_BYTES + 1);
    const io = captureIo({ FIELDSCREEN_PASSPHRASE: 'unused', FIELDSCREEN_P12_PASSWORD: 'unused' });
    expect(await importIdentityCommand.run(['--data', join(dir, 'data'), '--user', 'x', big], io)).toBe(1);
    expect(io.err).toEqual([
      `problem: ${big} is larger than 1 MiB; a PKCS#12 signing identity is far smaller`,
      'error: VALIDATION',
    ]);
  });
});

describe('referral.verify over IPC', () => {
  it('takes the same limit: a PDF just over it is VALIDATION, the signed referral is checked', async () => {
    const app = createTestApp('fs-verify-ipc-');
    await app.initialise();
    const over = 'A'.repeat(base64LengthFor(MAX_VERIFY_PDF_BYTES) + 4);
    expect(await app.code('referral.verify', { pdfBase64: over })).toBe('VALIDATION');
    const result = await app.ok<{ valid: boolean; matchesReferral: unknown }>('referral.verify', {
      pdfBase64: signed.toString('base64'),
    });
    expect(result).toMatchObject({ valid: true, matchesReferral: null });
  });
});

describe('the verifier over damaged files (fuzz)', () => {
  it('never throws, and never calls a file valid once a byte outside the signature value changed', () => {
    const [, gapStart, gapEnd] = byteRange;
    const outsideSignature = fc
      .integer({ min: 0, max: signed.length - 1 })
      .filter((i) => i < gapStart || i >= gapEnd);
    const damage = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: outsideSignature,
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.integer({ min: 0, max: signed.length - 1 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: outsideSignature,
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
    );
    fc.assert(
      fc.property(damage, (d) => {
        let bytes: Buffer;
        if (d.kind === 'flip') {
          bytes = Buffer.from(signed);
          bytes[d.at] = (bytes[d.at] ?? 0) ^ d.xor;
        } else if (d.kind === 'cut') {
          bytes = signed.subarray(0, d.at);
        } else {
          bytes = Buffer.concat([signed.subarray(0, d.at), Buffer.from(d.bytes), signed.subarray(d.at)]);
        }
        const result = verifyPdf(bytes);
        expect(result.valid && result.coversWholeDocument).toBe(false);
        // The receiver's judge too, even trusting the signer: never exit 0 (nor 3) for a damaged file.
        const verdict = judgePdf(bytes, { certificates: [signerPem], storeFingerprints: [] });
        expect(verdict.valid).toBe(false);
        expect(exitCodeOf(verdict)).toBe(1);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
