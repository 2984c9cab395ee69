import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../shared/errors';

/**
 * Signing identities: an officer's key and X.509 certificate in a PKCS#12 container. Either the agency
 * issues one (imported as bytes + password) or the device creates a self-signed one. Key material only
 * ever lives in memory here; the caller stores the PKCS#12 encrypted in the database. Nothing in this
 * module writes files, logs, or puts key material or passwords into errors.
 */

export interface NewIdentityInput {
  /** Officer's name: the certificate's common name (CN). */
  name: string;
  /** Officer's role: organisational unit (OU). */
  role: string;
  /** Agency: organisation (O). */
  agency: string;
  /** Validity in days from now (default 730). */
  days?: number;
  /** RSA modulus length (default 3072). */
  modulusLength?: 2048 | 3072;
  /** Override the clock (tests). */
  now?: Date;
}

export interface NewIdentity {
  p12: Buffer;
  /** Random password protecting the PKCS#12; store it as carefully as the container itself. */
  password: string;
  certificatePem: string;
  fingerprintSha256: string;
}

export interface IdentityInfo {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  /** Issuer common name (equals commonName for a self-signed certificate). */
  issuerCommonName?: string;
  selfSigned: boolean;
  fingerprintSha256: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  certificatePem: string;
}

/** Certificate fingerprint as shown to people: SHA-256 of the DER, upper-case hex pairs joined by ':'. */
export function formatFingerprint(certificateDer: Uint8Array): string {
  const hex = createHash('sha256').update(certificateDer).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

/** Subject attribute in UTF8String, so Thai, Burmese, Khmer or Lao names survive. */
function utf8Attribute(shortName: 'CN' | 'O' | 'OU', value: string) {
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number };
}

function positiveSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function requireText(value: string, maxLength = 200): string {
  const trimmed = value.normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > maxLength) throw new AppError('VALIDATION');
  return trimmed;
}

/**
 * Creates an RSA key pair (Node's native generator) and a self-signed certificate for document
 * signing, wrapped in a PKCS#12 protected by a random password (AES-256 key bag).
 */
export function createSelfSignedIdentity(input: NewIdentityInput): NewIdentity {
  const name = requireText(input.name);
  const role = requireText(input.role);
  const agency = requireText(input.agency);
  const days = input.days ?? 730;
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AppError('VALIDATION');

  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: input.modulusLength ?? 3072,
  });
  const forgePrivateKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const forgePublicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );

  const now = input.now ?? new Date();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey;
  cert.serialNumber = positiveSerial();
  // A few minutes of slack for clocks that disagree slightly.
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  const subject = [utf8Attribute('CN', name), utf8Attribute('O', agency), utf8Attribute('OU', role)];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgePrivateKey, forge.md.sha256.create());

  const password = randomBytes(24).toString('base64url');
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(forgePrivateKey, [cert], password, {
    algorithm: 'aes256',
    friendlyName: name,
    generateLocalKeyId: true,
  });
  const p12 = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary');
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    p12,
    password,
    certificatePem: forge.pki.certificateToPem(cert),
    fingerprintSha256: formatFingerprint(certDer),
  };
}

export interface OpenedIdentity {
  privateKey: forge.pki.PrivateKey;
  certificate: forge.pki.Certificate;
  /** DER of every certificate in the container, signer first. */
  chainDer: Buffer[];
}

/** Opens a PKCS#12 container. A wrong password or a damaged file is AppError VALIDATION. */
export function openIdentity(p12: Uint8Array, password: string): OpenedIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch {
    // Wrong password or not a PKCS#12. forge's own message is dropped: no detail leaves this module.
    throw new AppError('VALIDATION');
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag ?? ''
    ] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag ?? ''] ?? []),
  ];
  const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag ?? ''] ?? [];
  const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  const certificates = certBags
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => !!cert);
  if (!privateKey || certificates.length === 0) throw new AppError('VALIDATION');
  const matches = (cert: forge.pki.Certificate) => {
    const key = cert.publicKey as forge.pki.rsa.PublicKey;
    return key.n?.compareTo(privateKey.n) === 0 && key.e?.compareTo(privateKey.e) === 0;
  };
  const certificate = certificates.find(matches);
  if (!certificate) throw new AppError('VALIDATION');
  const toDer = (cert: forge.pki.Certificate) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    privateKey,
    certificate,
    chainDer: [toDer(certificate), ...certificates.filter((cert) => cert !== certificate).map(toDer)],
  };
}

/** Reads one RDN attribute from Node's X509 subject/issuer text ("CN=...\nO=..."). */
export function distinguishedNameField(dn: string, key: string): string | undefined {
  for (const line of dn.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq) === key) return line.slice(eq + 1);
  }
  return undefined;
}

/** Facts of the certificates described lately, by DER (public data; each referral signs with one). */
const described = new Map<string, IdentityInfo>();
const DESCRIBED_LIMIT = 64;

/** Public facts about a certificate (DER). */
export function describeCertificate(der: Uint8Array): IdentityInfo {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const known = described.get(key);
  if (known) return { ...known };
  const facts = readCertificate(der);
  if (described.size >= DESCRIBED_LIMIT) described.clear();
  described.set(key, facts);
  return { ...facts };
}

function readCertificate(der: Uint8Array): IdentityInfo {
  const x509 = new X509Certificate(der);
  return {
    commonName: distinguishedNameField(x509.subject, 'CN'),
    organization: distinguishedNameField(x509.subject, 'O'),
    organizationalUnit: distinguishedNameField(x509.subject, 'OU'),
    issuerCommonName: distinguishedNameField(x509.issuer, 'CN'),
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    fingerprintSha256: formatFingerprint(der),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    certificatePem: x509.toString(),
  };
}

/** Who a PKCS#12 belongs to, without exposing the key. Wrong password: AppError VALIDATION. */
export function readIdentity(p12: Uint8Array, password: string): IdentityInfo {
  const { chainDer } = openIdentity(p12, password);
  const signer = chainDer[0];
  if (!signer) throw new AppError('VALIDATION');
  return describeCertificate(signer);
}

/**
 * An identity from a PEM private key and its certificate (and the issuers to carry along), without a
 * PKCS#12: the person's referral key from their bundle and the certificate the store CA issued.
 */
export function identityFromPem(
  privateKeyPem: string,
  certificatePem: string,
  chainPem: string[],
): OpenedIdentity {
  const toDer = (cert: forge.pki.Certificate) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  try {
    const privateKey = forge.pki.privateKeyFromPem(
      createPrivateKey(privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString(),
    );
    const certificate = forge.pki.certificateFromPem(certificatePem);
    return {
      privateKey,
      certificate,
      chainDer: [toDer(certificate), ...chainPem.map((pem) => toDer(forge.pki.certificateFromPem(pem)))],
    };
  } catch (err) {
    throw new AppError('SIGNATURE_INVALID', { cause: err });
  }
}
