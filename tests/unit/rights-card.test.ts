import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/main/i18n/translator';
import { buildRightsCardModel, cardTextKeys } from '../../src/main/rights-card/build-card';
import { renderRightsCard } from '../../src/main/rights-card/service';
import { CARD_STEPS, HOTLINE } from '../../src/main/rights-card/steps';
import { listAudit } from '../../src/main/store/audit';
import { createCase } from '../../src/main/store/cases';
import { startInterview } from '../../src/main/store/interviews';
import { LOCALES, type Locale } from '../../src/shared/i18n/locales';
import { normalizeText, pdfPageCount, pdftotext, tempDir, withoutWhitespace } from '../fixtures/pdf/tools';
import {
  CASE_INPUT,
  SCREENING_INTERVIEW_INPUT,
  SONGKHLA_SHELTER as SHELTER,
  SUPERVISOR,
} from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

const dir = tempDir('fieldscreen-card-');
afterAll(() => dir.remove());

const t = (lng: Locale, key: string, values?: Record<string, unknown>) =>
  translatorFor(lng)(`instrument:${key}`, values);
/** Text compared without the line breaks and spacing the layout adds. */
const flat = (s: string) => withoutWhitespace(normalizeText(s));

describe('the rights card', () => {
  it.each(LOCALES.filter((l) => l !== 'th'))(
    'in %s and Thai fits one page and says what it must',
    async (lng) => {
      const pdf = await renderRightsCard(lng, {
        name: SHELTER.name,
        phone: SHELTER.phone,
        address: SHELTER.address,
      });
      const file = dir.write(`card-${lng}.pdf`, pdf);
      expect(pdfPageCount(file)).toBe(1);
      const text = flat(pdftotext(file, 'raw'));
      for (const language of [lng, 'th'] as const) {
        for (const key of ['card.title', 'card.rights.legal', 'card.steps.today', 'card.steps.home'])
          expect(text, `${language} ${key}`).toContain(flat(t(language, key)));
        // How long each step takes, with the hotline.
        for (const step of CARD_STEPS.filter((s) => s.days))
          expect(text, `${language} ${step.id}`).toContain(
            flat(t(language, `card.steps.${step.id}`, { days: step.days })),
          );
        expect(text).toContain(flat(t(language, 'card.hotline', { hotline: HOTLINE })));
      }
      // The chosen agency, as the directory has it.
      for (const detail of [SHELTER.name, SHELTER.phone, SHELTER.address])
        expect(text).toContain(flat(detail));
    },
    60_000,
  );

  it('marks every language whose card text is a draft, and only those', () => {
    const all = (lng: Locale, reviewedLngs: readonly Locale[]) =>
      buildRightsCardModel({
        language: lng,
        agency: null,
        translate: translatorFor,
        reviewed: (l) => reviewedLngs.includes(l) || l === 'en',
      });
    expect(all('my', []).pageNotes).toEqual([
      [
        { text: t('my', 'card.draft'), lang: 'my' },
        { text: t('th', 'card.draft'), lang: 'th' },
      ],
    ]);
    expect(all('my', ['th']).pageNotes).toEqual([[{ text: t('my', 'card.draft'), lang: 'my' }]]);
    expect(all('my', ['th', 'my']).pageNotes).toBeUndefined();
    // A Thai reader gets the card once, in Thai.
    const thai = all('th', []);
    expect(thai.pageNotes).toEqual([[{ text: t('th', 'card.draft'), lang: 'th' }]]);
    expect(thai.blocks.some((b) => b.kind === 'bilingual')).toBe(false);
    // The draft check covers every text the card prints.
    const printed = JSON.stringify(all('km', []).blocks);
    for (const key of cardTextKeys(false)) {
      const [, k] = key.split(':') as [string, string];
      expect(printed, key).toContain(
        JSON.stringify(
          t('km', k, { hotline: HOTLINE, days: CARD_STEPS.find((s) => `card.steps.${s.id}` === k)?.days }),
        ).slice(1, 20),
      );
    }
  });

  it('without a chosen agency, points to the hotline instead', () => {
    const model = buildRightsCardModel({
      language: 'vi',
      agency: null,
      translate: translatorFor,
      reviewed: () => true,
    });
    const texts = JSON.stringify(model.blocks);
    expect(texts).toContain(t('vi', 'card.agencyNone', { hotline: HOTLINE }));
    expect(texts).not.toContain(t('vi', 'card.agencyPhone'));
  });
});

describe('saving and handing over the card', () => {
  let app: TestApp;
  let caseId: string;
  let interviewId: string;
  let otherInterviewId: string;

  beforeAll(async () => {
    app = createTestApp('fs-card-');
    await app.initialise(SUPERVISOR);
    await app.ok('admin.settings.update', { referralDirectory: [SHELTER] });
    const session = app.session();
    const c = createCase(session, { ...CASE_INPUT, reference: undefined } as typeof CASE_INPUT);
    caseId = c.id;
    interviewId = startInterview(session, {
      caseId,
      personId: c.persons[0]?.id,
      ...SCREENING_INTERVIEW_INPUT,
    }).id;
    const other = createCase(session, CASE_INPUT);
    otherInterviewId = startInterview(session, { caseId: other.id, ...SCREENING_INTERVIEW_INPUT }).id;
  }, 60_000);
  afterAll(() => app.close());

  /** The card's audit entries, oldest first. */
  const cardActions = () =>
    listAudit(app.session(), {})
      .filter((e) => e.action.startsWith('rights_card.'))
      .sort((x, y) => x.seq - y.seq)
      .map((e) => ({ action: e.action, details: e.details }));

  it('saves a card with nothing that identifies the person, and records it in the case', async () => {
    const saved = await app.ok<{ fileName: string }>('rightsCard.save', {
      caseId,
      interviewId,
      language: 'my',
      contactId: SHELTER.id,
    });
    expect(saved.fileName).toBe('rights-card-my.pdf');
    const file = join(app.exportDir, saved.fileName);
    const text = pdftotext(file);
    expect(pdfPageCount(file)).toBe(1);
    expect(flat(text)).toContain(flat(SHELTER.phone));
    // No name, no vessel, no place, no case reference, no date.
    const raw = readFileSync(file).toString('latin1');
    for (const personal of ['Ko Aung', 'Sea Star', 'SK-1234', 'Songkhla PIPO', '2026-05-21'])
      expect(text + raw, personal).not.toContain(personal);
    expect(cardActions()).toEqual([
      { action: 'rights_card.save', details: { caseId, interviewId, language: 'my', contactId: SHELTER.id } },
    ]);
  }, 60_000);

  it('records the hand-over, also from the case page (no interview)', async () => {
    const before = cardActions().length;
    expect(await app.ok('rightsCard.handedOver', { caseId, interviewId, language: 'my' })).toEqual({
      recorded: true,
    });
    expect(await app.ok('rightsCard.handedOver', { caseId, language: 'km' })).toEqual({ recorded: true });
    expect(cardActions().slice(before)).toEqual([
      { action: 'rights_card.handed_over', details: { caseId, interviewId, language: 'my' } },
      { action: 'rights_card.handed_over', details: { caseId, language: 'km' } },
    ]);
  });

  it("refuses an unknown agency, another case's interview or a bad language, and records nothing", async () => {
    const before = cardActions().length;
    expect(
      await app.code('rightsCard.save', {
        caseId,
        language: 'my',
        contactId: '0b9d7a52-55c1-4e3e-9d0a-000000000000',
      }),
    ).toBe('NOT_FOUND');
    expect(await app.code('rightsCard.save', { caseId, interviewId: otherInterviewId, language: 'my' })).toBe(
      'NOT_FOUND',
    );
    expect(
      await app.code('rightsCard.handedOver', { caseId, interviewId: otherInterviewId, language: 'my' }),
    ).toBe('NOT_FOUND');
    expect(await app.code('rightsCard.save', { caseId, language: 'fr' })).toBe('VALIDATION');
    expect(cardActions()).toHaveLength(before);
  });
});
