import {
  ANNOTATION_FLAGS,
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  PDFKitReferenceMock,
  PDFObject,
  removeTrailingNewLine,
  SIG_FLAGS,
} from '@signpdf/utils';

/**
 * The signature placeholder as an incremental update, written the way @signpdf/placeholder-plain
 * writes it (the same objects, numbers, offsets and bytes; sign.ts then points `startxref` at the
 * `xref` keyword), but reading the file once as a byte string: placeholder-plain decodes the whole
 * file as UTF-8 more than once (binary streams included), the slowest part of signing a referral.
 *
 * Only for what pdfkit writes: one classic xref table without /Prev, and no AcroForm yet. For anything
 * else `addPlaceholder` returns null and the caller uses placeholder-plain itself.
 */

export interface PlaceholderFields {
  /** Each a PDF text string already (ASCII; written as a literal string). */
  reason: string;
  contactInfo: string;
  name: string;
  location: string;
  signingTime: Date;
  signatureLength: number;
  subFilter: string;
  appName: string;
}

/** A trailer key's value as placeholder-plain's readPdf reads it (up to the next '/' or '>'). */
function trailerValue(trailer: string, key: string): string | undefined {
  const at = trailer.indexOf(key);
  if (at === -1) return undefined;
  const rest = trailer.slice(at);
  let end = rest.indexOf('/', 1);
  if (end === -1) end = rest.indexOf('>', 1);
  return rest.slice(key.length + 1, end).trim();
}

/** Offsets by object number from one classic xref table; null if it is not one placeholder-plain reads the same way. */
function xrefOffsets(text: string, position: number): { offsets: Map<number, number>; size: number } | null {
  const from = text.indexOf('xref', position);
  if (from === -1 || text.slice(position, from).trim() !== '') return null;
  const eof = text.indexOf('%%EOF', position);
  if (eof === -1) return null;
  let table = text.slice(from + 4, eof);
  table = table.slice(table.indexOf('\n') + 1);
  const [objects, trailer] = table.split('trailer');
  if (objects === undefined || trailer === undefined || trailer.includes('/Prev')) return null;
  const size = /^\s*(\d+)/.exec(table.split('/Size')[1] ?? '');
  if (!size) return null;
  const offsets = new Map<number, number>();
  let index = 0;
  let expected = 0;
  for (const line of objects.split('\n')) {
    if (line === '') continue;
    const parts = line.split(' ');
    if (parts.length === 2) {
      index = Number.parseInt(parts[0] ?? '', 10);
      expected = Number.parseInt(parts[1] ?? '', 10);
      continue;
    }
    if (expected <= 0) return null;
    expected -= 1;
    const flag = (parts[2] ?? '').trim();
    const offset = (parts[0] ?? '').trim();
    if (flag === 'n') {
      if (!/^\d+$/.test(offset)) return null;
      offsets.set(index, Number.parseInt(offset, 10));
    } else if (flag !== 'f') return null;
    index += 1;
  }
  return { offsets, size: Number.parseInt(size[1] ?? '', 10) };
}

/** The inside of an object's dictionary (between its first '<<' and last '>>'), as findObject reads it. */
function objectBody(text: string, offsets: Map<number, number>, ref: string): string | null {
  const offset = offsets.get(Number.parseInt(ref.split(' ')[0] ?? '', 10));
  if (offset === undefined) return null;
  let body = text.slice(offset);
  body = body.slice(0, body.indexOf('endobj'));
  body = body.slice(body.indexOf('<<') + 2);
  return body.slice(0, body.lastIndexOf('>>'));
}

const objectNumber = (ref: string) => Number.parseInt(ref.split(' ')[0] ?? '', 10);

/**
 * `pdf` with the signature dictionary, its widget on the first page, the AcroForm, the catalog and the
 * page updated, and the new xref section. Null when the file is not one this reads (see above).
 */
export function addPlaceholder(pdf: Buffer, fields: PlaceholderFields): Buffer | null {
  const base = removeTrailingNewLine(pdf);
  const text = base.toString('latin1');
  const trailerStart = text.lastIndexOf('trailer');
  if (trailerStart === -1) return null;
  const trailer = text.slice(trailerStart, text.length - 6);
  const xrefPosition = Number.parseInt(trailer.slice(trailer.lastIndexOf('startxref') + 10), 10);
  const table = Number.isNaN(xrefPosition) ? null : xrefOffsets(text, xrefPosition);
  const rootRef = trailerValue(trailer, '/Root');
  const infoRef = trailerValue(trailer, '/Info');
  if (!table || !rootRef) return null;
  const { offsets } = table;
  const root = objectBody(text, offsets, rootRef);
  if (root === null || /\/AcroForm\s+(\d+\s\d+\sR)/.test(root)) return null;
  const pagesRef = /\/Pages\s+(\d+\s+\d+\s+R)/.exec(root)?.[1];
  const pages = pagesRef ? objectBody(text, offsets, pagesRef) : null;
  if (!pages) return null;
  const kidsAt = pages.indexOf('/Kids');
  const kids = pages
    .slice(pages.indexOf('[', kidsAt) + 1, pages.indexOf(']', kidsAt))
    .trim()
    .split(' ', 3);
  const pageRef = `${kids[0]} ${kids[1]} ${kids[2]}`;
  const pageIndex = objectNumber(pageRef);
  const rootIndex = objectNumber(rootRef);
  const page = objectBody(text, offsets, pageRef);
  if (page === null || !offsets.has(rootIndex)) return null;

  let maxIndex = Math.max(...offsets.keys());
  let appended = '';
  const added = new Map<number, number>();
  const ref = (data: Record<string, unknown>) => {
    maxIndex += 1;
    added.set(maxIndex, base.length + appended.length + 1);
    appended += `\n${maxIndex} 0 obj\n${PDFObject.convert(data)}\nendobj\n`;
    return new PDFKitReferenceMock(maxIndex);
  };
  const signature = ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: fields.subFilter,
    ByteRange: [
      0,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
    ],
    Contents: Buffer.alloc(fields.signatureLength),
    Reason: new String(fields.reason),
    M: fields.signingTime,
    ContactInfo: new String(fields.contactInfo),
    Name: new String(fields.name),
    Location: new String(fields.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: fields.appName } },
  });
  const widget = ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: new String('Signature1'),
    F: ANNOTATION_FLAGS.PRINT,
    P: new PDFKitReferenceMock(pageIndex),
  });
  const form = ref({
    Type: 'AcroForm',
    SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY,
    Fields: [widget],
  });
  // placeholder-plain looks for an AcroForm reference anywhere in the file by now.
  if (!/\/AcroForm\s+(\d+\s\d+\sR)/.test(text) && !/\/AcroForm\s+(\d+\s\d+\sR)/.test(appended)) {
    added.set(rootIndex, base.length + appended.length + 1);
    appended += `\n${rootIndex} 0 obj\n<<\n${root}\n/AcroForm ${form}\n>>\nendobj\n`;
  }
  let annotsStart = page.indexOf('/Annots');
  let annotsEnd: number;
  let annots: string;
  if (annotsStart > -1) {
    annotsEnd = page.indexOf(']', annotsStart);
    annots = page.slice(annotsStart, annotsEnd);
  } else {
    annotsStart = page.length;
    annotsEnd = page.length;
    annots = '/Annots [';
  }
  const after = page.length > annotsEnd ? page.slice(annotsEnd + 1) : '';
  added.set(pageIndex, base.length + appended.length + 1);
  appended += `\n${pageIndex} 0 obj\n<<\n${page.slice(0, annotsStart)}${annots} ${widget}]${after}\n\n>>\nendobj\n`;

  const rows = ['0000000000 65535 f '];
  for (const index of [...added.keys()].sort((a, b) => a - b)) {
    rows.push(`${index} 1\n${`0000000000${added.get(index)}`.slice(-10)} 00000 n `);
  }
  // startxref points at the `xref` keyword, one past the newline before it.
  const xrefAt = base.length + appended.length + 1;
  appended +=
    `\nxref\n0 1\n${rows.join('\n')}\ntrailer\n<<\n/Size ${maxIndex + 1}\n/Root ${rootRef}\n` +
    `${infoRef ? `/Info ${infoRef}\n` : ''}/Prev ${xrefPosition}\n>>\nstartxref\n${xrefAt}\n%%EOF`;
  return Buffer.concat([base, Buffer.from(appended, 'latin1')]);
}
