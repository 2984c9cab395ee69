import {
  createHash,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import {
  children,
  content,
  DerError,
  decodeOid,
  decodeTime,
  encode,
  encodeInteger,
  encodeOid,
  encodeSetOf,
  encodeTime,
  NULL,
  readTlv,
  TAG,
  type Tlv,
  whole,
} from './der';

/**
 * CMS SignedData (RFC 5652) for PDF signatures, detached, SHA-256: built with node:crypto and the
 * DER helpers, and parsed back for verification.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

const DIGEST_BY_OID: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** Signature algorithms we can check, and the digest each implies (undefined: the signer's digest). */
const SIGNATURE_ALGORITHMS: Record<string, 'sha256' | 'sha384' | 'sha512' | undefined> = {
  [OID.rsaEncryption]: undefined,
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

function algorithmIdentifier(oid: string, withNullParameters: boolean): Buffer {
  return withNullParameters
    ? encode(TAG.SEQUENCE, encodeOid(oid), NULL)
    : encode(TAG.SEQUENCE, encodeOid(oid));
}

function attribute(oid: string, value: Buffer): Buffer {
  return encode(TAG.SEQUENCE, encodeOid(oid), encode(TAG.SET, value));
}

/** The certificate's issuer Name and serial INTEGER, byte for byte (IssuerAndSerialNumber). */
export function issuerAndSerialNumber(certificateDer: Uint8Array): Buffer {
  const certificate = readTlv(certificateDer, 0);
  const [tbs] = children(certificateDer, certificate);
  if (!tbs) throw new DerError('certificate without tbsCertificate');
  const fields = children(certificateDer, tbs);
  const offset = fields[0]?.tag === TAG.CONTEXT_0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new DerError('certificate without issuer or serial');
  return encode(TAG.SEQUENCE, whole(certificateDer, issuer), whole(certificateDer, serial));
}

export interface SignedDataInput {
  /** The bytes covered by the signature (for a PDF: the two /ByteRange ranges, concatenated). */
  content: Uint8Array;
  /** DER certificates, the signer's first. */
  certificates: readonly Uint8Array[];
  privateKey: KeyObject;
  /** A signing-time attribute; null leaves it out (PAdES puts the claimed time in the PDF instead). */
  signingTime: Date | null;
}

/**
 * Detached SignedData, SHA-256, with contentType, messageDigest, signingCertificateV2 and (unless
 * null) signingTime: the signed attributes of CAdES / PAdES baseline B-B.
 */
export function createSignedData(input: SignedDataInput): Buffer {
  const signerCertificate = input.certificates[0];
  if (!signerCertificate) throw new DerError('no signer certificate');
  const isRsa = input.privateKey.asymmetricKeyType === 'rsa';
  const isEc = input.privateKey.asymmetricKeyType === 'ec';
  if (!isRsa && !isEc) throw new DerError('unsupported key type');

  const digest = createHash('sha256').update(input.content).digest();
  const certificateHash = createHash('sha256').update(signerCertificate).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires.
  const signingCertificateV2 = encode(
    TAG.SEQUENCE,
    encode(TAG.SEQUENCE, encode(TAG.SEQUENCE, encode(TAG.OCTET_STRING, certificateHash))),
  );
  const attributes = [
    attribute(OID.contentType, encodeOid(OID.data)),
    ...(input.signingTime ? [attribute(OID.signingTime, encodeTime(input.signingTime))] : []),
    attribute(OID.messageDigest, encode(TAG.OCTET_STRING, digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  ];
  const signedAttributesSet = encodeSetOf(attributes);
  const signature = cryptoSign('sha256', signedAttributesSet, input.privateKey);
  // In the SignerInfo the same attributes are tagged [0] IMPLICIT instead of SET.
  const signedAttributes = Buffer.concat([Buffer.from([TAG.CONTEXT_0]), signedAttributesSet.subarray(1)]);

  const sha256 = algorithmIdentifier(OID.sha256, true);
  const signerInfo = encode(
    TAG.SEQUENCE,
    encodeInteger(1),
    issuerAndSerialNumber(signerCertificate),
    sha256,
    signedAttributes,
    isRsa ? algorithmIdentifier(OID.rsaEncryption, true) : algorithmIdentifier(OID.ecdsaWithSha256, false),
    encode(TAG.OCTET_STRING, signature),
  );
  const signedData = encode(
    TAG.SEQUENCE,
    encodeInteger(1),
    encode(TAG.SET, sha256),
    encode(TAG.SEQUENCE, encodeOid(OID.data)),
    encode(TAG.CONTEXT_0, ...input.certificates),
    encode(TAG.SET, signerInfo),
  );
  return encode(TAG.SEQUENCE, encodeOid(OID.signedData), encode(TAG.CONTEXT_0, signedData));
}

export interface ParsedSignerInfo {
  digestAlgorithm?: 'sha256' | 'sha384' | 'sha512';
  digestAlgorithmOid: string;
  signatureAlgorithmOid: string;
  /** The signed attributes re-tagged as SET: the exact bytes the signature covers. */
  signedAttributesSet?: Buffer;
  messageDigest?: Buffer;
  signingTime?: Date;
  signature: Buffer;
  /** IssuerAndSerialNumber, DER, for finding the signer's certificate. */
  issuerAndSerial?: Buffer;
}

export interface ParsedSignedData {
  certificates: Buffer[];
  signer: ParsedSignerInfo;
  signerCertificate?: Buffer;
  /** How many SignerInfos the SignedData holds (only the first is parsed; more is a second signature). */
  signerInfoCount: number;
}

function parseAttributes(bytes: Uint8Array, set: Tlv, info: ParsedSignerInfo): void {
  for (const attr of children(bytes, set)) {
    const [type, values] = children(bytes, attr);
    if (!type || !values) continue;
    const oid = decodeOid(content(bytes, type));
    const [value] = children(bytes, values);
    if (!value) continue;
    if (oid === OID.messageDigest && value.tag === TAG.OCTET_STRING) {
      info.messageDigest = Buffer.from(content(bytes, value));
    } else if (oid === OID.signingTime) {
      info.signingTime = decodeTime(value.tag, content(bytes, value));
    }
  }
}

/** Parses a DER ContentInfo holding SignedData (trailing zero padding allowed). */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  const contentInfo = readTlv(der, 0);
  const [contentType, explicit] = children(der, contentInfo);
  if (!contentType || decodeOid(content(der, contentType)) !== OID.signedData || !explicit) {
    throw new DerError('not SignedData');
  }
  const [signedData] = children(der, explicit);
  if (!signedData) throw new DerError('empty SignedData');
  const fields = children(der, signedData);
  const certificates: Buffer[] = [];
  const certificateSet = fields.find((field) => field.tag === TAG.CONTEXT_0);
  if (certificateSet) {
    for (const cert of children(der, certificateSet)) {
      if (cert.tag === TAG.SEQUENCE) certificates.push(Buffer.from(whole(der, cert)));
    }
  }
  const signerInfos = fields[fields.length - 1];
  if (!signerInfos || signerInfos.tag !== TAG.SET) throw new DerError('no signerInfos');
  const allSignerInfos = children(der, signerInfos);
  const [signerInfo] = allSignerInfos;
  if (!signerInfo) throw new DerError('no signerInfo');
  const parts = children(der, signerInfo);
  const sid = parts[1];
  const digestAlgorithm = parts[2];
  let index = 3;
  let signedAttributes: Tlv | undefined;
  if (parts[index]?.tag === TAG.CONTEXT_0) {
    signedAttributes = parts[index];
    index++;
  }
  const signatureAlgorithm = parts[index];
  const signature = parts[index + 1];
  if (!sid || !digestAlgorithm || !signatureAlgorithm || !signature) throw new DerError('short signerInfo');
  const firstChild = (tlv: Tlv) => children(der, tlv)[0];
  const digestOidTlv = firstChild(digestAlgorithm);
  const signatureOidTlv = firstChild(signatureAlgorithm);
  const digestAlgorithmOid = digestOidTlv ? decodeOid(content(der, digestOidTlv)) : '';
  const info: ParsedSignerInfo = {
    digestAlgorithmOid,
    digestAlgorithm: DIGEST_BY_OID[digestAlgorithmOid],
    signatureAlgorithmOid: signatureOidTlv ? decodeOid(content(der, signatureOidTlv)) : '',
    signature: Buffer.from(content(der, signature)),
    issuerAndSerial: sid.tag === TAG.SEQUENCE ? Buffer.from(whole(der, sid)) : undefined,
  };
  if (signedAttributes) {
    const raw = Buffer.from(whole(der, signedAttributes));
    raw[0] = TAG.SET;
    info.signedAttributesSet = raw;
    parseAttributes(der, signedAttributes, info);
  }
  const signerCertificate =
    certificates.find((cert) => {
      try {
        return info.issuerAndSerial?.equals(issuerAndSerialNumber(cert)) ?? false;
      } catch {
        return false;
      }
    }) ?? (certificates.length === 1 ? certificates[0] : undefined);
  return { certificates, signer: info, signerCertificate, signerInfoCount: allSignerInfos.length };
}

export interface SignatureCheck {
  digestMatches: boolean;
  signatureVerifies: boolean;
}

/**
 * Checks a parsed SignedData against the signed bytes: the messageDigest attribute must equal the
 * digest of the content, and the signature over the signed attributes must verify with the signer
 * certificate's public key.
 */
export function checkSignedData(parsed: ParsedSignedData, signedContent: Uint8Array): SignatureCheck {
  const { signer, signerCertificate } = parsed;
  const algorithm = signer.digestAlgorithm;
  if (!algorithm || !signer.signedAttributesSet || !signer.messageDigest || !signerCertificate) {
    return { digestMatches: false, signatureVerifies: false };
  }
  const digest = createHash(algorithm).update(signedContent).digest();
  const digestMatches = digest.equals(signer.messageDigest);
  if (!(signer.signatureAlgorithmOid in SIGNATURE_ALGORITHMS))
    return { digestMatches, signatureVerifies: false };
  const signatureDigest = SIGNATURE_ALGORITHMS[signer.signatureAlgorithmOid] ?? algorithm;
  let signatureVerifies = false;
  try {
    const publicKey = new X509Certificate(signerCertificate).publicKey;
    signatureVerifies = cryptoVerify(
      signatureDigest,
      signer.signedAttributesSet,
      publicKey,
      signer.signature,
    );
  } catch {
    signatureVerifies = false;
  }
  return { digestMatches, signatureVerifies };
}
