import { describe, expect, it } from 'vitest';
import {
  interpolationProblems,
  markupNestingProblem,
  placeholdersOf,
  tagsOf,
} from '../../src/main/strings/interpolation';
import {
  flattenTree,
  type JsonTree,
  parseTree,
  serializeTree,
  setText,
} from '../../src/main/strings/json-tree';

describe('placeholders and markup', () => {
  it('finds placeholders, nestings and tags in canonical form', () => {
    expect(placeholdersOf('Wait {{ seconds }} s, $t(common:app.name) {{name}}')).toEqual([
      '$t(common:app.name)',
      '{{name}}',
      '{{seconds}}',
    ]);
    expect(tagsOf('Read <0>the <b>rules</b></0><br> now<1 />')).toEqual([
      '</0>',
      '</b>',
      '<0>',
      '<1/>',
      '<b>',
      '<br/>',
    ]);
  });

  it('accepts a translation that moves placeholders and markup', () => {
    expect(interpolationProblems('Hello {{name}}, read <0>this</0>', '<0>อ่าน</0> สวัสดี {{name}}')).toEqual([]);
  });

  it('names a dropped, added or renamed placeholder', () => {
    expect(interpolationProblems('Wait {{seconds}} seconds', 'รอสักครู่')).toEqual(['missing {{seconds}}']);
    expect(interpolationProblems('Wait {{seconds}} seconds', 'รอ {{second}} วินาที')).toEqual([
      'missing {{seconds}}',
      'unexpected {{second}}',
    ]);
    expect(interpolationProblems('{{n}} and {{n}}', '{{n}}')).toEqual(['missing {{n}}']);
  });

  it('names broken markup: a lost tag, a misnested pair, a swapped close', () => {
    expect(interpolationProblems('Read <0>rules</0>', 'อ่าน <0>กฎ')).toEqual([
      'missing markup </0>',
      'broken markup: <0> is never closed',
    ]);
    expect(interpolationProblems('<0>a<1>b</1></0>', '<0>a<1>b</0></1>')).toEqual([
      'broken markup: </0> closes <1>',
    ]);
    expect(markupNestingProblem('</b>x<b>')).toBe('</b> closes a tag that was never opened');
    expect(markupNestingProblem('a<br>b<br/>')).toBeUndefined();
  });
});

describe('i18next JSON trees', () => {
  it('flattens in file order and refuses values i18next cannot look up', () => {
    const parsed = parseTree('{"b":{"y":"1","x":"2"},"a":"3"}');
    expect('tree' in parsed && [...flattenTree(parsed.tree).keys()]).toEqual(['b.y', 'b.x', 'a']);
    expect(parseTree('{"a":[1]}')).toEqual({ error: '"a" must be text or an object' });
    expect(parseTree('{"a.b":"x"}')).toEqual({ error: 'key "a.b" is empty or contains "."' });
    expect(parseTree('{"a":')).toHaveProperty('error');
  });

  it('changes text in place and puts a new key where English has it', () => {
    const english: JsonTree = { a: 'A', b: { x: 'X', y: 'Y', z: 'Z' }, c: 'C' };
    const target: JsonTree = { a: 'a', b: { x: 'x', z: 'z' }, c: 'c' };
    setText(target, 'b.y', 'y', english);
    setText(target, 'a', 'a2', english);
    setText(target, 'd.e', 'e', { ...english, d: { e: 'E' } });
    expect(serializeTree(target)).toBe(
      `${JSON.stringify({ a: 'a2', b: { x: 'x', y: 'y', z: 'z' }, c: 'c', d: { e: 'e' } }, null, 2)}\n`,
    );
    expect(() => setText(target, 'a.deeper', 'no', english)).toThrow();
  });
});
