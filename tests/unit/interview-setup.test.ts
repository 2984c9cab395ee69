import { describe, expect, it } from 'vitest';
import {
  blankSetup,
  type InterviewSetup,
  missingForStart,
  setupFromInterview,
  startInputOf,
} from '../../src/renderer/features/interview/setup';
import type { InterviewSummary } from '../../src/shared/domain/interviews';
import type { Person } from '../../src/shared/domain/persons';

const FILLED: InterviewSetup = {
  ...blankSetup('km'),
  dialect: 'Khmer Krom',
  present: 'Officer Malee; interpreter Sokha',
  preferred: 'female',
  officerGender: 'female',
  interpreterName: 'Sokha',
  interpreterDialect: 'Khmer, some Thai',
  interpreterGender: 'male',
  conflict: 'yes',
  paidByEmployer: 'yes',
  declarationSigned: true,
  privacy: { privateSpace: true, noEmployer: true, phoneAway: true, explainedStop: true },
};

/** The interview as main returns it after interview.start with this form. */
function startedWith(setup: InterviewSetup): InterviewSummary {
  const input = startInputOf(setup, { caseId: 'c', personId: 'p', officerLanguage: 'th' });
  return {
    id: 'i',
    caseId: 'c',
    personId: 'p',
    instrumentId: 'x',
    instrumentVersion: '1',
    tier: 'short',
    intervieweeLanguage: input.intervieweeLanguage,
    officerLanguage: 'th',
    interpreter: input.interpreter
      ? { ...input.interpreter, conflictDeclared: input.interpreter.conflictDeclared ?? false }
      : null,
    state: 'completed',
    stateReason: null,
    position: null,
    startedAt: '2026-05-21T08:00:00.000Z',
    startedBy: 'Malee',
    updatedAt: '2026-05-21T08:10:00.000Z',
    endedAt: '2026-05-21T08:10:00.000Z',
  };
}

const PERSON = {
  languages: ['km', 'my'],
  dialect: 'Khmer Krom',
  preferredInterviewerGender: 'female',
} as Person;

describe('the pre-interview form carried over', () => {
  it('comes back from the last interview as it was filled in', () => {
    // The present list is one line in the record (a ';' would split it).
    expect(setupFromInterview(startedWith(FILLED), PERSON, 'my')).toEqual({
      ...FILLED,
      present: 'Officer Malee, interpreter Sokha',
    });
  });

  it('without an interpreter, and with no earlier interview only the person record fills it', () => {
    const alone = { ...FILLED, withInterpreter: false };
    expect(setupFromInterview(startedWith(alone), PERSON, 'my')).toMatchObject({
      withInterpreter: false,
      interpreterName: '',
      language: 'km',
      privacy: FILLED.privacy,
    });
    expect(setupFromInterview(undefined, PERSON, 'my')).toEqual({
      ...blankSetup('km'),
      dialect: 'Khmer Krom',
      preferred: 'female',
    });
    expect(setupFromInterview(undefined, undefined, 'lo').language).toBe('lo');
  });

  it('says what is still missing before the interview can start', () => {
    expect(missingForStart(blankSetup('my'))).toEqual([
      'interpreterName',
      'declaration',
      'privateSpace',
      'noEmployer',
      'phoneAway',
      'explainedStop',
    ]);
    expect(missingForStart({ ...blankSetup('my'), withInterpreter: false, privacy: FILLED.privacy })).toEqual(
      [],
    );
  });
});
