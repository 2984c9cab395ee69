import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignedData } from '../../src/main/pdf/cms';
import { createSelfSignedIdentity, type NewIdentity } from '../../src/main/pdf/identity';
import { renderPdf } from '../../src/main/pdf/render';
import { asciiForPdfString, signPdf } from '../../src/main/pdf/sign';
import { decodePdfLiteral, verifyPdf } from '../../src/main/pdf/verify';
import { AppError } from '../../src/shared/errors';
import { makeAgencyP12 } from '../fixtures/pdf/agencyP12';
import { bilingualSample } from '../fixtures/pdf/samples';
import { pdfsig, qpdfCheck, tempDir } from '../fixtures/pdf/tools';

const dir = tempDir();
afterAll(() => dir.remove());

const SIGNING_TIME = new Date('2026-03-15T03:30:00Z');
const signOptions = {
  reason: 'Referral to MDT',
  location: 'ระนอง',
  name: 'สมชาย ใจดี',
  contactInfo: '077-811-222',
};

function pdfsigSaysValid(output: string): boolean {
  return output.includes('Signature is Valid') && output.includes('Total document signed');
}

/** Offsets of the two signed ranges, read back from the file. */
function byteRange(pdf: Buffer): [number, number, number, number] {
  const matches = [
    ...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g),
  ];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('no ByteRange');
  return [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])];
}

/** A labour inspector's self-signed identity, the bilingual sample rendered, and that PDF signed. */
async function signedSample(): Promise<{ identity: NewIdentity; unsigned: Buffer; signed: Buffer }> {
  const identity = createSelfSignedIdentity({
    name: 'สมชาย ใจดี',
    role: 'พนักงานตรวจแรงงาน',
    agency: 'กรมสวัสดิการและคุ้มครองแรงงาน',
    now: new Date('2026-03-01T00:00:00Z'),
  });
  const unsigned = await renderPdf(bilingualSample(identity.fingerprintSha256), {
    creationDate: SIGNING_TIME,
  });
  const signed = await signPdf(unsigned, {
    p12: identity.p12,
    password: identity.password,
    ...signOptions,
    signingTime: SIGNING_TIME,
  });
  return { identity, unsigned, signed };
}

describe('signPdf with a self-signed identity', () => {
  let identity: NewIdentity;
  let unsigned: Buffer;
  let signed: Buffer;
  let signedFile: string;

  beforeAll(async () => {
    ({ identity, unsigned, signed } = await signedSample());
    signedFile = dir.write('signed.pdf', signed);
  });

  it('is accepted by pdfsig as valid and covering the whole document', () => {
    const output = pdfsig(signedFile);
    expect(output).toContain('Signature is Valid');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Signer Certificate Common Name: สมชาย ใจดี');
    expect(output).toContain('SHA-256');
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('keeps the file structurally clean for qpdf', () => {
    const check = qpdfCheck(signedFile);
    expect(check.output).not.toContain('WARNING');
    expect(check.status).toBe(0);
  });

  it('is verified in Node with the right signer, time, reason and coverage', () => {
    const result = verifyPdf(signed);
    expect(result).toMatchObject({
      signed: true,
      valid: true,
      coversWholeDocument: true,
      digestMatches: true,
      signatureVerifies: true,
      signingTime: SIGNING_TIME.toISOString(),
      reason: signOptions.reason,
      signer: {
        commonName: 'สมชาย ใจดี',
        organization: 'กรมสวัสดิการและคุ้มครองแรงงาน',
        fingerprintSha256: identity.fingerprintSha256,
      },
    });
    expect(result.documentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs a byte range that spans the whole file except the signature itself', () => {
    const [a, b, c, d] = byteRange(signed);
    expect(a).toBe(0);
    expect(c + d).toBe(signed.length);
    expect(signed[b]).toBe('<'.charCodeAt(0));
    expect(signed[c - 1]).toBe('>'.charCodeAt(0));
    const cms = Buffer.from(signed.subarray(b + 1, c - 1).toString('latin1'), 'hex');
    expect(parseSignedData(cms).certificates).toHaveLength(1);
  });

  it.each([
    ['the header', () => 9],
    ['the middle of the first range', (pdf: Buffer) => Math.floor(byteRange(pdf)[1] / 2)],
    ['the byte before the signature', (pdf: Buffer) => byteRange(pdf)[1] - 1],
    ['the byte after the signature', (pdf: Buffer) => byteRange(pdf)[2]],
    [
      'the middle of the second range',
      (pdf: Buffer) => byteRange(pdf)[2] + Math.floor(byteRange(pdf)[3] / 2),
    ],
    ['the last byte', (pdf: Buffer) => pdf.length - 1],
  ])('flipping a byte in %s breaks the signature for pdfsig and for verifyPdf', (_, position) => {
    const at = position(signed);
    const tampered = Buffer.from(signed);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    expect(tampered.equals(signed)).toBe(false);
    const file = dir.write(`tampered-${at}.pdf`, tampered);
    expect(pdfsigSaysValid(pdfsig(file))).toBe(false);
    expect(verifyPdf(tampered).valid).toBe(false);
  });

  it('reports a digest mismatch when page content changes', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 12] = (tampered[at + 12] ?? 0) ^ 0x01;
    const output = pdfsig(dir.write('tampered-mediabox.pdf', tampered));
    expect(output).toMatch(/Digest Mismatch|Signature is Invalid/i);
    const result = verifyPdf(tampered);
    expect(result).toMatchObject({
      valid: false,
      digestMatches: false,
      signatureVerifies: true,
      coversWholeDocument: true,
    });
  });

  it('notices bytes appended after signing (not the whole document any more)', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended later\n')]);
    const output = pdfsig(dir.write('appended.pdf', appended));
    expect(output).not.toContain('Total document signed');
    expect(verifyPdf(appended)).toMatchObject({ signed: true, valid: false, coversWholeDocument: false });
  });

  it('says an unsigned PDF is not signed', () => {
    expect(verifyPdf(unsigned)).toMatchObject({ signed: false, valid: false, coversWholeDocument: false });
    expect(verifyPdf(Buffer.from('not a pdf'))).toMatchObject({ signed: false, valid: false });
  });

  it('refuses a wrong password with an AppError, and an expired certificate', async () => {
    await expect(
      signPdf(unsigned, { p12: identity.p12, password: 'nope', ...signOptions, signingTime: SIGNING_TIME }),
    ).rejects.toMatchObject({ code: 'VALIDATION', messageKey: 'errors.validation' });
    await expect(
      signPdf(unsigned, { p12: identity.p12, password: 'nope', ...signOptions }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      signPdf(unsigned, {
        p12: identity.p12,
        password: identity.password,
        ...signOptions,
        signingTime: new Date('2040-01-01T00:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID', messageKey: 'errors.signatureInvalid' });
  });
});

describe('signPdf with an agency PKCS#12', () => {
  it('signs with the officer certificate issued by the agency CA, chain included', async () => {
    const agency = makeAgencyP12({ password: 'agency-secret' });
    const unsigned = await renderPdf(bilingualSample(), { creationDate: SIGNING_TIME });
    const signed = await signPdf(unsigned, { p12: agency.p12, password: agency.password, ...signOptions });
    const output = pdfsig(dir.write('agency.pdf', signed));
    expect(output).toContain('Signature is Valid');
    expect(output).toContain('Total document signed');
    expect(output).toContain(`Signer Certificate Common Name: ${agency.officerCommonName}`);
    const result = verifyPdf(signed);
    expect(result.valid).toBe(true);
    expect(result.signer?.commonName).toBe(agency.officerCommonName);
    expect(result.signer?.organization).toBe(agency.agency);
    const [, b, c] = byteRange(signed);
    const cms = Buffer.from(signed.subarray(b + 1, c - 1).toString('latin1'), 'hex');
    expect(parseSignedData(cms).certificates).toHaveLength(2);
  });
});

describe('PAdES baseline B-B', () => {
  let signed: Buffer;
  let file: string;
  beforeAll(async () => {
    ({ signed } = await signedSample());
    file = dir.write('pades.pdf', signed);
  });

  /** The signature dictionary of the incremental update (the last /ByteRange's object). */
  const signatureDictionary = () => {
    const text = signed.toString('latin1');
    const at = text.lastIndexOf('/ByteRange');
    return text.slice(text.lastIndexOf(' obj', at), text.indexOf('endobj', at));
  };

  it('is an ETSI.CAdES.detached signature with its claimed time in /M', () => {
    const dictionary = signatureDictionary();
    expect(dictionary).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(dictionary).toMatch(/\/M \(D:20260315/);
    expect(pdfsig(file)).toContain('Signature Type: ETSI.CAdES.detached');
    expect(verifyPdf(signed).signingTime).toBe(SIGNING_TIME.toISOString());
  });

  it('names the signer, place and contact as PDF text strings (UTF-16BE), so Thai reads as Thai', () => {
    const dictionary = signatureDictionary();
    const hexOf = (key: string) => new RegExp(`/${key} <([0-9A-F]+)>`).exec(dictionary)?.[1] ?? '';
    const decode = (hex: string) => Buffer.from(hex, 'hex').subarray(2).swap16().toString('utf16le');
    expect(hexOf('Name').startsWith('FEFF')).toBe(true);
    expect(decode(hexOf('Name'))).toBe('สมชาย ใจดี');
    expect(decode(hexOf('Location'))).toBe('ระนอง');
    expect(decode(hexOf('ContactInfo'))).toBe('077-811-222');
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('signs content-type, message-digest and signing-certificate-v2, and no signing-time (OpenSSL reads them)', () => {
    const [, b, c] = byteRange(signed);
    const cms = Buffer.from(signed.subarray(b + 1, c - 1).toString('latin1'), 'hex');
    const der = cms.subarray(0, 4 + cms.readUInt16BE(2));
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER'], {
      input: der,
      encoding: 'utf8',
    });
    expect(printed).toContain('contentType');
    expect(printed).toContain('messageDigest');
    expect(printed).toMatch(/signingCertificateV2|id-smime-aa-signingCertificateV2/);
    expect(printed).not.toContain('signingTime');
    // The ESSCertIDv2 hash is the SHA-256 of the signer's certificate.
    const parsed = parseSignedData(cms);
    const certificateHash = createHash('sha256')
      .update(parsed.signerCertificate ?? Buffer.alloc(0))
      .digest('hex');
    expect(printed.replace(/[\s:-]/g, '').toLowerCase()).toContain(certificateHash);
  });
});

describe('signature dictionary strings', () => {
  it('stay ASCII so @signpdf writes them intact, and decode back', () => {
    expect(asciiForPdfString('Referral ส่งต่อ')).toBe('Referral U+0E2AU+0E48U+0E07U+0E15U+0E48U+0E2D');
    expect(decodePdfLiteral('a\\(b\\)\\\\c\\101')).toBe('a(b)\\cA');
    expect(decodePdfLiteral('\u00fe\u00ff\u0000A\u000e\u002a')).toBe('Aส');
  });
});
