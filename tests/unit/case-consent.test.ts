import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, setCaseStatus } from '../../src/main/store/cases';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import { consentFromAnswers, personDetailsAllowed } from '../../src/shared/domain/consent';
import { createTestStore, type TestStore } from '../helpers/test-app';

/** Consent per purpose on the case page, and how much of the person the page may show. */
const yes = { kind: 'choice', value: 'yes' };
const no = { kind: 'choice', value: 'no' };

describe('consentFromAnswers', () => {
  it('is "not asked" for every purpose before any consent question was answered', () => {
    expect(consentFromAnswers({})).toEqual({
      screening: 'notAsked',
      referral: 'notAsked',
      police: 'notAsked',
    });
  });

  it('reads yes as given and no, "not sure" or a declined answer as not given', () => {
    expect(
      consentFromAnswers({
        consent_screening: yes,
        consent_referral: { kind: 'choice', value: 'not_sure' },
        consent_police: { kind: 'declined', reason: 'prefer_not' },
      }),
    ).toEqual({ screening: 'given', referral: 'refused', police: 'refused' });
  });

  it('takes referral consent from the full interview, else from the close of the short screen', () => {
    expect(consentFromAnswers({ close_referral_consent: yes }).referral).toBe('given');
    expect(consentFromAnswers({ consent_referral: no, close_referral_consent: yes }).referral).toBe(
      'refused',
    );
  });

  it('treats a value that is no answer at all as not asked', () => {
    expect(consentFromAnswers({ consent_screening: { kind: 'nonsense' } }).screening).toBe('notAsked');
  });

  it('shows the person’s details unless screening consent was refused or consent withdrawn', () => {
    const given = consentFromAnswers({ consent_screening: yes });
    expect(personDetailsAllowed(given, 'screened')).toBe(true);
    expect(personDetailsAllowed(consentFromAnswers({}), 'draft')).toBe(true);
    expect(personDetailsAllowed(consentFromAnswers({ consent_screening: no }), 'draft')).toBe(false);
    expect(personDetailsAllowed(given, 'consent_withdrawn')).toBe(false);
  });
});

describe('a case’s consent, from its interviews', () => {
  let store: TestStore;
  let session: Session;
  beforeAll(async () => {
    store = await createTestStore();
    session = await store.unlock();
  });
  afterAll(() => {
    session.lock('manual');
    store.remove();
  });

  it('is read from the answers, a later interview’s answer winning', () => {
    const c = createCase(session, {
      place: { kind: 'port', name: 'Ranong fishing port' },
      screeningDate: '2026-11-20',
      person: { nameOrAlias: 'Ko Aung', nationality: 'Myanmar', languages: ['my'] },
    });
    expect(getCase(session, c.id).consent).toEqual({
      screening: 'notAsked',
      referral: 'notAsked',
      police: 'notAsked',
    });
    const start = (tier: string) =>
      startInterview(session, {
        caseId: c.id,
        instrumentId: 'fieldscreen-v1',
        instrumentVersion: '1',
        tier,
        intervieweeLanguage: 'my',
      });
    const short = start('short');
    saveAnswer(session, { interviewId: short.id, questionId: 'consent_screening', value: yes, clientSeq: 1 });
    saveAnswer(session, {
      interviewId: short.id,
      questionId: 'close_referral_consent',
      value: no,
      clientSeq: 2,
    });
    expect(getCase(session, c.id).consent).toEqual({
      screening: 'given',
      referral: 'refused',
      police: 'notAsked',
    });

    const full = start('full');
    saveAnswer(session, { interviewId: full.id, questionId: 'consent_referral', value: yes, clientSeq: 1 });
    saveAnswer(session, { interviewId: full.id, questionId: 'consent_police', value: no, clientSeq: 2 });
    const detail = getCase(session, c.id);
    expect(detail.consent).toEqual({ screening: 'given', referral: 'given', police: 'refused' });
    expect(personDetailsAllowed(detail.consent, detail.status)).toBe(true);

    const withdrawn = setCaseStatus(session, {
      id: c.id,
      status: 'consent_withdrawn',
      reason: 'Asked to stop',
    });
    expect(personDetailsAllowed(withdrawn.consent, withdrawn.status)).toBe(false);
  });
});
