import type { AnswerWording } from '../../shared/domain/interviews';
import {
  describeAnswer,
  elementNameKey,
  findQuestion,
  INSTRUMENT,
  indicatorNameKey,
  questionTextKey,
  thaiNameKey,
} from '../../shared/instrument';
import type { EvidenceRef, ScreeningResult } from '../../shared/screening';
import type { ThaiPart } from '../../shared/screening/thai-law';
import type { Block, GridCell, Lang, ListItem } from '../pdf/model';
import type { Translate } from './facts';
import { howKnown } from './words';

/**
 * The legal summary: Thai s.6 and s.6/1, the ILO forced-labour indicators and the ILO/EC elements,
 * each naming the answers behind it by number, then the answers themselves, each printed once with
 * everything it supports and how it was known (said, seen, document).
 */

const PRIMARY: Lang = 'th';

/** What one answer supports, gathered over every framework. */
interface Evidence {
  ref: EvidenceRef;
  supports: string[];
}

class EvidenceIndex {
  private readonly byQuestion = new Map<string, Evidence>();

  constructor(private readonly order: ReadonlyMap<string, number>) {}

  /** Records that these answers support `label`. */
  cite(refs: readonly EvidenceRef[], label: string): void {
    for (const ref of refs) {
      const entry = this.byQuestion.get(ref.questionId) ?? { ref, supports: [] };
      if (!entry.supports.includes(label)) entry.supports.push(label);
      this.byQuestion.set(ref.questionId, entry);
    }
  }

  /** Entries in interview order, numbered from 1. */
  numbered(): (Evidence & { number: number })[] {
    return [...this.byQuestion.values()]
      .sort((a, b) => (this.order.get(a.ref.questionId) ?? 0) - (this.order.get(b.ref.questionId) ?? 0))
      .map((entry, i) => ({ ...entry, number: i + 1 }));
  }
}

function questionOrder(): Map<string, number> {
  const order = new Map<string, number>();
  for (const section of INSTRUMENT.sections) for (const q of section.questions) order.set(q.id, order.size);
  return order;
}
const ORDER = questionOrder();

/** Findings are listed first (to number the answers), then their answers' numbers are filled in. */
interface Finding {
  label: string;
  names: string[];
  refs: EvidenceRef[];
}

export function findingsBlocks(
  result: ScreeningResult,
  t: Translate,
  wordings: Readonly<Record<string, AnswerWording>> = {},
): Block[] {
  const index = new EvidenceIndex(ORDER);
  const s6 = result.thaiLaw.s6;
  const s61 = result.thaiLaw.s6_1;
  const thaiFinding = (part: ThaiPart, labelKey: string): Finding => ({
    label: t(`instrument:${labelKey}`),
    names: part.findings.map((f) => t(`instrument:${thaiNameKey(f.code)}`)),
    refs: part.findings.flatMap((f) => f.evidence),
  });
  const s6Parts = {
    act: thaiFinding(s6.act, thaiNameKey('s6.act')),
    means: thaiFinding(s6.means, thaiNameKey('s6.means')),
    purpose: thaiFinding(s6.purpose, thaiNameKey('s6.purpose')),
  };
  const s61Parts = {
    work: thaiFinding(s61.work, thaiNameKey('s6_1.work')),
    means: thaiFinding(s61.means, thaiNameKey('s6_1.means')),
    // The second half of the ILO definition: the work is not offered voluntarily.
    involuntary: thaiFinding(s61.involuntary, thaiNameKey('s6_1.involuntary')),
  };
  // Cite per code, so each answer lists exactly the codes it supports.
  const citeThai = (part: ThaiPart, short: string) => {
    for (const f of part.findings)
      index.cite(f.evidence, `${short} ${t(`instrument:${thaiNameKey(f.code)}`)}`);
  };
  for (const part of [s6.act, s6.means, s6.purpose]) citeThai(part, t('referral:findings.s6Short'));
  for (const part of [s61.work, s61.means]) citeThai(part, t('referral:findings.s61Short'));
  // Each answer showing the work is not voluntary says so, briefly (the row above has the full wording).
  for (const f of s61.involuntary.findings) index.cite(f.evidence, t('referral:findings.involuntaryCite'));
  const ilo = result.indicators.filter((i) => i.framework === 'ilo_fl');
  for (const i of ilo) index.cite(i.evidence, `ILO: ${t(`instrument:${indicatorNameKey(i.code)}`)}`);
  const elements = result.elements.filter((e) => e.present);
  for (const e of elements) index.cite(e.evidence, `ILO/EC: ${t(`instrument:${elementNameKey(e.code)}`)}`);

  const numbers = new Map(index.numbered().map((e) => [e.ref.questionId, e.number]));
  const refsText = (refs: readonly EvidenceRef[]) => {
    const cited = [...new Set(refs.map((r) => numbers.get(r.questionId)).filter((n) => n !== undefined))];
    cited.sort((a, b) => a - b);
    return cited.length ? ` [${cited.join(', ')}]` : '';
  };
  const partValue = (finding: Finding) =>
    finding.names.length
      ? `${finding.names.join('; ')}${refsText(finding.refs)}`
      : t('referral:findings.notFound');

  const blocks: Block[] = [];
  blocks.push({ kind: 'subheading', text: t('referral:findings.s6Title'), lang: PRIMARY });
  const s6Cells: GridCell[] = [
    { label: s6Parts.act.label, value: partValue(s6Parts.act), lang: PRIMARY },
    {
      label: s6Parts.means.label,
      // For a child the means are not required; any found are still listed.
      value:
        s6.child && !s6.means.present ? t('referral:findings.notRequiredChild') : partValue(s6Parts.means),
      lang: PRIMARY,
    },
    { label: s6Parts.purpose.label, value: partValue(s6Parts.purpose), lang: PRIMARY },
    { label: t('referral:findings.s6Result'), value: s6Outcome(result, t), lang: PRIMARY, span: 3 },
  ];
  blocks.push({ kind: 'fieldGrid', columns: 3, cells: s6Cells });

  blocks.push({ kind: 'subheading', text: t('referral:findings.s61Title'), lang: PRIMARY });
  blocks.push({
    kind: 'fieldGrid',
    columns: 4,
    cells: [
      { label: s61Parts.work.label, value: partValue(s61Parts.work), lang: PRIMARY },
      { label: s61Parts.means.label, value: partValue(s61Parts.means), lang: PRIMARY },
      { label: s61Parts.involuntary.label, value: partValue(s61Parts.involuntary), lang: PRIMARY },
      {
        label: t('referral:findings.s61Result'),
        value: s61.met
          ? t('referral:findings.s61Met')
          : t('referral:findings.notAllFound', { missing: missingS61(s61Parts, s61) }),
        lang: PRIMARY,
      },
    ],
  });

  blocks.push({ kind: 'subheading', text: t('instrument:frameworks.ilo_fl'), lang: PRIMARY });
  blocks.push(
    ilo.length
      ? {
          kind: 'fieldGrid',
          columns: 3,
          cells: ilo.map((i) => ({
            label: t(`instrument:strength.${i.strength}`),
            value: `${t(`instrument:${indicatorNameKey(i.code)}`)}${refsText(i.evidence)}`,
            lang: PRIMARY,
          })),
        }
      : { kind: 'paragraph', text: t('referral:findings.noneFound'), lang: PRIMARY },
  );

  blocks.push({ kind: 'subheading', text: t('instrument:frameworks.ilo_ec'), lang: PRIMARY });
  blocks.push(
    elements.length
      ? {
          kind: 'fieldGrid',
          columns: 2,
          cells: elements.map((e) => ({
            label: t('referral:findings.elementPresent'),
            value: `${t(`instrument:${elementNameKey(e.code)}`)}${refsText(e.evidence)}`,
            lang: PRIMARY,
          })),
        }
      : { kind: 'paragraph', text: t('referral:findings.noneFound'), lang: PRIMARY },
  );

  const numbered = index.numbered();
  if (numbered.length > 0) {
    blocks.push({ kind: 'subheading', text: t('referral:findings.answersTitle'), lang: PRIMARY });
    blocks.push({
      kind: 'list',
      compact: true,
      items: numbered.map((entry) => evidenceItem(entry, t, wordings[entry.ref.questionId])),
    });
  }
  return blocks;
}

/**
 * The question as the person was asked it: the wording recorded with the answer (its Thai text as
 * shown, else its key in Thai: the child or short-screen variant), else the instrument's current text.
 */
function questionText(questionId: string, t: Translate, wording: AnswerWording | undefined): string {
  if (wording) return wording.texts.th ?? t(`instrument:${wording.key}`);
  const q = findQuestion(INSTRUMENT, questionId);
  return q ? t(`instrument:${questionTextKey(q)}`) : questionId;
}

function evidenceItem(entry: Evidence & { number: number }, t: Translate, wording?: AnswerWording): ListItem {
  const question = questionText(entry.ref.questionId, t, wording);
  return {
    marker: `${entry.number}.`,
    text: t('referral:findings.answer', {
      question,
      answer: describeAnswer(entry.ref.value, t),
      how: t(`referral:howKnown.${howKnown(entry.ref.questionId)}`),
      supports: entry.supports.join('; '),
    }),
    lang: PRIMARY,
  };
}

/** The s.6 line: never "not indicated" when what the law needs was found (for a child, act + purpose). */
function s6Outcome(result: ScreeningResult, t: Translate): string {
  const s6 = result.thaiLaw.s6;
  if (s6.met) return t(s6.child ? 'referral:findings.s6MetChild' : 'referral:findings.s6Met');
  const missing: string[] = [];
  if (!s6.act.present) missing.push(t(`instrument:${thaiNameKey('s6.act')}`));
  if (s6.meansRequired && !s6.means.present) missing.push(t(`instrument:${thaiNameKey('s6.means')}`));
  if (!s6.purpose.present) missing.push(t(`instrument:${thaiNameKey('s6.purpose')}`));
  const line = t('referral:findings.notAllFound', { missing: missing.join('; ') });
  return s6.child ? `${line} ${t('referral:findings.childNoMeans')}` : line;
}

function missingS61(
  parts: Record<'work' | 'means' | 'involuntary', Finding>,
  s61: ScreeningResult['thaiLaw']['s6_1'],
): string {
  const missing: string[] = [];
  if (!s61.work.present) missing.push(parts.work.label);
  if (!s61.means.present) missing.push(parts.means.label);
  if (!s61.involuntary.present) missing.push(parts.involuntary.label);
  return missing.join('; ');
}
