import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../src/main/pdf/identity';
import { signPdf } from '../../src/main/pdf/sign';
import {
  issuingStoreCa,
  normaliseFingerprint,
  storeFingerprintOfCertificate,
  subjectPublicKeyInfoDer,
} from '../../src/main/pdf/store-fingerprint';
import { exitCodeOf, judgePdf, type TrustList, type TrustVerdict } from '../../src/main/pdf/trust-judge';
import {
  attackerSign,
  type Issued,
  issueLeaf,
  makeCa,
  opened,
  selfSignedLeaf,
  smallPdf,
} from '../fixtures/pdf/ca-chain';

/**
 * The pure judge against certificates an attacker could make: a store CA and its officer, another
 * store with an officer of the same name, a leaf that names the genuine CA as its issuer but was signed
 * by another key, a fake CA with the genuine one's name, expired certificates, and files changed,
 * cut, extended or signed twice.
 */

const DAY = 24 * 3600 * 1000;
const NOW = new Date();
const NAME = 'สมชาย ใจดี';

let unsigned: Buffer;
let storeCa: Issued;
let officer: Issued;
let genuine: Buffer;
let otherCa: Issued;
let forger: Issued;
let forged: Buffer;

const none: TrustList = { certificates: [], storeFingerprints: [] };
const byStore = (...cas: Issued[]): TrustList => ({
  certificates: [],
  storeFingerprints: cas.map((ca) => storeFingerprintOfCertificate(ca.der)),
});
const byCert = (...certs: Issued[]): TrustList => ({
  certificates: certs.map((c) => c.pem),
  storeFingerprints: [],
});

function sign(pdf: Buffer, signer: Issued, chain: Issued[], signingTime = NOW): Promise<Buffer> {
  return signPdf(pdf, {
    p12: new Uint8Array(),
    password: '',
    opened: opened(signer, ...chain),
    reason: 'Referral',
    location: 'ระนอง',
    name: signer.certificate.subject.getField('CN').value as string,
    contactInfo: '077-811-222',
    signingTime,
  });
}

/** The page size, one digit changed inside the signed part (612 pt wide becomes 613). */
function changeOneByte(pdf: Buffer): Buffer {
  const changed = Buffer.from(pdf);
  const at = changed.indexOf('/MediaBox [0 0 612 792]', 0, 'latin1');
  expect(at).toBeGreaterThan(0);
  changed.write('3', at + '/MediaBox [0 0 61'.length, 'latin1');
  return changed;
}

function expectVerdict(verdict: TrustVerdict, exit: 0 | 1 | 3, fields: Partial<TrustVerdict>) {
  expect(verdict).toMatchObject(fields);
  expect(exitCodeOf(verdict)).toBe(exit);
}

beforeAll(async () => {
  unsigned = await smallPdf('Referral to the shelter');
  storeCa = makeCa('FieldScreen store identity', 'Songkhla PIPO');
  officer = issueLeaf(NAME, storeCa, { o: 'Songkhla PIPO' });
  genuine = await sign(unsigned, officer, [storeCa]);
  // A second store, freshly made, with an officer of the same name.
  otherCa = makeCa('FieldScreen store identity', 'Songkhla PIPO');
  forger = issueLeaf(NAME, otherCa, { o: 'Songkhla PIPO' });
  forged = await sign(unsigned, forger, [otherCa]);
}, 60_000);

describe('store fingerprint', () => {
  it('is the SHA-256 of the CA certificate SubjectPublicKeyInfo, written like a certificate fingerprint', () => {
    const x509 = new X509Certificate(storeCa.der);
    const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
    expect(subjectPublicKeyInfoDer(storeCa.der).equals(spki)).toBe(true);
    const hex = createHash('sha256').update(spki).digest('hex').toUpperCase();
    expect(storeFingerprintOfCertificate(x509)).toBe(hex.match(/../g)?.join(':'));
    expect(storeFingerprintOfCertificate(storeCa.der)).toBe(formatFingerprint(spki));
    // It names the key, not the certificate: it differs from the certificate fingerprint.
    expect(storeFingerprintOfCertificate(storeCa.der)).not.toBe(formatFingerprint(storeCa.der));
  });

  it('normalises typed fingerprints and refuses what is not 32 bytes of hex', () => {
    const fp = storeFingerprintOfCertificate(storeCa.der);
    expect(normaliseFingerprint(fp.toLowerCase())).toBe(fp);
    expect(normaliseFingerprint(fp.replace(/:/g, ''))).toBe(fp);
    expect(normaliseFingerprint(` ${fp.replace(/:/g, ' ')} `)).toBe(fp);
    expect(normaliseFingerprint(fp.slice(3))).toBeNull();
    expect(normaliseFingerprint(`${fp.slice(0, -1)}G`)).toBeNull();
  });

  it('is found only for a CA whose key signed the signer certificate', () => {
    const leaf = new X509Certificate(officer.der);
    expect(issuingStoreCa(leaf, [leaf, new X509Certificate(storeCa.der)])?.raw.equals(storeCa.der)).toBe(
      true,
    );
    expect(issuingStoreCa(leaf, [leaf, new X509Certificate(otherCa.der)])).toBeNull();
  });
});

describe('judgePdf: trust', () => {
  it('trusts an officer of a trusted store: exit 0', () => {
    expectVerdict(judgePdf(genuine, byStore(storeCa)), 0, {
      valid: true,
      trusted: true,
      signerName: NAME,
      signerFingerprint: formatFingerprint(officer.der),
      storeFingerprint: storeFingerprintOfCertificate(storeCa.der),
      signatures: 1,
      coversWholeDocument: true,
      reason: 'ok',
    });
  });

  it('trusts through the CA certificate or the signer certificate itself', () => {
    expectVerdict(judgePdf(genuine, byCert(storeCa)), 0, { trusted: true, reason: 'ok' });
    expectVerdict(judgePdf(genuine, byCert(officer)), 0, { trusted: true, reason: 'ok' });
    const der: TrustList = { certificates: [storeCa.der], storeFingerprints: [] };
    expectVerdict(judgePdf(genuine, der), 0, { trusted: true });
  });

  it('a valid signature from an unknown signer is valid but not trusted: exit 3', () => {
    expectVerdict(judgePdf(genuine, none), 3, { valid: true, trusted: false, reason: 'signer-not-trusted' });
  });

  it('a same-name officer of another store is not trusted, and shows another store fingerprint', () => {
    for (const trust of [byStore(storeCa), byCert(storeCa), byCert(officer)]) {
      const verdict = judgePdf(forged, trust);
      expectVerdict(verdict, 3, {
        valid: true,
        trusted: false,
        signerName: NAME,
        reason: 'signer-not-trusted',
      });
      expect(verdict.storeFingerprint).toBe(storeFingerprintOfCertificate(otherCa.der));
      expect(verdict.storeFingerprint).not.toBe(storeFingerprintOfCertificate(storeCa.der));
      expect(verdict.signerFingerprint).not.toBe(formatFingerprint(officer.der));
    }
  });

  it('a leaf that names the genuine CA as issuer but was signed by another key is not trusted', async () => {
    // Issuer name = the genuine store CA's; signature by the forger's CA key; the genuine CA
    // certificate (public, copied from any genuine referral) carried beside it.
    const claimant = issueLeaf(NAME, storeCa, { signWith: otherCa, o: 'Songkhla PIPO' });
    const pdf = await sign(unsigned, claimant, [storeCa]);
    const verdict = judgePdf(pdf, { ...byStore(storeCa), certificates: [storeCa.pem] });
    expectVerdict(verdict, 3, { valid: true, trusted: false, storeFingerprint: null });
  });

  it('a fake CA with the genuine CA name but its own key is another store', async () => {
    const fakeCa = makeCa('FieldScreen store identity', 'Songkhla PIPO');
    const claimant = issueLeaf(NAME, fakeCa, { o: 'Songkhla PIPO' });
    const pdf = await sign(unsigned, claimant, [fakeCa]);
    const verdict = judgePdf(pdf, { ...byStore(storeCa), certificates: [storeCa.pem] });
    expectVerdict(verdict, 3, { trusted: false });
    expect(verdict.storeFingerprint).toBe(storeFingerprintOfCertificate(fakeCa.der));
  });

  it('a certificate that is not a CA issues nothing, even if its key signed the leaf', async () => {
    const notCa = makeCa('Not a CA', 'Songkhla PIPO', { ca: false });
    const leaf = issueLeaf(NAME, notCa);
    const pdf = await sign(unsigned, leaf, [notCa]);
    const verdict = judgePdf(pdf, { ...byStore(notCa), certificates: [notCa.pem] });
    expectVerdict(verdict, 3, { trusted: false, storeFingerprint: null });
  });

  it('follows an agency chain root -> intermediate -> officer to a trusted root', async () => {
    const root = makeCa('Agency root', 'DSDW');
    const intermediate = issueLeaf('Agency issuing CA', root, { ca: true, o: 'DSDW' });
    const agencyOfficer = issueLeaf('นางสาวมาลี ศรีสุข', intermediate, { o: 'DSDW' });
    const pdf = await sign(unsigned, agencyOfficer, [intermediate, root]);
    expectVerdict(judgePdf(pdf, byCert(root)), 0, { trusted: true });
    // The intermediate is the issuing CA: its key is the "store" of this signer.
    expectVerdict(judgePdf(pdf, byStore(intermediate)), 0, { trusted: true });
    expectVerdict(judgePdf(pdf, byStore(root)), 3, { trusted: false });
    // Without the intermediate in the signature, the root alone does not reach the officer.
    const bare = await sign(unsigned, agencyOfficer, []);
    expectVerdict(judgePdf(bare, byCert(root)), 3, { trusted: false });
    expectVerdict(judgePdf(bare, byCert(root, intermediate)), 0, { trusted: true });
  });

  it('trusts a self-signed officer certificate only by its own certificate', async () => {
    const self = selfSignedLeaf(NAME);
    const pdf = await sign(unsigned, self, []);
    expectVerdict(judgePdf(pdf, byCert(self)), 0, { trusted: true, storeFingerprint: null });
    const sameName = selfSignedLeaf(NAME);
    expectVerdict(judgePdf(pdf, byCert(sameName)), 3, { trusted: false });
  });

  it('a signer certificate not valid at the signing time is not trusted: certificate-expired', async () => {
    const expired = issueLeaf(NAME, storeCa, {
      notBefore: new Date(NOW.getTime() - 60 * DAY),
      notAfter: new Date(NOW.getTime() - 30 * DAY),
    });
    const pdf = await attackerSign(unsigned, opened(expired, storeCa), NOW);
    expectVerdict(judgePdf(pdf, byStore(storeCa)), 3, {
      valid: true,
      trusted: false,
      reason: 'certificate-expired',
    });
  });

  it('a store CA not valid at the signing time does not vouch for its officers', async () => {
    const oldCa = makeCa('Old store', 'X', {
      notBefore: new Date(NOW.getTime() - 90 * DAY),
      notAfter: new Date(NOW.getTime() - 10 * DAY),
    });
    const leaf = issueLeaf(NAME, oldCa);
    const pdf = await sign(unsigned, leaf, [oldCa]);
    expectVerdict(judgePdf(pdf, byStore(oldCa)), 3, { trusted: false, reason: 'signer-not-trusted' });
    expectVerdict(judgePdf(pdf, byCert(oldCa)), 3, { trusted: false });
  });

  it('ignores trust entries that are not certificates or fingerprints', () => {
    const junk: TrustList = {
      certificates: ['not a certificate', new Uint8Array([1, 2, 3])],
      storeFingerprints: ['xyz'],
    };
    expectVerdict(judgePdf(genuine, junk), 3, { trusted: false });
  });
});

describe('judgePdf: the file', () => {
  it('an unsigned PDF: not-signed, exit 1', () => {
    expectVerdict(judgePdf(unsigned, byStore(storeCa)), 1, {
      valid: false,
      trusted: false,
      signatures: 0,
      reason: 'not-signed',
    });
  });

  it('a changed byte inside the signed part: changed-after-signing, exit 1', () => {
    const changed = changeOneByte(genuine);
    expectVerdict(judgePdf(changed, byStore(storeCa)), 1, {
      valid: false,
      trusted: false,
      signatures: 1,
      reason: 'changed-after-signing',
    });
  });

  it('bytes appended after the signature: appended-after-signing, exit 1', () => {
    const extended = Buffer.concat([genuine, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1')]);
    expectVerdict(judgePdf(extended, byStore(storeCa)), 1, {
      valid: false,
      coversWholeDocument: false,
      reason: 'appended-after-signing',
    });
  });

  it('a file cut short: truncated, exit 1', () => {
    expectVerdict(judgePdf(genuine.subarray(0, genuine.length - 40), byStore(storeCa)), 1, {
      valid: false,
      reason: 'truncated',
    });
  });

  it('a second signature by a trusted signer still fails: second-signature, exit 1', async () => {
    const colleague = issueLeaf('Colleague', storeCa);
    const twice = await sign(genuine, colleague, [storeCa]);
    expectVerdict(judgePdf(twice, byStore(storeCa)), 1, {
      valid: true,
      trusted: true,
      signatures: 2,
      reason: 'second-signature',
    });
  });

  it('changed and re-signed by another certificate: two signatures, the first broken, exit 1', async () => {
    const changed = changeOneByte(genuine);
    const resigned = await attackerSign(changed, opened(forger, otherCa), NOW);
    const verdict = judgePdf(resigned, byStore(storeCa, otherCa));
    expectVerdict(verdict, 1, {
      valid: false,
      signatures: 2,
      coversWholeDocument: true,
      reason: 'second-signature',
    });
    expect(verdict.signerFingerprint).toBe(formatFingerprint(forger.der));
  });

  it('a signature appended under an escaped name (/Byte#52ange) is counted, and refused', () => {
    const update = Buffer.from(
      '\n99 0 obj\n<< /Type /Sig /Byte#52ange [0 10 20 30] /Contents <00> >>\nendobj\n%%EOF\n',
      'latin1',
    );
    expectVerdict(judgePdf(Buffer.concat([genuine, update]), byStore(storeCa)), 1, {
      valid: false,
      signatures: 2,
      reason: 'second-signature',
    });
    // Only names that read as ByteRange count: /ByteRanges or /Byte#52anges are other keys.
    const other = Buffer.from('\n<< /Byte#52anges [0 1 2 3] /ByteRanges [0 1 2 3] >>\n', 'latin1');
    expect(judgePdf(Buffer.concat([unsigned, other]), none).signatures).toBe(0);
  });

  it('a damaged /Contents is a damaged signature, and garbage never throws', () => {
    const text = genuine.toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    const damaged = Buffer.from(genuine);
    damaged.write('zz', contents, 'latin1');
    expectVerdict(judgePdf(damaged, none), 1, { valid: false, reason: 'damaged-signature' });
    const random = Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 5] /ByteRange[x] \n%%EOF', 'latin1');
    expectVerdict(judgePdf(random, none), 1, { valid: false, signatures: 2 });
    expectVerdict(judgePdf(new Uint8Array(), none), 1, { reason: 'not-signed' });
  });
});
