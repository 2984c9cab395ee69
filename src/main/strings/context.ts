import type { Audience } from '../../shared/i18n/audience';

/**
 * What a translator needs to know about one string: where it appears and who reads it. The descriptions
 * follow the key conventions of src/shared/instrument/i18n-keys.ts; unknown keys get a generic one.
 */
const DESCRIPTIONS: Record<string, [RegExp, string][]> = {
  instrument: [
    [/^questions\.[^.]+\.text$/, 'Interview question, adult wording, read aloud or shown to the interviewee'],
    [
      /^questions\.[^.]+\.textChild$/,
      'Interview question, wording for a child (under 18): simple, open, non-leading',
    ],
    [
      /^questions\.[^.]+\.guidance$/,
      "Officer's guidance on how to ask this question; not shown to the interviewee",
    ],
    [/^options\./, 'Answer option shown to the interviewee beside a question'],
    [/^answers\./, 'Answer button used with every yes/no question (interview screen)'],
    [/^sections\./, 'Section heading on the interview screen'],
    [/^indicators\.[^.]+(\.[^.]+)*\.name$/, 'Indicator name on the result screen and the referral form'],
    [/^indicators\./, 'Indicator explanation on the result screen and the referral form'],
    [/^(elements|thai)\./, 'Legal element or indicator group on the result screen and the referral form'],
    [/^recommendations\./, 'Recommended next step on the result screen'],
    [/^urgent\./, 'Urgent alert shown to the officer during the interview'],
    [/^result\./, 'Result screen and referral form'],
  ],
  common: [[/^errors\./, 'Error message shown to the officer']],
};

export function describeString(ns: string, key: string): string {
  for (const [pattern, text] of DESCRIPTIONS[ns] ?? []) if (pattern.test(key)) return text;
  return ns === 'common' ? "Officer's user interface" : `Text of the ${ns} part of the app`;
}

export function describeAudience(audience: Audience): string {
  if (audience === 'person')
    return 'the interviewee (read to or by a person who may be frightened; plain, gentle, neutral words)';
  if (audience === 'both')
    return 'the interviewee and the officer together, each in their own language (plain, gentle, neutral words)';
  return 'the officer only';
}
