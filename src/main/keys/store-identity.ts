import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../shared/errors';

/**
 * The store identity: an RSA key and a self-signed X.509 CA certificate made at first run. Its private
 * key is held only by supervisors (inside their passphrase-wrapped key bundle) and under the recovery
 * key, never under the shared database key. It endorses the roster (who may sign in, with which keys and
 * role) and issues each person's referral-signing certificate. Its fingerprint (SHA-256 of the CA's
 * public key, SubjectPublicKeyInfo DER) names the store: shown to supervisors, printed with the
 * recovery key and on every referral, and what receivers put on their trust list.
 */
export interface StoreCa {
  caKeyPem: string;
  caCertificatePem: string;
}

/** SHA-256 of the certificate's SubjectPublicKeyInfo DER, upper-case hex pairs joined by ':'. */
export function storeFingerprint(caCertificatePem: string): string {
  const spki = new X509Certificate(caCertificatePem).publicKey.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(spki).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

/** The first 8 hex digits of a fingerprint, grouped for reading aloud ("AB12 CD34"). */
export function shortFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/:/g, '');
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)}`;
}

function positiveSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function utf8(shortName: 'CN' | 'O' | 'OU', value: string) {
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number };
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** An RSA key pair as PEM text: PKCS#8 private, SPKI public. */
export interface RsaKeyPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * An RSA key made on libuv's thread pool: a 3072-bit key takes seconds on a slow laptop, which must not
 * freeze the app's main process (every window's IPC waits on it).
 */
export function rsaKeyPairAsync(modulusLength: 2048 | 3072): Promise<RsaKeyPem> {
  return new Promise((resolve, reject) =>
    generateKeyPair(
      'rsa',
      {
        modulusLength,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, publicKeyPem, privateKeyPem) => (err ? reject(err) : resolve({ privateKeyPem, publicKeyPem })),
    ),
  );
}

/** A new store CA (RSA 3072, ten years); `key` is one made beforehand (rsaKeyPairAsync). */
export function createStoreCa(agency: string, now: Date, key?: RsaKeyPem): StoreCa {
  const privateKey = createPrivateKey((key ?? rsaKeyPairSync(3072)).privateKeyPem);
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = positiveSerial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * YEAR_MS);
  const subject = [
    utf8('CN', `FieldScreen store ${randomBytes(4).toString('hex')}`),
    utf8('O', agency || 'FieldScreen'),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return {
    caKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    caCertificatePem: forge.pki.certificateToPem(cert),
  };
}

function rsaKeyPairSync(modulusLength: 2048 | 3072): RsaKeyPem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/**
 * An RSA key for a person's referral signatures (its certificate comes from the store CA). Made in
 * the calling thread: only where no caller can wait (sign-in of an account from before per-person
 * keys); everywhere else rsaKeyPairAsync(2048).
 */
export function newReferralKey(): RsaKeyPem {
  return rsaKeyPairSync(2048);
}

/** The store CA certifies a person's referral key: CN = their name, O = agency, OU = role. */
export function issuePersonCertificate(args: {
  ca: StoreCa;
  publicKeyPem: string;
  name: string;
  agency: string;
  role: string;
  now: Date;
}): string {
  const caCert = forge.pki.certificateFromPem(args.ca.caCertificatePem);
  const caKey = forge.pki.privateKeyFromPem(
    createPrivateKey(args.ca.caKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    createPublicKey(args.publicKeyPem).export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = positiveSerial();
  cert.validity.notBefore = new Date(args.now.getTime() - 5 * 60 * 1000);
  cert.validity.notAfter = new Date(args.now.getTime() + 2 * YEAR_MS);
  cert.setSubject([utf8('CN', args.name), utf8('O', args.agency || 'FieldScreen'), utf8('OU', args.role)]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** The CA's signature over exact bytes (the roster's text). */
export function signAsStore(caKeyPem: string, text: string): string {
  return sign('sha256', Buffer.from(text, 'utf8'), createPrivateKey(caKeyPem)).toString('base64');
}

export function verifiedByStore(caCertificatePem: string, text: string, signature: string): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(text, 'utf8'),
      new X509Certificate(caCertificatePem).publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** The CA key matches the certificate (a bundle or recovery box holding someone else's key is refused). */
export function caKeyMatches(ca: StoreCa): boolean {
  try {
    const probe = 'fieldscreen/store-ca/probe';
    return verifiedByStore(ca.caCertificatePem, probe, signAsStore(ca.caKeyPem, probe));
  } catch {
    throw new AppError('DB_CORRUPT');
  }
}
