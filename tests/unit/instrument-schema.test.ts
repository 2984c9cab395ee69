import { describe, expect, it } from 'vitest';
import {
  allQuestions,
  INSTRUMENT,
  INSTRUMENT_V1_DATA,
  type InstrumentInput,
  parseInstrument,
} from '../../src/shared/instrument';

const clone = (): InstrumentInput => structuredClone(INSTRUMENT_V1_DATA);

/** The messages of the parse failure, or [] when it parses. */
function problems(data: InstrumentInput): string[] {
  try {
    parseInstrument(data);
    return [];
  } catch (error) {
    return (error as { issues?: { message: string }[] }).issues?.map((i) => i.message) ?? [String(error)];
  }
}

function question(data: InstrumentInput, id: string) {
  for (const s of data.sections) {
    const q = s.questions.find((x) => x.id === id);
    if (q) return q;
  }
  throw new Error(id);
}

describe('instrument v1', () => {
  it('parses against the schema and is versioned', () => {
    expect(problems(clone())).toEqual([]);
    expect(INSTRUMENT.id).toBe('fieldscreen_screening');
    expect(INSTRUMENT.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('follows the section order: safety, consent, health, identity ... closing', () => {
    expect(INSTRUMENT.sections.map((s) => s.id)).toEqual([
      'safety',
      'consent',
      'health',
      'identity',
      'recruitment',
      'travel',
      'work',
      'control',
      'exit',
      'sexual',
      'closing',
    ]);
  });

  it('has unique question ids, and every question in the full tier', () => {
    const ids = allQuestions(INSTRUMENT).map((x) => x.question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(allQuestions(INSTRUMENT).every((x) => x.question.tiers.includes('full'))).toBe(true);
  });

  it('uses every answer kind', () => {
    const kinds = new Set(allQuestions(INSTRUMENT).map((x) => x.question.kind));
    expect([...kinds].sort()).toEqual(['date', 'multi', 'number', 'single', 'text', 'yesNo']);
  });

  it('holds the consent questions (screening, referral to an agency, police) in the consent section', () => {
    const consent = INSTRUMENT.sections.find((s) => s.id === 'consent')?.questions.map((q) => q.id);
    expect(consent).toEqual(
      expect.arrayContaining(['consent_screening', 'consent_referral', 'consent_police']),
    );
  });

  it('marks the sexual-exploitation section sensitive, full tier only, behind an opt-in question', () => {
    const section = INSTRUMENT.sections.find((s) => s.id === 'sexual');
    expect(section?.sensitive).toBe(true);
    expect(section?.questions.every((q) => q.sensitive && !q.tiers.includes('short'))).toBe(true);
    expect(section?.questions.slice(1).every((q) => q.showIf !== undefined)).toBe(true);
  });
});

describe('schema cross-checks reject broken instruments', () => {
  it('a skip rule naming a later question (which could loop)', () => {
    const data = clone();
    question(data, 'safety_safe_to_talk').showIf = { q: 'close_opinion', answered: true };
    expect(problems(data).join()).toMatch(/close_opinion, which is unknown or not earlier/);
  });

  it('a skip rule naming an option the question does not have', () => {
    const data = clone();
    question(data, 'doc_can_get_back').showIf = { q: 'doc_where_now', equals: 'in_the_sea' };
    expect(problems(data).join()).toMatch(/doc_where_now has no option in_the_sea/);
  });

  it('a value test that does not fit the question kind', () => {
    const data = clone();
    question(data, 'exit_could_leave').evidence = [
      { when: { atLeast: 3 }, ilo: ['ilo.restriction_of_movement'] },
    ];
    expect(problems(data).join()).toMatch(/number test on a yesNo question/);
  });

  it('"not sure" used as a value instead of { declined: true }', () => {
    const data = clone();
    question(data, 'exit_what_would_happen').showIf = { q: 'exit_could_leave', equals: 'not_sure' };
    expect(problems(data).join()).toMatch(/use \{ declined: true \}/);
  });

  it('an unknown indicator code, or an evidence rule naming no code', () => {
    const data = clone();
    question(data, 'exit_could_leave').evidence = [
      { when: { equals: 'no' }, ilo: ['ilo.made_up' as 'ilo.isolation'] },
    ];
    expect(problems(data).length).toBeGreaterThan(0);
    const data2 = clone();
    question(data2, 'exit_could_leave').evidence = [{ when: { equals: 'no' } }];
    expect(problems(data2).join()).toMatch(/at least one code/);
  });

  it('duplicate ids and a short-only question', () => {
    const data = clone();
    const first = data.sections[0];
    if (!first) throw new Error('no section');
    first.questions.push({
      id: 'safety_others_present',
      kind: 'yesNo',
      audience: 'person',
      tiers: ['short'],
    });
    const text = problems(data).join();
    expect(text).toMatch(/duplicate question id safety_others_present/);
    expect(text).toMatch(/every question belongs to the full tier/);
  });

  it('a child rule that names the wrong kind of question', () => {
    const data = clone();
    data.child.ageQuestion = 'id_nationality';
    expect(problems(data).join()).toMatch(/child.ageQuestion must name a number question/);
  });
});
