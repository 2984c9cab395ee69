import { findQuestion, INSTRUMENT } from './index';

/**
 * What translators must know beyond the English text: the readings of the source that went wrong before
 * (issue 15's review of the five translations), and the terms each language keeps the same everywhere.
 * The strings export puts both into each unit's notes; tests/unit/locale-terms.test.ts checks every
 * current translation against the terms. Data only, so a reviewer can add a note or a term without code.
 */

/** A note on one string (namespace and key), in English, for every language. */
export const TRANSLATOR_NOTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  instrument: {
    'questions.trav_money_paid_for_you.text':
      'Someone RECEIVED money in exchange for the person (the person was sold or passed on for money). Not a fee, a ticket or a debt someone paid on their behalf.',
    'questions.sex_asked.text':
      '"Told you to" means instructed or ordered. Do not use a word meaning "hoped" or "wished".',
    'questions.sex_could_refuse.text':
      'Past: at the time it happened, was the person able to refuse. Not "may you refuse this question?".',
    'questions.sex_could_refuse.textChild':
      'Past: at the time it happened, was the child able to refuse. Not "may you refuse this question?".',
    'questions.consent_screening.textChild':
      '"Not be in trouble" means nobody will be angry or punish the child for saying no. Not a legal statement that the child is not guilty.',
    'questions.sex_willing_to_talk.text':
      'It happens to some people; do not say it usually or always happens (no habitual form), and do not suggest the answer.',
    'questions.ctrl_violence_seen.text':
      'Neutral: someone was badly hurt by another person. Do not name an act such as beating; keep who did it as "another person".',
    'questions.rec_conditions_as_promised.text':
      'One question about three things: "no" means at least one of them differs from what the person was told (the next question asks which). Keep it so that "yes" means all three are as promised.',
    'questions.exit_tried.text':
      'The person themself, not co-workers (they are asked about next): "you yourself".',
    'options.stopped_or_brought_back':
      'Said of whoever tried to leave, the person or a co-worker: keep it without a subject.',
    'options.punished_or_hurt':
      'Said of whoever tried to leave, the person or a co-worker: keep it without a subject.',
    'options.no_preference':
      'The person does not mind whether a woman or a man talks with them. Not "not specified" or "no answer".',
    'options.sold_or_paid_for':
      'The person speaks: someone received money for handing them over. Not a fee paid on their behalf.',
  },
  referral: {
    'rights.text':
      'Read by or to the person: plain words (for example "money for the harm done to you", not the legal term for damages), addressing them as in the interview questions.',
    'nextSteps.text': 'Read by or to the person: plain words, addressing them as in the interview questions.',
  },
};

/**
 * A term a language uses the same way everywhere: `avoid` must not appear (in the strings of `scope`),
 * `use` is what to write instead. `concept` finds the English strings where the term matters, so a
 * translator sees the rule on exactly those units.
 */
export interface TermRule {
  readonly lng: string;
  readonly concept: RegExp;
  readonly avoid: RegExp;
  readonly use: string;
  readonly why: string;
  /** 'person': only strings the interviewee reads or hears; 'officer': only the officer's; 'all': every string. */
  readonly scope: 'person' | 'officer' | 'all';
  /** Only keys matching this (default: every key). */
  readonly keys?: RegExp;
}

export const TERM_RULES: readonly TermRule[] = [
  {
    lng: 'vi',
    concept: /\bpolice\b/i,
    avoid: /công an/i,
    use: 'cảnh sát',
    why: 'the Thai police; "công an" is Vietnam’s own police',
    scope: 'all',
  },
  {
    lng: 'vi',
    concept: /badly hurt/i,
    avoid: /đánh đập/i,
    use: 'bị (người khác) làm cho bị thương',
    why: 'the source is neutral about how someone was hurt; "đánh đập" names beating',
    scope: 'person',
  },
  {
    lng: 'km',
    concept: /\bstart/i,
    avoid: /ចាប់ផ្តើម/,
    use: 'ចាប់ផ្ដើម',
    why: 'one spelling of the subscript (COENG DA) everywhere',
    scope: 'all',
  },
  {
    lng: 'km',
    concept: /interview/i,
    avoid: /សម្ភាស(?!ន៍)/,
    use: 'សម្ភាសន៍',
    why: 'one spelling of "interview" everywhere',
    scope: 'all',
  },
  {
    lng: 'km',
    concept: /\bbroker/i,
    avoid: /ឈ្មួញ/,
    use: 'មេខ្យល់',
    why: 'a migration broker; "ឈ្មួញ" is a trader or merchant',
    scope: 'all',
  },
  {
    lng: 'km',
    concept: /\b(at sea|middle|centre|center)\b/i,
    avoid: /កណ្តាល/,
    use: 'កណ្ដាល',
    why: 'one spelling of the subscript (COENG DA) everywhere',
    scope: 'all',
  },
  {
    lng: 'lo',
    concept: /\byou\b/i,
    avoid: /ທ່ານ(?!ໝໍ)/,
    use: 'ເຈົ້າ',
    why: 'the person is addressed the same way in every text they read or hear (ທ່ານໝໍ, doctor, is not the pronoun)',
    scope: 'person',
  },
  {
    lng: 'lo',
    concept: /\byou(r)?\b/i,
    avoid: /(?<!ເຂົາ)ເຈົ້າ(?!ໜ້າທີ່|ຂອງ)/,
    use: 'ທ່ານ',
    why: 'the officer is addressed as on every other officer screen; ເຈົ້າ is how the person is addressed (ເຂົາເຈົ້າ, ເຈົ້າໜ້າທີ່ and ເຈົ້າຂອງ are other words)',
    scope: 'officer',
    keys: /^questions\./,
  },
  {
    lng: 'lo',
    concept: /interpreter/i,
    avoid: /ນາຍແປພາສາ|ຜູ້ແປພາສາ/,
    use: 'ນາຍພາສາ',
    why: 'one word for the interpreter everywhere',
    scope: 'all',
  },
  {
    lng: 'th',
    concept: /compensation|harm done/i,
    avoid: /ค่าสินไหมทดแทน/,
    use: 'เงินชดเชยความเสียหาย',
    why: 'plain words for the person; the legal term stays in the officer’s texts',
    scope: 'person',
  },
  {
    lng: 'my',
    concept: /\bsexual things\b/i,
    avoid: /ခိုင်းတတ်ကြ/,
    use: 'တောင်းဆိုတာ ရှိ(ပါ)တယ်',
    why: 'it happens to some people; the habitual form says it usually happens and leads the answer',
    scope: 'person',
  },
];

/** The notes and term rules that apply to one string, as lines for a translator. */
export function translatorNoteLines(lng: string, ns: string, key: string, english: string): string[] {
  const note = TRANSLATOR_NOTES[ns]?.[key];
  const terms = TERM_RULES.filter(
    (rule) => rule.lng === lng && rule.concept.test(english) && (rule.keys?.test(key) ?? true),
  );
  const polarity = ns === 'instrument' ? polarityNote(key) : undefined;
  return [
    ...(note ? [`Translator note: ${note}`] : []),
    ...(polarity ? [polarity] : []),
    ...terms.map((rule) => `Term: ${rule.use}, not ${termText(rule.avoid)} (${rule.why})`),
  ];
}

/** The avoided term as a reader sees it (the pattern without regex syntax). */
function termText(pattern: RegExp): string {
  return pattern.source
    .replace(/\(\?![^)]*\)/g, '')
    .split('|')
    .join(' or ');
}

const QUESTION_WORDING = /^questions\.([^.]+)\.(text|textChild)$/;

/**
 * For a yes/no question: its "yes" and "no" must mean what they mean in English. The buttons read "yes /
 * no" or, in Thai, Burmese and Lao, "correct / not correct": a question turned negative or into a
 * statement to confirm inverts the answer, and with it the findings. Derived from the evidence rules.
 */
function polarityNote(key: string): string | undefined {
  const id = QUESTION_WORDING.exec(key)?.[1];
  const question = id === undefined ? undefined : findQuestion(INSTRUMENT, id);
  if (question?.kind !== 'yesNo') return undefined;
  const counts = new Set(
    question.evidence.flatMap((rule) => ('equals' in rule.when ? [rule.when.equals] : [])),
  );
  const which =
    counts.size === 1 ? ` Here "${[...counts][0]}" is the answer that can point to an indicator.` : '';
  return `Yes/no question: keep it a plain question whose "yes" and "no" mean what they mean in English, never a negative question or a statement to confirm (the buttons may read "correct / not correct").${which}`;
}
