import { describe, expect, it } from 'vitest';
import {
  directoryChoices,
  findProvince,
  groupByProvince,
  provinceKey,
  provinceLabel,
  sameProvince,
  sortByProvince,
  THAI_PROVINCES,
} from '../../src/shared/domain/provinces';

describe('the list of Thai provinces', () => {
  it('has 77 entries (76 provinces and Bangkok), each Thai name and English name once', () => {
    expect(THAI_PROVINCES).toHaveLength(77);
    expect(new Set(THAI_PROVINCES.map((p) => p.th)).size).toBe(77);
    expect(new Set(THAI_PROVINCES.map((p) => p.en)).size).toBe(77);
  });

  it('writes the Thai names in Thai script only (NFC) and the English names in Latin letters', () => {
    for (const p of THAI_PROVINCES) {
      expect(p.th, p.en).toMatch(/^[\u0E00-\u0E7F]+$/);
      expect(p.th.normalize('NFC'), p.en).toBe(p.th);
      expect(p.en, p.th).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
    }
  });

  it('pairs the provinces of the ports and border points FieldScreen is used at', () => {
    const th = (en: string) => THAI_PROVINCES.find((p) => p.en === en)?.th;
    expect(th('Songkhla')).toBe('สงขลา');
    expect(th('Samut Sakhon')).toBe('สมุทรสาคร');
    expect(th('Ranong')).toBe('ระนอง');
    expect(th('Tak')).toBe('ตาก');
    expect(th('Trat')).toBe('ตราด');
    expect(th('Pattani')).toBe('ปัตตานี');
    expect(th('Nong Khai')).toBe('หนองคาย');
    expect(th('Bueng Kan')).toBe('บึงกาฬ');
    expect(th('Bangkok')).toBe('กรุงเทพมหานคร');
  });
});

describe('matching a province however it was typed', () => {
  it('recognises Thai, English, prefixes and common spelling variants', () => {
    for (const text of [
      'สงขลา',
      ' จังหวัดสงขลา ',
      'จ.สงขลา',
      'จ. สงขลา',
      'Songkhla',
      'songkhla',
      'Songkhla Province',
    ]) {
      expect(findProvince(text)?.th, text).toBe('สงขลา');
    }
    expect(findProvince('Lopburi')?.th).toBe('ลพบุรี');
    expect(findProvince('Sisaket')?.th).toBe('ศรีสะเกษ');
    expect(findProvince('Chonburi')?.th).toBe('ชลบุรี');
    expect(findProvince('Ayutthaya')?.th).toBe('พระนครศรีอยุธยา');
    expect(findProvince('กทม.')?.th).toBe('กรุงเทพมหานคร');
    // Decomposed input (a combining vowel typed separately) still matches.
    expect(findProvince('สงขลา'.normalize('NFD'))?.th).toBe('สงขลา');
  });

  it('does not guess: unknown text and empty text are no province', () => {
    expect(findProvince('Mae Sot')).toBeNull();
    expect(findProvince('')).toBeNull();
    expect(findProvince(undefined)).toBeNull();
    expect(provinceKey('')).toBe('');
    expect(provinceKey('Mae Sot')).toBe('maesot');
  });

  it('sameProvince matches across scripts but never matches two empty provinces', () => {
    expect(sameProvince('Songkhla', 'สงขลา')).toBe(true);
    expect(sameProvince('จังหวัดระนอง', 'Ranong')).toBe(true);
    expect(sameProvince('Songkhla', 'Satun')).toBe(false);
    expect(sameProvince('', '')).toBe(false);
    expect(sameProvince('Mae Sot', 'mae sot')).toBe(true);
  });

  it('labels a province in Thai for the Thai UI and as "English (Thai)" elsewhere', () => {
    expect(provinceLabel('Songkhla', 'th')).toBe('สงขลา');
    expect(provinceLabel('สงขลา', 'en')).toBe('Songkhla (สงขลา)');
    expect(provinceLabel('  Mae Sot ', 'en')).toBe('Mae Sot');
  });
});

describe('the directory by province', () => {
  const entries = [
    { id: 'a', name: 'Shelter Songkhla', province: 'สงขลา' },
    { id: 'b', name: 'Ranong MDT', province: 'ระนอง' },
    { id: 'c', name: 'NGO without province', province: '' },
    { id: 'd', name: 'Hat Yai office', province: 'Songkhla' },
    { id: 'e', name: 'Bangkok office', province: 'กรุงเทพมหานคร' },
  ];

  it('groups the same province however it was typed, the entries without one last', () => {
    const groups = groupByProvince(entries, 'en');
    expect(groups.map((g) => g.label)).toEqual([
      'Bangkok (กรุงเทพมหานคร)',
      'Ranong (ระนอง)',
      'Songkhla (สงขลา)',
      '',
    ]);
    expect(groups[2]?.entries.map((e) => e.id)).toEqual(['d', 'a']);
    expect(sortByProvince(entries, 'en').map((e) => e.id)).toEqual(['e', 'b', 'd', 'a', 'c']);
  });

  it('sorts the groups in Thai alphabetical order for the Thai UI', () => {
    // ก (กรุงเทพมหานคร) < ร (ระนอง) < ส (สงขลา)
    expect(groupByProvince(entries, 'th').map((g) => g.label)).toEqual([
      'กรุงเทพมหานคร',
      'ระนอง',
      'สงขลา',
      '',
    ]);
  });

  it("offers the case's province first, then the others", () => {
    const choices = directoryChoices(entries, 'Songkhla', 'en');
    expect(choices.local?.entries.map((e) => e.id)).toEqual(['d', 'a']);
    expect(choices.others.map((g) => g.label)).toEqual(['Bangkok (กรุงเทพมหานคร)', 'Ranong (ระนอง)', '']);
    expect(directoryChoices(entries, 'จังหวัดระนอง', 'th').local?.entries.map((e) => e.id)).toEqual(['b']);
    // No province on the case, or one with no agency: no local group, every group in the others.
    expect(directoryChoices(entries, undefined, 'en').local).toBeNull();
    expect(directoryChoices(entries, 'Satun', 'en').others).toHaveLength(4);
  });
});
