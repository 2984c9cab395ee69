import fc from 'fast-check';
import { z } from 'zod';

/**
 * Payload generators for the IPC fuzz test, derived from each channel's zod request schema (through
 * its JSON Schema), so a channel added to the contract is fuzzed without anyone writing a generator.
 *
 * - `shapedPayload`: follows the schema's shape, with hostile strings in text fields and sometimes a
 *   real record id; often valid, and then it must get a valid reply.
 * - `malformedPayload`: a shaped payload broken on purpose (a field with the wrong type, a missing or
 *   extra key, `__proto__`/`constructor` keys, huge or deeply nested values), or junk at the top level.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  contentEncoding?: string;
};

export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

// ------------------------------------------------------------------------------------------------
// Hostile leaves
// ------------------------------------------------------------------------------------------------

export const SQL_STRINGS = [
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '" OR ""="',
  '1; DELETE FROM audit_log WHERE 1=1',
  "x' UNION SELECT key, value FROM sqlite_master --",
  "'); ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
  'PRAGMA key = "x\'00\'";',
  'cases" WHERE 1=1 --',
];

export const PATH_STRINGS = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  '/etc/shadow',
  'C:\\Windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'file:///etc/passwd',
  '\\\\?\\C:\\Windows',
  'referral.pdf\u0000.exe',
  'CON',
  'keyring.json',
];

export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDC00\uD800',
  '\u202Egnp.exe',
  '\uFEFF',
  '%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, kept literal
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'undefined',
  'null',
  '-0',
  'ผู้เสียหาย',
  'ကိုအောင်',
];

const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 8 })
  .chain((units) =>
    fc
      .string({ maxLength: 10 })
      .map((s) => s + String.fromCharCode(...units) + s.split('').reverse().join('')),
  );

const hugeString = fc
  .tuple(fc.integer({ min: 20_001, max: 120_000 }), fc.constantFrom('A', 'ก', '\uD800', "'", '/', '0'))
  .map(([n, ch]) => ch.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SQL_STRINGS, ...PATH_STRINGS, ...ODD_STRINGS), weight: 6 },
  { arbitrary: loneSurrogates, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0.5,
    Number.MAX_SAFE_INTEGER + 2,
    -(2 ** 53) - 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 31,
    -(2 ** 31) - 1,
    1e21,
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);

/** A value nested `depth` levels deep, as arrays or objects. */
export function deepNest(depth: number, asObject: boolean, leaf: unknown = 'x'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

const deepValue = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, asObject]) => deepNest(depth, asObject));

const hugeArray = fc
  .tuple(fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom<unknown>(0, 'x', null, {}, []))
  .map(([n, item]) => new Array(n).fill(item));

/** An object with an own, enumerable key that is dangerous to copy naively. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  JSON.parse('{"__proto__": null}'),
  { prototype: { polluted: 'yes' } },
);

/** Things a structured-clone IPC message (Electron) can carry that JSON cannot. */
const cloneOnly = fc.constantFrom<unknown>(
  undefined,
  10n,
  new Date(Number.NaN),
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array([1, 2, 3]),
  new ArrayBuffer(8),
  /x/g,
  new Error('not a payload'),
);

/** Any value of any type, biased to the nasty ones. */
export const anyHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [{}]), weight: 2 },
  { arbitrary: cloneOnly, weight: 2 },
  { arbitrary: pollution, weight: 2 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: hugeArray, weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 2 },
);

// ------------------------------------------------------------------------------------------------
// Shaped values from a JSON Schema
// ------------------------------------------------------------------------------------------------

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/$defs/', '');
  return root.$defs?.[name] ?? {};
}

function stringFor(schema: JsonSchema, hostile: boolean, ids: readonly string[]): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 60);
  if (schema.format === 'uuid') {
    const fresh = fc.uuid({ version: 4 });
    return ids.length > 0 ? fc.oneof(fresh, fc.constantFrom(...ids)) : fresh;
  }
  if (schema.format === 'date') {
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.format === 'base64' || schema.contentEncoding === 'base64') {
    return fc.base64String({ maxLength: 64 });
  }
  let plain: fc.Arbitrary<string>;
  if (schema.pattern) {
    try {
      plain = fc
        .stringMatching(new RegExp(schema.pattern, 'u'))
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      plain = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, min, 1) });
    }
  } else {
    plain = fc.string({ minLength: min, maxLength: Math.max(max, min) });
  }
  if (!hostile || schema.pattern) return plain;
  // Hostile text that still fits the length limits, so the payload may well be valid.
  const limit = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = hostileString.filter((s) => s.length >= min && s.length <= limit);
  return fc.oneof(plain, fits);
}

type Schema = JsonSchema;

/** A value that follows the schema's shape; with `hostile`, text fields carry attack strings. */
export function shapedValue(
  schema: Schema,
  root: Schema,
  options: { hostile: boolean; ids: readonly string[]; depth?: number },
): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  const s = resolveRef(schema, root) as Schema;
  if (depth > 4) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    return fc.oneof(...alternatives.map((a) => shapedValue(a, root, { ...options, depth: depth + 1 })));
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFor(s, options.hostile, options.ids);
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(s.maximum ?? 1000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        min: s.minimum ?? -1000,
        max: s.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = s.items ?? {};
      return fc.array(shapedValue(items, root, { ...options, depth: depth + 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(Math.min(s.maxItems ?? 3, 3), s.minItems ?? 0),
      });
    }
    case 'object': {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (keys.length === 0) {
        // A map-like object (e.g. free JSON): a few plain keys.
        return s.additionalProperties && typeof s.additionalProperties === 'object'
          ? fc.dictionary(
              fc.string({ maxLength: 8 }),
              shapedValue(s.additionalProperties, root, { ...options, depth: depth + 1 }),
              { maxKeys: 3 },
            )
          : fc.constant({});
      }
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) record[k] = shapedValue(props[k] ?? {}, root, { ...options, depth: depth + 1 });
      return fc.record(record, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ------------------------------------------------------------------------------------------------
// Breaking a shaped payload
// ------------------------------------------------------------------------------------------------

type Path = (string | number)[];

const isPlainContainer = (v: unknown): v is Record<string | number, unknown> =>
  Array.isArray(v) || (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype);

/** Paths of the objects and arrays in a shaped payload (shallow: shaped payloads are a few levels deep). */
function containers(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (!isPlainContainer(value) || path.length > 6) return out;
  out.push(path);
  const keys: (string | number)[] = Array.isArray(value) ? indicesOf(value) : Object.keys(value);
  for (const k of keys) containers(value[k], [...path, k], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (!isPlainContainer(v)) return undefined;
    v = v[k];
  }
  return v;
}

export type Mutation =
  | { op: 'wrongType'; pick: number; key: number; value: unknown }
  | { op: 'dropKey'; pick: number; key: number }
  | { op: 'extraKey'; pick: number; name: string; value: unknown }
  | { op: 'replaceWhole'; value: unknown };

/**
 * The indices of an array a mutation may have tampered with: an own `constructor` key (a payload key
 * like any other) breaks Array.prototype.map and splice, which build their results through the
 * array's species.
 */
function indicesOf(array: readonly unknown[]): number[] {
  return Array.from({ length: array.length }, (_v, i) => i);
}

/** Removes one element in place, without splice (which also goes through the species). */
function removeAt(array: unknown[], index: number): void {
  for (let i = index; i < array.length - 1; i++) array[i] = array[i + 1];
  array.length -= 1;
}

/**
 * Applies mutations to a copy of a JSON-shaped payload. Targets are chosen among the containers of
 * the original payload, so a hostile value put in by one mutation (maybe thousands of levels deep)
 * is never walked or copied by the next.
 */
function applyMutations(base: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(base);
  const spots = containers(root);
  for (const m of mutations) {
    if (m.op === 'replaceWhole') {
      root = m.value;
      continue;
    }
    const path = spots.length > 0 ? (spots[m.pick % spots.length] ?? []) : [];
    const target = at(root, path);
    if (!isPlainContainer(target)) {
      if (path.length === 0 && m.op !== 'dropKey')
        root = m.op === 'extraKey' ? withOwnKey({}, m.name, m.value) : m.value;
      continue;
    }
    if (m.op === 'extraKey') {
      withOwnKey(target, m.name, m.value);
      continue;
    }
    const keys: (string | number)[] = Array.isArray(target) ? indicesOf(target) : Object.keys(target);
    if (keys.length === 0) {
      // An empty object or array: give it the wrong kind of content instead.
      if (m.op === 'wrongType') withOwnKey(target, Array.isArray(target) ? '0' : 'unexpected', m.value);
      else if (path.length === 0) root = Array.isArray(target) ? {} : [];
      continue;
    }
    const key = keys[m.key % keys.length] as string | number;
    if (m.op === 'wrongType') target[key] = m.value;
    else if (Array.isArray(target)) removeAt(target, key as number);
    else delete target[key];
  }
  return root;
}

const extraKeyName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'then', 'role', 'id', ''),
  fc.string({ maxLength: 12 }),
  hostileString.filter((s) => s.length < 100),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('wrongType' as const),
      pick: fc.nat(),
      key: fc.nat(),
      value: anyHostileValue,
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ op: fc.constant('dropKey' as const), pick: fc.nat(), key: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('extraKey' as const),
      pick: fc.nat(),
      name: extraKeyName,
      value: anyHostileValue,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('replaceWhole' as const), value: anyHostileValue }), weight: 2 },
);

export function shapedPayload(schema: Schema, ids: readonly string[]): fc.Arbitrary<unknown> {
  return shapedValue(schema, schema, { hostile: true, ids });
}

/** A valid value broken by one to three mutations (wrong types, missing or extra keys, hostile values). */
export function mutatedFrom(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => applyMutations(base, ms));
}

/** Payloads meant to be rejected; the caller keeps only those the request schema really rejects. */
export function malformedPayload(schema: Schema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const base = shapedValue(schema, schema, { hostile: false, ids });
  return fc
    .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, ms]) => applyMutations(value, ms));
}

/** Short, printable description of a payload for failure messages (never the whole huge thing). */
export function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined
      ? String(payload)
      : text.length > 300
        ? `${text.slice(0, 300)}… (${text.length} chars)`
        : text;
  } catch (err) {
    return `<unprintable: ${(err as Error).name}>`;
  }
}
