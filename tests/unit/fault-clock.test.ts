import { describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/main/store/audit';
import { createCase, getCase, updateCase } from '../../src/main/store/cases';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { CASE_INPUT, INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A laptop whose clock is set backwards (a flat CMOS battery, a wrong manual correction, a time zone
 * fix-up) between writes. The audit trail must still verify, and its order is the sequence of events,
 * never the timestamps.
 */
describe('a clock set backwards between writes', () => {
  it('keeps the audit chain valid and lists events by sequence, whatever their times say', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    store.clock.advance(-3 * DAY);
    const interview = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
    saveAnswer(s, { interviewId: interview.id, questionId: 'q1', value: 'before the jump', clientSeq: 1 });
    store.clock.advance(-400 * DAY);
    saveAnswer(s, { interviewId: interview.id, questionId: 'q2', value: 'a year earlier?', clientSeq: 2 });
    store.clock.advance(-5 * 365 * DAY);
    updateCase(s, {
      id: c.id,
      expectedRevision: getCase(s, c.id).revision,
      officerAssessment: 'written while the clock said five years ago',
    });
    s.lock();
    store.clock.advance(2 * HOUR);
    const again = await store.unlock();
    store.clock.advance(-10 * DAY);
    saveAnswer(again, { interviewId: interview.id, questionId: 'q3', value: 'after sign-in', clientSeq: 3 });

    const verified = verifyAudit(again);
    expect(verified.ok).toBe(true);

    const entries = listAudit(again, { limit: 1000 });
    expect(entries.length).toBe(verified.rows);
    // Newest first by sequence: 1..n without gaps, strictly descending.
    expect(entries.map((e) => e.seq)).toEqual(
      Array.from({ length: entries.length }, (_, i) => entries.length - i),
    );
    // ... although the timestamps go backwards and forwards.
    const times = entries.map((e) => Date.parse(e.at));
    const descendingByTime = [...times].sort((a, b) => b - a);
    expect(times).not.toEqual(descendingByTime);
    // The last thing done is listed first even though its clock time is not the latest.
    const newest = entries[0];
    expect(newest?.action).toBe('answer.save');
    expect(Date.parse(newest?.at ?? '')).toBeLessThan(Math.max(...times));
    // And the order of events is the order they happened in.
    const actions: string[] = [...entries].reverse().map((e) => e.action);
    const order = (action: string) => actions.indexOf(action);
    expect(order('case.create')).toBeLessThan(order('interview.start'));
    expect(order('interview.start')).toBeLessThan(order('answer.save'));
    expect(actions.lastIndexOf('case.update')).toBeLessThan(actions.lastIndexOf('answer.save'));
    again.lock();
  });
});
