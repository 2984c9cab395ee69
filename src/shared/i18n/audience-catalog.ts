import type { Audience } from './audience';

/**
 * Who reads each string that is not an interview question (questions take their audience from the
 * instrument data: `audience` on each question). Per namespace: an exact key, or a prefix ending in '.';
 * the longest match wins, and a key that matches nothing is read by the officer only.
 *
 * person: read to or by the interviewee in their language (questions, answers, consent, rights card);
 * both: on a screen or paper the interviewee and the officer read together, each in their language;
 * officer: the officer only.
 *
 * Whoever adds a string the interviewee sees adds it here (or under a prefix listed here): the draft marker
 * on screen and on paper, and the translators' notes, depend on it.
 */
export const AUDIENCE_CATALOG: Readonly<Record<string, Readonly<Record<string, Audience>>>> = {
  common: {
    // The draft marker beside the person's text, in the officer's and the person's language.
    'draftMarker.': 'both',
    // The distress pause: grounding text and choices in both languages.
    'distress.': 'both',
    // The person-facing view's own words ("please wait", the button that gives the screen back).
    'personView.': 'person',
    // The answer fields' labels, shown in the person-facing view in the person's language too.
    'interview.confirmAnswer': 'both',
    'interview.numberAnswer': 'both',
    'interview.numberRange': 'both',
    'interview.exactDate': 'both',
    'interview.approxDate': 'both',
    'interview.year': 'both',
    'interview.month': 'both',
    'interview.textAnswer': 'both',
    // The receiver named with the referral-consent question, under it in both languages.
    'interview.consentReceiver.person': 'both',
  },
  instrument: {
    // The four universal answers, shown beside every question in both languages.
    'answers.': 'person',
    // The rights and safe-contact card, printed in the person's language and Thai.
    'card.': 'person',
  },
  referral: {
    'rights.text': 'person',
    'nextSteps.text': 'person',
  },
};
