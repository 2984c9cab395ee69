import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsentReceiverChoice,
  isReferralConsentQuestion,
} from '../../../shared/domain/consent-receiver';
import { isLocale, type Locale } from '../../../shared/i18n/locales';
import {
  type AnswerValue,
  findQuestion,
  INSTRUMENT,
  questionGuidanceKey,
  questionTextKey,
  sectionTitleKey,
  type Tier,
} from '../../../shared/instrument';
import { evaluate, planInterview } from '../../../shared/screening';
import { useChromeRequest } from '../../app/chrome';
import { translatorFor } from '../../app/i18n';
import { usePrefs } from '../../app/prefs-context';
import { reviewStateOf } from '../../app/review-status';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { generalError } from '../../components/form-problems';
import { RightsCardPanel } from '../rights-card/RightsCardPanel';
import { AnswerControls } from './AnswerControls';
import { AnswersGiven } from './AnswersGiven';
import { hasCommandModifier, keyBelongsToField } from './answer-shortcuts';
import { ClosingChecks } from './ClosingChecks';
import { ConsentReceiverPicker, choiceOf, receiverText, useReferralDirectory } from './ConsentReceiverPicker';
import { DistressScreen } from './DistressScreen';
import { stepFrom, steppableQuestions } from './interview-navigation';
import { OfficerAssessment } from './OfficerAssessment';
import { PersonView } from './PersonView';
import { ResultView } from './ResultView';
import { STOP_FIELDS, StopForm } from './StopForm';
import { UrgentBadge } from './UrgentBadge';
import { useInterviewRecord } from './useInterviewRecord';

/** The closing check that records the rights card handed over. */
const CARD_CHECK = 'close_card_given';

type Mode = 'asking' | 'paused' | 'distress' | 'stopping' | 'result';

/** Active interview time as m:ss (h:mm:ss from an hour on). */
function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The interview on one laptop screen: a compact bar, the question side by side in the officer's and the
 * interviewee's language with the answers right under it, and keys for everything (1-9, N, P, ← →).
 * Each answer is shown as saved only after main confirms its transaction committed. Answers given
 * earlier on the same case (the short screen) are shown, never asked again. The person-facing view
 * turns the screen to the person.
 */
export function InterviewScreen({
  interviewId,
  initialQuestion,
  onQuestion,
  exitLabel,
  onExit,
}: {
  interviewId: string;
  /** The question the officer was on before a lock (the screen opens there again). */
  initialQuestion?: string | undefined;
  /** Told the question on screen, so a lock and sign-in can come back to it. */
  onQuestion?: (questionId: string | undefined) => void;
  /** What leaving says (back to the case, or back to the inspection). */
  exitLabel?: string;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  const { uiLanguage } = usePrefs();
  const record = useInterviewRecord(interviewId);
  const { detail, caseDetail, own, wordings, saveStates } = record;
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('asking');
  const [personView, setPersonView] = useState(false);
  // Referral consent: the receiver named to the person before asking, per question (null: none yet).
  const [receivers, setReceivers] = useState<Record<string, ConsentReceiverChoice | null>>({});
  const directory = useReferralDirectory();
  const [now, setNow] = useState(Date.now());
  // Active time: main's figure at load (breaks and locks left out), plus the time running since.
  const [clock, setClock] = useState<{ base: number; since: number | null } | null>(null);
  useChromeRequest(personView ? 'none' : 'compact');

  // The state the interview was left in decides where the screen opens.
  const loadedState = detail?.state;
  useEffect(() => {
    if (loadedState === 'paused') setMode('paused');
    if (loadedState === 'completed' || loadedState === 'stopped') setMode('result');
  }, [loadedState]);

  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);

  const loadedActiveMs = detail?.activeMs;
  const running = detail?.state === 'in_progress';
  useEffect(() => {
    if (loadedActiveMs === undefined) return;
    setClock((c) => {
      const at = Date.now();
      if (!c) return { base: loadedActiveMs, since: running ? at : null };
      if (running && c.since === null) return { base: c.base, since: at };
      if (!running && c.since !== null) return { base: c.base + (at - c.since), since: null };
      return c;
    });
  }, [loadedActiveMs, running]);

  const tier: Tier = detail?.tier === 'full' ? 'full' : 'short';
  const answers = useMemo(() => ({ ...record.priorAnswers, ...own }), [record.priorAnswers, own]);
  const plan = useMemo(() => planInterview(INSTRUMENT, answers, tier), [answers, tier]);
  const result = useMemo(() => evaluate(INSTRUMENT, answers, { tier }), [answers, tier]);
  const steps = useMemo(() => steppableQuestions(plan, new Set(Object.keys(own))), [plan, own]);
  const intervieweeLanguage: Locale =
    detail && isLocale(detail.intervieweeLanguage) ? detail.intervieweeLanguage : 'my';
  const tInterviewee = translatorFor(intervieweeLanguage);
  const currentId = selected ?? plan.nextQuestionId;
  const question = currentId ? findQuestion(INSTRUMENT, currentId) : undefined;
  const sectionId = plan.items.find((i) => i.questionId === currentId)?.sectionId;
  const child = plan.child.possibleChild;
  // The same key main records with the answer (src/main/store/answer-wording.ts).
  const textKey = question ? questionTextKey(question, child) : '';
  const closed = detail?.state === 'completed' || detail?.state === 'stopped';
  // Closed and consent-withdrawn cases are frozen: a stopped interview on them stays stopped.
  const caseOpen = caseDetail ? !['closed', 'consent_withdrawn'].includes(caseDetail.status) : false;
  const asking = mode === 'asking' && !closed;
  const inTier = plan.items.filter((i) => i.inTier && i.status !== 'hidden' && i.status !== 'after_stop');
  // What a stopped interview still records: the officer's closing checks of this tier.
  const closingChecks = useMemo(
    () =>
      plan.items
        .filter((i) => i.inTier && findQuestion(INSTRUMENT, i.questionId)?.afterStop)
        .map((i) => i.questionId),
    [plan],
  );
  const position = currentId ? inTier.findIndex((i) => i.questionId === currentId) + 1 : inTier.length;

  // Where the officer was before a lock: opened there once the answers are in.
  const [returnTo] = useState(initialQuestion);
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !detail) return;
    restored.current = true;
    if (returnTo && returnTo !== plan.nextQuestionId && steps.includes(returnTo)) setSelected(returnTo);
  }, [detail, returnTo, plan.nextQuestionId, steps]);
  const reportQuestion = useRef(onQuestion);
  reportQuestion.current = onQuestion;
  const shownQuestion = asking && detail ? (currentId ?? undefined) : undefined;
  useEffect(() => {
    if (restored.current) reportQuestion.current?.(shownQuestion);
  }, [shownQuestion]);

  const step = useCallback(
    (direction: -1 | 1) => {
      const target = stepFrom(steps, currentId, direction);
      if (target) setSelected(target === plan.nextQuestionId ? null : target);
    },
    [steps, currentId, plan.nextQuestionId],
  );

  // ← and → step back and forward through the answers of this interview (not inside a text field).
  // The listener calls the step of the latest render: a key pressed right after an answer moved the
  // screen on (before effects re-run) steps from the question shown, not from the one answered.
  const latestStep = useRef(step);
  latestStep.current = step;
  useEffect(() => {
    if (!asking || personView) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || hasCommandModifier(event) || keyBelongsToField(event.target, event.key))
        return;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        latestStep.current(event.key === 'ArrowLeft' ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking, personView]);

  /** The receiver chosen on this screen, else the one recorded with the answer already given. */
  const receiverFor = (questionId: string): ConsentReceiverChoice | null => {
    const chosen = receivers[questionId];
    return chosen !== undefined ? chosen : choiceOf(wordings[questionId]?.receiver);
  };

  const answer = async (questionId: string, value: AnswerValue) => {
    const named = isReferralConsentQuestion(questionId) ? receiverFor(questionId) : null;
    if (await record.save(questionId, value, named)) setSelected(null);
    // A failed save is shown to the officer, never hidden behind the person's view.
    else setPersonView(false);
  };

  // The card handed over is also the interview's closing check (asked after a stop too).
  const cardHandedOver = () => {
    if (closingChecks.includes(CARD_CHECK)) void record.save(CARD_CHECK, { kind: 'choice', value: 'yes' });
  };

  const pause = async () => {
    if (await record.setState('paused', { position: currentId ?? null })) setMode('paused');
  };

  // Main records the case's result and status when the interview ends; the page reads them back.
  const finish = async (state: 'completed' | 'stopped', reason?: string) => {
    if (!(await record.setState(state, { position: currentId ?? null, ...(reason ? { reason } : {}) })))
      return;
    setPersonView(false);
    setMode('result');
    await record.reloadCase();
  };

  if (!detail) return <ErrorMessage error={record.error} />;
  const saveState = currentId ? saveStates[currentId] : undefined;
  const needsReceiver = question ? isReferralConsentQuestion(question.id) : false;
  const receiver = question && needsReceiver ? receiverFor(question.id) : null;
  // The answers wait until the receiver is chosen (and named to the person).
  const waiting = saveState?.kind === 'saving' || (needsReceiver && !receiver);
  const personReceiverLine = receiver
    ? tInterviewee('common:interview.consentReceiver.person', {
        receiver: receiverText(receiver, directory, (kind) =>
          tInterviewee(`common:admin.settings.kinds.${kind}`),
        ),
      })
    : null;
  const failedValue = saveState?.kind === 'failed' ? saveState.value : undefined;

  if (personView) {
    return (
      <PersonView
        question={asking && question ? question : null}
        textKey={textKey}
        current={question ? (failedValue ?? own[question.id]) : undefined}
        language={intervieweeLanguage}
        disabled={waiting}
        note={personReceiverLine}
        onAnswer={(v) => question && void answer(question.id, v)}
        onBack={() => setPersonView(false)}
      />
    );
  }

  if (mode === 'distress') {
    return (
      <DistressScreen
        language={intervieweeLanguage}
        onContinue={() => setMode('asking')}
        onBreak={() => void pause()}
        onStop={() => setMode('stopping')}
      />
    );
  }

  return (
    <section className="interview" aria-labelledby="iv-title" data-testid="interview">
      <div className="interview-bar">
        <h1 id="iv-title">
          {ti(`tiers.${tier}`)} · {caseDetail?.reference}
        </h1>
        {asking && (
          <span className="progress" data-testid="progress">
            {t('interview.progress', { at: position, total: inTier.length })}
          </span>
        )}
        <span className="elapsed" data-testid="elapsed">
          {t('interview.elapsed', {
            time: elapsed(clock ? clock.base + (clock.since === null ? 0 : now - clock.since) : 0),
          })}
        </span>
        {asking && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={!stepFrom(steps, currentId, -1)}
              aria-keyshortcuts="ArrowLeft"
              data-testid="step-back"
              onClick={() => step(-1)}
            >
              ← {t('interview.back')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!stepFrom(steps, currentId, 1)}
              aria-keyshortcuts="ArrowRight"
              data-testid="step-next"
              onClick={() => step(1)}
            >
              {t('interview.next')} →
            </button>
            <ActionButton testId="pause" onClick={() => void pause()}>
              {t('interview.pause')}
            </ActionButton>
            <ActionButton testId="distress" onClick={() => setMode('distress')}>
              {t('interview.distress')}
            </ActionButton>
            <ActionButton testId="person-view-on" onClick={() => setPersonView(true)}>
              {t('interview.personView')}
            </ActionButton>
            <ActionButton look="danger" testId="stop" onClick={() => setMode('stopping')}>
              {t('interview.stop')}
            </ActionButton>
          </>
        )}
        <ActionButton testId="exit-interview" onClick={onExit}>
          {exitLabel ?? t('interview.backToCase')}
        </ActionButton>
      </div>
      <ErrorMessage
        error={
          mode === 'stopping' ? generalError(record.error, (key) => STOP_FIELDS.includes(key)) : record.error
        }
      />

      {result.urgent.flagged && <UrgentBadge messageKeys={result.urgent.messageKeys} />}

      {mode === 'paused' && !closed && (
        <div className="panel pause" data-testid="paused">
          <h2>{t('interview.pausedTitle')}</h2>
          <p>{t('interview.pausedExplain')}</p>
          <button
            type="button"
            data-testid="resume"
            onClick={async () => {
              if (await record.setState('in_progress')) {
                const at = detail.position;
                setSelected(at && at !== plan.nextQuestionId && steps.includes(at) ? at : null);
                setMode('asking');
              }
            }}
          >
            {t('interview.resume')}
          </button>
        </div>
      )}

      {mode === 'stopping' && (
        <StopForm
          interviewId={interviewId}
          refusal={record.error}
          onStop={(reason) => void finish('stopped', reason)}
          onCancel={() => setMode('asking')}
        />
      )}

      {asking && question && (
        <div className="question" data-testid="question" data-question-id={question.id}>
          {plan.stopped && question.afterStop && (
            <p className="notice" role="status" data-testid="after-stop-note">
              {t('interview.afterStopNote')}
            </p>
          )}
          <p className="section-title">
            {sectionId ? ti(sectionTitleKey(sectionId)) : ''}
            {question.audience === 'officer' && (
              <span className="audience-officer" data-testid="officer-question">
                {' '}
                · {t('interview.officerQuestion')}
              </span>
            )}
          </p>
          <div className="bilingual large">
            <p lang={uiLanguage} data-testid="question-officer">
              {ti(textKey)}
            </p>
            <p lang={intervieweeLanguage} data-testid="question-interviewee">
              {tInterviewee(`instrument:${textKey}`)}
            </p>
          </div>
          {!['reviewed', 'source'].includes(reviewStateOf(intervieweeLanguage, 'instrument', textKey)) && (
            <p className="review-marker" data-testid="unreviewed-marker" title={t('interview.unreviewed')}>
              {t('interview.unreviewedShort')}
            </p>
          )}
          {needsReceiver && (
            <div className="consent-receiver" data-testid="consent-receiver-panel">
              <ConsentReceiverPicker
                key={question.id}
                directory={directory}
                value={receiver}
                onChange={(choice) => setReceivers((r) => ({ ...r, [question.id]: choice }))}
              />
              {receiver && (
                <div className="bilingual">
                  <p lang={uiLanguage} data-testid="consent-receiver-officer">
                    {t('interview.consentReceiver.person', {
                      receiver: receiverText(receiver, directory, (kind) =>
                        t(`admin.settings.kinds.${kind}`),
                      ),
                    })}
                  </p>
                  <p lang={intervieweeLanguage} data-testid="consent-receiver-person">
                    {personReceiverLine}
                  </p>
                </div>
              )}
            </div>
          )}
          <AnswerControls
            key={question.id}
            question={question}
            current={failedValue ?? own[question.id]}
            intervieweeLanguage={intervieweeLanguage}
            disabled={waiting}
            onAnswer={(v) => void answer(question.id, v)}
          />
          <div className="question-foot">
            <p
              className="save-state"
              aria-live="polite"
              data-testid="save-state"
              data-state={saveState?.kind ?? 'none'}
            >
              {saveState?.kind === 'saving' && t('interview.saving')}
              {saveState?.kind === 'saved' && t('interview.saved')}
            </p>
            <details className="guidance">
              <summary>{t('interview.guidance')}</summary>
              <p>{ti(questionGuidanceKey(question.id))}</p>
            </details>
            <p className="shortcut-hint muted">{t('interview.shortcuts')}</p>
          </div>
          {saveState?.kind === 'failed' && (
            <div className="not-saved" data-testid="not-saved">
              <strong>{t('interview.notSaved')}</strong>
              <ErrorMessage error={saveState.error} />
              <button type="button" onClick={() => void answer(question.id, saveState.value)}>
                {t('actions.retry')}
              </button>
            </div>
          )}
        </div>
      )}

      {asking && !question && (
        <div className="panel" data-testid="all-asked">
          <h2>{plan.stopped ? t('interview.stoppedByRule') : t('interview.allAsked')}</h2>
          {plan.stopped && (
            <RightsCardPanel
              caseId={detail.caseId}
              interviewId={interviewId}
              language={detail.intervieweeLanguage}
              onHandedOver={cardHandedOver}
            />
          )}
          {/* Focused, so Enter finishes after the last answer given by keyboard. */}
          <button
            ref={(el) => el?.focus()}
            type="button"
            data-testid="complete"
            onClick={() => void finish('completed')}
          >
            {t('interview.complete')}
          </button>
        </div>
      )}

      {(mode === 'result' || closed) && (
        <>
          {detail.state === 'stopped' && caseOpen && (
            <div className="panel" data-testid="stopped">
              <p>{t('interview.stoppedExplain')}</p>
              <button
                type="button"
                data-testid="resume-stopped"
                onClick={async () => {
                  if (await record.setState('in_progress')) setMode('asking');
                }}
              >
                {t('interview.resumeStopped')}
              </button>
            </div>
          )}
          <ResultView result={result} wordings={wordings} />
          {caseDetail && <OfficerAssessment caseDetail={caseDetail} onSaved={record.setCaseDetail} />}
          <RightsCardPanel
            caseId={detail.caseId}
            interviewId={interviewId}
            language={detail.intervieweeLanguage}
            {...(detail.state === 'stopped' && caseOpen ? { onHandedOver: cardHandedOver } : {})}
          />
          {detail.state === 'stopped' && caseOpen && (
            <ClosingChecks
              questionIds={closingChecks}
              answers={answers}
              saveStates={saveStates}
              onAnswer={(id, value) => void record.save(id, value)}
            />
          )}
        </>
      )}

      <AnswersGiven
        ids={plan.alreadyAnswered}
        answers={answers}
        own={own}
        wordings={wordings}
        open={mode === 'result' || closed}
        canChange={!closed}
        onChange={(id) => {
          setSelected(id);
          setMode('asking');
        }}
      />
    </section>
  );
}
