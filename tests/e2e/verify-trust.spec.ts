import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import { parseSignedData } from '../../src/main/pdf/cms';
import { createSelfSignedIdentity, formatFingerprint } from '../../src/main/pdf/identity';
import { signPdf } from '../../src/main/pdf/sign';
import { smallPdf } from '../fixtures/pdf/ca-chain';
import {
  callValue,
  openOwnAs,
  ownServerForFile,
  SUPERVISOR,
  screenThroughIpc,
  setUiLanguage,
  shotPath,
} from './helpers';

/**
 * The receiver's check in the app (issue 12, part 5): a referral, a same-name forgery made elsewhere,
 * and the referral changed and signed again. The store trusts its own signers (certified by its store
 * identity) at once; the supervisor also adds the sender's certificate and a store fingerprint to a
 * directory entry on the settings screen (as a receiving store would); the real referral stays trusted
 * and the forgery flagged. Own server and data folder.
 */
const SENDER = { id: '3c7a1e52-55c1-4e3e-9d0a-3c2f6f1b7c31', name: 'Songkhla PIPO centre' };

test.describe.configure({ mode: 'serial' });

const server = ownServerForFile('verify-trust');
let reference = '';
let genuine = '';
let forged = '';
let resigned = '';
let senderPem = '';
let senderFingerprint = '';

/** Signs the supervisor in (English) and opens the referral's case. */
async function openCase(page: Page) {
  await openOwnAs(page, server, SUPERVISOR);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill(reference);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('referral-panel')).toBeVisible();
}

/** Checks `file` on the case page; the result shows each of `expected` as its data- attribute. */
async function check(page: Page, file: string, expected: Record<string, string | number | boolean>) {
  await page.getByTestId('verify-file').setInputFiles(file);
  const result = page.getByTestId('verify-result');
  await expect(result).toBeVisible();
  for (const [name, value] of Object.entries(expected))
    await expect(result).toHaveAttribute(`data-${name}`, String(value));
  return result;
}

test('a referral is made, and a forgery and a re-signed copy are prepared as an insider would', async ({
  page,
}) => {
  await openOwnAs(page, server, SUPERVISOR);
  await callValue(page, 'admin.settings.update', {
    agency: DEMO_AGENCY,
    referralDirectory: [{ id: SENDER.id, name: SENDER.name, kind: 'mdt', province: 'สงขลา' }],
  });
  const created = await callValue<{ id: string; reference: string; persons: { id: string }[] }>(
    page,
    'cases.create',
    {
      place: { kind: 'pipo_centre', name: 'Songkhla PIPO' },
      screeningDate: new Date().toISOString().slice(0, 10),
      person: { nameOrAlias: 'Ko Aung (training)', languages: ['my'] },
    },
  );
  reference = created.reference;
  await screenThroughIpc(
    page,
    // Consent to referral names the receiver: the Songkhla PIPO centre's team, from the directory.
    { caseId: created.id, personId: created.persons[0]?.id, receiver: { contactId: SENDER.id } },
    { close_referral_consent: { kind: 'choice', value: 'yes' } },
  );
  const made = await callValue<{ referral: { fileName: string; signerFingerprint: string } }>(
    page,
    'referral.export',
    {
      caseId: created.id,
      receivingAgency: SENDER.name,
      contactId: SENDER.id,
      officerPosition: 'Labour inspector',
    },
  );
  genuine = join(server.exportDir, made.referral.fileName);
  const bytes = readFileSync(genuine);

  // The sender's certificate as the receiver gets it, pinned by the fingerprint the sender recorded.
  const text = bytes.toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text.slice(text.lastIndexOf('/ByteRange')))?.[1] ?? '';
  const signer = parseSignedData(Buffer.from(hex, 'hex')).signerCertificate;
  if (!signer) throw new Error('no signer certificate');
  const certificate = new X509Certificate(signer);
  senderFingerprint = formatFingerprint(certificate.raw);
  expect(senderFingerprint.replace(/:/g, '').toLowerCase()).toBe(made.referral.signerFingerprint);
  senderPem = join(server.exportDir, 'sender.pem');
  writeFileSync(senderPem, certificate.toString());

  // Another store, same officer name: a self-signed certificate of its own.
  const other = createSelfSignedIdentity({
    name: SUPERVISOR.name,
    role: 'supervisor',
    agency: DEMO_AGENCY.name,
    modulusLength: 2048,
  });
  const sign = (pdf: Buffer) =>
    signPdf(pdf, {
      p12: other.p12,
      password: other.password,
      reason: 'Referral',
      location: 'Songkhla',
      name: SUPERVISOR.name,
      contactInfo: '-',
    });
  forged = join(server.exportDir, 'forged.pdf');
  writeFileSync(forged, await sign(await smallPdf('Referral to the shelter')));
  const changed = Buffer.from(bytes);
  changed[2000] = (changed[2000] ?? 0) ^ 0x01;
  resigned = join(server.exportDir, 'resigned.pdf');
  writeFileSync(resigned, await sign(changed));
});

test("this store's own referral is trusted at once; the same-name forgery is intact but not trusted", async ({
  page,
}) => {
  await openCase(page);
  // Signed with a key this store's identity certified: trusted without any directory entry.
  await check(page, genuine, { valid: true, trusted: true, accepted: true });
  await expect(page.getByTestId('verify-fact-fingerprint')).toContainText(senderFingerprint);
  // The same name, signed in another store: the signature is intact, the signer is not trusted here.
  const result = await check(page, forged, { valid: true, trusted: false, accepted: false });
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('verify-headline')).toContainText('does NOT trust the signer');
  await expect(page.getByTestId('verify-fact-fingerprint')).not.toContainText(senderFingerprint);
});

test('the supervisor adds the sender certificate and a store fingerprint to the directory entry', async ({
  page,
}) => {
  await openOwnAs(page, server, SUPERVISOR);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('directory-trust-0')).toBeVisible();

  // Not a certificate: refused on the screen.
  const junk = join(server.exportDir, 'junk.pem');
  writeFileSync(junk, 'not a certificate');
  await page.getByTestId('trust-add-certificate-0').setInputFiles(junk);
  await expect(page.getByTestId('directory-trust-0').getByRole('alert')).toContainText('not a certificate');

  await page.getByTestId('trust-add-certificate-0').setInputFiles(senderPem);
  await expect(page.getByTestId('trust-certificate-0')).toHaveAttribute(
    'data-fingerprint',
    senderFingerprint,
  );

  await page.getByTestId('trust-store-input-0').fill('12:34');
  await page.getByTestId('trust-add-store-0').click();
  await expect(page.getByTestId('directory-trust-0').getByRole('alert')).toContainText(
    'not a store fingerprint',
  );
  const store = 'ab'.repeat(32);
  await page.getByTestId('trust-store-input-0').fill(store);
  await page.getByTestId('trust-add-store-0').click();
  await expect(page.getByTestId('trust-store-0')).toContainText(
    store.toUpperCase().match(/../g)?.join(':') ?? '',
  );

  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await page.getByTestId('directory-trust-0').screenshot({ path: shotPath('directory-trust-en') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="directory-trust-0"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Kept: read back after leaving the screen.
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('trust-certificate-0')).toHaveAttribute(
    'data-fingerprint',
    senderFingerprint,
  );
});

test('then the referral is trusted, the forgery is flagged and the re-signed copy refused', async ({
  page,
}) => {
  await openCase(page);

  const ok = await check(page, genuine, { accepted: true, reason: 'ok' });
  await expect(page.getByTestId('verify-fact-signatures')).toContainText('1');
  await expect(ok).toContainText('It matches the referral recorded for case');

  await check(page, forged, { valid: true, trusted: false, reason: 'signer-not-trusted' });
  await expect(page.getByTestId('verify-fact-signer')).toContainText(SUPERVISOR.name);
  await expect(page.getByTestId('verify-fact-fingerprint')).not.toContainText(senderFingerprint);
  await page.getByTestId('verify-pdf').screenshot({ path: shotPath('verify-forged-en') });

  await check(page, resigned, { reason: 'second-signature', signatures: 2 });
  await expect(page.getByTestId('verify-headline')).toContainText('do not rely on this file');
  await expect(page.getByTestId('verify-headline')).toContainText('second signature');

  // The same facts in Thai (draft translations).
  await setUiLanguage(page, 'th');
  await check(page, forged, { reason: 'signer-not-trusted' });
  await expect(page.getByTestId('verify-headline')).toContainText('ไม่เชื่อถือผู้ลงนาม');
  await page.getByTestId('verify-pdf').screenshot({ path: shotPath('verify-forged-th') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="verify-pdf"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
