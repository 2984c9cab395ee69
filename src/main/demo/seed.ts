import { type ConsentReceiverChoice, isReferralConsentQuestion } from '../../shared/domain/consent-receiver';
import { type Answers, findQuestion, INSTRUMENT, type Tier } from '../../shared/instrument';
import { planInterview } from '../../shared/screening';
import { instrumentText } from '../i18n/translator';
import { createCase, getCase, updateCase } from '../store/cases';
import { saveAnswer, setInterviewState, startInterview } from '../store/interviews';
import type { Session } from '../store/session';
import { neutralAnswer } from './defaults';
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios';

/**
 * What a scripted interview says: the language, the interpreter if any, the answers that differ from the
 * neutral ones, and the receiver named when consent to referral is asked (by default the kind
 * "multidisciplinary team", which the referral's default receiver is).
 */
export type InterviewScript = Pick<DemoScenario, 'lang' | 'interpreter' | 'answers'> & {
  /** null: none, as consent was recorded before receivers were recorded with it (older stores, tests). */
  consentReceiver?: ConsentReceiverChoice | null;
};

const DEFAULT_CONSENT_RECEIVER: ConsentReceiverChoice = { agencyKind: 'mdt' };

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
    const named = script.consentReceiver === undefined ? DEFAULT_CONSENT_RECEIVER : script.consentReceiver;
    const receiver = isReferralConsentQuestion(next) && named ? { receiver: named } : {};
    saveAnswer(
      session,
      { interviewId: interview.id, questionId: next, value, clientSeq: ++seq, ...receiver },
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

/** The demo cases; `options.consentReceiver` overrides the receiver named with referral consent. */
export function seedDemoCases(
  session: Session,
  scenarios: DemoScenario[] = DEMO_SCENARIOS,
  options: Pick<InterviewScript, 'consentReceiver'> = {},
): SeededCase[] {
  return scenarios.map((demo) => {
    const scenario =
      'consentReceiver' in options ? { ...demo, consentReceiver: options.consentReceiver } : demo;
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
