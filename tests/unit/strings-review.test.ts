import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyReviewStatusFile,
  hashText,
  isReviewedState,
  localeReviewState,
  type ReviewEntry,
  reviewKey,
  reviewStateOf,
  reviewStatusFileSchema,
} from '../../src/shared/i18n/review';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function step(by: string, source: string, target: string) {
  return { by, at: '2026-03-01T10:00:00.000Z', sourceHash: sha256(source), targetHash: sha256(target) };
}
function reviewedEntry(source: string, target: string): ReviewEntry {
  return { translated: step('Ko Ko', source, target), reviewed: step('Daw Aye', source, target) };
}

describe('hashText (synchronous SHA-256 for the renderer)', () => {
  it('matches node:crypto on the FIPS test vectors and on padding boundaries', () => {
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000])
      expect(hashText('a'.repeat(length))).toBe(sha256('a'.repeat(length)));
  });

  it('matches node:crypto for any Unicode text (Thai, Burmese, Khmer, Lao, emoji)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(hashText(text)).toBe(sha256(text));
      }),
      { numRuns: 300 },
    );
    for (const text of ['ปลอดภัยไหม', 'ဘေးကင်းပါသလား', 'សុវត្ថិភាព', 'ປອດໄພບໍ່', 'An toàn không?'])
      expect(hashText(text)).toBe(sha256(text));
  });
});

describe('reviewStateOf', () => {
  const source = 'Do you feel it is safe for you to talk with me here, now?';
  const target = 'ဒီမှာ အခု ကျွန်ုပ်နဲ့ စကားပြောဖို့ ဘေးကင်းတယ်လို့ ခံစားရလား။';

  it('is translated while only a translator vouched for exactly these texts, and a draft for the app', () => {
    const translated = { translated: step('Ko Ko', source, target) };
    expect(reviewStateOf(translated, source, target)).toBe('translated');
    expect(isReviewedState(reviewStateOf(translated, source, target))).toBe(false);
    expect(reviewStateOf(translated, source, `${target}!`)).toBe('stale');
    // Re-translated after a review: the new text needs its own review.
    const retranslated = {
      translated: step('Ko Ko', source, `${target}!`),
      reviewed: step('Daw Aye', source, target),
    };
    expect(reviewStateOf(retranslated, source, `${target}!`)).toBe('translated');
    expect(reviewStateOf(retranslated, source, target)).toBe('reviewed');
  });

  it('is draft without a review entry or without a translation', () => {
    expect(reviewStateOf(undefined, source, target)).toBe('draft');
    expect(reviewStateOf(reviewedEntry(source, target), source, undefined)).toBe('draft');
  });

  it('is reviewed while both the English source and the translation are the reviewed ones', () => {
    expect(reviewStateOf(reviewedEntry(source, target), source, target)).toBe('reviewed');
  });

  it('turns stale when the English source changes after the review', () => {
    expect(reviewStateOf(reviewedEntry(source, target), `${source} `, target)).toBe('stale');
    expect(reviewStateOf(reviewedEntry(source, target), 'Is it safe to talk here?', target)).toBe('stale');
  });

  it('turns stale when the translation is edited after the review', () => {
    expect(reviewStateOf(reviewedEntry(source, target), source, `${target}!`)).toBe('stale');
  });

  it('reports English as the source language, and looks entries up by <lng>/<ns>:<key>', () => {
    const statuses = emptyReviewStatusFile();
    statuses.entries[reviewKey('my', 'instrument', 'questions.q.text')] = reviewedEntry(source, target);
    expect(localeReviewState(statuses, 'en', 'instrument', 'questions.q.text', source, source)).toBe(
      'source',
    );
    expect(localeReviewState(statuses, 'my', 'instrument', 'questions.q.text', source, target)).toBe(
      'reviewed',
    );
    expect(localeReviewState(statuses, 'km', 'instrument', 'questions.q.text', source, target)).toBe('draft');
    expect(reviewKey('my', 'instrument', 'questions.q.text')).toBe('my/instrument:questions.q.text');
  });
});

describe('review-status.json format', () => {
  it('accepts the documented shape and refuses anything else', () => {
    const entries = { 'th/common:app.name': reviewedEntry('FieldScreen', 'FieldScreen') };
    const good = { version: 2, entries, sourceTexts: { [sha256('FieldScreen')]: 'FieldScreen' } };
    expect(reviewStatusFileSchema.parse(good)).toEqual(good);
    const refused = (value: unknown) => reviewStatusFileSchema.safeParse(value).success === false;
    expect(refused({ version: 2, entries })).toBe(true);
    expect(refused({ ...good, entries: { 'th/common:a': {} } })).toBe(true);
    expect(
      refused({
        ...good,
        entries: { 'th/common:a': { reviewed: { ...step('A', 'a', 'b'), sourceHash: 'abc' } } },
      }),
    ).toBe(true);
    expect(refused({ ...good, entries: { 'common:a': reviewedEntry('a', 'b') } })).toBe(true);
    expect(
      refused({ ...good, entries: { 'th/common:a': { ...reviewedEntry('a', 'b'), approved: true } } }),
    ).toBe(true);
    expect(refused({ ...good, sourceTexts: { abc: 'x' } })).toBe(true);
    expect(refused({ ...good, version: 3 })).toBe(true);
  });

  it('reads version 1 (reviews only) as reviewed steps without a translator', () => {
    const v1 = {
      version: 1,
      entries: {
        'th/common:a': {
          status: 'reviewed',
          reviewer: 'Daw Aye',
          reviewedAt: '2025-03-01T10:00:00.000Z',
          sourceHash: sha256('a'),
          targetHash: sha256('ก'),
        },
      },
    };
    expect(reviewStatusFileSchema.parse(v1)).toEqual({
      version: 2,
      entries: {
        'th/common:a': {
          reviewed: {
            by: 'Daw Aye',
            at: '2025-03-01T10:00:00.000Z',
            sourceHash: sha256('a'),
            targetHash: sha256('ก'),
          },
        },
      },
      sourceTexts: {},
    });
    expect(
      reviewStatusFileSchema.safeParse({
        ...v1,
        entries: { 'th/common:a': { ...v1.entries['th/common:a'], status: 'draft' } },
      }).success,
    ).toBe(false);
  });

  it('the committed file is valid', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'resources', 'locales', 'review-status.json'), 'utf8'),
    );
    expect(reviewStatusFileSchema.safeParse(committed).success).toBe(true);
    expect(committed.version).toBe(2);
  });
});

describe('isReviewedState', () => {
  it('lets only English and reviewed text go without a draft marker', () => {
    expect(isReviewedState('source')).toBe(true);
    expect(isReviewedState('reviewed')).toBe(true);
    expect(isReviewedState('draft')).toBe(false);
    expect(isReviewedState('stale')).toBe(false);
    expect(isReviewedState('translated')).toBe(false);
  });
});
