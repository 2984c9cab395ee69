import { minutesBetween } from '../../shared/domain/official-time';
import { provinceLabel } from '../../shared/domain/provinces';
import type { Locale } from '../../shared/i18n/locales';
import { type Answers, type AnswerValue, describeAnswer } from '../../shared/instrument';
import { anchorSummary } from '../audit/anchor';
import { shortFingerprint } from '../keys/store-identity';
import type { Block, DocModel, GridCell, Lang, LangText, SignatureEntry } from '../pdf/model';
import type { ReferralFacts, Translate } from './facts';
import { findingsBlocks } from './findings';
import type { FieldSource, FormSection, ReferralForm, VerificationSource } from './form-layout';
import { consentWord, date, dateTime, derivedText, languageName, nationalityName } from './words';

export type { ReceivingContact, ReferralFacts, Translate } from './facts';

const PRIMARY: Lang = 'th';

/** Is this string (`ns:key`) of this language reviewed by a qualified translator? */
export type IsReviewed = (lng: Locale, nsKey: string) => boolean;

/**
 * Builds the referral as a document model shaped like a Thai official letter: Thai first, with the
 * interviewee's language beside the parts the person must understand (consent, rights, what happens
 * next). While any of those person-language strings is an unreviewed draft, every page says so in
 * Thai and in that language. Pure: the same facts always give the same model; no I/O, no clock.
 */
export function buildReferralModel(
  form: ReferralForm,
  facts: ReferralFacts,
  th: Translate,
  iv: Translate,
  isReviewed: IsReviewed = () => false,
): DocModel {
  const ivLang = facts.intervieweeLanguage;
  // Every string printed in the person's language is recorded, to know whether a draft mark is due.
  const personKeys = new Set<string>();
  const recorded =
    (t: Translate): Translate =>
    (key, values) => {
      personKeys.add(key);
      return t(key, values);
    };
  const ctx: Context = {
    facts,
    th,
    iv: recorded(iv),
    personTh: ivLang === PRIMARY ? recorded(th) : th,
    ivLang,
    bilingualWanted: ivLang !== PRIMARY,
    consentedToReferral: consentWord(referralConsentAnswer(facts.answers)) === 'given',
  };
  const blocks: Block[] = [...letterhead(ctx)];
  for (const section of form.sections) {
    const last = blocks[blocks.length - 1];
    // The receiver signs beside the officer and the interpreter, on the same row.
    if (section.kind === 'acknowledgement' && last?.kind === 'signatureLines') {
      last.entries.push(receiverEntry(ctx));
      continue;
    }
    blocks.push(...sectionBlocks(section, ctx));
  }

  const drafts = [...personKeys].filter((key) => !isReviewed(ivLang, key));
  const language = { language: languageName(ivLang, th) };
  return {
    title: `${th('referral:title')} ${facts.caseDetail.reference}`,
    lang: PRIMARY,
    metadata: {
      subject: th('referral:letter.subjectText'),
      author: facts.signer.name,
      keywords: facts.caseDetail.reference,
      ...(facts.signer.auditAnchor ? { auditAnchor: facts.signer.auditAnchor } : {}),
    },
    blocks,
    footer: {
      text: th('referral:footer', { reference: facts.caseDetail.reference, number: facts.letter.number }),
      lang: PRIMARY,
    },
    pageMark: { text: th('referral:letter.confidential'), lang: PRIMARY },
    ...(form.fitPages ? { fitPages: form.fitPages } : {}),
    unsupportedScript: { text: th('referral:unsupportedScript'), lang: PRIMARY },
    ...(drafts.length > 0
      ? {
          pageNotes: [
            [
              { text: th('referral:draftNote', language), lang: PRIMARY },
              ...(ivLang !== PRIMARY
                ? [{ text: iv('referral:draftNote', { language: languageName(ivLang, iv) }), lang: ivLang }]
                : []),
            ],
          ],
        }
      : {}),
  };
}

interface Context {
  facts: ReferralFacts;
  th: Translate;
  /** The person's language, recorded for the draft mark. */
  iv: Translate;
  /** Thai text the person reads (recorded when Thai is the person's language). */
  personTh: Translate;
  ivLang: Locale;
  bilingualWanted: boolean;
  consentedToReferral: boolean;
}

/** The receiving agency's name in a language: as named, or the multidisciplinary team (translated). */
const receiverName = (ctx: Context, t: Translate) =>
  ctx.facts.receivingAgency || t('referral:defaultReceiver');

function letterhead(ctx: Context): Block[] {
  const { facts, th, ivLang } = ctx;
  const agency = [facts.agency.name, facts.agency.unit, facts.agency.address].filter(Boolean).join('\n');
  const addressee = facts.receivingContactPerson
    ? th('referral:letter.addresseeContact', {
        contact: facts.receivingContactPerson,
        agency: receiverName(ctx, th),
      })
    : th('referral:letter.addresseeHead', { agency: receiverName(ctx, th) });
  const enclosures = facts.enclosures.length
    ? facts.enclosures.map((name, i) => `${i + 1}. ${name}`).join('\n')
    : th('referral:none');
  const line = (label: string, value: string): Block => ({
    kind: 'field',
    label,
    value,
    lang: PRIMARY,
    labelWidth: 0.17,
  });
  return [
    {
      kind: 'row',
      cells: [
        { text: th('referral:letter.number', { number: facts.letter.number }), lang: PRIMARY, align: 'left' },
        { text: agency, lang: PRIMARY, align: 'right' },
      ],
    },
    { kind: 'row', cells: [{ text: date(facts.letter.date, 'th', th), lang: PRIMARY, align: 'center' }] },
    {
      kind: 'title',
      text: th('referral:title'),
      lang: PRIMARY,
      ...(ctx.bilingualWanted ? { secondary: { text: ctx.iv('referral:title'), lang: ivLang } } : {}),
    },
    line(th('referral:letter.subject'), th('referral:letter.subjectText')),
    line(th('referral:letter.to'), addressee),
    line(th('referral:letter.enclosures'), enclosures),
    {
      kind: 'paragraph',
      text: th('referral:letter.intro', {
        agency: facts.agency.name,
        date: date(facts.caseDetail.screeningDate, 'th', th),
        receiver: receiverName(ctx, th),
      }),
      lang: PRIMARY,
    },
  ];
}

const UNTITLED_KINDS: ReadonlySet<FormSection['kind']> = new Set([
  'signatures',
  'acknowledgement',
  'verification',
]);

function sectionBlocks(section: FormSection, ctx: Context): Block[] {
  const { th } = ctx;
  const bilingual = section.bilingual && ctx.bilingualWanted;
  const out: Block[] = [];
  if (!section.untitled && !UNTITLED_KINDS.has(section.kind)) {
    out.push({
      kind: 'heading',
      text: th(`referral:sections.${section.id}`),
      lang: PRIMARY,
      ...(bilingual
        ? { secondary: { text: ctx.iv(`referral:sections.${section.id}`), lang: ctx.ivLang } }
        : {}),
    });
  }
  if (section.needsReferralConsent && !ctx.consentedToReferral) {
    out.push({ kind: 'paragraph', text: th('referral:withheldNoConsent'), lang: PRIMARY });
    return out;
  }
  switch (section.kind) {
    case 'fields':
      out.push(fieldsGrid(section, ctx));
      break;
    case 'team':
      out.push(...teamBlocks(ctx));
      break;
    case 'consent':
      out.push(...consentBlocks(ctx, bilingual));
      break;
    case 'recommendations':
      out.push({
        kind: 'list',
        compact: true,
        items: ctx.facts.result.recommendations.map((r, i) => ({
          marker: `${i + 1}.`,
          text: `${th(`instrument:${r.messageKey}`)} — ${th(`instrument:${r.explanationKey}`)}`,
          lang: PRIMARY,
        })),
      });
      break;
    case 'findings':
      out.push(...findingsBlocks(ctx.facts.result, th, ctx.facts.wordings));
      break;
    case 'safety':
      out.push(safetyGrid(ctx));
      break;
    case 'needs':
      out.push(...needsBlocks(ctx));
      break;
    case 'othersInvolved':
      out.push(othersInvolved(ctx));
      break;
    case 'personWords':
      out.push(personWords(ctx));
      break;
    case 'rights':
      out.push(...rightsBlocks(ctx, bilingual));
      break;
    case 'nextSteps': {
      const text = (t: Translate) => t('referral:nextSteps.text', { agency: receiverName(ctx, t) });
      out.push(bilingualBlock(text(ctx.personTh), bilingual ? text(ctx.iv) : null, ctx.ivLang));
      break;
    }
    case 'assessment':
      out.push({
        kind: 'paragraph',
        text: ctx.facts.caseDetail.officerAssessment?.trim() || th('referral:notRecorded'),
        lang: PRIMARY,
      });
      break;
    case 'signatures':
      out.push(signatures(ctx));
      break;
    case 'acknowledgement':
      out.push({ kind: 'signatureLines', entries: [receiverEntry(ctx)], keepWithPrevious: true });
      break;
    case 'verification':
      out.push(verification(section.verification ?? [], ctx));
      break;
  }
  return out;
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

/** The receiving agency's contact lines: printed only for a directory entry, and only those it has. */
const OPTIONAL_FIELDS: ReadonlySet<FieldSource> = new Set([
  'receiving.province',
  'receiving.address',
  'receiving.phone',
  'receiving.email',
  'receiving.contactPerson',
  'vessel.name',
  'vessel.registration',
  'vessel.flag',
  'agency.address',
]);

/** Values that read better across the whole row. */
const WIDE_FIELDS: ReadonlySet<FieldSource> = new Set([
  'interview.dates',
  'receiving.address',
  'agency.address',
]);

function fieldsGrid(section: FormSection, ctx: Context): Block {
  const cells: GridCell[] = [];
  for (const source of section.fields ?? []) {
    const value = fieldValue(source, ctx);
    if (OPTIONAL_FIELDS.has(source) && !value.text.trim()) continue;
    cells.push({
      label: ctx.th(`referral:fields.${source}`),
      value: value.text || '—',
      lang: PRIMARY,
      ...(value.lang ? { valueLang: value.lang } : {}),
      ...(WIDE_FIELDS.has(source) ? { span: section.columns } : {}),
    });
  }
  return { kind: 'fieldGrid', columns: section.columns, cells };
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

/** What the person was asked to agree to be referred to, in a language. */
function consentAskedText(ctx: Context, t: Translate): string {
  const asked = ctx.facts.consentAsked;
  if (asked.kind === 'contact') return asked.name;
  if (asked.kind === 'agencyKind') return t(`referral:agencyKind.${asked.agencyKind}`);
  if (asked.kind === 'confirmedByOfficer') {
    return t('referral:consent.confirmedByOfficer', {
      receiver: asked.receiver || t('referral:defaultReceiver'),
      officer: ctx.facts.officer.name,
    });
  }
  return t('referral:consent.unnamedAgency');
}

function consentBlocks(ctx: Context, bilingual: boolean): Block[] {
  const { facts, th } = ctx;
  const purposes = [
    ['screening', facts.answers.consent_screening],
    ['referral', referralConsentAnswer(facts.answers)],
    ['police', facts.answers.consent_police],
  ] as const;
  const blocks: Block[] = purposes.map(([purpose, answer]) => {
    const line = (t: Translate) =>
      t(`referral:consent.${purpose}`, {
        word: t(`referral:consentWord.${consentWord(answer)}`),
        asked: consentAskedText(ctx, t),
      });
    return bilingualBlock(line(ctx.personTh), bilingual ? line(ctx.iv) : null, ctx.ivLang);
  });
  const latest = facts.interviews.at(-1);
  if (latest) {
    blocks.push({
      kind: 'paragraph',
      text: th('referral:consent.recordedValue', {
        time: dateTime(latest.startedAt, 'th', th),
        language: languageName(latest.intervieweeLanguage, th),
        interpreter: latest.interpreter?.name ?? th('referral:none'),
      }),
      lang: PRIMARY,
    });
  }
  return blocks;
}

function teamBlocks(ctx: Context): Block[] {
  const { facts, th } = ctx;
  const latest = facts.interviews.at(-1);
  const interpreter = latest?.interpreter ?? null;
  const presentAtInterview = /present: ([^;]*)/.exec(interpreter?.notes ?? '')?.[1]?.trim() ?? '';
  const cells: GridCell[] = facts.team.map((member) => ({
    label: th('referral:team.member'),
    value: member.role ? `${member.name} (${member.role})` : member.name,
    lang: PRIMARY,
  }));
  if (cells.length === 0) {
    cells.push({
      label: th('referral:team.member'),
      value: presentAtInterview || th('referral:team.noneListed'),
      lang: PRIMARY,
      span: 3,
    });
  }
  if (interpreter) {
    cells.push(
      { label: th('referral:team.interpreter'), value: interpreter.name, lang: PRIMARY },
      {
        label: th('referral:team.interpreterLanguage'),
        value: languageName(interpreter.language, th),
        lang: PRIMARY,
      },
      {
        label: th('referral:team.declaration'),
        value: [
          interpreter.declarationSigned
            ? th('referral:team.declarationSigned')
            : th('referral:team.declarationNot'),
          interpreter.conflictDeclared
            ? th('referral:team.conflictDeclared')
            : th('referral:team.noConflict'),
        ].join('; '),
        lang: PRIMARY,
      },
    );
  } else {
    cells.push({
      label: th('referral:team.interpreter'),
      value: th('referral:team.noInterpreter'),
      lang: PRIMARY,
      span: 3,
    });
  }
  return [{ kind: 'fieldGrid', columns: 3, cells }];
}

function safetyGrid(ctx: Context): Block {
  const { facts, th } = ctx;
  const urgent = facts.result.urgent.messageKeys.map((k) => th(`instrument:${k}`));
  const view = facts.answers.close_person_view;
  return {
    kind: 'fieldGrid',
    columns: 2,
    cells: [
      {
        label: th('referral:safety.urgent'),
        value: urgent.length ? urgent.join('; ') : th('referral:none'),
        lang: PRIMARY,
      },
      {
        label: th('referral:safety.personView'),
        value: view ? describeAnswer(view, th) : th('referral:notRecorded'),
        lang: PRIMARY,
      },
    ],
  };
}

/** The needs checklist, and which recorded answers tick each box. */
const NEEDS: { id: string; options: string[] }[] = [
  { id: 'medical', options: ['need_medical', 'need_medicine'] },
  { id: 'shelter', options: ['need_shelter'] },
  { id: 'legalAid', options: ['need_legal_aid'] },
  { id: 'compensation', options: ['need_wages_compensation'] },
  { id: 'wagesOwed', options: ['need_wages_compensation'] },
  { id: 'returnHome', options: ['need_go_home'] },
  { id: 'familyContact', options: ['need_family_contact'] },
];
const IMMEDIATE = ['need_food', 'need_water', 'need_rest'];

function needsBlocks(ctx: Context): Block[] {
  const { facts, th } = ctx;
  const chosen = new Set<string>();
  for (const id of ['close_needs', 'health_immediate_needs']) {
    const value = facts.answers[id];
    if (value?.kind === 'multi') for (const o of value.options) chosen.add(o);
  }
  const blocks: Block[] = [
    {
      kind: 'checklist',
      columns: 4,
      items: NEEDS.map((need) => ({
        text: th(`referral:needs.${need.id}`),
        lang: PRIMARY,
        checked: need.options.some((o) => chosen.has(o)),
      })),
    },
  ];
  const immediate = IMMEDIATE.filter((o) => chosen.has(o)).map((o) => th(`instrument:options.${o}`));
  const answered = facts.answers.close_needs ?? facts.answers.health_immediate_needs;
  const note = immediate.length
    ? th('referral:needs.immediate', { needs: immediate.join(', ') })
    : answered === undefined
      ? th('referral:needs.notAsked')
      : chosen.has('need_nothing_now') && chosen.size === 1
        ? th('referral:needs.nothingNow')
        : '';
  if (note) blocks.push({ kind: 'paragraph', text: note, lang: PRIMARY });
  return blocks;
}

/** Others involved, as far as the answers and the case record name them (roles, not accusations). */
function othersInvolved(ctx: Context): Block {
  const { facts, th } = ctx;
  const a = facts.answers;
  const option = (id: string) => {
    const value = a[id];
    return value?.kind === 'single' ? value.option : undefined;
  };
  const roles = new Map<string, string[]>();
  const add = (role: string, what: string) =>
    roles.set(role, [...(roles.get(role) ?? []), th(`referral:others.${what}`)]);
  const recruiter = option('rec_how_found');
  if (recruiter === 'broker_agent' || recruiter === 'licensed_agency') add('broker', 'recruited');
  if (recruiter === 'employer_direct') add('employer', 'recruited');
  const travel = option('trav_who_arranged');
  if (travel === 'broker_agent') add('broker', 'arrangedTravel');
  if (travel === 'employer_or_boat') add('employer', 'arrangedTravel');
  const documents = option('doc_where_now');
  if (documents === 'broker_agent') add('broker', 'holdsDocuments');
  if (documents === 'employer_or_boat') add('employer', 'holdsDocuments');
  const vessel = facts.caseDetail.vessel;
  const cells: GridCell[] = [...roles].map(([role, what]) => ({
    label: th(`referral:others.role.${role}`),
    value: what.join('; '),
    lang: PRIMARY,
  }));
  if (vessel?.name) {
    cells.push({
      label: th('referral:others.role.vessel'),
      value: [vessel.name, vessel.registration, vessel.flag].filter(Boolean).join(', '),
      lang: PRIMARY,
    });
  }
  if (cells.length === 0)
    cells.push({ label: th('referral:others.role.none'), value: th('referral:notRecorded'), lang: PRIMARY });
  return { kind: 'fieldGrid', columns: 3, cells };
}

function personWords(ctx: Context): Block {
  const words = ctx.facts.answers.close_opinion;
  if (words?.kind === 'text' && words.text.trim())
    return { kind: 'paragraph', text: words.text, lang: ctx.ivLang };
  return { kind: 'paragraph', text: ctx.th('referral:notRecorded'), lang: PRIMARY };
}

/** The day `days` after an ISO instant's Bangkok day, as an ISO calendar date. */
function addDays(iso: string, days: number): string {
  const start = new Date(iso);
  const bangkok = new Date(start.getTime() + 7 * 3_600_000);
  const day =
    Date.UTC(bangkok.getUTCFullYear(), bangkok.getUTCMonth(), bangkok.getUTCDate()) + days * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

function rightsBlocks(ctx: Context, bilingual: boolean): Block[] {
  const { facts, th } = ctx;
  const start = facts.letter.date;
  const { reflectionDays, shelterDays } = facts.followUpDays;
  const explained = facts.answers.close_rights_explained;
  return [
    {
      kind: 'fieldGrid',
      columns: 3,
      cells: [
        { label: th('referral:rights.s33Label'), value: th('referral:rights.s33'), lang: PRIMARY, span: 2 },
        { label: th('referral:rights.s34Label'), value: th('referral:rights.s34'), lang: PRIMARY },
        {
          label: th('referral:rights.reflectionLabel'),
          value: th('referral:rights.period', {
            days: reflectionDays,
            from: date(start, 'th', th),
            until: date(addDays(start, reflectionDays - 1), 'th', th),
          }),
          lang: PRIMARY,
        },
        {
          label: th('referral:rights.shelterLabel'),
          value: th('referral:rights.period', {
            days: shelterDays,
            from: date(start, 'th', th),
            until: date(addDays(start, shelterDays - 1), 'th', th),
          }),
          lang: PRIMARY,
        },
        {
          label: th('referral:rights.explained'),
          value: explained ? describeAnswer(explained, th) : th('referral:notRecorded'),
          lang: PRIMARY,
        },
      ],
    },
    bilingualBlock(
      ctx.personTh('referral:rights.text'),
      bilingual ? ctx.iv('referral:rights.text') : null,
      ctx.ivLang,
    ),
  ];
}

function signatures(ctx: Context): Block {
  const { facts, th } = ctx;
  const interpreter = facts.interviews.at(-1)?.interpreter ?? null;
  const entries: SignatureEntry[] = [
    {
      role: { text: th('referral:signature.officer'), lang: PRIMARY },
      name: { text: facts.officer.name, lang: PRIMARY },
      lines: [
        { text: facts.officer.position, lang: PRIMARY },
        { text: facts.agency.name, lang: PRIMARY },
      ],
    },
  ];
  if (interpreter) {
    entries.push({
      role: { text: th('referral:signature.interpreter'), lang: PRIMARY },
      name: { text: interpreter.name, lang: PRIMARY },
      lines: [
        {
          text: th('referral:signature.interpreterLine', {
            language: languageName(interpreter.language, th),
          }),
          lang: PRIMARY,
        },
      ],
    });
  }
  return { kind: 'signatureLines', entries, keepWithPrevious: true };
}

/** The receiving agency's acknowledgement: signed by hand on receipt, with position, date and time. */
function receiverEntry(ctx: Context): SignatureEntry {
  const { th } = ctx;
  const blank = '.'.repeat(24);
  return {
    role: { text: th('referral:acknowledgement.receiver', { agency: receiverName(ctx, th) }), lang: PRIMARY },
    name: { text: '', lang: PRIMARY },
    lines: [
      { text: th('referral:acknowledgement.text'), lang: PRIMARY },
      { text: th('referral:acknowledgement.position', { blank }), lang: PRIMARY },
      { text: th('referral:acknowledgement.when', { blank }), lang: PRIMARY },
    ],
  };
}

function verification(sources: readonly VerificationSource[], ctx: Context): Block {
  const { facts, th } = ctx;
  const value = (source: VerificationSource): { value: string; lang: Lang } => {
    switch (source) {
      case 'letter.number':
        return { value: facts.letter.number, lang: PRIMARY };
      case 'signer.name':
        return { value: facts.signer.name, lang: PRIMARY };
      case 'signer.position':
        return { value: facts.signer.position, lang: PRIMARY };
      case 'signer.time':
        return { value: dateTime(facts.signer.signedAt, 'th', th), lang: PRIMARY };
      case 'signer.certificate':
        return { value: facts.signer.fingerprint, lang: 'en' };
      case 'signer.store':
        return {
          value: facts.signer.storeFingerprint ? shortFingerprint(facts.signer.storeFingerprint) : '—',
          lang: 'en',
        };
      case 'audit.anchor':
        return { value: anchorSummary(facts.signer.auditAnchor ?? ''), lang: 'en' };
      case 'document.hashNote':
        return { value: th('referral:verification.hashNote'), lang: PRIMARY };
    }
  };
  return {
    kind: 'signatureBlock',
    keepWithPrevious: true,
    columns: 2,
    title: { text: th('referral:verification.title'), lang: PRIMARY },
    lines: sources.map((source) => ({ label: th(`referral:verification.${source}`), ...value(source) })),
  };
}

function fieldValue(source: FieldSource, ctx: Context): { text: string; lang?: Lang } {
  const { facts: f, th: t } = ctx;
  const c = f.caseDetail;
  const p = f.person;
  const d = f.derived;
  const interviews = f.interviews;
  const latest = interviews.at(-1);
  switch (source) {
    case 'letter.number':
      return { text: f.letter.number };
    case 'letter.date':
      return { text: date(f.letter.date, 'th', t) };
    case 'case.reference':
      return { text: c.reference, lang: 'en' };
    case 'case.screeningDate':
      return { text: date(c.screeningDate, 'th', t) };
    case 'case.status':
      return { text: t(`referral:status.${c.status}`) };
    case 'place.kind':
      return { text: t(`referral:placeKind.${c.place.kind}`) };
    case 'place.name':
      return { text: c.place.name };
    case 'place.province':
      return { text: c.place.province ? provinceLabel(c.place.province, 'th') : '' };
    case 'vessel.name':
      return { text: c.vessel?.name ?? '' };
    case 'vessel.registration':
      return { text: c.vessel?.registration ?? '' };
    case 'vessel.flag':
      return { text: c.vessel?.flag ? nationalityName(c.vessel.flag, t) : '' };
    case 'agency.name':
      return { text: f.agency.name };
    case 'agency.unit':
      return { text: f.agency.unit };
    case 'agency.province':
      return { text: f.agency.province ? provinceLabel(f.agency.province, 'th') : '' };
    case 'agency.address':
      return { text: f.agency.address };
    case 'agency.phone':
      return { text: f.agency.phone, lang: 'en' };
    case 'officer.name':
      return { text: f.officer.name };
    case 'officer.position':
      return { text: f.officer.position };
    case 'interview.dates':
      return {
        text: interviews
          .map((i) =>
            t('referral:interviewLine', {
              tier: t(`referral:tier.${i.tier === 'full' ? 'full' : 'short'}`),
              time: dateTime(i.startedAt, 'th', t),
              minutes: minutesBetween(i.startedAt, i.endedAt) ?? '—',
            }),
          )
          .join('\n'),
      };
    case 'interview.tier':
      return { text: latest ? t(`referral:tier.${latest.tier === 'full' ? 'full' : 'short'}`) : '' };
    case 'interview.instrument':
      return { text: latest ? `${latest.instrumentId} ${latest.instrumentVersion}` : '', lang: 'en' };
    case 'interview.language':
      return { text: latest ? languageName(latest.intervieweeLanguage, t) : '' };
    case 'person.nameOrAlias':
      return { text: p?.nameOrAlias ?? '' };
    case 'person.sex':
      return {
        text:
          p && p.sex !== 'undisclosed'
            ? t(`referral:sex.${p.sex}`)
            : derivedText(d.sex, (v) => t(`referral:sex.${v}`), t) ||
              (p ? t('referral:sex.undisclosed') : ''),
      };
    case 'person.age':
      return {
        text: p?.ageYears != null ? String(p.ageYears) : derivedText(d.ageYears, String, t),
      };
    case 'person.ageMethod':
      return {
        text: p?.ageAssessment
          ? t(`referral:ageAssessment.${p.ageAssessment}`)
          : derivedText(d.ageMethod, (v) => t(`referral:ageAssessment.${v}`), t),
      };
    case 'person.under18': {
      if (f.result.child.possibleChild) return { text: t('referral:minor.possible') };
      const assessed = derivedText(d.under18, (v) => t(`referral:minor.${v}`), t);
      return { text: assessed || (p ? t(`referral:minor.${p.minor}`) : '') };
    }
    case 'person.nationality': {
      const recorded = p?.nationality?.trim();
      return {
        text: recorded
          ? nationalityName(recorded, t)
          : derivedText(d.nationality, (v) => nationalityName(v, t), t),
      };
    }
    case 'person.languages': {
      const tags = p?.languages.length
        ? p.languages
        : d.languages.state === 'answered'
          ? d.languages.value
          : [];
      const names = tags.map((tag) => languageName(tag, t));
      const dialect = p?.dialect?.trim() || (d.dialect.state === 'answered' ? d.dialect.value : '');
      const text = names.join(', ') || derivedText(d.languages, () => '', t);
      return { text: dialect ? t('referral:withDialect', { languages: text, dialect }) : text };
    }
    case 'person.idDocumentType':
      return {
        text:
          derivedText(d.idDocumentType, (v) => t(`instrument:options.${v}`), t) || t('referral:notRecorded'),
      };
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
    case 'receiving.agency':
      return { text: receiverName(ctx, t) };
    case 'receiving.contactPerson':
      return { text: f.receivingContactPerson };
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

export type { LangText };
