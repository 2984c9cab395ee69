import { describe, expect, it } from 'vitest';
import { shortcutAction } from '../../src/renderer/features/interview/answer-shortcuts';
import { stepFrom, steppableQuestions } from '../../src/renderer/features/interview/interview-navigation';
import { answer, declineReasonsFor, INSTRUMENT } from '../../src/shared/instrument';
import { planInterview } from '../../src/shared/screening';
import { question } from '../helpers/samples';

describe('answer keys', () => {
  it('1 and 2 answer yes and no; N and P decline where the question allows it', () => {
    const q = question('safety_others_present');
    const declines = declineReasonsFor(q);
    expect(shortcutAction('1', q, declines)).toEqual({ kind: 'pick', index: 0 });
    expect(shortcutAction('2', q, declines)).toEqual({ kind: 'pick', index: 1 });
    expect(shortcutAction('3', q, declines)).toBeNull();
    expect(shortcutAction('n', q, declines)).toEqual({ kind: 'decline', reason: 'not_sure' });
    expect(shortcutAction('P', q, declines)).toEqual({ kind: 'decline', reason: 'prefer_not' });
    expect(shortcutAction('Enter', q, declines)).toBeNull();
  });

  it("the officer's own questions take N but never P", () => {
    const q = question('id_possibly_under_18');
    expect(q.audience).toBe('officer');
    const declines = declineReasonsFor(q);
    expect(shortcutAction('N', q, declines)).toEqual({ kind: 'decline', reason: 'not_sure' });
    expect(shortcutAction('P', q, declines)).toBeNull();
  });

  it('digits reach the options of a choice in order, up to 9; Enter confirms a multi-choice selection', () => {
    const single = question('rec_how_found');
    if (single.kind !== 'single') throw new Error('single');
    const n = single.options.length;
    expect(shortcutAction(String(n), single, [])).toEqual({ kind: 'pick', index: n - 1 });
    expect(shortcutAction(String(n + 1), single, [])).toBeNull();
    const multi = question('ctrl_when_unhappy');
    expect(shortcutAction('Enter', multi, [])).toEqual({ kind: 'confirm' });
    expect(shortcutAction('0', multi, [])).toBeNull();
    // A number question takes its digits in its own field.
    expect(shortcutAction('3', question('id_age'), [])).toBeNull();
  });
});

describe('back and next', () => {
  it('step through the answers of this interview and stop at the question to ask now', () => {
    const given = { safety_others_present: answer.no(), safety_safe_to_talk: answer.yes() };
    const plan = planInterview(INSTRUMENT, given, 'short');
    const order = steppableQuestions(plan, new Set(Object.keys(given)));
    expect(order).toEqual(['safety_others_present', 'safety_safe_to_talk', plan.nextQuestionId]);
    expect(stepFrom(order, plan.nextQuestionId, -1)).toBe('safety_safe_to_talk');
    expect(stepFrom(order, 'safety_others_present', -1)).toBeNull();
    expect(stepFrom(order, 'safety_safe_to_talk', 1)).toBe(plan.nextQuestionId);
    // Next never goes past the question to ask: it is left by answering it.
    expect(stepFrom(order, plan.nextQuestionId, 1)).toBeNull();
  });

  it("earlier interviews' answers are shown but not stepped through; after the last question, back is the last answer", () => {
    const prior = { safety_others_present: answer.no() };
    const own = { safety_safe_to_talk: answer.yes() };
    const plan = planInterview(INSTRUMENT, { ...prior, ...own }, 'short');
    const order = steppableQuestions(plan, new Set(Object.keys(own)));
    expect(order[0]).toBe('safety_safe_to_talk');
    const done = steppableQuestions({ ...plan, nextQuestionId: null }, new Set(Object.keys(own)));
    expect(stepFrom(done, null, -1)).toBe('safety_safe_to_talk');
  });
});
