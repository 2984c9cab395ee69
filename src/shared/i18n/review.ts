import { z } from 'zod';

/**
 * Translation status. Every string in resources/locales/<lng>/<ns>.json is a draft until a qualified
 * translator translates or checks it and a second qualified person reviews it; review-status.json records
 * both steps: who, when, and the SHA-256 of the English and the translation each of them saw. Any later
 * change to either text turns the string "stale" without anyone having to remember to reset it.
 *
 * Pure and synchronous (no node:*, no WebCrypto promise): the interview screen calls it while rendering.
 */

export const SOURCE_LANGUAGE = 'en';
export const REVIEW_STATUS_FILE = 'review-status.json';
export const REVIEW_STATUS_VERSION = 2;

/**
 * draft: no qualified translator has vouched for the text; translated: a translator did, no reviewer yet
 * (still a draft for the officer); reviewed: a reviewer approved exactly this text; stale: a translator or
 * reviewer saw other English or another translation than there is now.
 */
export type ReviewState = 'draft' | 'translated' | 'reviewed' | 'stale';
/** English is the language translators work from; it has no review state of its own. */
export type LocaleReviewState = ReviewState | 'source';

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected SHA-256 as 64 lower-case hex characters');
const nameSchema = z.string().trim().min(1).max(200);

/** One person's step on one string: who, when, and the texts they saw. */
export const reviewStepSchema = z.strictObject({
  by: nameSchema,
  at: z.iso.datetime(),
  sourceHash: hashSchema,
  targetHash: hashSchema,
});
export type ReviewStep = z.infer<typeof reviewStepSchema>;

export const reviewEntrySchema = z
  .strictObject({ translated: reviewStepSchema.optional(), reviewed: reviewStepSchema.optional() })
  .refine((e) => e.translated || e.reviewed, { message: 'an entry records a translation or a review' });
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

const entryKeySchema = z.string().regex(/^[a-z]{2}\/[A-Za-z0-9_-]+:.+$/);

const currentFileSchema = z.strictObject({
  version: z.literal(REVIEW_STATUS_VERSION),
  /** Keyed by reviewKey(lng, ns, key); a missing entry means draft. */
  entries: z.record(entryKeySchema, reviewEntrySchema),
  /** The English texts the steps name by hash, so a stale string can show the English that was approved. */
  sourceTexts: z.record(hashSchema, z.string()),
});

/** Version 1 (2025) knew reviews only; each becomes a reviewed step with no translator recorded. */
const version1FileSchema = z
  .strictObject({
    version: z.literal(1),
    entries: z.record(
      entryKeySchema,
      z.strictObject({
        status: z.literal('reviewed'),
        reviewer: nameSchema,
        reviewedAt: z.iso.datetime(),
        sourceHash: hashSchema,
        targetHash: hashSchema,
      }),
    ),
  })
  .transform(
    (v1): z.infer<typeof currentFileSchema> => ({
      version: REVIEW_STATUS_VERSION,
      entries: Object.fromEntries(
        Object.entries(v1.entries).map(([key, e]) => [
          key,
          {
            reviewed: {
              by: e.reviewer,
              at: e.reviewedAt,
              sourceHash: e.sourceHash,
              targetHash: e.targetHash,
            },
          },
        ]),
      ),
      sourceTexts: {},
    }),
  );

/** Reads the current format and upgrades version 1. */
export const reviewStatusFileSchema = z.union([currentFileSchema, version1FileSchema]);
export type ReviewStatusFile = z.infer<typeof currentFileSchema>;

export function emptyReviewStatusFile(): ReviewStatusFile {
  return { version: REVIEW_STATUS_VERSION, entries: {}, sourceTexts: {} };
}

/** `<lng>/<ns>:<key>`, e.g. `my/instrument:questions.safety_safe_to_talk.text`. */
export function reviewKey(lng: string, ns: string, key: string): string {
  return `${lng}/${ns}:${key}`;
}

function saw(step: ReviewStep | undefined, sourceHash: string, targetHash: string): boolean {
  return step !== undefined && step.sourceHash === sourceHash && step.targetHash === targetHash;
}

/** The state of one translation given its entry (see ReviewState). */
export function reviewStateOf(
  entry: ReviewEntry | undefined,
  currentSourceText: string,
  currentTargetText: string | undefined,
): ReviewState {
  if (!entry || currentTargetText === undefined) return 'draft';
  const sourceHash = hashText(currentSourceText);
  const targetHash = hashText(currentTargetText);
  if (saw(entry.reviewed, sourceHash, targetHash)) return 'reviewed';
  if (saw(entry.translated, sourceHash, targetHash)) return 'translated';
  return 'stale';
}

/** The state of one string in one locale; English is always 'source'. */
export function localeReviewState(
  statuses: ReviewStatusFile,
  lng: string,
  ns: string,
  key: string,
  currentSourceText: string,
  currentTargetText: string | undefined,
): LocaleReviewState {
  if (lng === SOURCE_LANGUAGE) return 'source';
  return reviewStateOf(reviewEntryOf(statuses, lng, ns, key), currentSourceText, currentTargetText);
}

/** The recorded steps of one string, if any (an own property only: keys are data). */
export function reviewEntryOf(
  statuses: ReviewStatusFile,
  lng: string,
  ns: string,
  key: string,
): ReviewEntry | undefined {
  const id = reviewKey(lng, ns, key);
  return Object.hasOwn(statuses.entries, id) ? statuses.entries[id] : undefined;
}

/**
 * True when the text may be shown without a draft marker: English, or a translation a qualified reviewer
 * approved as it is now. Everything else (draft, translated but not yet reviewed, stale) is a draft.
 */
export function isReviewedState(state: LocaleReviewState): boolean {
  return state === 'reviewed' || state === 'source';
}

/** SHA-256 of the UTF-8 text as 64 lower-case hex characters. */
export function hashText(text: string): string {
  return toHex(sha256(new TextEncoder().encode(text)));
}

// FIPS 180-4 SHA-256. Hand-written because the renderer needs a synchronous hash and cannot use node:crypto.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

function sha256(message: Uint8Array): Uint8Array {
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number; total a multiple of 64 bytes.
  const blocks = Math.ceil((message.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bitLength = message.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const w = new Uint32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [
      h[0] ?? 0,
      h[1] ?? 0,
      h[2] ?? 0,
      h[3] ?? 0,
      h[4] ?? 0,
      h[5] ?? 0,
      h[6] ?? 0,
      h[7] ?? 0,
    ];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) >>>
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const sums = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] ?? 0) + (sums[i] ?? 0)) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i] ?? 0);
  return out;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
