import { describe, expect, it } from 'vitest';
import { runScriptedInterview } from '../../src/main/demo/seed';
import { listAudit } from '../../src/main/store/audit';
import { createCase, getCase } from '../../src/main/store/cases';
import { startInterview } from '../../src/main/store/interviews';
import { answer, INSTRUMENT } from '../../src/shared/instrument';
import { CASE_INPUT } from '../helpers/samples';
import { createTestApp, createTestStore } from '../helpers/test-app';

/** The record follows the interview (issue 14): the setup and the answers fill the person record. */
describe('the person record from the interview', () => {
  it('takes the language, dialect and interviewer preference from the setup, audited as automatic', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    // Created with the header's language guess (Burmese); the interview is in Khmer.
    const c = createCase(s, CASE_INPUT);
    const personId = c.persons[0]?.id ?? '';
    startInterview(s, {
      caseId: c.id,
      personId,
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'short',
      intervieweeLanguage: 'km',
      intervieweeDialect: 'Khmer Krom',
      preferredInterviewerGender: 'female',
    });
    const person = getCase(s, c.id).persons[0];
    expect([person?.languages, person?.dialect, person?.preferredInterviewerGender]).toEqual([
      ['km', 'my'],
      'Khmer Krom',
      'female',
    ]);
    // The case list's language column follows the interview too.
    expect(getCase(s, c.id).intervieweeLanguage).toBe('km');
    const audit = listAudit(s, { action: 'person.update', entityId: personId });
    expect(audit[0]?.details).toEqual({
      old: { languages: ['my'], dialect: null, preferredInterviewerGender: null },
      new: { languages: ['km', 'my'], dialect: 'Khmer Krom', preferredInterviewerGender: 'female' },
      reason: 'automatic',
    });
    s.lock();
  });

  it('fills age, sex, nationality and languages from the answers when the interview ends; "not sure" changes nothing', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, { ...CASE_INPUT, person: { nameOrAlias: 'Dara' } });
    const personId = c.persons[0]?.id ?? '';
    runScriptedInterview(
      s,
      {
        lang: 'km',
        interpreter: null,
        answers: {
          id_age: answer.number(34),
          id_nationality: answer.single('cambodia'),
          id_gender: answer.notSure(),
        },
      },
      { caseId: c.id, personId, tier: 'short' },
    );
    const person = getCase(s, c.id).persons[0];
    expect(person).toMatchObject({
      ageYears: 34,
      minor: 'adult',
      nationality: 'cambodia',
      sex: 'undisclosed',
    });
    expect(person?.languages[0]).toBe('km');
    const last = listAudit(s, { action: 'person.update', entityId: personId })[0];
    expect(last?.details).toMatchObject({
      old: { ageYears: null, nationality: null },
      new: { ageYears: 34, nationality: 'cambodia', minor: 'adult' },
      reason: 'automatic',
    });
    s.lock();
  });
});

describe('correcting a person through the channel', () => {
  it('updates only what changed, audited with the old and new values; a wrong age is refused', async () => {
    const app = createTestApp('fs-person-edit-');
    try {
      await app.initialise();
      const c = (await app.ok('cases.create', CASE_INPUT)) as { id: string; persons: { id: string }[] };
      const personId = c.persons[0]?.id ?? '';
      const updated = await app.ok('persons.update', { id: personId, ageYears: 27, nationality: 'Myanmar' });
      expect(updated).toMatchObject({ nameOrAlias: 'Ko Aung', ageYears: 27, nationality: 'Myanmar' });
      const refused = await app.call('persons.update', { id: personId, ageYears: 300 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const audit = listAudit(app.ctx.sessions.require(), { action: 'person.update', entityId: personId });
      expect(audit[0]?.details).toEqual({
        old: { ageYears: null, nationality: null },
        new: { ageYears: 27, nationality: 'Myanmar' },
      });
    } finally {
      app.close();
    }
  });
});
