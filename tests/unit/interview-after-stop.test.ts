import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../src/shared/instrument';
import { CASE_INPUT, SCREENING_INTERVIEW_INPUT } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue 15: after a safety stop the officer still records that the rights card was handed over (and
 * the other closing check), without reopening the screening questions: on a stopped interview main
 * takes those answers and nothing else, through the same channel the screen uses.
 */
describe('closing checks after a stop', () => {
  let app: TestApp;
  let interviewId: string;
  let seq = 0;
  const save = (questionId: string, value: unknown) =>
    app.call('interview.saveAnswer', { interviewId, questionId, value, clientSeq: ++seq });
  const stop = () =>
    app.ok('interview.setState', { interviewId, state: 'stopped', reason: 'The captain came back' });

  beforeEach(async () => {
    app = createTestApp('fs-after-stop-');
    await app.initialise();
    const created = await app.ok<{ id: string; persons: { id: string }[] }>('cases.create', CASE_INPUT);
    const interview = await app.ok<{ id: string }>('interview.start', {
      caseId: created.id,
      personId: created.persons[0]?.id,
      ...SCREENING_INTERVIEW_INPUT,
      officerLanguage: 'th',
    });
    interviewId = interview.id;
  });
  afterEach(() => app.close());

  it('a stopped interview takes the card handed over and the rights explained, and nothing else', async () => {
    expect((await save('safety_others_present', answer.yes())).ok).toBe(true);
    await stop();
    const card = await save('close_card_given', answer.yes());
    expect(card.ok, JSON.stringify(card)).toBe(true);
    expect((await save('close_rights_explained', answer.notSure())).ok).toBe(true);
    // Changing it again is an answer revision, as during the interview.
    expect((await save('close_card_given', answer.no())).ok).toBe(true);
    // The screening questions stay closed: resuming the interview is the only way back to them.
    expect(
      await app.code('interview.saveAnswer', {
        interviewId,
        questionId: 'doc_where_now',
        value: answer.single('with_me'),
        clientSeq: ++seq,
      }),
    ).toBe('CONFLICT');
    expect(
      await app.code('interview.saveAnswer', {
        interviewId,
        questionId: 'health_pain_injury',
        value: answer.yes(),
        clientSeq: ++seq,
      }),
    ).toBe('CONFLICT');

    const detail = await app.ok<{
      state: string;
      answers: { questionId: string; value: unknown; revision: number }[];
    }>('interview.get', { id: interviewId });
    expect(detail.state).toBe('stopped');
    const byId = Object.fromEntries(detail.answers.map((a) => [a.questionId, a]));
    expect(Object.keys(byId).sort()).toEqual([
      'close_card_given',
      'close_rights_explained',
      'safety_others_present',
    ]);
    expect(byId.close_card_given?.value).toEqual(answer.no());
    expect(byId.close_card_given?.revision).toBe(2);
    expect(byId.close_rights_explained?.value).toEqual(answer.notSure());
  });

  it('a value that does not fit the check is refused as on any question', async () => {
    await save('safety_others_present', answer.yes());
    await stop();
    expect(
      await app.code('interview.saveAnswer', {
        interviewId,
        questionId: 'close_card_given',
        value: answer.single('yes'),
        clientSeq: ++seq,
      }),
    ).toBe('VALIDATION');
  });

  it('a completed interview stays final, closing checks included', async () => {
    await save('safety_others_present', answer.yes());
    await app.ok('interview.setState', { interviewId, state: 'completed' });
    expect(
      await app.code('interview.saveAnswer', {
        interviewId,
        questionId: 'close_card_given',
        value: answer.yes(),
        clientSeq: ++seq,
      }),
    ).toBe('CONFLICT');
  });
});
