import { createHash, X509Certificate } from 'node:crypto';
import { VERDICT_REASONS, type VerdictReason } from '../../shared/domain/trust-verdict';
import { checkSignedData, parseSignedData } from './cms';
import { describeCertificate, formatFingerprint } from './identity';
import {
  issuedBy,
  issuingStoreCa,
  normaliseFingerprint,
  storeFingerprintOfCertificate,
  validAt,
} from './store-fingerprint';
import { pdfDate, readDictString } from './verify';

/**
 * The receiver's question about a referral PDF: is it exactly what one trusted person signed? A pure
 * judge over the file's bytes and a trust list, independent of any PDF reader and of any store.
 *
 * - Every signature in the file is counted (each /ByteRange, in the original and in every
 *   incremental update, and every extra SignerInfo inside a CMS): a changed file signed again by
 *   someone else carries two, and is refused whatever the second signature says.
 * - Each signature is checked: its byte ranges start at 0 and leave out only its own /Contents hex
 *   string, its CMS messageDigest equals the digest of those ranges, and its signature verifies with
 *   its signer certificate.
 * - Trust: the signer certificate is on the trust list, or chains (signatures verified, CA
 *   certificates, each valid at the signing time) to a certificate on it, or was issued by a store CA
 *   whose store fingerprint is on it. A same-name certificate from another store has another key and
 *   another store: it is not trusted.
 *
 * Exit policy (see exitCodeOf): 0 only when valid, trusted, exactly one signature covering the whole
 * file; 3 when that holds except trust; 1 for anything else.
 */

/** Certificates as X509Certificate, PEM text or DER bytes. */
export type TrustCertificate = X509Certificate | string | Uint8Array;

export interface TrustList {
  /** A signer is trusted when its certificate is one of these, or chains to one of them. */
  certificates: readonly TrustCertificate[];
  /** A signer is trusted when the store CA that issued its certificate has one of these fingerprints. */
  storeFingerprints: readonly string[];
}

export { VERDICT_REASONS, type VerdictReason };

export const EMPTY_TRUST_LIST: TrustList = { certificates: [], storeFingerprints: [] };

/** The reason in words, for the terminal (the app translates the code). */
export const REASON_WORDS: Record<VerdictReason, string> = {
  ok: 'signed by a trusted signer; the whole file is exactly what was signed',
  'not-signed': 'the file is not signed',
  truncated: 'the file was cut short: it ends before the part its signature covers',
  'second-signature':
    'a second signature: the file was signed again after the first signature (changed and re-signed)',
  'damaged-signature': 'the signature is damaged: its byte ranges or contents cannot be read',
  'appended-after-signing': 'changed after signing: bytes were added after the signed part',
  'changed-after-signing': 'changed after signing: the signed bytes differ from what was signed',
  'signature-invalid': "the signature does not verify with the signer's certificate",
  'certificate-invalid': "the signer's certificate cannot be read",
  'certificate-expired': "the signer's certificate was not valid at the signing time",
  'signer-not-trusted':
    'signer not trusted: the signature is intact, but neither the certificate nor its store is on the trust list',
};

export interface TrustVerdict {
  /** Every signature intact (ranges, digest, signature) and the last one covering the whole file. */
  valid: boolean;
  /** Every signer trusted (certificate valid at the signing time and on, or chaining to, the trust list). */
  trusted: boolean;
  /** Common name of the last signature's signer certificate. */
  signerName: string | null;
  signerOrganization: string | null;
  /** formatFingerprint of the last signature's signer certificate (SHA-256 of its DER). */
  signerFingerprint: string | null;
  /** Store fingerprint of the CA that issued the signer's certificate, when the signature carries it. */
  storeFingerprint: string | null;
  /** ISO 8601: the time the last signature claims (dictionary /M, or the CMS signing-time). */
  signingTime: string | null;
  /** Every signature in the file, incremental updates included. */
  signatures: number;
  /** The last signature covers every byte of the file except its own /Contents. */
  coversWholeDocument: boolean;
  reason: VerdictReason;
  reasonWords: string;
  /** SHA-256 (lower-case hex) of the whole file as given. */
  documentSha256: string;
}

export interface JudgeOptions {
  /** The time used when a signature claims none (default: now). */
  now?: Date;
}

/**
 * A /ByteRange key, also written with PDF name escapes (/Byte#52ange reads as /ByteRange in every PDF
 * reader), so that an escaped one is counted too.
 */
const BYTE_RANGE_TOKEN = /\/((?:[A-Za-z]|#[0-9A-Fa-f]{2}){9})(?![A-Za-z0-9_.#-])/g;

function isByteRangeName(raw: string): boolean {
  return (
    raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) ===
    'ByteRange'
  );
}
const BYTE_RANGE_ARRAY = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/y;
/** Signatures checked in full; more are counted (a referral has one). */
const MAX_CHECKED_SIGNATURES = 16;
/** Certificate signature checks allowed while looking for a chain (a hostile CMS may carry many). */
const CHAIN_CHECK_BUDGET = 256;
const MAX_CHAIN_DEPTH = 6;

type Problem = Exclude<VerdictReason, 'ok' | 'not-signed' | 'second-signature' | 'signer-not-trusted'>;

interface SignatureFinding {
  problem: Problem | null;
  coversWholeDocument: boolean;
  signer?: X509Certificate;
  carried: X509Certificate[];
  signingTime?: Date;
  extraSignerInfos: number;
}

function certificateOf(input: TrustCertificate): X509Certificate | null {
  try {
    return input instanceof X509Certificate ? input : new X509Certificate(input);
  } catch {
    return null;
  }
}

function checkSignature(file: Buffer, text: string, at: number): SignatureFinding {
  const finding: SignatureFinding = {
    problem: null,
    coversWholeDocument: false,
    carried: [],
    extraSignerInfos: 0,
  };
  BYTE_RANGE_ARRAY.lastIndex = at;
  const match = BYTE_RANGE_ARRAY.exec(text);
  if (!match) return { ...finding, problem: 'damaged-signature' };
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b) return { ...finding, problem: 'damaged-signature' };
  if (c + d > file.length) return { ...finding, problem: 'truncated' };
  // Only the /Contents hex string may be left out, and the /ByteRange itself must be signed.
  const hex = text.slice(b, c);
  const rangeSigned = at < b || (at >= c && at < c + d);
  if (!/^<[0-9A-Fa-f\s]*>$/.test(hex) || !rangeSigned) return { ...finding, problem: 'damaged-signature' };
  finding.coversWholeDocument = c + d === file.length;

  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(Buffer.from(hex.slice(1, -1).replace(/\s+/g, ''), 'hex'));
  } catch {
    return { ...finding, problem: 'damaged-signature' };
  }
  finding.extraSignerInfos = Math.max(0, parsed.signerInfoCount - 1);
  finding.carried = parsed.certificates.map(certificateOf).filter((x): x is X509Certificate => !!x);
  finding.signingTime = parsed.signer.signingTime ?? pdfDate(readDictString(text, at, '/M'));
  if (!parsed.signerCertificate) return { ...finding, problem: 'certificate-invalid' };
  const signer = certificateOf(parsed.signerCertificate);
  if (!signer) return { ...finding, problem: 'certificate-invalid' };
  finding.signer = signer;

  const signedContent = Buffer.concat([file.subarray(0, b), file.subarray(c, c + d)]);
  const { digestMatches, signatureVerifies } = checkSignedData(parsed, signedContent);
  if (!digestMatches) return { ...finding, problem: 'changed-after-signing' };
  if (!signatureVerifies) return { ...finding, problem: 'signature-invalid' };
  return finding;
}

interface ResolvedTrust {
  certificates: X509Certificate[];
  fingerprints: Set<string>;
  storeFingerprints: Set<string>;
}

function resolveTrust(trust: TrustList): ResolvedTrust {
  const certificates = trust.certificates.map(certificateOf).filter((x): x is X509Certificate => !!x);
  return {
    certificates,
    fingerprints: new Set(certificates.map((cert) => formatFingerprint(cert.raw))),
    storeFingerprints: new Set(
      trust.storeFingerprints.map(normaliseFingerprint).filter((x): x is string => !!x),
    ),
  };
}

/**
 * True when `certificate` is on the trust list or a chain of verified CA certificates, each valid at
 * `at`, leads from it to one that is. Issuers come from the signature's certificates and the list.
 */
function chainsToTrusted(
  certificate: X509Certificate,
  pool: readonly X509Certificate[],
  trust: ResolvedTrust,
  at: Date,
): boolean {
  let budget = CHAIN_CHECK_BUDGET;
  const walk = (current: X509Certificate, path: Set<string>): boolean => {
    const fingerprint = formatFingerprint(current.raw);
    if (trust.fingerprints.has(fingerprint)) return true;
    if (path.size >= MAX_CHAIN_DEPTH) return false;
    for (const issuer of pool) {
      const issuerFingerprint = formatFingerprint(issuer.raw);
      if (path.has(issuerFingerprint) || issuerFingerprint === fingerprint) continue;
      if (budget-- <= 0) return false;
      if (!validAt(issuer, at) || !issuedBy(current, issuer)) continue;
      if (walk(issuer, new Set([...path, issuerFingerprint]))) return true;
    }
    return false;
  };
  return walk(certificate, new Set([formatFingerprint(certificate.raw)]));
}

interface TrustFinding {
  trusted: boolean;
  storeFingerprint: string | null;
  problem: 'certificate-expired' | 'signer-not-trusted' | null;
}

function judgeTrust(finding: SignatureFinding, trust: ResolvedTrust, at: Date): TrustFinding {
  const signer = finding.signer;
  if (!signer) return { trusted: false, storeFingerprint: null, problem: 'signer-not-trusted' };
  const store = issuingStoreCa(signer, finding.carried);
  const storeFingerprint = store ? storeFingerprintOfCertificate(store) : null;
  if (!validAt(signer, at)) return { trusted: false, storeFingerprint, problem: 'certificate-expired' };
  const byStore =
    store !== null &&
    storeFingerprint !== null &&
    trust.storeFingerprints.has(storeFingerprint) &&
    validAt(store, at);
  const trusted = byStore || chainsToTrusted(signer, [...finding.carried, ...trust.certificates], trust, at);
  return { trusted, storeFingerprint, problem: trusted ? null : 'signer-not-trusted' };
}

/** Judges a PDF's signatures against a trust list. Never throws for any input bytes. */
export function judgePdf(bytes: Uint8Array, trustList: TrustList, options: JudgeOptions = {}): TrustVerdict {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const documentSha256 = createHash('sha256').update(file).digest('hex');
  const text = file.toString('latin1');
  const positions = [...text.matchAll(BYTE_RANGE_TOKEN)]
    .filter((m) => isByteRangeName(m[1] ?? ''))
    .map((m) => m.index ?? 0);
  const verdict = (partial: Partial<TrustVerdict> & { reason: VerdictReason }): TrustVerdict => ({
    valid: false,
    trusted: false,
    signerName: null,
    signerOrganization: null,
    signerFingerprint: null,
    storeFingerprint: null,
    signingTime: null,
    signatures: positions.length,
    coversWholeDocument: false,
    documentSha256,
    reasonWords: REASON_WORDS[partial.reason],
    ...partial,
  });
  if (positions.length === 0) return verdict({ reason: 'not-signed' });

  const findings = positions.slice(0, MAX_CHECKED_SIGNATURES).map((at) => checkSignature(file, text, at));
  const signatures = positions.length + findings.reduce((sum, f) => sum + f.extraSignerInfos, 0);
  const last = findings[findings.length - 1] as SignatureFinding;
  const at = (finding: SignatureFinding) => finding.signingTime ?? options.now ?? new Date();
  const trust = resolveTrust(trustList);
  const trustFindings = findings.map((finding) =>
    finding.signer ? judgeTrust(finding, trust, at(finding)) : null,
  );
  const lastTrust = trustFindings[trustFindings.length - 1] ?? null;
  const signerFacts = last.signer ? describeCertificate(last.signer.raw) : undefined;

  const valid =
    positions.length <= MAX_CHECKED_SIGNATURES &&
    findings.every((finding) => finding.problem === null) &&
    last.coversWholeDocument;
  const trusted = valid && trustFindings.every((t) => t?.trusted === true);

  const problems = findings.map((finding) => finding.problem);
  const first = (reason: Problem) => problems.includes(reason);
  let reason: VerdictReason;
  if (first('truncated')) reason = 'truncated';
  else if (signatures > 1) reason = 'second-signature';
  else if (first('damaged-signature')) reason = 'damaged-signature';
  else if (!last.coversWholeDocument) reason = 'appended-after-signing';
  else if (first('changed-after-signing')) reason = 'changed-after-signing';
  else if (first('signature-invalid')) reason = 'signature-invalid';
  else if (first('certificate-invalid')) reason = 'certificate-invalid';
  else if (trustFindings.some((t) => t?.problem === 'certificate-expired')) reason = 'certificate-expired';
  else if (!trusted) reason = 'signer-not-trusted';
  else reason = 'ok';

  return verdict({
    valid,
    trusted,
    signerName: signerFacts?.commonName ?? null,
    signerOrganization: signerFacts?.organization ?? null,
    signerFingerprint: signerFacts?.fingerprintSha256 ?? null,
    storeFingerprint: lastTrust?.storeFingerprint ?? null,
    signingTime: last.signingTime ? last.signingTime.toISOString() : null,
    signatures,
    coversWholeDocument: last.coversWholeDocument,
    reason,
  });
}

/** The CLI's exit code: 0 trusted and whole, 3 valid and whole but not trusted, 1 anything else. */
export function exitCodeOf(verdict: TrustVerdict): 0 | 1 | 3 {
  if (!verdict.valid || verdict.signatures !== 1 || !verdict.coversWholeDocument) return 1;
  return verdict.trusted ? 0 : 3;
}
