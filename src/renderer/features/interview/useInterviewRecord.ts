import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { ConsentReceiverChoice } from '../../../shared/domain/consent-receiver';
import type { InterviewDetail, InterviewState, InterviewSummary } from '../../../shared/domain/interviews';
import { type Answers, type AnswerValue, answerValueSchema } from '../../../shared/instrument';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import type { Wordings } from './recorded-wording';

export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: ReplyError; value: AnswerValue };

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

/**
 * One interview as the screen works with it: the interview and its case, the answers given earlier to
 * the same person (never asked again), this interview's own answers and the wording each was recorded
 * with, and the two things the screen does to it: save an answer (shown as saved only once main has
 * committed it) and change its state.
 */
export function useInterviewRecord(interviewId: string) {
  const [detail, setDetail] = useState<InterviewDetail | null>(null);
  const [caseDetail, setCaseDetail] = useState<CaseDetail | null>(null);
  const [priorAnswers, setPriorAnswers] = useState<Answers>({});
  const [own, setOwn] = useState<Answers>({});
  const [wordings, setWordings] = useState<Wordings>({});
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [error, setError] = useState<ReplyError | null>(null);
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
    setDetail(d);
  }, [interviewId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Saves one answer; true once main has committed it. A failure stays on screen with its reason. */
  const save = async (
    questionId: string,
    value: AnswerValue,
    receiver?: ConsentReceiverChoice | null,
  ): Promise<boolean> => {
    if (!detail) return false;
    setSaveStates((s) => ({ ...s, [questionId]: { kind: 'saving' } }));
    seq.current = Math.max(seq.current + 1, Date.now());
    const reply = await call('interview.saveAnswer', {
      interviewId: detail.id,
      questionId,
      value,
      clientSeq: seq.current,
      ...(receiver ? { receiver } : {}),
    });
    if (!reply.ok) {
      setSaveStates((s) => ({ ...s, [questionId]: { kind: 'failed', error: reply.error, value } }));
      return false;
    }
    setOwn((o) => ({ ...o, [questionId]: value }));
    const recorded = reply.value.wording;
    if (recorded) setWordings((w) => ({ ...w, [questionId]: recorded }));
    setSaveStates((s) => ({ ...s, [questionId]: { kind: 'saved' } }));
    return true;
  };

  /** Changes the interview's state (with the question the officer is on); the summary on success. */
  const setState = async (
    state: InterviewState,
    options: { reason?: string; position?: string | null } = {},
  ): Promise<InterviewSummary | null> => {
    if (!detail) return null;
    setError(null);
    const reply = await call('interview.setState', {
      interviewId: detail.id,
      state,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.position !== undefined ? { position: options.position } : {}),
    });
    if (!reply.ok) {
      setError(reply.error);
      return null;
    }
    setDetail((d) => (d ? { ...d, ...reply.value } : d));
    return reply.value;
  };

  /** Reads the case again (main set its result and status when the interview ended). */
  const reloadCase = async () => {
    if (!detail) return;
    const updated = await call('cases.get', { id: detail.caseId });
    if (updated.ok) setCaseDetail(updated.value);
    else setError(updated.error);
  };

  return {
    detail,
    caseDetail,
    setCaseDetail,
    priorAnswers,
    own,
    wordings,
    saveStates,
    error,
    save,
    setState,
    reloadCase,
  };
}
