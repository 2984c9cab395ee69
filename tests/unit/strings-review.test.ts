import { createHash } from 'node:crypto';
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

function reviewedEntry(source: string, target: string): ReviewEntry {
  return {
    status: 'reviewed',
    reviewer: 'Daw Aye',
    reviewedAt: '2025-03-01T10:00:00.000Z',
    sourceHash: sha256(source),
    targetHash: sha256(target),
  };
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
    const good = {
      version: 1,
      entries: { 'th/common:app.name': reviewedEntry('FieldScreen', 'FieldScreen') },
    };
    expect(reviewStatusFileSchema.safeParse(good).success).toBe(true);
    expect(reviewStatusFileSchema.safeParse({ version: 2, entries: {} }).success).toBe(false);
    const draftEntry = { ...reviewedEntry('a', 'b'), status: 'draft' };
    expect(
      reviewStatusFileSchema.safeParse({ version: 1, entries: { 'th/common:a': draftEntry } }).success,
    ).toBe(false);
    const shortHash = { ...reviewedEntry('a', 'b'), sourceHash: 'abc' };
    expect(
      reviewStatusFileSchema.safeParse({ version: 1, entries: { 'th/common:a': shortHash } }).success,
    ).toBe(false);
    expect(
      reviewStatusFileSchema.safeParse({ version: 1, entries: { 'common:a': reviewedEntry('a', 'b') } })
        .success,
    ).toBe(false);
  });
});

describe('isReviewedState', () => {
  it('lets only English and reviewed text go without a draft marker', () => {
    expect(isReviewedState('source')).toBe(true);
    expect(isReviewedState('reviewed')).toBe(true);
    expect(isReviewedState('draft')).toBe(false);
    expect(isReviewedState('stale')).toBe(false);
  });
});
