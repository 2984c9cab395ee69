import { describe, expect, it } from 'vitest';
import {
  AUDIENCES,
  audienceIn,
  audienceOf,
  instrumentAudiences,
  isPersonFacing,
} from '../../src/shared/i18n/audience';
import { AUDIENCE_CATALOG } from '../../src/shared/i18n/audience-catalog';
import { allQuestions, INSTRUMENT } from '../../src/shared/instrument';

describe('audienceOf', () => {
  it('takes question wording from the instrument: asked aloud for person questions, officer for observations', () => {
    const all = allQuestions(INSTRUMENT).map(({ question }) => question);
    const personQuestion = all.find((q) => q.audience === 'person');
    const officerQuestion = all.find((q) => q.audience === 'officer');
    expect(personQuestion && officerQuestion).toBeTruthy();
    expect(audienceOf('instrument', `questions.${personQuestion?.id}.text`)).toBe('person');
    expect(audienceOf('instrument', `questions.${personQuestion?.id}.textChild`)).toBe('person');
    expect(audienceOf('instrument', `questions.${officerQuestion?.id}.text`)).toBe('officer');
    expect(audienceOf('instrument', `questions.${personQuestion?.id}.guidance`)).toBe('officer');
  });

  it('gives an option the person audience when a person question offers it, else the officer one', () => {
    const all = allQuestions(INSTRUMENT).map(({ question }) => question);
    for (const question of all) {
      if (question.kind !== 'single' && question.kind !== 'multi') continue;
      for (const { id } of question.options) {
        const offeredToPerson = all.some(
          (q) =>
            q.audience === 'person' &&
            (q.kind === 'single' || q.kind === 'multi') &&
            q.options.some((o) => o.id === id),
        );
        expect(audienceOf('instrument', `options.${id}`), id).toBe(offeredToPerson ? 'person' : 'officer');
      }
    }
  });

  it('reads the catalog by exact key or longest prefix, with plural forms under their base key', () => {
    const instrument = { questions: new Map(), options: new Map() };
    const catalog = {
      common: { 'a.': 'both', 'a.b.': 'person', 'a.b.c': 'officer', count: 'person' },
    } as const;
    expect(audienceIn(instrument, catalog, 'common', 'a.x')).toBe('both');
    expect(audienceIn(instrument, catalog, 'common', 'a.b.x')).toBe('person');
    expect(audienceIn(instrument, catalog, 'common', 'a.b.c')).toBe('officer');
    expect(audienceIn(instrument, catalog, 'common', 'count_other')).toBe('person');
    expect(audienceIn(instrument, catalog, 'common', 'ab')).toBe('officer');
    expect(audienceIn(instrument, catalog, 'other', 'a.x')).toBe('officer');
  });

  it('treats a question the instrument does not know as asked aloud (drafts stay marked)', () => {
    const none = { questions: new Map(), options: new Map() };
    expect(audienceIn(none, {}, 'instrument', 'questions.not_yet_added.text')).toBe('person');
    expect(audienceIn(none, {}, 'instrument', 'questions.not_yet_added.guidance')).toBe('officer');
  });

  it("marks the distress screen, answers and the printed rights as read by the person; the UI is the officer's", () => {
    expect(audienceOf('common', 'distress.grounding')).toBe('both');
    expect(audienceOf('instrument', 'answers.not_sure')).toBe('person');
    expect(audienceOf('referral', 'rights.text')).toBe('person');
    expect(isPersonFacing('common', 'distress.title')).toBe(true);
    expect(isPersonFacing('common', 'errors.locked')).toBe(false);
    expect(isPersonFacing('instrument', 'indicators.ilo.deception.name')).toBe(false);
  });

  it('has only known audiences in the catalog', () => {
    for (const entries of Object.values(AUDIENCE_CATALOG))
      for (const audience of Object.values(entries)) expect(AUDIENCES).toContain(audience);
    expect(instrumentAudiences(INSTRUMENT).questions.size).toBe(allQuestions(INSTRUMENT).length);
  });
});
