import { describe, expect, it } from 'vitest';
import { createCase, setCaseStatus } from '../../src/main/store/cases';
import { activeMilliseconds, type ClockEvent } from '../../src/main/store/interview-time';
import { getInterview, setInterviewState, startInterview } from '../../src/main/store/interviews';
import { codeOf } from '../helpers/errors';
import { CASE_INPUT, INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 4, 21, 8, minute, second)).toISOString();
const ev = (kind: ClockEvent['kind'], minute: number, second = 0): ClockEvent => ({
  at: at(minute, second),
  kind,
});

describe('active interview time', () => {
  it('counts only the time in progress with the app unlocked', () => {
    const events = [
      ev('run', 0),
      ev('halt', 2), // a break of 15 minutes
      ev('run', 17),
      ev('lock', 18), // F9 for 10 minutes
      ev('unlock', 28),
      ev('halt', 29, 30), // stopped
      ev('run', 40), // resumed
      ev('halt', 41),
    ];
    expect(activeMilliseconds(events, new Date(at(59)))).toBe((2 * 60 + 60 + 90 + 60) * 1000);
  });

  it('runs on to now while in progress, and not while locked', () => {
    expect(activeMilliseconds([ev('run', 0)], new Date(at(3, 30)))).toBe(210_000);
    expect(activeMilliseconds([ev('run', 0), ev('lock', 1)], new Date(at(30)))).toBe(60_000);
    // A lock during a break and the sign-in after it change nothing.
    expect(
      activeMilliseconds(
        [ev('run', 0), ev('halt', 1), ev('lock', 2), ev('unlock', 5), ev('run', 6)],
        new Date(at(7)),
      ),
    ).toBe(120_000);
  });

  it('is what the store reports for an interview with a break, a lock and a stop and resume', async () => {
    const store = await createTestStore();
    let s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
    store.clock.advance(60_000);
    setInterviewState(s, { interviewId: iv.id, state: 'paused' });
    store.clock.advance(15 * 60_000);
    setInterviewState(s, { interviewId: iv.id, state: 'in_progress' });
    store.clock.advance(30_000);
    s.lock();
    store.clock.advance(20 * 60_000);
    s = await store.unlock();
    store.clock.advance(15_000);
    expect(getInterview(s, iv.id).activeMs).toBe(105_000);
    setInterviewState(s, { interviewId: iv.id, state: 'stopped', reason: 'the person asked to stop' });
    store.clock.advance(60 * 60_000);
    expect(getInterview(s, iv.id).activeMs).toBe(105_000);
    setInterviewState(s, { interviewId: iv.id, state: 'in_progress' });
    store.clock.advance(5_000);
    setInterviewState(s, { interviewId: iv.id, state: 'completed' });
    store.clock.advance(60_000);
    expect(getInterview(s, iv.id).activeMs).toBe(110_000);
    s.lock();
  });

  it('keeps a stopped interview stopped once its case is closed', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
    setInterviewState(s, { interviewId: iv.id, state: 'stopped', reason: 'unsafe' });
    setCaseStatus(s, { id: c.id, status: 'closed', reason: 'moved away' });
    expect(codeOf(() => setInterviewState(s, { interviewId: iv.id, state: 'in_progress' }))).toBe('CONFLICT');
    s.lock();
  });
});
