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
  /** Running text; '\n' starts a new line. */
  | { kind: 'paragraph'; text: string; lang: Lang }
  /**
   * A label and its value side by side (label column on the left). `lang` is the label's language;
   * the value is in `valueLang` when given, else in `lang`.
   */
  | { kind: 'field'; label: string; value: string; lang: Lang; labelSecondary?: LangText; valueLang?: Lang }
  /** The same text in two languages: two columns (default) or one after the other ('stacked'). */
  | { kind: 'bilingual'; primary: LangText; secondary: LangText; arrangement?: 'columns' | 'stacked' }
  /** Bulleted list; each item may be in a different language. */
  | { kind: 'list'; items: LangText[] }
  /**
   * The visible signature: a framed box of label/value lines (signer, role, agency, time, certificate
   * fingerprint). Never split across pages. The cryptographic signature is added later by signPdf.
   */
  | { kind: 'signatureBlock'; title?: LangText; lines: { label: string; value: string; lang: Lang }[] }
  /** Vertical space; `lines` body lines high (default 1). */
  | { kind: 'spacer'; lines?: number };

export type BlockKind = Block['kind'];

export interface DocModel {
  /** Document title for the PDF metadata (Info /Title). */
  title: string;
  /** Main language of the document (PDF /Lang). */
  lang: Lang;
  metadata: { subject?: string; author?: string; keywords?: string };
  blocks: Block[];
  /** Drawn at the bottom of every page, left; the page number "n / N" is drawn on the right. */
  footer?: LangText;
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
  z.object({
    kind: z.literal('field'),
    label: textSchema,
    value: textSchema,
    lang: langSchema,
    labelSecondary: langTextSchema.optional(),
    valueLang: langSchema.optional(),
  }),
  z.object({
    kind: z.literal('bilingual'),
    primary: langTextSchema,
    secondary: langTextSchema,
    arrangement: z.enum(['columns', 'stacked']).optional(),
  }),
  z.object({ kind: z.literal('list'), items: z.array(langTextSchema).max(500) }),
  z.object({
    kind: z.literal('signatureBlock'),
    title: langTextSchema.optional(),
    lines: z.array(z.object({ label: textSchema, value: textSchema, lang: langSchema })).max(20),
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
  }),
  blocks: z.array(blockSchema).max(5_000),
  footer: langTextSchema.optional(),
}) satisfies z.ZodType<DocModel>;
