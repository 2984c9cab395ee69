import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/main/store/audit';
import {
  getSigningIdentity,
  getSigningIdentitySummary,
  saveSigningIdentity,
} from '../../src/main/store/referrals';
import { AppError } from '../../src/shared/errors';
import { createTestStore } from '../helpers/test-app';

function makePkcs12(commonName: string, password: string): { p12: Uint8Array; fingerprint: string } {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2028-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' });
  const der = forge.asn1.toDer(asn1).getBytes();
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    p12: new Uint8Array(Buffer.from(der, 'binary')),
    fingerprint: createHash('sha256').update(certDer).digest('hex'),
  };
}

describe('signing identities', () => {
  it('keeps the officer’s PKCS#12 and password inside the store, with the certificate fingerprint', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    expect(getSigningIdentitySummary(s)).toBeNull();
    const made = makePkcs12('Somchai P.', 'p12 password');
    expect(() => saveSigningIdentity(s, { label: 'work', p12: made.p12, password: 'wrong' })).toThrow(
      AppError,
    );
    const summary = saveSigningIdentity(s, { label: 'work', p12: made.p12, password: 'p12 password' });
    expect(summary).toMatchObject({
      label: 'work',
      fingerprint: made.fingerprint,
      subject: 'Somchai P.',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2028-01-01T00:00:00.000Z',
    });
    const identity = getSigningIdentity(s);
    expect(identity?.password).toBe('p12 password');
    expect(identity?.p12.equals(Buffer.from(made.p12))).toBe(true);
    // A new identity replaces the old one.
    const next = makePkcs12('Somchai P.', 'second');
    saveSigningIdentity(s, { label: 'renewed', p12: next.p12, password: 'second' });
    expect(getSigningIdentitySummary(s)?.fingerprint).toBe(next.fingerprint);
    // The audit records the fingerprint, never the password.
    const audit = listAudit(s, { action: 'signing_identity.save' });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('p12 password');
    s.lock();
  });
});
