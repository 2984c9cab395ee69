/**
 * The parts of a translation that are code, not language: i18next placeholders ({{name}}), nestings
 * ($t(key)) and react-i18next <Trans> markup (<0>…</0>, <b>…</b>, <br/>). A translator may move them but
 * must keep every one; a dropped {{seconds}} or an unclosed <0> breaks the screen or hides words.
 */

const PLACEHOLDER = /\{\{[^{}]*\}\}|\$t\([^()]*\)/g;
const TAG = /<(\/?)([A-Za-z0-9]+)\s*(\/?)>/g;
/** HTML elements that never have content, so `<br>` needs no `</br>`. */
const VOID_TAGS = new Set(['br', 'hr', 'wbr']);

/** Placeholders and nestings, whitespace inside the braces ignored, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[0].replace(/\s+/g, '')).sort();
}

/** Markup tags in canonical form (`<0>`, `</0>`, `<br/>`), sorted. */
export function tagsOf(text: string): string[] {
  return [...text.matchAll(TAG)].map((m) => canonicalTag(m)).sort();
}

function canonicalTag(m: RegExpMatchArray): string {
  const [, close, name, selfClose] = m;
  if (close) return `</${name}>`;
  return selfClose || VOID_TAGS.has((name ?? '').toLowerCase()) ? `<${name}/>` : `<${name}>`;
}

/** Why the markup is not well nested, or undefined when every opened tag is closed in order. */
export function markupNestingProblem(text: string): string | undefined {
  const open: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = canonicalTag(m);
    const name = m[2] ?? '';
    if (tag.endsWith('/>')) continue;
    if (!tag.startsWith('</')) {
      open.push(name);
      continue;
    }
    const top = open.pop();
    if (top === undefined) return `</${name}> closes a tag that was never opened`;
    if (top !== name) return `</${name}> closes <${top}>`;
  }
  return open.length ? `<${open.at(-1)}> is never closed` : undefined;
}

/** What a translation broke compared with its English source; empty when nothing. */
export function interpolationProblems(source: string, target: string): string[] {
  const problems = [
    ...multisetDifference(placeholdersOf(source), placeholdersOf(target)).map((p) => `missing ${p}`),
    ...multisetDifference(placeholdersOf(target), placeholdersOf(source)).map((p) => `unexpected ${p}`),
    ...multisetDifference(tagsOf(source), tagsOf(target)).map((t) => `missing markup ${t}`),
    ...multisetDifference(tagsOf(target), tagsOf(source)).map((t) => `unexpected markup ${t}`),
  ];
  const nesting = markupNestingProblem(target);
  if (nesting && !markupNestingProblem(source)) problems.push(`broken markup: ${nesting}`);
  return problems;
}

/** Items of a that are not matched one-for-one in b. */
function multisetDifference(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of a) {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    else out.push(item);
  }
  return out;
}
