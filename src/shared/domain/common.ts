import { z } from 'zod';

/**
 * Building blocks shared by every domain schema. This folder runs in the renderer too: no 'node:*'
 * imports, no Electron, only zod and pure helpers.
 */

/** Every record id is a random UUID made on the device that created the record. */
export const entityId = z.uuid();
export type EntityId = z.infer<typeof entityId>;

/** Instants are stored and exchanged as UTC ISO-8601 strings with a trailing Z. */
export const isoDateTime = z.iso.datetime();
/** Calendar dates (no time zone), e.g. the day of a screening. */
export const isoDate = z.iso.date();

/** SHA-256 as 64 lower-case hex characters. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex characters');

/**
 * Short free text typed by an officer (names, places); trimmed and Unicode-normalised (NFC, so the
 * same Thai or Burmese word is always stored and searched the same way), never empty unless optional.
 */
export function requiredText(max: number) {
  return z.string().trim().normalize('NFC').min(1).max(max);
}
export function optionalText(max: number) {
  return z.string().trim().normalize('NFC').max(max).optional();
}

/** Largest JSON answer value accepted, in UTF-8 bytes of its JSON text. */
export const MAX_JSON_VALUE_BYTES = 64 * 1024;

/** Byte length of a value's JSON text; works in the browser and in Node. */
export function jsonByteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Deepest nesting accepted in a JSON value from outside (answers are two or three levels deep). */
export const MAX_JSON_DEPTH = 32;

/**
 * True when no array or object in `value` is nested deeper than `max` levels. Iterative, so a value
 * nested thousands of levels deep is refused here instead of overflowing the stack of a recursive
 * walker (zod's z.json(), JSON.stringify) and ending as an internal error.
 */
export function jsonDepthWithin(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/** Any JSON value nested at most MAX_JSON_DEPTH deep; the depth is checked before zod walks it. */
export const shallowJson = z
  .unknown()
  .refine((v) => jsonDepthWithin(v), { message: 'nested too deeply', abort: true })
  .pipe(z.json());

/**
 * Any JSON value (object, array, string, finite number, boolean, null), at most MAX_JSON_DEPTH deep
 * and MAX_JSON_VALUE_BYTES once serialised. Used for answers: the instrument decides what a question
 * accepts.
 */
export const boundedJson = shallowJson.refine((value) => jsonByteLength(value) <= MAX_JSON_VALUE_BYTES, {
  message: 'value too large',
});

/** Page through long lists. */
export const pageParams = {
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

/** Binary content crossing IPC (structured clone keeps Uint8Array; Node Buffers are Uint8Arrays too). */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected bytes' });
