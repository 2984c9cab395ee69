import { type Answers, findQuestion, INSTRUMENT, type Tier } from '../../shared/instrument';
import { evaluate, planInterview } from '../../shared/screening';
import { createCase, getCase, setCaseStatus, updateCase } from '../store/cases';
import { saveAnswer, setInterviewState, startInterview } from '../store/interviews';
import type { Session } from '../store/session';
import { neutralAnswer } from './defaults';
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios';

/**
 * Runs one tier of a scenario through the real services, one durable save at a time, asking only
 * what the plan says is still to ask (so the full interview never repeats the short screen).
 */
function runTier(
  session: Session,
  scenario: DemoScenario,
  caseId: string,
  personId: string | undefined,
  tier: Tier,
  given: Answers,
) {
  const interview = startInterview(session, {
    caseId,
    ...(personId ? { personId } : {}),
    instrumentId: INSTRUMENT.id,
    instrumentVersion: INSTRUMENT.version,
    tier,
    intervieweeLanguage: scenario.lang,
    officerLanguage: 'th',
    ...(scenario.interpreter
      ? { interpreter: { ...scenario.interpreter, declarationSigned: true, conflictDeclared: false } }
      : {}),
  });
  const answers: Answers = { ...given };
  let seq = 0;
  for (;;) {
    const next = planInterview(INSTRUMENT, answers, tier).nextQuestionId;
    if (!next) break;
    const question = findQuestion(INSTRUMENT, next);
    if (!question) break;
    const value = scenario.answers[next] ?? neutralAnswer(question);
    saveAnswer(session, { interviewId: interview.id, questionId: next, value, clientSeq: ++seq });
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
    const short = runTier(session, scenario, created.id, personId, 'short', {});
    const all = runTier(session, scenario, created.id, personId, 'full', short);
    const result = evaluate(INSTRUMENT, all, { tier: 'full' });
    const screeningResult = result.urgent.flagged
      ? 'urgent'
      : result.indicators.length > 0
        ? 'indicators_found'
        : 'no_indicators';
    const updated = updateCase(session, {
      id: created.id,
      expectedRevision: getCase(session, created.id).revision,
      screeningResult,
      officerAssessment: scenario.assessment,
    });
    setCaseStatus(session, { id: updated.id, status: 'screened' });
    return { caseId: created.id, lang: scenario.lang };
  });
}
