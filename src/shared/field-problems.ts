import { z } from 'zod';

/**
 * What is wrong with one field of a request, said so a form can show it under that field in the
 * officer's language: where (object keys and array indexes, never a value typed) and an i18next key
 * of `common` under `errors.field.`, with the limit it names when there is one. Main puts these on
 * VALIDATION replies; forms compute the same from the shared schemas before anything is sent.
 */
export interface FieldProblem {
  path: (string | number)[];
  messageKey: FieldMessageKey;
  /** The number the message names (a length or a bound of the schema), never anything typed. */
  limit?: number;
}

export const FIELD_MESSAGE_KEYS = [
  'errors.field.required',
  'errors.field.tooShort',
  'errors.field.tooLong',
  'errors.field.tooSmall',
  'errors.field.tooBig',
  'errors.field.tooMany',
  'errors.field.wholeNumber',
  'errors.field.number',
  'errors.field.email',
  'errors.field.format',
  'errors.field.choice',
  'errors.field.invalid',
  'errors.field.usernameTaken',
  'errors.field.passphraseWrong',
  'errors.passphraseUnchanged',
  'errors.referralMissing.officer.position',
] as const;
export type FieldMessageKey = (typeof FIELD_MESSAGE_KEYS)[number];

/** At most this many problems travel in one reply (a form has fewer fields; the rest adds nothing). */
export const MAX_FIELD_PROBLEMS = 50;
const MAX_PATH_DEPTH = 12;
/** A path segment that is not one of the schema's own field names (a record's key) is sent as this. */
export const HIDDEN_SEGMENT = '*';

export const fieldProblemSchema = z.strictObject({
  path: z.array(z.union([z.string().max(64), z.number().int().nonnegative()])).max(MAX_PATH_DEPTH),
  messageKey: z.enum(FIELD_MESSAGE_KEYS),
  limit: z.number().finite().optional(),
});

/** A path as forms key their fields: segments joined by dots ("referralDirectory.2.name"). */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

/**
 * The field problems of a failed parse of `input` against `schema`: one per field (the first issue
 * found for it), at most MAX_FIELD_PROBLEMS. A path segment that is not a field name of `schema`
 * (the key of a record, which the caller chose and may be anything) is replaced by HIDDEN_SEGMENT,
 * so a reply never carries more of the request than its field names and positions. Pure.
 */
export function fieldProblemsOf(error: z.ZodError, schema: z.ZodType, input: unknown): FieldProblem[] {
  const names = fieldNamesOf(schema);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (problems.length >= MAX_FIELD_PROBLEMS) break;
    if (issue.code === 'unrecognized_keys') continue; // a field the form does not have: nothing to mark
    const rawPath = issue.path.slice(0, MAX_PATH_DEPTH);
    const path = rawPath.map((segment) =>
      typeof segment === 'number'
        ? segment
        : typeof segment === 'string' && names.has(segment)
          ? segment
          : HIDDEN_SEGMENT,
    );
    const key = pathKey(path);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, ...messageOf(issue, valueAt(input, rawPath)) });
  }
  return problems;
}

function messageOf(issue: z.core.$ZodIssue, value: unknown): Omit<FieldProblem, 'path'> {
  // Nothing typed (or only spaces, which the schemas trim away) is "fill this in", whatever rule it broke.
  if (typeof value === 'string' && value.trim() === '' && issue.code !== 'too_big') {
    return { messageKey: 'errors.field.required' };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null) return { messageKey: 'errors.field.required' };
      if (issue.expected === 'int') return { messageKey: 'errors.field.wholeNumber' };
      if (issue.expected === 'number') return { messageKey: 'errors.field.number' };
      return { messageKey: 'errors.field.invalid' };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') {
        return limit <= 1
          ? { messageKey: 'errors.field.required' }
          : { messageKey: 'errors.field.tooShort', limit };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { messageKey: 'errors.field.required' };
      return { messageKey: 'errors.field.tooSmall', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { messageKey: 'errors.field.tooLong', limit };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { messageKey: 'errors.field.tooMany', limit };
      return { messageKey: 'errors.field.tooBig', limit };
    }
    case 'not_multiple_of':
      return { messageKey: 'errors.field.wholeNumber' };
    case 'invalid_format':
      return { messageKey: issue.format === 'email' ? 'errors.field.email' : 'errors.field.format' };
    case 'invalid_value':
      return { messageKey: 'errors.field.choice' };
    case 'custom': {
      const named = (issue.params as { messageKey?: unknown } | undefined)?.messageKey;
      return {
        messageKey: (FIELD_MESSAGE_KEYS as readonly unknown[]).includes(named)
          ? (named as FieldMessageKey)
          : 'errors.field.invalid',
      };
    }
    default:
      return { messageKey: 'errors.field.invalid' };
  }
}

/** The value at `path` in `input`, own properties only (so '__proto__' or 'constructor' read nothing). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof segment === 'symbol' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

const namesCache = new WeakMap<z.ZodType, ReadonlySet<string>>();

/** Every object field name anywhere in a schema (records' keys are the caller's, not names). */
export function fieldNamesOf(schema: z.ZodType): ReadonlySet<string> {
  const cached = namesCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  const visited = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || visited.has(node)) return;
    visited.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object' && def.shape && typeof def.shape === 'object') {
      for (const [name, child] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(name);
        visit(child);
      }
    }
    if (def.type === 'lazy' && typeof def.getter === 'function') visit((def.getter as () => unknown)());
    for (const key of ['innerType', 'in', 'out', 'element', 'valueType', 'left', 'right', 'rest']) {
      visit(def[key]);
    }
    for (const key of ['options', 'items']) {
      const list = def[key];
      if (Array.isArray(list)) for (const child of list) visit(child);
    }
  };
  visit(schema);
  namesCache.set(schema, names);
  return names;
}
