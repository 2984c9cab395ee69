import { describe, expect, it } from 'vitest';
import { isCatalogText, translatorFor } from '../../src/main/i18n/translator';

describe('the main translator', () => {
  const th = translatorFor('th');
  const my = translatorFor('my');

  it('gives the same text on every call, with and without values', () => {
    expect(th('referral:letter.confidential')).toBe(th('referral:letter.confidential'));
    expect(translatorFor('th')).toBe(th);
    const asked = th('referral:agencyKind.mdt');
    const line = th('referral:consent.referral', { asked, word: th('referral:consentWord.given') });
    expect(line).toContain(asked);
    expect(th('referral:consent.referral', { asked: 'X', word: 'Y' })).not.toBe(line);
    // A key the catalogs lack comes back without its namespace, every time.
    expect(th('referral:no.such.key')).toBe('no.such.key');
    expect(th('referral:no.such.key')).toBe('no.such.key');
  });

  it("knows the catalogs' own texts from anything else (what may be kept across documents)", () => {
    expect(isCatalogText(th('referral:letter.confidential'))).toBe(true);
    expect(isCatalogText(my('referral:agencyKind.mdt'))).toBe(true);
    expect(isCatalogText(th('referral:agencyKind.mdt').normalize('NFC'))).toBe(true);
    // Interpolated text, a name, a key: not the catalogs' own.
    const line = th('referral:consent.referral', {
      asked: 'นางสาวสมใจ ใจดี',
      word: th('referral:consentWord.given'),
    });
    expect(isCatalogText(line)).toBe(false);
    expect(isCatalogText('นางสาวสมใจ ใจดี')).toBe(false);
    expect(isCatalogText('referral:letter.confidential')).toBe(false);
  });
});
