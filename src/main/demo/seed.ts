import { type Answers, findQuestion, INSTRUMENT, type Tier } from '../../shared/instrument';
import { planInterview } from '../../shared/screening';
import { instrumentText } from '../i18n/translator';
import { createCase, getCase, updateCase } from '../store/cases';
import { saveAnswer, setInterviewState, startInterview } from '../store/interviews';
import type { Session } from '../store/session';
import { neutralAnswer } from './defaults';
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios';

/** What a scripted interview says: the language, the interpreter if any, and the answers that differ from the neutral ones. */
export type InterviewScript = Pick<DemoScenario, 'lang' | 'interpreter' | 'answers'>;

/**
 * Runs one tier of an interview through the real services, one durable save at a time, asking only
 * what the plan says is still to ask (so the full interview never repeats the short screen), and
 * completes it (main then sets the case's result and status). Returns all answers so far.
 */
export function runScriptedInterview(
  session: Session,
  script: InterviewScript,
  target: { caseId: string; personId?: string | undefined; tier: Tier },
  given: Answers = {},
): Answers {
  const { caseId, personId, tier } = target;
  const interview = startInterview(session, {
    caseId,
    ...(personId ? { personId } : {}),
    instrumentId: INSTRUMENT.id,
    instrumentVersion: INSTRUMENT.version,
    tier,
    intervieweeLanguage: script.lang,
    officerLanguage: 'th',
    ...(script.interpreter
      ? { interpreter: { ...script.interpreter, declarationSigned: true, conflictDeclared: false } }
      : {}),
  });
  const answers: Answers = { ...given };
  let seq = 0;
  for (;;) {
    const next = planInterview(INSTRUMENT, answers, tier).nextQuestionId;
    if (!next) break;
    const question = findQuestion(INSTRUMENT, next);
    if (!question) break;
    const value = script.answers[next] ?? neutralAnswer(question);
    saveAnswer(
      session,
      { interviewId: interview.id, questionId: next, value, clientSeq: ++seq },
      { text: instrumentText },
    );
    answers[next] = value;
  }
  setInterviewState(session, { interviewId: interview.id, state: 'completed' });
  return answers;
}

export interface SeededCase {
  caseId: string;
  lang: DemoScenario['lang'];
}

export function seedDemoCases(session: Session, scenarios: DemoScenario[] = DEMO_SCENARIOS): SeededCase[] {
  return scenarios.map((scenario) => {
    const created = createCase(session, scenario.case);
    const personId = created.persons[0]?.id;
    const short = runScriptedInterview(session, scenario, { caseId: created.id, personId, tier: 'short' });
    runScriptedInterview(session, scenario, { caseId: created.id, personId, tier: 'full' }, short);
    // The result and the "screened" status came from main when the interviews completed.
    updateCase(session, {
      id: created.id,
      expectedRevision: getCase(session, created.id).revision,
      officerAssessment: scenario.assessment,
    });
    return { caseId: created.id, lang: scenario.lang };
  });
}
