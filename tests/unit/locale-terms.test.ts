import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportStrings } from '../../src/main/strings';
import { audienceOf } from '../../src/shared/i18n/audience';
import {
  TERM_RULES,
  TRANSLATOR_NOTES,
  translatorNoteLines,
} from '../../src/shared/instrument/translator-notes';

/**
 * Issue 15, point 5 (per language): each language names the same thing the same way everywhere, and
 * what the person reads is in plain words. Archived wordings keep the words the person heard and are not
 * checked.
 */

type Tree = { [k: string]: string | Tree };
const dir = join(__dirname, '..', '..', 'resources', 'locales');
const NAMESPACES = ['common', 'instrument', 'referral'] as const;

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
}
const strings = (lng: string, ns: string): [string, string][] =>
  flatten(JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8')) as Tree).filter(
    ([key]) => !key.startsWith('archive.'),
  );
const english = new Map(NAMESPACES.map((ns) => [ns, new Map(strings('en', ns))]));

describe('terms kept the same in each language', () => {
  it.each(TERM_RULES.map((rule) => [rule.lng, rule.use, rule] as const))(
    '%s: %s everywhere it applies',
    (lng, _use, rule) => {
      const offending = NAMESPACES.flatMap((ns) =>
        strings(lng, ns)
          .filter(([key]) => rule.keys?.test(key) ?? true)
          .filter(([key]) => {
            if (rule.scope === 'all') return true;
            const officerOnly = audienceOf(ns, key) === 'officer';
            return rule.scope === 'officer' ? officerOnly : !officerOnly;
          })
          .filter(([, text]) => rule.avoid.test(text))
          .map(([key, text]) => `${ns}:${key}: ${text}`),
      );
      expect(offending).toEqual([]);
      // The rule is not empty: the preferred term is in use where the concept is.
      const used = NAMESPACES.some((ns) =>
        strings(lng, ns).some(
          ([key, text]) => text.includes(rule.use) && rule.concept.test(english.get(ns)?.get(key) ?? ''),
        ),
      );
      expect(used || rule.use.includes('(')).toBe(true);
    },
  );

  it('every translator note is on a string that exists', () => {
    for (const [ns, notes] of Object.entries(TRANSLATOR_NOTES))
      for (const key of Object.keys(notes))
        expect(english.get(ns as (typeof NAMESPACES)[number])?.has(key), `${ns}:${key}`).toBe(true);
  });
});

describe('notes for translators', () => {
  it('name the misread English and the language’s term on the units they concern', () => {
    const money = english.get('instrument')?.get('questions.trav_money_paid_for_you.text') ?? '';
    expect(translatorNoteLines('km', 'instrument', 'questions.trav_money_paid_for_you.text', money)).toEqual([
      expect.stringMatching(/^Translator note: Someone RECEIVED money in exchange for the person/),
      expect.stringMatching(
        /^Yes\/no question: .* Here "yes" is the answer that can point to an indicator\.$/,
      ),
    ]);
    const police = english.get('instrument')?.get('questions.consent_police.text') ?? '';
    expect(translatorNoteLines('vi', 'instrument', 'questions.consent_police.text', police)).toContain(
      'Term: cảnh sát, not công an (the Thai police; "công an" is Vietnam’s own police)',
    );
    // A yes/no question says which answer counts, so a translation never inverts it.
    const leave = english.get('instrument')?.get('questions.exit_could_leave.text') ?? '';
    expect(translatorNoteLines('th', 'instrument', 'questions.exit_could_leave.text', leave)).toEqual([
      expect.stringMatching(
        /^Yes\/no question: .* Here "no" is the answer that can point to an indicator\.$/,
      ),
    ]);
    // Another language's term is not on the unit.
    const khmer = translatorNoteLines('km', 'instrument', 'questions.consent_police.text', police);
    expect(khmer.filter((line) => line.startsWith('Term:'))).toEqual([]);
  });

  it('travel in the single note of an XLIFF 2.0 unit too', () => {
    const { xml } = exportStrings({ dir, lng: 'th', format: 'xliff20', appVersion: 'test' });
    const start = xml.indexOf('name="questions.exit_could_leave.text"');
    expect(start).toBeGreaterThan(0);
    const unit = xml.slice(start, xml.indexOf('</unit>', start));
    expect(unit).toMatch(
      /Yes\/no question: .*Here &quot;no&quot; is the answer that can point to an indicator\./,
    );
  });

  it('travel with the real strings into the XLIFF a translator gets', () => {
    const { xml } = exportStrings({ dir, lng: 'vi', format: 'xliff12', appVersion: 'test' });
    const unit = xml.slice(xml.indexOf('id="instrument:questions.consent_police.text"'));
    const notes = [...unit.slice(0, unit.indexOf('</trans-unit>')).matchAll(/<note[^>]*>([^<]*)<\/note>/g)];
    expect(notes.map((m) => m[1])).toContain(
      'Term: cảnh sát, not công an (the Thai police; &quot;công an&quot; is Vietnam’s own police)',
    );
  });
});
