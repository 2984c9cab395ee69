import { z } from 'zod';

/**
 * A document is data. Whoever builds the referral (src/shared/referral) produces a DocModel; the PDF
 * engine only lays it out and draws it. Nothing here knows about cases, screening or people.
 *
 * Every piece of text carries its language, because the language picks the font (Thai, Lao, Khmer,
 * Myanmar or Noto Sans), the HarfBuzz language tag and the word segmenter used for line breaks.
 * Text is normalised to NFC before layout.
 */

export const LANGS = ['th', 'my', 'km', 'lo', 'vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A piece of text in one language. */
export interface LangText {
  text: string;
  lang: Lang;
}

export type Block =
  /** Large bold line(s) at the top of the document. */
  | { kind: 'title'; text: string; lang: Lang; secondary?: LangText }
  /** Bold section heading; `secondary` is drawn under it in the second language, smaller. */
  | { kind: 'heading'; text: string; lang: Lang; secondary?: LangText }
  /** A bold line inside a section, kept with what follows it. */
  | { kind: 'subheading'; text: string; lang: Lang }
  /** Running text; '\n' starts a new line. */
  | { kind: 'paragraph'; text: string; lang: Lang }
  /**
   * A label and its value side by side (label column on the left). `lang` is the label's language;
   * the value is in `valueLang` when given, else in `lang`.
   */
  | {
      kind: 'field';
      label: string;
      value: string;
      lang: Lang;
      labelSecondary?: LangText;
      valueLang?: Lang;
      /** Fraction of the width given to the label (default 0.36). */
      labelWidth?: number;
    }
  /** The same text in two languages: two columns (default) or one after the other ('stacked'). */
  | { kind: 'bilingual'; primary: LangText; secondary: LangText; arrangement?: 'columns' | 'stacked' }
  /** Bulleted list (or with each item's own marker, e.g. "3."); each item may be in a different language. */
  | { kind: 'list'; items: ListItem[]; compact?: boolean }
  /**
   * Short facts in a grid, `columns` to a row, each a small label above its value (a form's boxes,
   * without one row per field). `span` lets a long value take several columns.
   */
  | { kind: 'fieldGrid'; columns: number; cells: GridCell[] }
  /** Items with a drawn check box (ticked or empty), `columns` to a row. Never a font glyph. */
  | { kind: 'checklist'; columns: number; items: (LangText & { checked: boolean })[] }
  /** One line of texts side by side, each aligned in its share of the width (a letterhead line). */
  | { kind: 'row'; cells: (LangText & { align: 'left' | 'center' | 'right'; bold?: boolean })[] }
  /**
   * Hand signatures, side by side: for each person a dotted line to sign on, the name in brackets
   * and lines under it (position, date). Kept whole on one page.
   */
  | { kind: 'signatureLines'; entries: SignatureEntry[]; keepWithPrevious?: boolean }
  /**
   * The visible signature: a framed box of label/value lines (signer, role, agency, time, certificate
   * fingerprint). Never split across pages. The cryptographic signature is added later by signPdf.
   */
  | {
      kind: 'signatureBlock';
      title?: LangText;
      lines: { label: string; value: string; lang: Lang }[];
      /** Lines laid out in this many columns, label above value (default: one label-value row each). */
      columns?: number;
      keepWithPrevious?: boolean;
    }
  /** Vertical space; `lines` body lines high (default 1). */
  | { kind: 'spacer'; lines?: number };

export type BlockKind = Block['kind'];

export interface ListItem extends LangText {
  /** Drawn instead of the bullet (e.g. "3."); in `lang`'s font. */
  marker?: string;
}

export interface GridCell {
  label: string;
  value: string;
  /** The label's language; the value's is `valueLang` when given, else this. */
  lang: Lang;
  valueLang?: Lang;
  /** Columns taken (default 1). */
  span?: number;
}

export interface SignatureEntry {
  /** What the person signs as ("Officer", "Interpreter"), above the line. */
  role: LangText;
  /** Printed in brackets under the line; empty for a blank to fill in by hand. */
  name: LangText;
  lines: LangText[];
}

export interface DocModel {
  /** Document title for the PDF metadata (Info /Title). */
  title: string;
  /** Main language of the document (PDF /Lang). */
  lang: Lang;
  metadata: {
    subject?: string;
    author?: string;
    keywords?: string;
    /** The store's audit anchor when the document was made (Info /FieldScreenAuditAnchor; audit/anchor.ts). */
    auditAnchor?: string;
  };
  blocks: Block[];
  /** Drawn at the bottom of every page, left; the page number "n / N" is drawn on the right. */
  footer?: LangText;
  /** Bold, centred at the top and bottom of every page (a confidentiality mark such as ลับ). */
  pageMark?: LangText;
  /** Small lines at the top of every page, each texts side by side (e.g. a draft-translation note). */
  pageNotes?: LangText[][];
  /** Drawn for text in a script no bundled font has (the text itself still extracts). */
  unsupportedScript?: LangText;
  /**
   * The pages the document should fit on: when the normal spacing needs more and a tighter spacing
   * fits (layout.ts TIGHT_SPACING), the tighter one is used. Otherwise it takes the pages it needs.
   */
  fitPages?: number;
}

// ---- runtime check: the model crosses a module boundary, so renderPdf parses it first ----

/** Longest text accepted in one block (a referral narrative is long, but not this long). */
const MAX_TEXT = 20_000;

const langSchema = z.enum(LANGS);
const textSchema = z.string().max(MAX_TEXT);
const langTextSchema = z.object({ text: textSchema, lang: langSchema });

export const blockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('title'),
    text: textSchema,
    lang: langSchema,
    secondary: langTextSchema.optional(),
  }),
  z.object({
    kind: z.literal('heading'),
    text: textSchema,
    lang: langSchema,
    secondary: langTextSchema.optional(),
  }),
  z.object({ kind: z.literal('paragraph'), text: textSchema, lang: langSchema }),
  z.object({ kind: z.literal('subheading'), text: textSchema, lang: langSchema }),
  z.object({
    kind: z.literal('field'),
    label: textSchema,
    value: textSchema,
    lang: langSchema,
    labelSecondary: langTextSchema.optional(),
    valueLang: langSchema.optional(),
    labelWidth: z.number().min(0.1).max(0.6).optional(),
  }),
  z.object({
    kind: z.literal('bilingual'),
    primary: langTextSchema,
    secondary: langTextSchema,
    arrangement: z.enum(['columns', 'stacked']).optional(),
  }),
  z.object({
    kind: z.literal('list'),
    items: z.array(langTextSchema.extend({ marker: z.string().max(10).optional() })).max(500),
    compact: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('fieldGrid'),
    columns: z.number().int().min(1).max(4),
    cells: z
      .array(
        z.object({
          label: textSchema,
          value: textSchema,
          lang: langSchema,
          valueLang: langSchema.optional(),
          span: z.number().int().min(1).max(4).optional(),
        }),
      )
      .max(200),
  }),
  z.object({
    kind: z.literal('checklist'),
    columns: z.number().int().min(1).max(4),
    items: z.array(langTextSchema.extend({ checked: z.boolean() })).max(100),
  }),
  z.object({
    kind: z.literal('row'),
    cells: z
      .array(
        langTextSchema.extend({
          align: z.enum(['left', 'center', 'right']),
          bold: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(4),
  }),
  z.object({
    kind: z.literal('signatureLines'),
    entries: z
      .array(z.object({ role: langTextSchema, name: langTextSchema, lines: z.array(langTextSchema).max(6) }))
      .min(1)
      .max(4),
    keepWithPrevious: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('signatureBlock'),
    title: langTextSchema.optional(),
    lines: z.array(z.object({ label: textSchema, value: textSchema, lang: langSchema })).max(20),
    columns: z.number().int().min(1).max(4).optional(),
    keepWithPrevious: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('spacer'), lines: z.number().min(0).max(20).optional() }),
]) satisfies z.ZodType<Block>;

export const docModelSchema = z.object({
  title: z.string().max(500),
  lang: langSchema,
  metadata: z.object({
    subject: z.string().max(500).optional(),
    author: z.string().max(500).optional(),
    keywords: z.string().max(500).optional(),
    auditAnchor: z
      .string()
      .regex(/^FSA1\.[0-9a-zA-Z._-]{1,300}$/)
      .optional(),
  }),
  blocks: z.array(blockSchema).max(5_000),
  footer: langTextSchema.optional(),
  pageMark: langTextSchema.optional(),
  pageNotes: z.array(z.array(langTextSchema).min(1).max(4)).max(3).optional(),
  unsupportedScript: z.object({ text: z.string().min(1).max(100), lang: langSchema }).optional(),
  fitPages: z.number().int().min(1).max(100).optional(),
}) satisfies z.ZodType<DocModel>;
