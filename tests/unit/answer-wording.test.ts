import { describe, expect, it } from 'vitest';
import { instrumentText, translatorFor } from '../../src/main/i18n/translator';
import { createCase } from '../../src/main/store/cases';
import { getInterview, saveAnswer, startInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import { type Answers, answer, findQuestion, INSTRUMENT, questionTextKey } from '../../src/shared/instrument';
import { planInterview } from '../../src/shared/screening';
import { CASE_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

/** The short screen up to the first question with a child wording after the age (rec_job_as_promised). */
const BEFORE_JOB: [string, ReturnType<typeof answer.yes>][] = [
  ['safety_others_present', answer.no()],
  ['safety_safe_to_talk', answer.yes()],
  ['consent_explained', answer.single('understood')],
  ['consent_screening', answer.yes()],
  ['health_pain_injury', answer.no()],
  ['health_needs_care_now', answer.no()],
  ['needs_danger_now', answer.no()],
];

async function interview(tier: 'short' | 'full' = 'short'): Promise<{ s: Session; id: string }> {
  const store = await createTestStore();
  const s = await store.unlock();
  const c = createCase(s, CASE_INPUT);
  const iv = startInterview(s, {
    caseId: c.id,
    personId: c.persons[0]?.id,
    instrumentId: INSTRUMENT.id,
    instrumentVersion: INSTRUMENT.version,
    tier,
    intervieweeLanguage: 'my',
    officerLanguage: 'th',
  });
  return { s, id: iv.id };
}

/**
 * Answers the short screen as the screen would: each question as the plan asks it next, recording what
 * the screen showed (the same shared function, fed the answers the screen has at that moment).
 */
function answerLikeTheScreen(s: Session, interviewId: string, age: number) {
  const given: Answers = {};
  const shown: Record<string, string> = {};
  let seq = 0;
  const script = new Map<string, ReturnType<typeof answer.yes>>([
    ...BEFORE_JOB,
    ['id_nationality', answer.single('myanmar')],
    ['id_age', answer.number(age)],
    ['id_possibly_under_18', answer.single('clearly_adult')],
    ['rec_how_found', answer.single('broker_agent')],
    ['rec_job_as_promised', answer.no()],
  ]);
  for (;;) {
    const plan = planInterview(INSTRUMENT, given, 'short');
    const next = plan.nextQuestionId;
    const value = next ? script.get(next) : undefined;
    const question = next ? findQuestion(INSTRUMENT, next) : undefined;
    if (!next || !value || !question) break;
    // What the interview screen shows (InterviewScreen: questionTextKey with the plan's child flag).
    shown[next] = questionTextKey(question, plan.child.possibleChild);
    saveAnswer(s, { interviewId, questionId: next, value, clientSeq: ++seq }, { text: instrumentText });
    given[next] = value;
  }
  return shown;
}

describe('the wording on record is the wording shown', () => {
  it.each([
    ['standard', 30, 'questions.rec_job_as_promised.text'],
    ['child', 16, 'questions.rec_job_as_promised.textChild'],
  ])(
    '%s: every answer carries the wording id, key, variant, tier, version and texts the screen showed',
    async (variant, age, jobKey) => {
      const { s, id } = await interview();
      const shown = answerLikeTheScreen(s, id, age);
      expect(shown.rec_job_as_promised).toBe(jobKey);
      const recorded = getInterview(s, id).answers;
      expect(recorded.map((a) => a.questionId).sort()).toEqual(Object.keys(shown).sort());
      for (const a of recorded) {
        expect(a.wording?.key, a.questionId).toBe(shown[a.questionId]);
        expect(a.wording).toMatchObject({
          instrumentVersion: INSTRUMENT.version,
          questionId: a.questionId,
          tier: 'short',
          texts: {
            th: translatorFor('th')(`instrument:${shown[a.questionId]}`),
            my: translatorFor('my')(`instrument:${shown[a.questionId]}`),
          },
        });
      }
      expect(recorded.find((a) => a.questionId === 'rec_job_as_promised')?.wording?.variant).toBe(variant);
      // Questions asked before the age was known keep the adult wording, even on the child path.
      expect(recorded.find((a) => a.questionId === 'consent_screening')?.wording?.variant).toBe('standard');
      // The Burmese text is Burmese, and differs between the two wordings.
      const text = recorded.find((a) => a.questionId === 'rec_job_as_promised')?.wording?.texts.my ?? '';
      expect(text).toMatch(/[\u1000-\u109F]/);
      s.lock();
    },
  );

  it('a later answer does not rewrite the wording of earlier ones; a re-answer records the wording shown then', async () => {
    const { s, id } = await interview();
    answerLikeTheScreen(s, id, 30);
    const before = getInterview(s, id).answers.find((a) => a.questionId === 'rec_job_as_promised')?.wording;
    expect(before?.variant).toBe('standard');
    // The officer corrects the age to 16: the earlier question's record stays as asked.
    saveAnswer(s, { interviewId: id, questionId: 'id_age', value: answer.number(16), clientSeq: 100 });
    const after = getInterview(s, id).answers.find((a) => a.questionId === 'rec_job_as_promised')?.wording;
    expect(after).toEqual(before);
    // Asked again now, it is asked (and recorded) in the child wording.
    const again = saveAnswer(s, {
      interviewId: id,
      questionId: 'rec_job_as_promised',
      value: answer.yes(),
      clientSeq: 101,
    });
    expect(again.wording?.variant).toBe('child');
    expect(again.wording?.key).toBe('questions.rec_job_as_promised.textChild');
    s.lock();
  });

  it('the full interview records tier "full"', async () => {
    const { s, id } = await interview('full');
    const saved = saveAnswer(s, {
      interviewId: id,
      questionId: 'safety_others_present',
      value: answer.no(),
      clientSeq: 1,
    });
    expect(saved.wording).toMatchObject({
      id: 'safety_others_present@1:standard:full',
      tier: 'full',
      variant: 'standard',
    });
    s.lock();
  });
});
