import type { Locale } from '../../shared/i18n/locales';
import type { Block, DocModel, LangText } from '../pdf/model';
import { CARD_RIGHTS, CARD_STEPS, HOTLINE } from './steps';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The receiving agency printed on the card: only how to reach it. */
export interface CardAgency {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

export interface RightsCardInput {
  /** The person's language; the card is in it and in Thai (once, when the person reads Thai). */
  readonly language: Locale;
  readonly agency: CardAgency | null;
  readonly translate: (lng: Locale) => Translate;
  /** Whether a qualified translator reviewed this `ns:key` in this language (drives the draft marker). */
  readonly reviewed: (lng: Locale, nsKey: string) => boolean;
}

const THAI: Locale = 'th';

/** Every text key the card prints (namespace `instrument`), for the draft check and the tests. */
export function cardTextKeys(hasAgency: boolean): string[] {
  return [
    'card.title',
    'card.forYou',
    'card.rightsTitle',
    ...CARD_RIGHTS.map((r) => `card.rights.${r}`),
    'card.stepsTitle',
    ...CARD_STEPS.map((s) => `card.steps.${s.id}`),
    'card.hotline',
    'card.agencyTitle',
    ...(hasAgency ? ['card.agencyName', 'card.agencyPhone', 'card.agencyAddress'] : ['card.agencyNone']),
  ].map((key) => `instrument:${key}`);
}

/**
 * The one-page rights and safe-contact card: the person's rights, what happens next and how long each
 * step takes, the hotline and the receiving agency's contact, in the person's language beside Thai.
 * Nothing on it identifies the person (no name, no case reference, no date of the interview), so it can
 * be carried, or left, without giving anyone away; its title names help, not trafficking.
 */
export function buildRightsCardModel(input: RightsCardInput): DocModel {
  const { language, agency } = input;
  const langs: Locale[] = language === THAI ? [THAI] : [language, THAI];
  const t = (lng: Locale, key: string, values?: Record<string, unknown>): LangText => ({
    text: input.translate(lng)(`instrument:${key}`, values),
    lang: lng,
  });
  /** The same text in each of the card's languages, side by side. */
  const both = (key: string, values?: Record<string, unknown>): Block => {
    const [first, second] = langs.map((lng) => t(lng, key, values)) as [LangText, LangText | undefined];
    return second
      ? { kind: 'bilingual', primary: first, secondary: second }
      : { kind: 'paragraph', text: first.text, lang: first.lang };
  };
  const heading = (key: string): Block => headingOf(langs.map((lng) => t(lng, key)));

  const [titleFirst, titleSecond] = langs.map((lng) => t(lng, 'card.title')) as [
    LangText,
    LangText | undefined,
  ];
  const blocks: Block[] = [
    titleBlock([titleFirst, ...(titleSecond ? [titleSecond] : [])]),
    both('card.forYou', { hotline: HOTLINE }),
    // The number is what matters most: bold, right under the title, in both languages.
    headingOf(langs.map((lng) => t(lng, 'card.hotline', { hotline: HOTLINE }))),
    heading('card.rightsTitle'),
    ...CARD_RIGHTS.map((right) => both(`card.rights.${right}`)),
    heading('card.stepsTitle'),
    ...CARD_STEPS.map((step, i) => numbered(both(`card.steps.${step.id}`, { days: step.days }), i + 1)),
    heading('card.agencyTitle'),
    ...(agency ? agencyBlocks(agency, langs, t) : [both('card.agencyNone', { hotline: HOTLINE })]),
  ];

  const keys = cardTextKeys(agency !== null);
  const draftIn = langs.filter((lng) => keys.some((key) => !input.reviewed(lng, key)));
  return {
    title: titleFirst.text,
    lang: language,
    metadata: { subject: titleSecond ? titleSecond.text : titleFirst.text },
    blocks,
    // The draft marker, in each language whose text a qualified translator has not reviewed.
    ...(draftIn.length > 0 ? { pageNotes: [draftIn.map((lng) => t(lng, 'card.draft'))] } : {}),
  };
}

/** Large bold text in the first language, the second (Thai) under it. */
function titleBlock([first, second]: LangText[]): Block {
  if (!first) throw new Error('title without text');
  return second
    ? { kind: 'title', text: first.text, lang: first.lang, secondary: second }
    : { kind: 'title', text: first.text, lang: first.lang };
}

/** A bold heading in the first language, the second (Thai) beside it, smaller. */
function headingOf([first, second]: LangText[]): Block {
  if (!first) throw new Error('heading without text');
  return second
    ? { kind: 'heading', text: first.text, lang: first.lang, secondary: second }
    : { kind: 'heading', text: first.text, lang: first.lang };
}

/** Numbers a step ("1. …") in each of its languages. */
function numbered(block: Block, n: number): Block {
  const prefix = (x: LangText): LangText => ({ ...x, text: `${n}. ${x.text}` });
  if (block.kind === 'bilingual')
    return { ...block, primary: prefix(block.primary), secondary: prefix(block.secondary) };
  if (block.kind === 'paragraph') return { ...block, text: `${n}. ${block.text}` };
  return block;
}

function agencyBlocks(
  agency: CardAgency,
  langs: readonly Locale[],
  t: (lng: Locale, key: string) => LangText,
): Block[] {
  const cells: [string, string, number][] = [
    ['card.agencyName', agency.name, 1],
    ['card.agencyPhone', agency.phone, 1],
    ['card.agencyAddress', agency.address, 1],
  ];
  // Compact boxes (label above value): labels in the card's languages, the details as the directory has
  // them (usually Thai).
  const label = (key: string) =>
    langs
      .map((lng) => t(lng, key).text)
      .filter((text, i, all) => all.indexOf(text) === i)
      .join(' · ');
  return [
    {
      kind: 'fieldGrid',
      columns: 3,
      cells: cells
        .filter(([, value]) => value.trim() !== '')
        .map(([key, value, span]) => ({
          label: label(key),
          value,
          lang: langs[0] ?? THAI,
          valueLang: THAI,
          span,
        })),
    },
  ];
}
