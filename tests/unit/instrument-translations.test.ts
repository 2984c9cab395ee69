import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/i18n/locales';
import {
  allQuestions,
  answerLabelKey,
  archivedTextKey,
  elementNameKey,
  ILO_EC_ELEMENTS,
  ILO_EC_INDICATOR_CODES,
  ILO_FL_INDICATORS,
  INSTRUMENT,
  INSTRUMENT_NAMESPACE,
  indicatorDescriptionKey,
  indicatorNameKey,
  optionKey,
  questionGuidanceKey,
  questionTextKey,
  STRENGTHS,
  sectionTitleKey,
  THAI_CODES,
  THAI_GROUPS,
  TIERS,
  thaiNameKey,
  URGENT_REASONS,
  urgentReasonKey,
} from '../../src/shared/instrument';
import { RECOMMENDATION_CODES, recommendationOf } from '../../src/shared/screening';

type Tree = { [k: string]: string | Tree };
const dir = join(__dirname, '..', '..', 'resources', 'locales');
const load = (lng: string): Tree => JSON.parse(readFileSync(join(dir, lng, 'instrument.json'), 'utf8'));

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const questions = allQuestions(INSTRUMENT).map((x) => x.question);
const optionIds = [...new Set(questions.flatMap((q) => ('options' in q ? q.options.map((o) => o.id) : [])))];

/** Every key the screens, the result page and the referral will ask for. */
function requiredKeys(): string[] {
  return [
    ...questions.flatMap((q) => [
      questionTextKey(q),
      questionGuidanceKey(q.id),
      ...(q.childText ? [questionTextKey(q, true)] : []),
      // Answers given to an older wording still show the words the person heard.
      ...Array.from({ length: q.version - 1 }, (_, i) => archivedTextKey(q.id, i + 1)),
    ]),
    ...optionIds.map(optionKey),
    ...INSTRUMENT.sections.map((s) => sectionTitleKey(s.id)),
    ...(['yes', 'no', 'not_sure', 'prefer_not'] as const).map(answerLabelKey),
    ...RECOMMENDATION_CODES.flatMap((c) => [
      recommendationOf(c).messageKey,
      recommendationOf(c).explanationKey,
    ]),
    ...URGENT_REASONS.map(urgentReasonKey),
    ...[...ILO_FL_INDICATORS, ...ILO_EC_INDICATOR_CODES].flatMap((c) => [
      indicatorNameKey(c),
      indicatorDescriptionKey(c),
    ]),
    ...ILO_EC_ELEMENTS.map(elementNameKey),
    ...[...THAI_CODES, ...THAI_GROUPS].map(thaiNameKey),
    ...STRENGTHS.map((s) => `strength.${s}`),
    ...TIERS.map((t) => `tiers.${t}`),
    'frameworks.ilo_fl',
    'frameworks.ilo_ec',
    'frameworks.thai',
    'result.disclaimer',
  ];
}

const SCRIPTS: Record<string, RegExp> = {
  th: /[\u0E00-\u0E7F]/,
  my: /[\u1000-\u109F]/,
  km: /[\u1780-\u17FF]/,
  lo: /[\u0E80-\u0EFF]/,
  vi: /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
};

describe('instrument text in six languages', () => {
  it.each([...LOCALES])('%s has every key the app needs, non-empty', (lng) => {
    const tree = load(lng);
    const missing = requiredKeys().filter((k) => !(lookup(tree, k) ?? '').trim());
    expect(missing).toEqual([]);
  });

  it.each([...LOCALES])('%s has child wording exactly where a question declares it', (lng) => {
    const tree = load(lng);
    for (const q of questions) {
      const child = lookup(tree, `questions.${q.id}.textChild`);
      expect(child !== undefined, `${lng} ${q.id}`).toBe(q.childText);
      if (child) expect(child, `${lng} ${q.id}`).not.toBe(lookup(tree, `questions.${q.id}.text`));
    }
    // No text for questions that do not exist (renamed or removed ids).
    const known = new Set(questions.map((q) => q.id));
    expect(Object.keys(tree.questions as Tree).filter((id) => !known.has(id))).toEqual([]);
    expect(Object.keys(tree.options as Tree).filter((id) => !optionIds.includes(id))).toEqual([]);
  });

  it.each(Object.keys(SCRIPTS))('%s question text and guidance are written in its own script', (lng) => {
    const tree = load(lng);
    const en = load('en');
    const script = SCRIPTS[lng] as RegExp;
    for (const q of questions) {
      for (const key of [questionTextKey(q), questionGuidanceKey(q.id), questionTextKey(q, true)]) {
        const text = lookup(tree, key);
        if (text === undefined) continue;
        expect(script.test(text), `${lng} ${key}`).toBe(true);
        expect(text, `${lng} ${key}`).not.toBe(lookup(en, key));
      }
    }
  });

  it('Burmese is Unicode, not Zawgyi', () => {
    const { ZawgyiDetector } = createRequire(import.meta.url)('myanmar-tools') as {
      ZawgyiDetector: new () => { getZawgyiProbability(s: string): number };
    };
    const detector = new ZawgyiDetector();
    const tree = load('my');
    for (const key of requiredKeys()) {
      const text = lookup(tree, key) ?? '';
      expect(detector.getZawgyiProbability(text), `${key}: ${text}`).toBeLessThan(0.1);
    }
  });

  it('the hotline number and legal section numbers survive translation', () => {
    for (const lng of LOCALES) {
      const tree = load(lng);
      expect(lookup(tree, 'questions.safety_others_present.guidance'), lng).toContain('1300');
      expect(lookup(tree, 'recommendations.urgent_action.explanation'), lng).toContain('1300');
      expect(lookup(tree, 'thai.s6_1.means.name'), lng).toMatch(/6\/1|၆\/၁/);
    }
  });

  it('resolves through i18next, dotted codes and child wording included', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      ns: [INSTRUMENT_NAMESPACE],
      defaultNS: INSTRUMENT_NAMESPACE,
      resources: Object.fromEntries(LOCALES.map((l) => [l, { [INSTRUMENT_NAMESPACE]: load(l) }])),
    });
    const q = questions.find((x) => x.id === 'exit_could_leave');
    if (!q) throw new Error('missing');
    expect(i18n.t(questionTextKey(q, true))).toBe('If you wanted to stop this work and go, could you?');
    expect(i18n.t(indicatorNameKey('ilo_ec.cd.confiscation_of_documents'))).toBe('Confiscation of documents');
    expect(i18n.t(thaiNameKey('s6_1.document_seizure'), { lng: 'th' })).toBe('ยึดเอกสารสำคัญประจำตัว');
    expect(i18n.t(recommendationOf('refer_mdt').messageKey, { lng: 'vi' })).toMatch(/nhóm liên ngành/);
  });
});
