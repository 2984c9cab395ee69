import { describe, expect, it } from 'vitest';
import { isCatalogText, isFormWording, mainI18n, translatorFor } from '../../src/main/i18n/translator';
import { languageName } from '../../src/main/referral/words';
import { LOCALES } from '../../src/shared/i18n/locales';

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

  it('knows the form wording made of catalog texts only, and nothing with a case in it', () => {
    const mdt = my('referral:defaultReceiver');
    const draft = my('referral:draftNote', { language: languageName('my', my) });
    const next = th('referral:nextSteps.text', { agency: th('referral:defaultReceiver') });
    expect(languageName('my', my)).not.toBe('my');
    expect(isFormWording(draft)).toBe(true);
    expect(isFormWording(next)).toBe(true);
    expect(isFormWording(mdt)).toBe(true);
    // An agency as typed is the case's own.
    const typed = th('referral:nextSteps.text', { agency: 'สถานีตำรวจภูธรเมืองระนอง' });
    expect(isFormWording(typed)).toBe(false);
    // An answer quoted with its question stays the person's, even when each part is a catalog text.
    const quoted = th('referral:findings.answer', {
      question: th('referral:defaultReceiver'),
      answer: th('referral:consentWord.given'),
      how: th('referral:howKnown.said'),
      supports: th('referral:agencyKind.mdt'),
    });
    expect(isCatalogText(quoted)).toBe(false);
    expect(isFormWording(quoted)).toBe(false);
  });

  it('fills every catalog text with values exactly as i18next does', () => {
    const i18n = mainI18n();
    const keys: string[] = [];
    const walk = (ns: string, prefix: string, node: unknown) => {
      if (typeof node === 'string') {
        if (node.includes('{{')) keys.push(`${ns}:${prefix}`);
      } else if (node && typeof node === 'object') {
        for (const [k, child] of Object.entries(node)) walk(ns, prefix ? `${prefix}.${k}` : k, child);
      }
    };
    for (const [ns, tree] of Object.entries(i18n.store.data.en ?? {})) walk(ns, '', tree);
    expect(keys.length).toBeGreaterThan(100);
    // Values with what a replacement string or a template would read specially.
    const samples = ['สมชาย ใจดี', '$& $1 $$', '{{name}}', '$t(referral:none)', ''];
    let compared = 0;
    for (const lng of LOCALES) {
      const t = translatorFor(lng);
      const reference = i18n.getFixedT(lng);
      for (const key of keys) {
        const raw = String(i18n.getResource(lng, key.split(':')[0] ?? '', key.split(':')[1] ?? '') ?? '');
        const names = [...raw.matchAll(/\{\{-?(.+?)\}\}/g)].map(
          (m) => (m[1] ?? '').trim().split(',')[0] ?? '',
        );
        for (const [i, sample] of samples.entries()) {
          const values = Object.fromEntries(names.map((name, j) => [name, `${sample}${i + j}`]));
          // Twice: the first call reads the template, the second fills it from what was kept.
          for (let round = 0; round < 2; round++) {
            expect(t(key, values), `${lng} ${key}`).toBe(String(reference(key, values)));
          }
          compared++;
        }
        // Fewer values than placeholders, an unknown one, a number: as i18next.
        const partial = Object.fromEntries(names.slice(1).map((name) => [name, 'x']));
        expect(t(key, partial)).toBe(String(reference(key, partial)));
        expect(t(key, { ...partial, other: 'y' })).toBe(String(reference(key, { ...partial, other: 'y' })));
        const numbers = Object.fromEntries(names.map((name) => [name, 7]));
        expect(t(key, numbers)).toBe(String(reference(key, numbers)));
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
