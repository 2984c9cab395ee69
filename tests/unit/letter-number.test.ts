import { describe, expect, it } from 'vitest';
import { nextLetterNumber } from '../../src/main/referral/letter-number';

describe('the next outgoing letter number', () => {
  it('counts the referrals signed in the same Buddhist-Era year (Thai time) and adds the prefix', () => {
    const signed = [
      '2025-12-31T16:59:00Z', // 31 Dec 2025 23:59 in Bangkok: BE 2568
      '2025-12-31T17:00:00Z', // 1 Jan 2026 00:00 in Bangkok: BE 2569
      '2026-03-01T08:00:00Z',
    ];
    expect(nextLetterNumber(signed, ' สข 0017 ', '2026-06-01T00:00:00Z')).toBe('สข 0017/3/2569');
    expect(nextLetterNumber(signed, '', '2025-06-01T00:00:00Z')).toBe('2/2568');
    expect(nextLetterNumber([], '  ', '2027-01-10T00:00:00Z')).toBe('1/2570');
  });
});
