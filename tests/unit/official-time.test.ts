import { describe, expect, it } from 'vitest';
import {
  bangkokTime,
  buddhistYear,
  minutesBetween,
  officialDate,
} from '../../src/shared/domain/official-time';

describe('dates and times as a Thai official document gives them', () => {
  it('spells Thai dates in the Buddhist Era, other languages in their own style', () => {
    expect(officialDate('2026-10-07', 'th')).toBe('7 ตุลาคม 2569');
    expect(officialDate('2026-10-07', 'th', 'short')).toBe('7 ต.ค. 2569');
    expect(officialDate('2026-10-07', 'en')).toBe('7 October 2026');
  });

  it('takes the Bangkok day of an instant, whatever zone the clock is in (7 hours ahead of UTC)', () => {
    // 20:00 UTC on 31 December is already 1 January in Bangkok.
    expect(officialDate('2026-12-31T20:00:00.000Z', 'th')).toBe('1 มกราคม 2570');
    expect(bangkokTime('2026-10-07T09:39:54.830Z', 'th')).toBe('16:39');
    expect(bangkokTime('2026-10-07T09:39:54.830Z', 'en')).toBe('16:39');
    expect(buddhistYear('2026-12-31T20:00:00.000Z')).toBe(2570);
  });

  it('a calendar day stays the day recorded, and bad input comes back unchanged', () => {
    expect(officialDate('2026-01-01', 'th')).toBe('1 มกราคม 2569');
    expect(officialDate('not a date', 'th')).toBe('not a date');
    expect(minutesBetween('2026-10-07T09:00:00Z', '2026-10-07T09:13:40Z')).toBe(14);
    expect(minutesBetween('2026-10-07T09:00:00Z', null)).toBeNull();
  });
});
