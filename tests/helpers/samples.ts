import { findQuestion, INSTRUMENT, type Question } from '../../src/shared/instrument';

/** Accounts and records that tests create again and again. Fictional. */

export const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai P.',
  passphrase: 'correct horse battery staple',
};

export const OFFICER = {
  username: 'malee',
  displayName: 'Malee Officer',
  passphrase: 'officer passphrase 1',
};

export const CASE_INPUT = {
  place: { kind: 'pipo_centre' as const, name: 'Songkhla PIPO', province: 'Songkhla' },
  vessel: { name: 'Sea Star 7', registration: 'SK-1234', flag: 'Thailand' },
  screeningDate: '2026-05-21',
  person: { nameOrAlias: 'Ko Aung', sex: 'male' as const, languages: ['my'] },
};

/** An interview of a made-up instrument: the store keeps answers as opaque JSON (entry points check them). */
export const INTERVIEW_INPUT = {
  instrumentId: 'fieldscreen-core',
  instrumentVersion: '1.0.0',
  tier: 'short',
  intervieweeLanguage: 'my',
};

/** An interview of the instrument this app carries, as the screens start it (needed by imports and IPC). */
export const SCREENING_INTERVIEW_INPUT = {
  instrumentId: INSTRUMENT.id,
  instrumentVersion: INSTRUMENT.version,
  tier: 'short',
  intervieweeLanguage: 'my',
};

/** A receiving agency of the referral directory (Thai, with phone and address for the PDFs). */
export const SONGKHLA_SHELTER = {
  id: '0b9d7a52-55c1-4e3e-9d0a-3c2f6f1b7c01',
  name: 'บ้านพักเด็กและครอบครัวจังหวัดสงขลา',
  kind: 'shelter',
  province: 'สงขลา',
  phone: '074-311-555',
  email: '',
  address: '1 ถนนราชดำเนิน ตำบลบ่อยาง อำเภอเมืองสงขลา',
} as const;

/** A question of the current instrument, by id (a test naming one that does not exist fails). */
export function question(id: string): Question {
  const found = findQuestion(INSTRUMENT, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

/** A small seeded random generator (mulberry32), so a failure can be reproduced. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
