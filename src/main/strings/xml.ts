import sax from 'sax';

/**
 * A small XML tree for reading translators' files: element names and attributes resolved to their
 * namespace, text kept byte for byte (XLIFF strings keep their spaces). Maps, not plain objects, hold
 * names and attributes, so an id like `__proto__` is ordinary data.
 */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI, '' when none. */
  uri: string;
  /** `${uri} ${local}` (uri '' for unprefixed attributes) -> value. */
  attrs: Map<string, string>;
  children: XmlNode[];
  line: number;
}
export type XmlNode = XmlElement | string;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export class XmlSyntaxError extends Error {}

/** Parses a whole document; any well-formedness error (or a DOCTYPE, which XLIFF never needs) throws. */
export function parseXml(text: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.onerror = (err) => {
    failure ??= err.message.split('\n')[0] ?? 'not well-formed';
    throw err;
  };
  parser.ondoctype = () => {
    failure ??= 'a DOCTYPE is not allowed';
    throw new XmlSyntaxError(failure);
  };
  parser.onopentag = (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      attrs.set(`${a.uri} ${a.local}`, a.value);
    }
    const element: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [], line: parser.line + 1 };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const addText = (t: string) => {
    const parent = stack.at(-1);
    if (!parent) return; // whitespace around the root element
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + t;
    else parent.children.push(t);
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  try {
    parser.write(text).close();
  } catch (err) {
    throw new XmlSyntaxError(failure ?? (err as Error).message);
  }
  if (!root) throw new XmlSyntaxError('the file has no XML element');
  return root;
}

export function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attrs.get(`${uri} ${local}`);
}

export function hasAttrIn(element: XmlElement, uri: string): boolean {
  for (const key of element.attrs.keys()) if (key.startsWith(`${uri} `)) return true;
  return false;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** The text directly inside an element (child elements are not included). */
export function ownText(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}

/** Text safe inside an element (line breaks kept; a carriage return would be read back as a line feed). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Text safe inside a double-quoted attribute, where a parser would turn line breaks and tabs into spaces. */
function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, values escaped; undefined values are left out. */
export function attributes(pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}
