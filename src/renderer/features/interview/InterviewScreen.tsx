import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { InterviewDetail } from '../../../shared/domain/interviews';
import { isLocale, type Locale } from '../../../shared/i18n/locales';
import {
  type Answers,
  type AnswerValue,
  answerValueSchema,
  describeAnswer,
  findQuestion,
  INSTRUMENT,
  questionGuidanceKey,
  questionTextKey,
  sectionTitleKey,
  type Tier,
} from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { evaluate, planInterview } from '../../../shared/screening';
import { call } from '../../app/call';
import { translatorFor } from '../../app/i18n';
import { usePrefs } from '../../app/prefs-context';
import { reviewStateOf } from '../../app/review-status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';
import { AnswerControls } from './AnswerControls';
import { DistressScreen } from './DistressScreen';
import { OfficerAssessment } from './OfficerAssessment';
import { ResultView } from './ResultView';
import { recordedText, type Wordings } from './recorded-wording';

type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: ReplyError; value: AnswerValue };
type Mode = 'asking' | 'paused' | 'distress' | 'stopping' | 'result';

function answersOf(detail: InterviewDetail): Answers {
  const out: Answers = {};
  for (const a of detail.answers) {
    const parsed = answerValueSchema.safeParse(a.value);
    if (parsed.success) out[a.questionId] = parsed.data;
  }
  return out;
}

function wordingsOf(detail: InterviewDetail): Wordings {
  const out: Wordings = {};
  for (const a of detail.answers) if (a.wording) out[a.questionId] = a.wording;
  return out;
}

function elapsed(fromIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The interview: one question at a time, side by side in the officer's and the interviewee's
 * language. Each answer is shown as saved only after the store confirms its transaction committed.
 * Answers given earlier on the same case (the short screen) are shown, never asked again.
 */
export function InterviewScreen({ interviewId, onExit }: { interviewId: string; onExit: () => void }) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  const { uiLanguage } = usePrefs();
  const [detail, setDetail] = useState<InterviewDetail | null>(null);
  const [caseDetail, setCaseDetail] = useState<CaseDetail | null>(null);
  const [priorAnswers, setPriorAnswers] = useState<Answers>({});
  const [own, setOwn] = useState<Answers>({});
  // The wording each answer was asked in, as main recorded it.
  const [wordings, setWordings] = useState<Wordings>({});
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('asking');
  const [cardMode, setCardMode] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [stopReason, setStopReason] = useState('');
  const [now, setNow] = useState(Date.now());
  const seq = useRef(Date.now());

  const load = useCallback(async () => {
    const reply = await call('interview.get', { id: interviewId });
    if (!reply.ok) return setError(reply.error);
    const d = reply.value;
    // Everything is gathered before anything is shown, so no question flashes that was already answered.
    const prior: Answers = {};
    const priorWordings: Wordings = {};
    const c = await call('cases.get', { id: d.caseId });
    if (c.ok) {
      // Earlier interviews with the same person carry their answers forward (never asked twice).
      const earlier = c.value.interviews
        .filter((i) => i.id !== d.id && i.personId === d.personId && i.startedAt <= d.startedAt)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      for (const i of earlier) {
        const r = await call('interview.get', { id: i.id });
        if (r.ok) {
          Object.assign(prior, answersOf(r.value));
          Object.assign(priorWordings, wordingsOf(r.value));
        }
      }
      setCaseDetail(c.value);
    }
    setPriorAnswers(prior);
    setOwn(answersOf(d));
    setWordings({ ...priorWordings, ...wordingsOf(d) });
    if (d.state === 'paused') setMode('paused');
    if (d.state === 'completed' || d.state === 'stopped') setMode('result');
    setDetail(d);
  }, [interviewId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);

  const tier: Tier = detail?.tier === 'full' ? 'full' : 'short';
  const answers = useMemo(() => ({ ...priorAnswers, ...own }), [priorAnswers, own]);
  const plan = useMemo(() => planInterview(INSTRUMENT, answers, tier), [answers, tier]);
  const result = useMemo(() => evaluate(INSTRUMENT, answers, { tier }), [answers, tier]);
  const intervieweeLanguage: Locale =
    detail && isLocale(detail.intervieweeLanguage) ? detail.intervieweeLanguage : 'my';
  const tInterviewee = translatorFor(intervieweeLanguage);
  const currentId = selected ?? plan.nextQuestionId;
  const question = currentId ? findQuestion(INSTRUMENT, currentId) : undefined;
  const sectionId = plan.items.find((i) => i.questionId === currentId)?.sectionId;
  const child = plan.child.possibleChild;
  // The same key main records with the answer (src/main/store/answer-wording.ts).
  const textKey = question ? questionTextKey(question, child) : '';

  const save = async (questionId: string, value: AnswerValue) => {
    if (!detail) return;
    setSaveStates((s) => ({ ...s, [questionId]: { kind: 'saving' } }));
    seq.current = Math.max(seq.current + 1, Date.now());
    const reply = await call('interview.saveAnswer', {
      interviewId: detail.id,
      questionId,
      value,
      clientSeq: seq.current,
    });
    if (!reply.ok) {
      // Kept on screen, marked not saved, with the reason; nothing is silently dropped.
      setSaveStates((s) => ({ ...s, [questionId]: { kind: 'failed', error: reply.error, value } }));
      return;
    }
    setOwn((o) => ({ ...o, [questionId]: value }));
    const recorded = reply.value.wording;
    if (recorded) setWordings((w) => ({ ...w, [questionId]: recorded }));
    setSaveStates((s) => ({ ...s, [questionId]: { kind: 'saved' } }));
    setSelected(null);
  };

  const setState = async (state: 'in_progress' | 'paused' | 'completed' | 'stopped', reason?: string) => {
    if (!detail) return false;
    const reply = await call('interview.setState', {
      interviewId: detail.id,
      state,
      ...(reason ? { reason } : {}),
      position: currentId ?? null,
    });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    setDetail({ ...detail, ...reply.value });
    return true;
  };

  // Main records the case's result and status when the interview ends; the page reads them back.
  const finish = async (state: 'completed' | 'stopped', reason?: string) => {
    if (!(await setState(state, reason))) return;
    setMode('result');
    const updated = await call('cases.get', { id: detail?.caseId ?? '' });
    if (updated.ok) setCaseDetail(updated.value);
    else setError(updated.error);
  };

  if (!detail) return <ErrorMessage error={error} />;
  const saveState = currentId ? saveStates[currentId] : undefined;
  const failedValue = saveState?.kind === 'failed' ? saveState.value : undefined;
  const closed = detail.state === 'completed' || detail.state === 'stopped';

  if (mode === 'distress') {
    return (
      <DistressScreen
        language={intervieweeLanguage}
        onContinue={() => setMode('asking')}
        onBreak={async () => {
          if (await setState('paused')) setMode('paused');
        }}
        onStop={() => setMode('stopping')}
      />
    );
  }

  return (
    <section
      className={cardMode ? 'interview card-mode' : 'interview'}
      aria-labelledby="iv-title"
      data-testid="interview"
    >
      <div className="interview-bar">
        <h1 id="iv-title">
          {ti(`tiers.${tier}`)} · {caseDetail?.reference}
        </h1>
        <span className="elapsed" data-testid="elapsed">
          {t('interview.elapsed', { time: elapsed(detail.startedAt, now) })}
        </span>
        {!closed && mode === 'asking' && (
          <>
            <button
              type="button"
              className="secondary"
              data-testid="pause"
              onClick={async () => (await setState('paused')) && setMode('paused')}
            >
              {t('interview.pause')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="distress"
              onClick={() => setMode('distress')}
            >
              {t('interview.distress')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="card-mode"
              aria-pressed={cardMode}
              onClick={() => setCardMode(!cardMode)}
            >
              {t('interview.cardMode')}
            </button>
            <button type="button" className="danger" data-testid="stop" onClick={() => setMode('stopping')}>
              {t('interview.stop')}
            </button>
          </>
        )}
        <button type="button" className="secondary" onClick={onExit} data-testid="exit-interview">
          {t('interview.backToCase')}
        </button>
      </div>
      <ErrorMessage error={error} />

      {result.urgent.flagged && (
        <div className="urgent" role="alert" data-testid="urgent">
          <strong>{t('interview.urgentTitle')}</strong>
          <ul>
            {result.urgent.messageKeys.map((k) => (
              <li key={k}>{ti(k)}</li>
            ))}
          </ul>
          <p>{t('interview.hotline')}</p>
        </div>
      )}

      {mode === 'paused' && (
        <div className="panel pause" data-testid="paused">
          <h2>{t('interview.pausedTitle')}</h2>
          <p>{t('interview.pausedExplain')}</p>
          <button
            type="button"
            data-testid="resume"
            onClick={async () => {
              if (await setState('in_progress')) {
                setSelected(detail.position && plan.toAsk.includes(detail.position) ? detail.position : null);
                setMode('asking');
              }
            }}
          >
            {t('interview.resume')}
          </button>
        </div>
      )}

      {mode === 'stopping' && (
        <div className="panel" data-testid="stopping">
          <h2>{t('interview.stopTitle')}</h2>
          <p>{t('interview.stopExplain')}</p>
          <label className="field">
            {t('interview.stopReason')}
            <textarea
              value={stopReason}
              onChange={(e) => setStopReason(e.target.value)}
              rows={3}
              data-testid="stop-reason"
            />
            <ZawgyiCheck text={stopReason} onConvert={setStopReason} />
          </label>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={!stopReason.trim()}
              data-testid="stop-confirm"
              onClick={() => void finish('stopped', stopReason.trim())}
            >
              {t('interview.stopConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('asking')}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      )}

      {mode === 'asking' && !closed && question && (
        <div className="question" data-testid="question" data-question-id={question.id}>
          <p className="section-title">{sectionId ? ti(sectionTitleKey(sectionId)) : ''}</p>
          <div className="bilingual large">
            <p lang={uiLanguage} data-testid="question-officer">
              {ti(textKey)}
            </p>
            <p lang={intervieweeLanguage} data-testid="question-interviewee">
              {tInterviewee(`instrument:${textKey}`)}
            </p>
          </div>
          {!['reviewed', 'source'].includes(reviewStateOf(intervieweeLanguage, 'instrument', textKey)) && (
            // For the officer only (the card mode hides it): this translation has not been reviewed.
            <p className="review-marker" data-testid="unreviewed-marker">
              {t('interview.unreviewed')}
            </p>
          )}
          <details className="guidance">
            <summary>{t('interview.guidance')}</summary>
            <p>{ti(questionGuidanceKey(question.id))}</p>
          </details>
          <AnswerControls
            key={question.id}
            question={question}
            current={failedValue ?? own[question.id]}
            intervieweeLanguage={intervieweeLanguage}
            disabled={saveState?.kind === 'saving'}
            onAnswer={(v) => void save(question.id, v)}
          />
          <p
            className="save-state"
            aria-live="polite"
            data-testid="save-state"
            data-state={saveState?.kind ?? 'none'}
          >
            {saveState?.kind === 'saving' && t('interview.saving')}
            {saveState?.kind === 'saved' && t('interview.saved')}
          </p>
          {saveState?.kind === 'failed' && (
            <div className="not-saved" data-testid="not-saved">
              <strong>{t('interview.notSaved')}</strong>
              <ErrorMessage error={saveState.error} />
              <button type="button" onClick={() => void save(question.id, saveState.value)}>
                {t('actions.retry')}
              </button>
            </div>
          )}
        </div>
      )}

      {mode === 'asking' && !closed && !question && (
        <div className="panel" data-testid="all-asked">
          <h2>{plan.stopped ? t('interview.stoppedByRule') : t('interview.allAsked')}</h2>
          <button type="button" data-testid="complete" onClick={() => void finish('completed')}>
            {t('interview.complete')}
          </button>
        </div>
      )}

      {(mode === 'result' || closed) && (
        <>
          <ResultView result={result} wordings={wordings} />
          {caseDetail && <OfficerAssessment caseDetail={caseDetail} onSaved={setCaseDetail} />}
        </>
      )}

      {plan.alreadyAnswered.length > 0 && (
        <details className="given" open={mode === 'result'}>
          <summary>{t('interview.alreadyGiven', { count: plan.alreadyAnswered.length })}</summary>
          <ol>
            {plan.alreadyAnswered.map((id) => {
              const q = findQuestion(INSTRUMENT, id);
              const v = answers[id];
              if (!q || !v) return null;
              return (
                <li key={id} data-testid="given" data-question-id={id}>
                  <span data-testid="given-wording">{recordedText(q, wordings[id], uiLanguage, ti)}</span>{' '}
                  <strong>{describeAnswer(v, ti)}</strong>
                  {!closed && own[id] !== undefined && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setSelected(id);
                        setMode('asking');
                      }}
                    >
                      {t('interview.change')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </section>
  );
}
