import { describe, expect, it } from 'vitest';
import { type Answers, answer, type Condition } from '../../src/shared/instrument';
import { evaluateCondition, holds, testValue } from '../../src/shared/screening';

const ctx = (answers: Answers, child = false) => ({ answers, child });

describe('value tests', () => {
  it('match yes/no, single and multi answers', () => {
    expect(testValue({ equals: 'yes' }, answer.yes())).toBe(true);
    expect(testValue({ equals: 'yes' }, answer.no())).toBe(false);
    expect(testValue({ in: ['a', 'b'] }, answer.single('b'))).toBe(true);
    expect(testValue({ in: ['a', 'b'] }, answer.single('c'))).toBe(false);
    expect(testValue({ includes: 'x' }, answer.multi('x', 'y'))).toBe(true);
    expect(testValue({ includes: 'z' }, answer.multi('x', 'y'))).toBe(false);
    expect(testValue({ includesAny: ['z', 'y'] }, answer.multi('x', 'y'))).toBe(true);
    expect(testValue({ atLeast: 14 }, answer.number(14))).toBe(true);
    expect(testValue({ atLeast: 14 }, answer.number(13))).toBe(false);
    expect(testValue({ below: 10 }, answer.number(9))).toBe(true);
    expect(testValue({ below: 10 }, answer.number(10))).toBe(false);
  });

  it('are unknown, never false, for a missing or declined answer', () => {
    for (const value of [
      undefined,
      answer.notSure(),
      answer.preferNot(),
      { kind: 'choice', value: 'not_sure' } as const,
    ]) {
      expect(testValue({ equals: 'no' }, value)).toBe('unknown');
      expect(testValue({ includes: 'x' }, value)).toBe('unknown');
      expect(testValue({ atLeast: 1 }, value)).toBe('unknown');
    }
  });

  it('answered and declined are always definite', () => {
    expect(testValue({ answered: true }, answer.yes())).toBe(true);
    expect(testValue({ answered: true }, answer.preferNot())).toBe(false);
    expect(testValue({ answered: true }, undefined)).toBe(false);
    expect(testValue({ declined: true }, answer.notSure())).toBe(true);
    expect(testValue({ declined: true }, { kind: 'choice', value: 'prefer_not' })).toBe(true);
    expect(testValue({ declined: true }, answer.no())).toBe(false);
  });
});

describe('three-valued conditions', () => {
  it('a "not" over a declined answer stays unknown, so declining never reads as "no"', () => {
    const cond = { not: { q: 'a', equals: 'yes' } };
    expect(evaluateCondition(cond, ctx({ a: answer.no() }))).toBe(true);
    expect(evaluateCondition(cond, ctx({ a: answer.preferNot() }))).toBe('unknown');
    expect(holds(cond, ctx({ a: answer.preferNot() }))).toBe(false);
  });

  it('all / any follow Kleene logic', () => {
    const answers = { a: answer.yes(), b: answer.notSure(), c: answer.no() };
    const cases: [Condition, boolean | 'unknown'][] = [
      [
        {
          all: [
            { q: 'a', equals: 'yes' },
            { q: 'b', equals: 'yes' },
          ],
        },
        'unknown',
      ],
      [
        {
          all: [
            { q: 'c', equals: 'yes' },
            { q: 'b', equals: 'yes' },
          ],
        },
        false,
      ],
      [
        {
          any: [
            { q: 'b', equals: 'yes' },
            { q: 'a', equals: 'yes' },
          ],
        },
        true,
      ],
      [
        {
          any: [
            { q: 'b', equals: 'yes' },
            { q: 'c', equals: 'yes' },
          ],
        },
        'unknown',
      ],
    ];
    for (const [condition, expected] of cases) {
      expect(evaluateCondition(condition, ctx(answers)), JSON.stringify(condition)).toBe(expected);
    }
  });

  it('reads the child flag', () => {
    expect(holds({ flag: 'child' }, ctx({}, true))).toBe(true);
    expect(holds({ flag: 'child' }, ctx({}, false))).toBe(false);
    expect(holds(undefined, ctx({}))).toBe(true);
  });
});
