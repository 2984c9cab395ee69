import { createHash, createPrivateKey, createPublicKey, hkdfSync, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { type StoreCa, signAsStore, storeFingerprint, verifiedByStore } from './store-identity';
import { wipe } from './wipe';

/**
 * The store's agency key: an X25519 key pair that handover packages are sealed to (handover.ts). It
 * belongs to the store, not to a person, and is protected exactly like the store identity: its private
 * half is derived (HKDF-SHA256) from the store CA's private key, which only supervisors' own key bundles
 * and the recovery key hold, never the shared database key. So whoever can act as the store (a
 * supervisor's session, a recovery session) can open packages sent to it, and nobody else; it needs no
 * storage of its own, survives a key rotation and a restore with the store identity, and changes only
 * with the store identity.
 *
 * Its public half travels in an agency key file (`.fskey`): the agency's name and province, the key,
 * and the store CA certificate, signed by the store identity. A receiving store imports it into its
 * referral directory after comparing the short fingerprint (the store fingerprint's first 8 digits) by
 * phone: the file proves only that whoever holds that store identity made it.
 */

const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI_PREFIX_LENGTH = 12;

export interface AgencyKeyPair {
  /** Raw 32-byte X25519 public key. */
  publicKey: Buffer;
  /** Raw 32-byte X25519 private key; wipe after use. */
  privateKey: Buffer;
}

/** The store's agency key pair, derived from the store CA key. */
export function agencyKeyPair(ca: StoreCa): AgencyKeyPair {
  const caKeyDer = createPrivateKey(ca.caKeyPem).export({ type: 'pkcs8', format: 'der' });
  const fingerprint = storeFingerprint(ca.caCertificatePem);
  const privateKey = Buffer.from(
    hkdfSync('sha256', caKeyDer, Buffer.from(fingerprint, 'utf8'), 'fieldscreen/agency-sealing/v1', 32),
  );
  wipe(caKeyDer);
  const pkcs8 = Buffer.concat([X25519_PKCS8_PREFIX, privateKey]);
  try {
    const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
      type: 'spki',
      format: 'der',
    });
    return { publicKey: Buffer.from(spki.subarray(X25519_SPKI_PREFIX_LENGTH)), privateKey };
  } finally {
    wipe(pkcs8);
  }
}

/** Key id of an agency public key: hex SHA-256 of its raw 32 bytes. */
export function agencyKeyId(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const AGENCY_KEY_FORMAT = 'fieldscreen.agency-key';
export const MAX_AGENCY_KEY_FILE_BYTES = 64 * 1024;

const agencyKeyBody = z.strictObject({
  format: z.literal(AGENCY_KEY_FORMAT),
  version: z.literal(1),
  agency: z.strictObject({
    name: z.string().trim().min(1).max(200),
    province: z.string().trim().max(100),
  }),
  /** Raw X25519 public key, base64 (32 bytes). */
  sealingPublicKey: b64.refine((s) => Buffer.from(s, 'base64').length === 32),
  storeFingerprint: z.string().max(200),
  caCertificatePem: z.string().max(16_000),
  issuedAt: z.iso.datetime(),
});
export type AgencyKeyBody = z.infer<typeof agencyKeyBody>;

const agencyKeyFile = z.strictObject({ text: z.string().max(32_000), signature: b64.max(2_000) });
export type AgencyKeyFile = z.infer<typeof agencyKeyFile>;

/** This store's agency key file: the public key, the agency, the store CA, signed by the store identity. */
export function makeAgencyKeyFile(
  ca: StoreCa,
  agency: { name: string; province: string },
  now: Date,
): AgencyKeyFile {
  const pair = agencyKeyPair(ca);
  wipe(pair.privateKey);
  const body: AgencyKeyBody = {
    format: AGENCY_KEY_FORMAT,
    version: 1,
    agency,
    sealingPublicKey: pair.publicKey.toString('base64'),
    storeFingerprint: storeFingerprint(ca.caCertificatePem),
    caCertificatePem: ca.caCertificatePem,
    issuedAt: now.toISOString(),
  };
  const text = JSON.stringify(agencyKeyBody.parse(body));
  return { text, signature: signAsStore(ca.caKeyPem, text) };
}

/** An agency key file's facts once its signature and fingerprint check out; null otherwise. */
export interface VerifiedAgencyKey {
  body: AgencyKeyBody;
  file: AgencyKeyFile;
}

/**
 * Reads an agency key file: the JSON shape, the store identity's signature over the exact text with the
 * CA certificate it carries (a CA), and the fingerprint it states against that certificate. Null for
 * anything else (a changed byte, another store's signature, not a key file).
 */
export function readAgencyKeyFile(bytes: Buffer): VerifiedAgencyKey | null {
  if (bytes.length > MAX_AGENCY_KEY_FILE_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const file = agencyKeyFile.safeParse(json);
  if (!file.success) return null;
  let body: unknown;
  try {
    body = JSON.parse(file.data.text);
  } catch {
    return null;
  }
  const parsed = agencyKeyBody.safeParse(body);
  if (!parsed.success) return null;
  try {
    const certificate = new X509Certificate(parsed.data.caCertificatePem);
    if (!certificate.ca) return null;
    if (storeFingerprint(parsed.data.caCertificatePem) !== parsed.data.storeFingerprint) return null;
  } catch {
    return null;
  }
  if (!verifiedByStore(parsed.data.caCertificatePem, file.data.text, file.data.signature)) return null;
  return { body: parsed.data, file: file.data };
}

/** The file as written to disk (a `.fskey`): JSON, one line per field. */
export function agencyKeyFileBytes(file: AgencyKeyFile): Buffer {
  return Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
}
