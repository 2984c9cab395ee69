import { spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSignedData,
  createSignedData,
  issuerAndSerialNumber,
  parseSignedData,
} from '../../src/main/pdf/cms';
import {
  children,
  decodeOid,
  decodeTime,
  encode,
  encodeOid,
  encodeSetOf,
  encodeTime,
  readTlv,
  TAG,
} from '../../src/main/pdf/der';
import { tempDir } from '../fixtures/pdf/tools';

const dir = tempDir('fieldscreen-cms-');
afterAll(() => dir.remove());

function openssl(args: string[]) {
  const result = spawnSync('openssl', args, { encoding: 'utf8', cwd: dir.path });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A key and self-signed certificate made by OpenSSL, an implementation independent of ours. */
function opensslIdentity() {
  const made = openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'key.pem',
    '-out',
    'cert.pem',
    '-days',
    '2',
    '-subj',
    '/CN=ทดสอบ OpenSSL/O=FieldScreen tests',
    '-utf8',
  ]);
  expect(made.status).toBe(0);
  return {
    key: createPrivateKey(readFileSync(join(dir.path, 'key.pem'))),
    cert: new X509Certificate(readFileSync(join(dir.path, 'cert.pem'))),
  };
}

describe('DER helpers', () => {
  it('round-trips object identifiers, including large arcs', () => {
    for (const oid of [
      '1.2.840.113549.1.7.2',
      '2.16.840.1.101.3.4.2.1',
      '1.2.840.113549.1.9.16.2.47',
      '2.999.3',
    ]) {
      const der = encodeOid(oid);
      const tlv = readTlv(der, 0);
      expect(tlv.tag).toBe(TAG.OID);
      expect(decodeOid(der.subarray(tlv.contentStart, tlv.end))).toBe(oid);
    }
    // The well-known encoding of sha256.
    expect(encodeOid('2.16.840.1.101.3.4.2.1').toString('hex')).toBe('0609608648016503040201');
  });

  it('writes UTCTime before 2050 and GeneralizedTime from 2050, and reads both', () => {
    const early = new Date('2026-03-15T03:30:05Z');
    const late = new Date('2051-01-02T03:04:05Z');
    for (const [date, tag] of [
      [early, TAG.UTC_TIME],
      [late, TAG.GENERALIZED_TIME],
    ] as const) {
      const der = encodeTime(date);
      const tlv = readTlv(der, 0);
      expect(tlv.tag).toBe(tag);
      expect(decodeTime(tlv.tag, der.subarray(tlv.contentStart, tlv.end)).toISOString()).toBe(
        date.toISOString(),
      );
    }
  });

  it('encodes long lengths and sorts SET OF members', () => {
    const big = encode(TAG.OCTET_STRING, Buffer.alloc(300, 7));
    expect([...big.subarray(0, 4)]).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(readTlv(big, 0).end).toBe(big.length);
    const set = encodeSetOf([Buffer.from([0x02, 0x01, 0x09]), Buffer.from([0x02, 0x01, 0x01])]);
    expect(children(set, readTlv(set, 0)).map((child) => set[child.contentStart])).toEqual([1, 9]);
    expect(() => readTlv(Buffer.from([0x30, 0x05, 0x00]), 0)).toThrow();
  });
});

describe('CMS SignedData against OpenSSL', () => {
  let key: ReturnType<typeof opensslIdentity>['key'];
  let cert: X509Certificate;
  const content = Buffer.from('%PDF-1.7 some bytes that a signature covers\n');
  let contentFile: string;
  beforeAll(() => {
    ({ key, cert } = opensslIdentity());
    contentFile = dir.write('content.bin', content);
  });

  it('builds SignedData that `openssl cms -verify` accepts, for a certificate with a Thai name', () => {
    const cms = createSignedData({
      content,
      certificates: [cert.raw],
      privateKey: key,
      signingTime: new Date(),
    });
    dir.write('ours.der', cms);
    const verified = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'ours.der',
      '-content',
      contentFile,
      '-noverify',
      '-out',
      '/dev/null',
    ]);
    expect(verified.output).toContain('Verification successful');
    expect(verified.status).toBe(0);
  });

  it('verifies SignedData made by `openssl cms -sign`, and rejects it for other content', () => {
    const signed = openssl([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      contentFile,
      '-signer',
      'cert.pem',
      '-inkey',
      'key.pem',
      '-outform',
      'DER',
      '-out',
      'openssl.der',
    ]);
    expect(signed.status).toBe(0);
    const parsed = parseSignedData(readFileSync(join(dir.path, 'openssl.der')));
    expect(parsed.signerCertificate?.equals(cert.raw)).toBe(true);
    expect(parsed.signer.digestAlgorithm).toBe('sha256');
    expect(parsed.signer.signingTime).toBeInstanceOf(Date);
    expect(checkSignedData(parsed, content)).toEqual({ digestMatches: true, signatureVerifies: true });
    expect(checkSignedData(parsed, Buffer.concat([content, Buffer.from('x')])).digestMatches).toBe(false);
  });

  it('copies issuer and serial from the certificate byte for byte', () => {
    const sid = issuerAndSerialNumber(cert.raw);
    const [issuer, serial] = children(sid, readTlv(sid, 0));
    if (!issuer || !serial) throw new Error('IssuerAndSerialNumber needs two parts');
    const issuerBytes = sid.subarray(issuer.start, issuer.end);
    expect(Buffer.from(cert.raw).includes(issuerBytes)).toBe(true);
    expect(issuerBytes.toString('utf8')).toContain('ทดสอบ OpenSSL');
    const serialHex = sid.subarray(serial.contentStart, serial.end).toString('hex').toUpperCase();
    expect(serialHex.replace(/^0+/, '')).toBe(cert.serialNumber.replace(/^0+/, ''));
  });

  it('does not verify when the signed attributes were altered', () => {
    const cms = createSignedData({
      content,
      certificates: [cert.raw],
      privateKey: key,
      signingTime: new Date(),
    });
    const parsed = parseSignedData(cms);
    const attributes = parsed.signer.signedAttributesSet;
    expect(attributes).toBeDefined();
    if (!attributes) return;
    const changed = Buffer.from(attributes);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0xff;
    parsed.signer.signedAttributesSet = changed;
    expect(checkSignedData(parsed, content).signatureVerifies).toBe(false);
  });
});
