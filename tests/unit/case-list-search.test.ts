import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTerms } from '../../src/main/db/search-text';
import { deleteCase } from '../../src/main/store/case-deletion';
import { createCase, listCases, updatePerson } from '../../src/main/store/cases';
import type { Session } from '../../src/main/store/session';
import { createTestStore } from '../helpers/test-app';

/**
 * Case search through the FTS5 trigram index (migration 0006) finds exactly what a substring search
 * of each case's folded search text finds (the behaviour before the index), in every script the app
 * serves; and a deleted or renamed person leaves nothing of the old text in the index.
 */

const PEOPLE = [
  'မောင်အောင်ကျော်', // Burmese
  'ນາງ ບຸນມີ ແກ້ວ', // Lao
  'សុខ ចាន់ដារ៉ា', // Khmer
  'Nguyễn Thị Thu Hà', // Vietnamese (precomposed)
  'Nguye\u0302\u0303n Va\u0306n An', // Vietnamese typed with combining marks (NFC folds it)
  'สมชาย ใจดี', // Thai
  'Ko Aung "Tiger" (AUNG)',
  'ÉLODIE Ōno',
];

async function storeWithPeople(): Promise<Session> {
  const store = await createTestStore();
  const s = await store.unlock();
  for (const [i, name] of PEOPLE.entries()) {
    createCase(s, {
      place: {
        kind: 'port',
        name: i % 2 ? 'Ranong Port' : 'ท่าเรือภูเก็ต',
        province: i % 3 ? 'Ranong' : undefined,
      },
      vessel: { name: `Sea Star ${i}`, registration: `RN-10${i}` },
      screeningDate: '2026-05-21',
      person: { nameOrAlias: name, nationality: i % 2 ? 'Myanmar' : 'กัมพูชา' },
    });
  }
  return s;
}

/** The search as it was before the index: every term a substring of the case's search text. */
function bySubstring(s: Session, query: string): string[] {
  const terms = searchTerms(query);
  const where = terms.map(() => 'instr(search_text, ?) > 0').join(' AND ');
  return s.db
    .prepare(`SELECT id FROM cases WHERE ${where || '1'} ORDER BY id`)
    .pluck()
    .all(...terms) as string[];
}

const found = (s: Session, search: string) =>
  listCases(s, { search, sort: { column: 'reference', direction: 'asc' }, limit: 500 })
    .rows.map((r) => r.id)
    .sort();

/** Every term of the FTS5 index (its trigrams), read with fts5vocab. */
function indexedTrigrams(s: Session): Set<string> {
  s.db.exec(
    'CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_terms USING fts5vocab(main, case_search, row)',
  );
  return new Set(s.db.prepare('SELECT term FROM temp.case_search_terms').pluck().all() as string[]);
}

function trigramsOf(text: string): Set<string> {
  const chars = [...text];
  return new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')));
}

describe('case search', () => {
  it('finds what a substring search of the folded text finds, in every script, long and short words', async () => {
    const s = await storeWithPeople();
    const queries = [
      'မောင်',
      'ကျော်',
      'ອງ', // 2 characters: no trigram, found by instr
      'ບຸນມີ',
      'ចាន់',
      'nguyễn',
      'NGUYỄN văn',
      'Nguye\u0302\u0303n', // the query is folded like the text
      'สมชาย',
      'ใจ',
      'ranong sea',
      'sea 3',
      'rn-10',
      '"tiger"',
      '(aung)',
      'élodie ōno',
      'ÉLODIE',
      's',
      'zz',
      'AND',
      'tiger OR',
      'sea*',
      'NEAR(sea star)',
    ];
    for (const q of queries) expect(found(s, q), q).toEqual(bySubstring(s, q));
    // Not vacuous: most of these find something, and some find a single case.
    expect(queries.filter((q) => bySubstring(s, q).length > 0).length).toBeGreaterThan(15);
    expect(found(s, 'Nguye\u0302\u0303n Va\u0306n')).toHaveLength(1);
    expect(foldForSearch('Nguye\u0302\u0303n')).toBe('nguyễn');
    s.lock();
  });

  it('a renamed person and a deleted case leave none of their text in the search index', async () => {
    const s = await storeWithPeople();
    const target = listCases(s, { search: 'ကျော်' }).rows[0];
    const renamed = listCases(s, { search: 'ใจดี' }).rows[0];
    if (!target || !renamed) throw new Error('seed');
    const others = (except: string[]) =>
      s.db
        .prepare(`SELECT search_text FROM cases WHERE id NOT IN (${except.map(() => '?').join(', ')})`)
        .pluck()
        .all(...except) as string[];
    const onlyIn = (text: string, rest: string[]) => {
      const elsewhere = new Set(rest.flatMap((t) => [...trigramsOf(t)]));
      return [...trigramsOf(text)].filter((t) => !elsewhere.has(t));
    };
    const targetText = s.db
      .prepare('SELECT search_text FROM cases WHERE id = ?')
      .pluck()
      .get(target.id) as string;
    const targetOnly = onlyIn(targetText, others([target.id]));
    const oldName = foldForSearch('สมชาย ใจดี');
    const renamedOnly = onlyIn(oldName, others([renamed.id]));
    expect(targetOnly.length).toBeGreaterThan(10);
    expect(renamedOnly.length).toBeGreaterThan(5);
    // Negative control: the index holds them before.
    const before = indexedTrigrams(s);
    for (const t of [...targetOnly, ...renamedOnly]) expect(before.has(t), t).toBe(true);

    const person = s.db.prepare('SELECT id FROM persons WHERE case_id = ?').pluck().get(renamed.id) as string;
    updatePerson(s, { id: person, nameOrAlias: 'Lek' });
    deleteCase(s, { caseId: target.id, reason: 'Entered twice' });

    const after = indexedTrigrams(s);
    expect(targetOnly.filter((t) => after.has(t))).toEqual([]);
    expect(renamedOnly.filter((t) => after.has(t))).toEqual([]);
    expect(found(s, 'ကျော်')).toEqual([]);
    expect(found(s, 'ใจดี')).toEqual([]);
    expect(found(s, 'lek')).toEqual([renamed.id]);
    expect(
      s.db
        .prepare('SELECT count(*) FROM case_search_text WHERE instr(text, ?) > 0')
        .pluck()
        .get(foldForSearch('ကျော်')),
    ).toBe(0);
    expect(() =>
      s.db.prepare("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    s.lock();
  });
});
