/**
 * Pseudo-localisation for layout testing: every English string becomes accented, about 40% longer and
 * bracketed ("[Ŵéélçöɱé]"), so text that was not translated, was cut off or was concatenated in code
 * stands out on screen. Interpolation placeholders, $t() nestings, markup tags and HTML entities are
 * kept byte for byte so i18next and <Trans> still work.
 */

/** The i18next language code for the pseudo-locale (the private-use region used by Android and Chrome). */
export const PSEUDO_LOCALE = 'en-XA';

/** How much longer pseudo text is than the English, like German or Burmese often is. */
export const PSEUDO_EXPANSION = 0.4;

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ď',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Parts of a string that i18next or React read as code, not text: they must survive unchanged. */
const PROTECTED = /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?[A-Za-z0-9]+\s*\/?>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g;

export function pseudoLocalize(text: string): string {
  const letters = [...text.replace(PROTECTED, '')].filter(isLetter).length;
  let extra = Math.ceil(letters * PSEUDO_EXPANSION);
  // Spread the extra characters over the text (doubling letters) so wrapping is tested along the line.
  let credit = 0;
  const stretch = (part: string): string => {
    let out = '';
    for (const ch of part) {
      const accented = ACCENTED[ch] ?? ch;
      out += accented;
      if (!isLetter(ch)) continue;
      credit += PSEUDO_EXPANSION;
      while (credit >= 1 && extra > 0) {
        out += accented;
        credit -= 1;
        extra -= 1;
      }
    }
    return out;
  };

  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += stretch(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += stretch(text.slice(last));
  // Rounding can leave a character or two over; they go before the closing bracket.
  return `[${out}${'~'.repeat(extra)}]`;
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

export type ResourceTree = { [key: string]: ResourceValue };
export type ResourceValue = string | number | boolean | null | ResourceValue[] | ResourceTree;

/**
 * The English resources of every namespace ({ common: {...}, instrument: {...} }) turned into pseudo text
 * with the same shape, for `i18next.addResourceBundle(PSEUDO_LOCALE, ns, tree)`.
 */
export function buildPseudoResources<T extends Record<string, ResourceTree>>(enResources: T): T {
  const out: Record<string, ResourceTree> = {};
  for (const [ns, tree] of Object.entries(enResources)) out[ns] = pseudoTree(tree);
  return out as T;
}

function pseudoTree(tree: ResourceTree): ResourceTree {
  const out: ResourceTree = {};
  for (const [key, value] of Object.entries(tree)) out[key] = pseudoValue(value);
  return out;
}

function pseudoValue(value: ResourceValue): ResourceValue {
  if (typeof value === 'string') return pseudoLocalize(value);
  if (Array.isArray(value)) return value.map(pseudoValue);
  if (value !== null && typeof value === 'object') return pseudoTree(value);
  return value;
}
