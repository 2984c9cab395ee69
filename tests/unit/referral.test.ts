import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnchor } from '../../src/main/audit/anchor';
import { DEMO_AGENCY, DEMO_MDT as DEMO_TEAM, seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { isFormWording, translatorFor } from '../../src/main/i18n/translator';
import { renderPdf } from '../../src/main/pdf/render';
import { loadFont } from '../../src/main/pdf/shaping';
import type { RunRecord } from '../../src/main/pdf/textEngine';
import { verifyPdf } from '../../src/main/pdf/verify';
import { REFERRAL_FORM_V2, referralFormSchema } from '../../src/main/referral/form-layout';
import {
  buildModelForCase,
  type ExportTarget,
  exportReferral,
  prepareReferral,
  ReferralNotReadyError,
} from '../../src/main/referral/service';
import { anchorsInPdf } from '../../src/main/store/anchor-source';
import { listAudit } from '../../src/main/store/audit';
import { getCase } from '../../src/main/store/cases';
import { getInterview } from '../../src/main/store/interviews';
import { listReferrals } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { getSettings, updateSettings } from '../../src/main/store/settings';
import { Vault } from '../../src/main/store/vault';
import { type Answers, answer, answerValueSchema, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate } from '../../src/shared/screening';
import { independentCheck, pdfPageCount, SIGNED_REFERRAL } from '../fixtures/pdf/tools';

let dir: string;
let out: string;
let session: Session;
let cases: { caseId: string; lang: string }[];

/** The receiver: a multidisciplinary team of the directory, the kind the demo consent names. */
const DEMO_MDT = {
  id: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e01',
  name: 'ทีมสหวิชาชีพ (สาธิต)',
  kind: 'mdt',
} as const;

/** This referral's own facts, as the referral screen asks them. */
const FACTS = {
  officerPosition: 'นักวิชาการแรงงานชำนาญการ',
  contactPerson: 'นางสาวสมใจ ใจดี',
  team: [{ name: 'นายสมชาย รักงาน', role: 'พม. จังหวัด' }],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-ref-'));
  out = mkdtempSync(join(tmpdir(), 'fs-ref-out-'));
  await Vault.initialise(
    dir,
    { username: 'officer', displayName: 'Officer Malee', passphrase: 'referral passphrase' },
    { kdfProfile: 'test' },
  );
  session = await new Vault(dir, { kdfProfile: 'test' }).unlock('officer', 'referral passphrase');
  seedDemoAgency(session);
  updateSettings(session, { referralDirectory: [DEMO_MDT] });
  // The demo interviews name a multidisciplinary team (a kind of agency) when asking consent to refer.
  cases = seedDemoCases(session);
}, 120_000);
afterAll(() => {
  session.lock('manual');
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** The team `demo` adds to a training store's directory, with its province, address and telephone. */
const DEMO_TEAM_ID = '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e02';
function demoTeamInDirectory(): string {
  const directory = getSettings(session).referralDirectory;
  if (!directory.some((entry) => entry.id === DEMO_TEAM_ID)) {
    updateSettings(session, {
      referralDirectory: [
        ...directory,
        { id: DEMO_TEAM_ID, ...DEMO_TEAM, trustedCertificates: [], trustedStores: [] },
      ],
    });
  }
  return DEMO_TEAM_ID;
}

const toFolder = (folder: string): ExportTarget => ({
  async write(name, bytes) {
    writeFileSync(join(folder, name), bytes);
    return name;
  },
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** Text without white space: lines break anywhere in Thai, so comparisons ignore where. */
const NFC = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const th = translatorFor('th');
const caseOf = (lang: string) => cases.find((c) => c.lang === lang)?.caseId ?? '';

/** The answers of a case as stored, the later interview overriding the earlier. */
function storedAnswers(caseId: string): { answers: Answers; tier: 'short' | 'full' } {
  const detail = getCase(session, caseId);
  const interviews = [...detail.interviews].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const answers: Answers = {};
  for (const i of interviews) {
    for (const a of getInterview(session, i.id).answers) {
      const parsed = answerValueSchema.safeParse(a.value);
      if (parsed.success) answers[a.questionId] = parsed.data;
    }
  }
  return { answers, tier: interviews.at(-1)?.tier === 'full' ? 'full' : 'short' };
}

describe('the referral as an official Thai letter, for each demo case', () => {
  it('the form layout is data that validates', () => {
    const kinds = referralFormSchema.parse(REFERRAL_FORM_V2).sections.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['signatures', 'acknowledgement', 'verification']));
  });

  it('the audit anchor in the verification box adds no page to any demo letter', async () => {
    const label = th('referral:verification.audit.anchor');
    const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    for (const { lang } of DEMO_SCENARIOS) {
      const model = await buildModelForCase(session, { caseId: caseOf(lang), ...FACTS });
      const without = structuredClone(model);
      for (const block of without.blocks)
        if (block.kind === 'signatureBlock') block.lines = block.lines.filter((l) => l.label !== label);
      expect(JSON.stringify(without)).not.toBe(JSON.stringify(model));
      const [withAnchor, withoutAnchor] = [await renderPdf(model), await renderPdf(without)];
      expect(pages(withAnchor), lang).toBe(pages(withoutAnchor));
    }
  });

  it.each(DEMO_SCENARIOS.map((s) => s.lang))(
    'Thai plus %s: at most 4 pages, signed, person and dates as recorded, every recommendation',
    async (lang) => {
      const caseId = caseOf(lang);
      const prepared = await prepareReferral(session, {
        caseId,
        receivingAgency: DEMO_MDT.name,
        contactId: DEMO_MDT.id,
        ...FACTS,
      });
      const record = await exportReferral(session, prepared, toFolder(out));
      expect(record?.fileSha256).toBe(prepared.sha256);
      const file = join(out, prepared.suggestedFileName);
      expect(readFileSync(file).equals(prepared.pdf)).toBe(true);

      // Independent readers: poppler and qpdf.
      expect(independentCheck(file)).toEqual(SIGNED_REFERRAL);
      const pages = pdfPageCount(file);
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(4);
      const verified = verifyPdf(prepared.pdf);
      expect(verified.valid && verified.coversWholeDocument).toBe(true);
      // The signed file carries the store's audit anchor: the head when it was prepared.
      const anchors = anchorsInPdf(prepared.pdf);
      expect(anchors).toHaveLength(1);
      const anchor = parseAnchor(anchors[0] ?? '');
      const referralRow = listAudit(session, { action: 'referral.record', limit: 1 })[0];
      const anchoredRow = listAudit(session, { beforeSeq: (anchor?.seq ?? 0) + 1, limit: 1 })[0];
      expect(anchoredRow?.seq).toBe(anchor?.seq);
      expect(anchoredRow?.hash).toBe(anchor?.hash);
      expect(referralRow?.seq).toBeGreaterThan(anchor?.seq ?? Number.POSITIVE_INFINITY);

      const text = NFC(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
      const scenario = DEMO_SCENARIOS.find((s) => s.lang === lang);
      const person = scenario?.case.person;
      // ... and its row and the start of its hash in the verification box.
      // (The extracted text here has no spaces.)
      expect(text).toContain(`${anchor?.seq}·${anchor?.hash.slice(0, 16)}`);
      // Official-letter shape: confidentiality mark on every page, letter number, subject, addressee.
      expect(text.split(NFC(th('referral:letter.confidential'))).length - 1).toBeGreaterThanOrEqual(pages);
      expect(text).toContain(NFC(`${DEMO_AGENCY.letterPrefix}/`));
      expect(text).toContain(NFC(th('referral:letter.subjectText')));
      expect(text).toContain(NFC(FACTS.contactPerson));
      expect(text).toContain(NFC(FACTS.officerPosition));
      // Dates in the Buddhist Era (the screening date of 2026 is 2569), times in Bangkok with the zone.
      expect(text).toContain('2569');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(text).toContain('UTC+7');
      // The person as recorded: name, age, sex; nationality and languages by name, never as codes.
      expect(text).toContain(NFC(person?.nameOrAlias ?? '?'));
      expect(text).toContain(String(person?.ageYears));
      expect(text).toContain(NFC(th(`referral:sex.${person?.sex}`)));
      const languageOption = `lang_${lang}`;
      expect(text).toContain(NFC(th(`instrument:options.${languageOption}`)));
      expect(text).not.toContain(`ภาษาที่ใช้สัมภาษณ์${lang}`);
      // Every recommendation the engine gives, in order.
      const { answers, tier } = storedAnswers(caseId);
      const result = evaluate(INSTRUMENT, answers, { tier });
      let at = 0;
      for (const r of result.recommendations) {
        const title = NFC(th(`instrument:${r.messageKey}`));
        const found = text.indexOf(title, at);
        expect(found, title).toBeGreaterThanOrEqual(0);
        at = found;
      }
      // The consent line says what the person was asked: referral to a multidisciplinary team.
      const consentLine = th('referral:consent.referral', {
        asked: th('referral:agencyKind.mdt'),
        word: th('referral:consentWord.given'),
      });
      expect(text.replace(/\s+/g, '')).toContain(NFC(consentLine).replace(/\s+/g, ''));
      // No tick glyph standing for a finding (they are drawn boxes, never a font's U+2714).
      expect(text).not.toContain('\u2714');

      expect(listReferrals(session, caseId).map((r) => r.fileSha256)).toContain(prepared.sha256);
      expect(JSON.stringify(listAudit(session, { action: 'referral.record' }))).toContain(prepared.sha256);
    },
  );

  it.each(DEMO_SCENARIOS.map((s) => s.lang))(
    "Thai plus %s to the demo's own team (province, address and telephone in the directory): at most 4 pages",
    async (lang) => {
      const contactId = demoTeamInDirectory();
      const prepared = await prepareReferral(session, { caseId: caseOf(lang), contactId, ...FACTS });
      const file = join(out, `demo-team-${lang}.pdf`);
      writeFileSync(file, prepared.pdf);
      expect(independentCheck(file)).toEqual(SIGNED_REFERRAL);
      expect(pdfPageCount(file)).toBeLessThanOrEqual(4);
      const text = NFC(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
      expect(text).toContain(NFC(DEMO_TEAM.address));
      expect(text).toContain(DEMO_TEAM.phone);
    },
  );

  it.each(DEMO_SCENARIOS.map((s) => s.lang))(
    'Thai plus %s: every glyph drawn has an outline in its font (no empty box)',
    async (lang) => {
      const model = await buildModelForCase(session, { caseId: caseOf(lang), ...FACTS });
      const runs: RunRecord[] = [];
      await renderPdf(model, { thaiFace: 'sarabun', onRun: (r) => runs.push(r) });
      expect(runs.length).toBeGreaterThan(100);
      for (const r of runs) {
        const font = await loadFont(r.fontFile);
        const inked = [...r.text].filter((c) => /[^\s\p{Cf}]/u.test(c)).length;
        const drawn = r.glyphIds.filter((g) => {
          const extents = font.hbFont.glyphExtents(g);
          return g !== 0 && extents !== undefined && (extents.width !== 0 || extents.height !== 0);
        });
        expect(r.glyphIds, `${r.text} in ${r.fontFile}`).not.toContain(0);
        // Every visible character gives at least one inked glyph (ligatures may merge several).
        if (inked > 0) expect(drawn.length, r.text).toBeGreaterThan(0);
      }
    },
  );

  it.each(['km', 'my'])(
    'Thai plus %s: the form wording kept across documents gives the very same PDF',
    async (lang) => {
      const model = await buildModelForCase(session, { caseId: caseOf(lang), ...FACTS });
      const options = { thaiFace: 'sarabun', creationDate: new Date('2026-12-03T00:00:00Z') } as const;
      const alone = await renderPdf(model, options);
      // The first fills the kept lines, the second takes them.
      for (let i = 0; i < 2; i++) {
        const kept = await renderPdf(model, { ...options, isPublicText: isFormWording });
        expect(kept.equals(alone)).toBe(true);
      }
    },
  );

  it('preparing records one view of the case (its two interviews read within it), exporting records the referral', async () => {
    const caseId = caseOf('th');
    const since = (seq: number) => listAudit(session, { limit: 100 }).filter((row) => row.seq > seq);
    expect(getCase(session, caseId).interviews).toHaveLength(2);
    const start = listAudit(session, { limit: 1 })[0]?.seq ?? 0;
    const prepared = await prepareReferral(session, { caseId, ...FACTS });
    const viewed = since(start);
    expect(viewed.map((row) => [row.action, row.entityId])).toEqual([['case.view', caseId]]);
    const afterView = viewed[0]?.seq ?? 0;
    await exportReferral(session, prepared, toFolder(out));
    const recorded = since(afterView).map((row) => row.action);
    expect(recorded).toContain('referral.record');
    expect(recorded).not.toContain('case.view');
  });

  it('a byte flipped in the signed PDF is detected', async () => {
    const prepared = await prepareReferral(session, { caseId: caseOf('my'), ...FACTS });
    const tampered = Buffer.from(prepared.pdf);
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const file = join(out, 'tampered.pdf');
    writeFileSync(file, tampered);
    expect(run('pdfsig', [file])).not.toContain('Signature is Valid');
    expect(verifyPdf(tampered).valid).toBe(false);
  });
});

describe('the answers behind the findings', () => {
  it('quote each question as the person was asked it (the child wording for a child)', async () => {
    const caseId = caseOf('lo');
    const model = await buildModelForCase(session, { caseId, ...FACTS });
    const printed = model.blocks
      .flatMap((b) => (b.kind === 'list' ? b.items.filter((i) => i.marker).map((i) => i.text) : []))
      .join('\n');
    const detail = getCase(session, caseId);
    const childWordings = detail.interviews
      .flatMap((i) => getInterview(session, i.id).answers)
      .flatMap((a) => (a.wording?.variant === 'child' ? [a.wording] : []));
    const cited = childWordings.filter((w) => printed.includes(w.texts.th ?? th(`instrument:${w.key}`)));
    expect(cited.length).toBeGreaterThan(0);
    for (const w of cited) {
      const standard = th(`instrument:questions.${w.questionId}.text`);
      if (standard !== (w.texts.th ?? th(`instrument:${w.key}`))) expect(printed).not.toContain(standard);
    }
  });
});

describe('what must be on record before signing', () => {
  it("refuses without the officer's position, naming it", async () => {
    const attempt = prepareReferral(session, { caseId: caseOf('km') });
    await expect(attempt).rejects.toBeInstanceOf(ReferralNotReadyError);
    await expect(attempt).rejects.toMatchObject({
      missing: ['officer.position'],
      messageKey: 'errors.referralMissing.officer.position',
    });
  });

  it("refuses without the referring agency's unit and telephone, naming both", async () => {
    updateSettings(session, { agency: { ...DEMO_AGENCY, unit: '', phone: ' ' } });
    try {
      await expect(prepareReferral(session, { caseId: caseOf('km'), ...FACTS })).rejects.toMatchObject({
        missing: ['agency.unit', 'agency.phone'],
      });
    } finally {
      updateSettings(session, { agency: DEMO_AGENCY });
    }
  });
});

describe('the person and the law as the interview recorded them', () => {
  /** A case whose person record has only a name: everything else comes from the answers. */
  function seedWith(answers: Record<string, ReturnType<typeof answer.yes>>, name: string): string {
    const scenario = {
      ...DEMO_SCENARIOS[0],
      lang: 'km' as const,
      interpreter: null,
      case: { ...DEMO_SCENARIOS[0]?.case, person: { nameOrAlias: name } },
      answers,
    } as (typeof DEMO_SCENARIOS)[number];
    return seedDemoCases(session, [scenario])[0]?.caseId ?? '';
  }

  async function referralTextFor(answers: Record<string, ReturnType<typeof answer.yes>>, name: string) {
    const prepared = await prepareReferral(session, { caseId: seedWith(answers, name), ...FACTS });
    const file = join(out, `${name}.pdf`);
    writeFileSync(file, prepared.pdf);
    return NFC(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
  }

  it('prints a 17-year-old who answered "man" as male, 17, possibly under 18, Khmer by name', async () => {
    const caseId = seedWith(
      {
        id_age: answer.number(17),
        id_gender: answer.single('man'),
        id_nationality: answer.single('cambodia'),
        id_languages: answer.multi('lang_km'),
        id_age_method: answer.single('age_from_document'),
      },
      'Person-17',
    );
    const model = await buildModelForCase(session, { caseId, ...FACTS });
    const cells = new Map(
      model.blocks.flatMap((b) => (b.kind === 'fieldGrid' ? b.cells.map((c) => [c.label, c.value]) : [])),
    );
    const field = (key: string) => cells.get(th(`referral:fields.person.${key}`));
    expect(field('sex')).toBe(th('referral:sex.male'));
    expect(field('age')).toBe('17');
    expect(field('under18')).toBe(th('referral:minor.possible'));
    expect(field('nationality')).toBe(th('instrument:options.cambodia'));
    expect(field('languages')).toBe(th('instrument:options.lang_km'));
    expect(field('ageMethod')).toBe(th('referral:ageAssessment.document'));
  });

  it('prints "not sure" about sharing with the police as not sure, never as a refusal', async () => {
    const text = await referralTextFor({ consent_police: answer.notSure() }, 'Person-notsure');
    const police = NFC(th('referral:consent.police', { word: th('referral:consentWord.notSure') }));
    expect(text).toContain(police);
    expect(text).not.toContain(
      NFC(th('referral:consent.police', { word: th('referral:consentWord.refused') })),
    );
  });

  it('for a child, act and purpose suffice and the form says the means are not required', async () => {
    const text = await referralTextFor(
      {
        id_age: answer.number(16),
        rec_how_found: answer.single('broker_agent'),
        sex_willing_to_talk: answer.single('talk_now'),
        sex_asked: answer.yes(),
      },
      'Person-child',
    );
    expect(text).toContain(NFC(th('referral:findings.s6MetChild')));
    expect(text).not.toContain(NFC(th('referral:findings.notAllFound', { missing: '' })).slice(0, 12));
    expect(text).toContain(NFC(th('referral:findings.notRequiredChild')));
  });

  it('s.6/1 shows whether the work is offered voluntarily, and a threat against someone free to leave is not indicated', async () => {
    const cellsFor = async (answers: Record<string, ReturnType<typeof answer.yes>>, name: string) => {
      const model = await buildModelForCase(session, { caseId: seedWith(answers, name), ...FACTS });
      return new Map(
        model.blocks.flatMap((b) => (b.kind === 'fieldGrid' ? b.cells.map((c) => [c.label, c.value]) : [])),
      );
    };
    const threatened = {
      work_type: answer.single('fishing_vessel'),
      work_hours_per_day: answer.number(10),
      ctrl_when_unhappy: answer.multi('threat_to_hurt'),
    };
    const involuntary = th('instrument:thai.s6_1.involuntary.name');
    const free = await cellsFor({ ...threatened, exit_could_leave: answer.yes() }, 'Person-free');
    expect(free.get(involuntary)).toBe(th('referral:findings.notFound'));
    expect(free.get(th('referral:findings.s61Result'))).toBe(
      th('referral:findings.notAllFound', { missing: involuntary }),
    );
    const held = await cellsFor(
      {
        ...threatened,
        exit_could_leave: answer.no(),
        exit_what_would_happen: answer.multi('hurt_or_killed'),
      },
      'Person-held',
    );
    expect(held.get(involuntary)).toMatch(
      new RegExp(`^${involuntary.replace(/[()]/g, '\\$&')} \\[[0-9, ]+\\]$`),
    );
    expect(held.get(th('referral:findings.s61Result'))).toBe(th('referral:findings.s61Met'));
  });
});
