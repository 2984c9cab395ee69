import type { CaseDetail } from '../../shared/domain/cases';
import type { InterviewSummary } from '../../shared/domain/interviews';
import type { Person } from '../../shared/domain/persons';
import { provinceLabel } from '../../shared/domain/provinces';
import type { Locale } from '../../shared/i18n/locales';
import {
  type Answers,
  type AnswerValue,
  describeAnswer,
  elementNameKey,
  findQuestion,
  INSTRUMENT,
  indicatorNameKey,
  questionTextKey,
  thaiNameKey,
} from '../../shared/instrument';
import type { EvidenceRef, ScreeningResult } from '../../shared/screening';
import type { Block, DocModel, Lang } from '../pdf/model';
import type { FieldSource, ReferralForm } from './form-layout';

/** A translator fixed to one language: (key, values) -> text. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface ReferralFacts {
  caseDetail: CaseDetail;
  person: Person | null;
  /** The latest interview of the person (its language and interpreter are printed). */
  interview: InterviewSummary | null;
  /** All answers of the person's interviews, the later overriding the earlier. */
  answers: Answers;
  result: ScreeningResult;
  agency: { name: string; unit: string; province: string; phone: string };
  officerName: string;
  receivingAgency: string;
  /**
   * The referral directory entry chosen, as stored in the settings (resolved in main, never taken from
   * the renderer); null when the officer typed an agency that is not in the directory.
   */
  receivingContact: ReceivingContact | null;
  intervieweeLanguage: Locale;
  signer: { name: string; role: string; agency: string; fingerprint: string; signedAt: string };
}

export interface ReceivingContact {
  province: string;
  address: string;
  phone: string;
  email: string;
}

/** The receiving agency's contact lines: printed only for a directory entry, and only those it has. */
const RECEIVING_CONTACT_FIELDS: ReadonlySet<FieldSource> = new Set([
  'receiving.province',
  'receiving.address',
  'receiving.phone',
  'receiving.email',
]);

const PRIMARY: Lang = 'th';

/**
 * Builds the referral as a document model: Thai first, with the interviewee's language beside the
 * sections the person must understand (consent, rights, what happens next). Pure: the same facts
 * always give the same model; no I/O, no clock.
 */
export function buildReferralModel(
  form: ReferralForm,
  facts: ReferralFacts,
  th: Translate,
  iv: Translate,
): DocModel {
  const ivLang: Lang = facts.intervieweeLanguage;
  const bilingualWanted = ivLang !== PRIMARY;
  const consentedToReferral = yes(referralConsentAnswer(facts.answers));
  const blocks: Block[] = [
    {
      kind: 'title',
      text: th('referral:title'),
      lang: PRIMARY,
      ...(bilingualWanted ? { secondary: { text: iv('referral:title'), lang: ivLang } } : {}),
    },
    { kind: 'paragraph', text: th('referral:disclaimer'), lang: PRIMARY },
  ];

  for (const section of form.sections) {
    const bilingual = section.bilingual && bilingualWanted;
    blocks.push({
      kind: 'heading',
      text: th(`referral:sections.${section.id}`),
      lang: PRIMARY,
      ...(bilingual ? { secondary: { text: iv(`referral:sections.${section.id}`), lang: ivLang } } : {}),
    });
    if (section.needsReferralConsent && !consentedToReferral) {
      blocks.push({ kind: 'paragraph', text: th('referral:withheldNoConsent'), lang: PRIMARY });
      continue;
    }
    switch (section.kind) {
      case 'fields':
        for (const source of section.fields ?? []) {
          const value = fieldValue(source, facts, th);
          if (RECEIVING_CONTACT_FIELDS.has(source) && !value.text.trim()) continue;
          blocks.push({
            kind: 'field',
            label: th(`referral:fields.${source}`),
            value: value.text || '—',
            lang: PRIMARY,
            valueLang: value.lang,
          });
        }
        break;
      case 'consent':
        for (const purpose of ['consent_screening', 'consent_referral', 'consent_police'] as const) {
          const given = consentWord(
            purpose === 'consent_referral' ? referralConsentAnswer(facts.answers) : facts.answers[purpose],
          );
          const line = (t: Translate) =>
            `${t(`referral:consent.${purpose}`, { agency: facts.receivingAgency })}: ${t(`referral:consent.${given}`)}`;
          blocks.push(bilingualBlock(line(th), bilingual ? line(iv) : null, ivLang));
        }
        blocks.push({
          kind: 'field',
          label: th('referral:consent.recorded'),
          value: facts.interview
            ? th('referral:consent.recordedValue', {
                time: facts.interview.startedAt,
                language: facts.interview.intervieweeLanguage,
                interpreter: facts.interview.interpreter?.name ?? th('referral:none'),
              })
            : '—',
          lang: PRIMARY,
        });
        break;
      case 'indicators':
        blocks.push(...indicatorBlocks(facts.result, th));
        break;
      case 'safety': {
        const view = facts.answers.close_person_view;
        const urgent = facts.result.urgent.messageKeys.map((k) => th(`instrument:${k}`));
        blocks.push({
          kind: 'field',
          label: th('referral:safety.urgent'),
          value: urgent.length ? urgent.join('; ') : th('referral:none'),
          lang: PRIMARY,
        });
        blocks.push({
          kind: 'field',
          label: th('referral:safety.personView'),
          value: view ? describeAnswer(view, th) : th('referral:notRecorded'),
          lang: PRIMARY,
        });
        break;
      }
      case 'needs': {
        const needs = [facts.answers.close_needs, facts.answers.health_immediate_needs]
          .filter((v): v is AnswerValue => v !== undefined)
          .map((v) => describeAnswer(v, th));
        blocks.push({
          kind: 'paragraph',
          text: needs.length ? needs.join('; ') : th('referral:notRecorded'),
          lang: PRIMARY,
        });
        break;
      }
      case 'personWords': {
        const words = facts.answers.close_opinion;
        if (words?.kind === 'text' && words.text.trim()) {
          blocks.push({ kind: 'paragraph', text: words.text, lang: ivLang });
        } else {
          blocks.push({ kind: 'paragraph', text: th('referral:notRecorded'), lang: PRIMARY });
        }
        break;
      }
      case 'rights':
        blocks.push(
          {
            kind: 'field',
            label: th('referral:rights.explained'),
            value: yes(facts.answers.close_rights_explained)
              ? th('referral:yes')
              : th('referral:notRecorded'),
            lang: PRIMARY,
          },
          bilingualBlock(th('referral:rights.text'), bilingual ? iv('referral:rights.text') : null, ivLang),
        );
        break;
      case 'nextSteps':
        blocks.push(
          bilingualBlock(
            th('referral:nextSteps.text', { agency: facts.receivingAgency }),
            bilingual ? iv('referral:nextSteps.text', { agency: facts.receivingAgency }) : null,
            ivLang,
          ),
        );
        break;
      case 'assessment':
        blocks.push({
          kind: 'field',
          label: th('referral:assessment.recommendation'),
          value: th(`instrument:${facts.result.recommendation.messageKey}`),
          lang: PRIMARY,
        });
        blocks.push({
          kind: 'paragraph',
          text: facts.caseDetail.officerAssessment?.trim() || th('referral:notRecorded'),
          lang: PRIMARY,
        });
        break;
      case 'signature':
        blocks.push({
          kind: 'signatureBlock',
          title: { text: th('referral:signature.title'), lang: PRIMARY },
          lines: [
            { label: th('referral:signature.name'), value: facts.signer.name, lang: PRIMARY },
            { label: th('referral:signature.role'), value: facts.signer.role, lang: PRIMARY },
            { label: th('referral:signature.agency'), value: facts.signer.agency || '—', lang: PRIMARY },
            { label: th('referral:signature.time'), value: facts.signer.signedAt, lang: PRIMARY },
            { label: th('referral:signature.fingerprint'), value: facts.signer.fingerprint, lang: 'en' },
          ],
        });
        break;
    }
  }

  return {
    title: `${th('referral:title')} ${facts.caseDetail.reference}`,
    lang: PRIMARY,
    metadata: {
      subject: th('referral:title'),
      author: facts.signer.name,
      keywords: facts.caseDetail.reference,
    },
    blocks,
    footer: { text: th('referral:footer', { reference: facts.caseDetail.reference }), lang: PRIMARY },
  };
}

function bilingualBlock(primary: string, secondary: string | null, ivLang: Lang): Block {
  return secondary === null
    ? { kind: 'paragraph', text: primary, lang: PRIMARY }
    : {
        kind: 'bilingual',
        primary: { text: primary, lang: PRIMARY },
        secondary: { text: secondary, lang: ivLang },
      };
}

/**
 * Consent to referral: asked in the consent section of the full interview, or at the close of the
 * short screen; the later, explicit one wins.
 */
export function referralConsentAnswer(answers: Answers): AnswerValue | undefined {
  return answers.consent_referral ?? answers.close_referral_consent;
}

export function yes(value: AnswerValue | undefined): boolean {
  return value?.kind === 'choice' && value.value === 'yes';
}

function consentWord(value: AnswerValue | undefined): 'given' | 'refused' | 'notAsked' {
  if (value?.kind === 'choice') return value.value === 'yes' ? 'given' : 'refused';
  if (value?.kind === 'declined') return 'refused';
  return 'notAsked';
}

function evidenceItems(refs: readonly EvidenceRef[], t: Translate): { text: string; lang: Lang }[] {
  return refs.map((ref) => {
    const q = findQuestion(INSTRUMENT, ref.questionId);
    const question = q ? t(`instrument:${questionTextKey(q)}`) : ref.questionId;
    return {
      text: t('referral:indicators.evidence', { question, answer: describeAnswer(ref.value, t) }),
      lang: PRIMARY,
    };
  });
}

function indicatorBlocks(result: ScreeningResult, t: Translate): Block[] {
  const blocks: Block[] = [];
  const s6 = result.thaiLaw.s6;
  const s61 = result.thaiLaw.s6_1;
  blocks.push({ kind: 'paragraph', text: t('instrument:frameworks.thai'), lang: PRIMARY });
  for (const part of ['act', 'means', 'purpose'] as const) {
    const p = s6[part];
    blocks.push({
      kind: 'field',
      label: t(`instrument:thai.s6.${part}.name`),
      value: p.present ? p.findings.map((f) => t(`instrument:${thaiNameKey(f.code)}`)).join('; ') : '—',
      lang: PRIMARY,
    });
    for (const f of p.findings) blocks.push({ kind: 'list', items: evidenceItems(f.evidence, t) });
  }
  for (const part of ['work', 'means'] as const) {
    const p = s61[part];
    blocks.push({
      kind: 'field',
      label: t(`instrument:thai.s6_1.${part}.name`),
      value: p.present ? p.findings.map((f) => t(`instrument:${thaiNameKey(f.code)}`)).join('; ') : '—',
      lang: PRIMARY,
    });
    for (const f of p.findings) blocks.push({ kind: 'list', items: evidenceItems(f.evidence, t) });
  }
  blocks.push({
    kind: 'field',
    label: t('referral:indicators.s6Met'),
    value: s6.met ? t('referral:indicators.indicated') : t('referral:indicators.notIndicated'),
    lang: PRIMARY,
  });
  blocks.push({
    kind: 'field',
    label: t('referral:indicators.s61Met'),
    value: s61.met ? t('referral:indicators.indicated') : t('referral:indicators.notIndicated'),
    lang: PRIMARY,
  });
  const ilo = result.indicators.filter((i) => i.framework === 'ilo_fl');
  blocks.push({ kind: 'paragraph', text: t('instrument:frameworks.ilo_fl'), lang: PRIMARY });
  if (ilo.length === 0) blocks.push({ kind: 'paragraph', text: '—', lang: PRIMARY });
  for (const i of ilo) {
    blocks.push({
      kind: 'field',
      label: t(`instrument:${indicatorNameKey(i.code)}`),
      value: t(`instrument:strength.${i.strength}`),
      lang: PRIMARY,
    });
    blocks.push({ kind: 'list', items: evidenceItems(i.evidence, t) });
  }
  const elements = result.elements.filter((e) => e.present);
  blocks.push({ kind: 'paragraph', text: t('instrument:frameworks.ilo_ec'), lang: PRIMARY });
  if (elements.length === 0) blocks.push({ kind: 'paragraph', text: '—', lang: PRIMARY });
  for (const e of elements) {
    blocks.push({
      kind: 'field',
      label: t(`instrument:${elementNameKey(e.code)}`),
      value: '✔',
      lang: PRIMARY,
    });
    blocks.push({ kind: 'list', items: evidenceItems(e.evidence, t) });
  }
  return blocks;
}

function fieldValue(source: FieldSource, f: ReferralFacts, t: Translate): { text: string; lang?: Lang } {
  const c = f.caseDetail;
  const p = f.person;
  const i = f.interview;
  switch (source) {
    case 'case.reference':
      return { text: c.reference, lang: 'en' };
    case 'case.screeningDate':
      return { text: c.screeningDate, lang: 'en' };
    case 'case.status':
      return { text: t(`referral:status.${c.status}`) };
    case 'place.kind':
      return { text: t(`referral:placeKind.${c.place.kind}`) };
    case 'place.name':
      return { text: c.place.name };
    case 'place.province':
      return { text: c.place.province ?? '' };
    case 'vessel.name':
      return { text: c.vessel?.name ?? '' };
    case 'vessel.registration':
      return { text: c.vessel?.registration ?? '' };
    case 'vessel.flag':
      return { text: c.vessel?.flag ?? '' };
    case 'agency.name':
      return { text: f.agency.name };
    case 'agency.unit':
      return { text: f.agency.unit };
    case 'agency.province':
      return { text: f.agency.province };
    case 'agency.phone':
      return { text: f.agency.phone, lang: 'en' };
    case 'officer.name':
      return { text: f.officerName };
    case 'team.present':
      return { text: /present: ([^;]*)/.exec(i?.interpreter?.notes ?? '')?.[1] ?? '' };
    case 'person.nameOrAlias':
      return { text: p?.nameOrAlias ?? '' };
    case 'person.sex':
      return { text: p ? t(`referral:sex.${p.sex}`) : '' };
    case 'person.age':
      return { text: p?.ageYears != null ? String(p.ageYears) : '' };
    case 'person.minor':
      return {
        text: f.result.child.possibleChild
          ? t('referral:minor.possible')
          : p
            ? t(`referral:minor.${p.minor}`)
            : '',
      };
    case 'person.ageAssessment':
      return { text: p?.ageAssessment ? t(`referral:ageAssessment.${p.ageAssessment}`) : '' };
    case 'person.nationality':
      return { text: p?.nationality ?? '' };
    case 'person.languages':
      return { text: (p?.languages ?? []).join(', '), lang: 'en' };
    case 'person.documentsLocation': {
      const doc = f.answers.doc_where_now;
      return {
        text: doc
          ? describeAnswer(doc, t)
          : p?.documentsLocation
            ? t(`referral:documents.${p.documentsLocation}`)
            : '',
      };
    }
    case 'interview.language':
      return { text: i?.intervieweeLanguage ?? '', lang: 'en' };
    case 'interpreter.name':
      return { text: i?.interpreter?.name ?? t('referral:none') };
    case 'interpreter.language':
      return { text: i?.interpreter?.language ?? '', lang: 'en' };
    case 'interpreter.declaration':
      return {
        text: i?.interpreter ? (i.interpreter.declarationSigned ? t('referral:yes') : t('referral:no')) : '—',
      };
    case 'interpreter.conflict':
      return {
        text: i?.interpreter
          ? i.interpreter.conflictDeclared
            ? t('referral:conflictYes')
            : t('referral:no')
          : '—',
      };
    case 'receiving.agency':
      return { text: f.receivingAgency };
    case 'receiving.province': {
      const province = f.receivingContact?.province ?? '';
      return { text: province ? provinceLabel(province, 'th') : '' };
    }
    case 'receiving.address':
      return { text: f.receivingContact?.address ?? '' };
    case 'receiving.phone':
      return { text: f.receivingContact?.phone ?? '', lang: 'en' };
    case 'receiving.email':
      return { text: f.receivingContact?.email ?? '', lang: 'en' };
  }
}
