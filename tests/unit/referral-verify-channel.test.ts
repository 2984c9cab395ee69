import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { parseSignedData } from '../../src/main/pdf/cms';
import { createSelfSignedIdentity, formatFingerprint } from '../../src/main/pdf/identity';
import { signPdf } from '../../src/main/pdf/sign';
import { smallPdf } from '../fixtures/pdf/ca-chain';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The in-app check ('referral.verify') gives the same facts as verify-pdf, judged against this store's
 * trust list: a referral made here and one forged elsewhere with the same name are both intact, and
 * only what the directory trusts is trusted; a second signature is refused whoever signed it.
 */

const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai Jaidee',
  passphrase: 'supervisor passphrase 1',
};
const SENDER = '0b9d7a52-55c1-4e3e-9d0a-3c2f6f1b7c21';
let app: TestApp;
let genuine: Buffer;
let signerPem: string;
let signerFingerprint: string;

interface Verdict {
  valid: boolean;
  trusted: boolean;
  signerName: string | null;
  signerFingerprint: string | null;
  storeFingerprint: string | null;
  signatures: number;
  coversWholeDocument: boolean;
  reason: string;
  matchesReferral: { reference: string } | null;
}

const check = (pdf: Buffer) => app.ok<Verdict>('referral.verify', { pdfBase64: pdf.toString('base64') });

beforeAll(async () => {
  app = createTestApp('fs-verify-channel-');
  await app.initialise(SUPERVISOR);
  await app.ok('admin.settings.update', {
    agency: DEMO_AGENCY,
    referralDirectory: [{ id: SENDER, name: 'Songkhla PIPO', kind: 'mdt', province: 'สงขลา' }],
  });
  const scenario = DEMO_SCENARIOS.find((s) => s.lang === 'km') ?? DEMO_SCENARIOS[0];
  // Consent recorded before receivers were recorded with it: the officer confirms the receiver named.
  const caseId =
    seedDemoCases(app.session(), scenario ? [scenario] : undefined, { consentReceiver: null })[0]?.caseId ??
    '';
  const made = await app.ok<{ referral: { fileName: string; signerFingerprint: string } }>(
    'referral.export',
    {
      caseId,
      receivingAgency: 'Songkhla shelter',
      officerPosition: 'Labour inspector',
      confirmReceiverNamed: true,
    },
  );
  genuine = readFileSync(join(app.exportDir, made.referral.fileName));
  // The signer's certificate as the receiver would get it; pinned by the fingerprint the store recorded.
  const text = genuine.toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text.slice(text.lastIndexOf('/ByteRange')))?.[1] ?? '';
  const certificate = new X509Certificate(
    parseSignedData(Buffer.from(hex, 'hex')).signerCertificate ?? Buffer.alloc(0),
  );
  signerFingerprint = formatFingerprint(certificate.raw);
  expect(signerFingerprint.replace(/:/g, '').toLowerCase()).toBe(made.referral.signerFingerprint);
  signerPem = certificate.toString();
}, 120_000);
afterAll(() => app.close());

describe("'referral.verify'", () => {
  it('reports every fact of a referral made here; trusted only once the directory trusts its signer', async () => {
    const before = await check(genuine);
    expect(before).toMatchObject({
      valid: true,
      signerName: SUPERVISOR.displayName,
      signerFingerprint,
      signatures: 1,
      coversWholeDocument: true,
    });
    expect(before.matchesReferral).not.toBeNull();
    // Signed by a person whose key this store's CA certified: trusted here without any directory entry.
    expect(before).toMatchObject({ trusted: true, reason: 'ok' });
    expect(before.storeFingerprint).toBe(app.session().trust.storeFingerprint);

    await app.ok('admin.settings.update', {
      referralDirectory: [
        {
          id: SENDER,
          name: 'Songkhla PIPO',
          kind: 'mdt',
          province: 'สงขลา',
          trustedCertificates: [signerPem],
        },
      ],
    });
    expect(await check(genuine)).toMatchObject({ valid: true, trusted: true, reason: 'ok' });
  });

  it('a same-name referral from elsewhere is intact but not trusted', async () => {
    const forger = createSelfSignedIdentity({
      name: SUPERVISOR.displayName,
      role: 'supervisor',
      agency: DEMO_AGENCY.name,
      modulusLength: 2048,
    });
    const forged = await signPdf(await smallPdf('Referral'), {
      p12: forger.p12,
      password: forger.password,
      reason: 'Referral',
      location: 'Songkhla',
      name: SUPERVISOR.displayName,
      contactInfo: '-',
    });
    const verdict = await check(forged);
    expect(verdict).toMatchObject({
      valid: true,
      trusted: false,
      signerName: SUPERVISOR.displayName,
      signatures: 1,
      reason: 'signer-not-trusted',
      matchesReferral: null,
    });
    expect(verdict.signerFingerprint).not.toBe(signerFingerprint);
  });

  it('a second signature, even over an intact referral, is refused', async () => {
    const other = createSelfSignedIdentity({ name: 'Receiver', role: 'x', agency: 'y', modulusLength: 2048 });
    const twice = await signPdf(genuine, {
      p12: other.p12,
      password: other.password,
      reason: 'Received',
      location: 'Songkhla',
      name: 'Receiver',
      contactInfo: '-',
    });
    expect(await check(twice)).toMatchObject({ signatures: 2, reason: 'second-signature', trusted: false });
  });
});
