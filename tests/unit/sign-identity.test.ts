import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedIdentity, formatFingerprint, readIdentity } from '../../src/main/pdf/identity';
import { AppError } from '../../src/shared/errors';
import { makeAgencyP12 } from '../fixtures/pdf/agencyP12';

function expectAppError(action: () => unknown, code: string) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe(code);
    expect(appError.messageKey).toMatch(/^errors\./);
    return appError;
  }
  throw new Error('expected an AppError');
}

describe('createSelfSignedIdentity', () => {
  const now = new Date('2026-01-10T08:00:00Z');
  const identity = createSelfSignedIdentity({
    name: 'สมชาย ใจดี',
    role: 'พนักงานตรวจแรงงาน',
    agency: 'กรมสวัสดิการและคุ้มครองแรงงาน',
    days: 30,
    now,
  });

  it('makes a 3072-bit RSA self-signed certificate naming the officer, role and agency', () => {
    const cert = new X509Certificate(identity.certificatePem);
    expect(cert.subject).toBe('CN=สมชาย ใจดี\nO=กรมสวัสดิการและคุ้มครองแรงงาน\nOU=พนักงานตรวจแรงงาน');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(new Date(cert.validTo).getTime() - now.getTime()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(new Date(cert.validTo).getTime() - now.getTime()).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
  });

  it('reports the SHA-256 fingerprint of the certificate DER', () => {
    const der = new X509Certificate(identity.certificatePem).raw;
    const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
    expect(identity.fingerprintSha256).toBe(hex.match(/../g)?.join(':'));
    expect(formatFingerprint(der)).toBe(identity.fingerprintSha256);
  });

  it('gives a random password and never the same one twice', () => {
    const other = createSelfSignedIdentity({ name: 'A', role: 'B', agency: 'C', modulusLength: 2048 });
    expect(identity.password.length).toBeGreaterThanOrEqual(24);
    expect(other.password).not.toBe(identity.password);
    expect(other.fingerprintSha256).not.toBe(identity.fingerprintSha256);
  });

  it('can be read back with its password', () => {
    const info = readIdentity(identity.p12, identity.password);
    expect(info).toMatchObject({
      commonName: 'สมชาย ใจดี',
      organization: 'กรมสวัสดิการและคุ้มครองแรงงาน',
      organizationalUnit: 'พนักงานตรวจแรงงาน',
      issuerCommonName: 'สมชาย ใจดี',
      selfSigned: true,
      fingerprintSha256: identity.fingerprintSha256,
    });
    expect(new Date(info.notBefore).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(new Date(info.notAfter).getTime()).toBeGreaterThan(now.getTime());
    expect(info.certificatePem).toContain('BEGIN CERTIFICATE');
  });

  it('refuses empty names and silly lifetimes', () => {
    expectAppError(() => createSelfSignedIdentity({ name: '  ', role: 'r', agency: 'a' }), 'VALIDATION');
    expectAppError(
      () => createSelfSignedIdentity({ name: 'n', role: 'r', agency: 'a', days: 0 }),
      'VALIDATION',
    );
  });
});

describe('readIdentity', () => {
  it('imports an agency PKCS#12 with a CA chain and Thai names', () => {
    const agency = makeAgencyP12({ password: 'agency-secret' });
    const info = readIdentity(agency.p12, agency.password);
    expect(info.commonName).toBe(agency.officerCommonName);
    expect(info.organization).toBe(agency.agency);
    expect(info.issuerCommonName).toBe('ผู้ออกใบรับรอง กสร. (ทดสอบ)');
    expect(info.selfSigned).toBe(false);
  });

  it('turns a wrong password into an AppError without the password or key in it', () => {
    const agency = makeAgencyP12({ password: 'agency-secret', algorithm: 'aes256' });
    const error = expectAppError(() => readIdentity(agency.p12, 'wrong-password'), 'VALIDATION');
    expect(`${error.message} ${String(error.cause ?? '')}`).not.toContain('wrong-password');
    expect(JSON.stringify(error)).not.toContain('agency-secret');
  });

  it('turns a file that is not a PKCS#12 into an AppError', () => {
    expectAppError(() => readIdentity(Buffer.from('not a certificate at all'), 'x'), 'VALIDATION');
    expectAppError(() => readIdentity(Buffer.alloc(0), 'x'), 'VALIDATION');
  });
});
