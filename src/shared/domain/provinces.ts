/**
 * Thailand's 77 provinces (76 changwat and Bangkok), Thai name first, with the English name in the
 * Royal Thai General System spelling the government uses (Royal Institute). Offered as suggestions
 * only: the stored value is whatever the user typed, and matching (below) tolerates the usual
 * variants ("Songkhla", "จังหวัดสงขลา", "จ.สงขลา", "Lopburi" for "Lop Buri").
 */
export interface Province {
  th: string;
  en: string;
}

export const THAI_PROVINCES: readonly Province[] = [
  // Bangkok and the central region
  { th: 'กรุงเทพมหานคร', en: 'Bangkok' },
  { th: 'กำแพงเพชร', en: 'Kamphaeng Phet' },
  { th: 'ชัยนาท', en: 'Chai Nat' },
  { th: 'นครนายก', en: 'Nakhon Nayok' },
  { th: 'นครปฐม', en: 'Nakhon Pathom' },
  { th: 'นครสวรรค์', en: 'Nakhon Sawan' },
  { th: 'นนทบุรี', en: 'Nonthaburi' },
  { th: 'ปทุมธานี', en: 'Pathum Thani' },
  { th: 'พระนครศรีอยุธยา', en: 'Phra Nakhon Si Ayutthaya' },
  { th: 'พิจิตร', en: 'Phichit' },
  { th: 'พิษณุโลก', en: 'Phitsanulok' },
  { th: 'เพชรบูรณ์', en: 'Phetchabun' },
  { th: 'ลพบุรี', en: 'Lop Buri' },
  { th: 'สมุทรปราการ', en: 'Samut Prakan' },
  { th: 'สมุทรสงคราม', en: 'Samut Songkhram' },
  { th: 'สมุทรสาคร', en: 'Samut Sakhon' },
  { th: 'สิงห์บุรี', en: 'Sing Buri' },
  { th: 'สุโขทัย', en: 'Sukhothai' },
  { th: 'สุพรรณบุรี', en: 'Suphan Buri' },
  { th: 'สระบุรี', en: 'Saraburi' },
  { th: 'อ่างทอง', en: 'Ang Thong' },
  { th: 'อุทัยธานี', en: 'Uthai Thani' },
  // North
  { th: 'เชียงราย', en: 'Chiang Rai' },
  { th: 'เชียงใหม่', en: 'Chiang Mai' },
  { th: 'น่าน', en: 'Nan' },
  { th: 'พะเยา', en: 'Phayao' },
  { th: 'แพร่', en: 'Phrae' },
  { th: 'แม่ฮ่องสอน', en: 'Mae Hong Son' },
  { th: 'ลำปาง', en: 'Lampang' },
  { th: 'ลำพูน', en: 'Lamphun' },
  { th: 'อุตรดิตถ์', en: 'Uttaradit' },
  // Northeast
  { th: 'กาฬสินธุ์', en: 'Kalasin' },
  { th: 'ขอนแก่น', en: 'Khon Kaen' },
  { th: 'ชัยภูมิ', en: 'Chaiyaphum' },
  { th: 'นครพนม', en: 'Nakhon Phanom' },
  { th: 'นครราชสีมา', en: 'Nakhon Ratchasima' },
  { th: 'บึงกาฬ', en: 'Bueng Kan' },
  { th: 'บุรีรัมย์', en: 'Buri Ram' },
  { th: 'มหาสารคาม', en: 'Maha Sarakham' },
  { th: 'มุกดาหาร', en: 'Mukdahan' },
  { th: 'ยโสธร', en: 'Yasothon' },
  { th: 'ร้อยเอ็ด', en: 'Roi Et' },
  { th: 'เลย', en: 'Loei' },
  { th: 'ศรีสะเกษ', en: 'Si Sa Ket' },
  { th: 'สกลนคร', en: 'Sakon Nakhon' },
  { th: 'สุรินทร์', en: 'Surin' },
  { th: 'หนองคาย', en: 'Nong Khai' },
  { th: 'หนองบัวลำภู', en: 'Nong Bua Lam Phu' },
  { th: 'อำนาจเจริญ', en: 'Amnat Charoen' },
  { th: 'อุดรธานี', en: 'Udon Thani' },
  { th: 'อุบลราชธานี', en: 'Ubon Ratchathani' },
  // East
  { th: 'จันทบุรี', en: 'Chanthaburi' },
  { th: 'ฉะเชิงเทรา', en: 'Chachoengsao' },
  { th: 'ชลบุรี', en: 'Chon Buri' },
  { th: 'ตราด', en: 'Trat' },
  { th: 'ปราจีนบุรี', en: 'Prachin Buri' },
  { th: 'ระยอง', en: 'Rayong' },
  { th: 'สระแก้ว', en: 'Sa Kaeo' },
  // West
  { th: 'กาญจนบุรี', en: 'Kanchanaburi' },
  { th: 'ตาก', en: 'Tak' },
  { th: 'ประจวบคีรีขันธ์', en: 'Prachuap Khiri Khan' },
  { th: 'เพชรบุรี', en: 'Phetchaburi' },
  { th: 'ราชบุรี', en: 'Ratchaburi' },
  // South
  { th: 'กระบี่', en: 'Krabi' },
  { th: 'ชุมพร', en: 'Chumphon' },
  { th: 'ตรัง', en: 'Trang' },
  { th: 'นครศรีธรรมราช', en: 'Nakhon Si Thammarat' },
  { th: 'นราธิวาส', en: 'Narathiwat' },
  { th: 'ปัตตานี', en: 'Pattani' },
  { th: 'พังงา', en: 'Phang Nga' },
  { th: 'พัทลุง', en: 'Phatthalung' },
  { th: 'ภูเก็ต', en: 'Phuket' },
  { th: 'ยะลา', en: 'Yala' },
  { th: 'ระนอง', en: 'Ranong' },
  { th: 'สงขลา', en: 'Songkhla' },
  { th: 'สตูล', en: 'Satun' },
  { th: 'สุราษฎร์ธานี', en: 'Surat Thani' },
];

/** Common short forms people type, mapped to the Thai name. */
const ALIASES: Readonly<Record<string, string>> = {
  กรุงเทพฯ: 'กรุงเทพมหานคร',
  กรุงเทพ: 'กรุงเทพมหานคร',
  'กทม.': 'กรุงเทพมหานคร',
  กทม: 'กรุงเทพมหานคร',
  ayutthaya: 'พระนครศรีอยุธยา',
  อยุธยา: 'พระนครศรีอยุธยา',
};

/**
 * A comparison key for province text: NFC, no "จังหวัด"/"จ." prefix or "Province"/"Changwat"
 * affix, Latin letters lower-cased, spaces, hyphens and dots between Latin words dropped.
 */
function looseKey(text: string): string {
  let s = text.normalize('NFC').trim();
  s = s.replace(/^(จังหวัด|จ\.)\s*/u, '');
  s = s.replace(/^changwat\s+/i, '').replace(/\s+province$/i, '');
  if (/^[\p{Script=Latin}\s.'’-]+$/u.test(s)) return s.toLowerCase().replace(/[\s.'’-]+/g, '');
  return s.replace(/\s+/g, '');
}

const BY_KEY: ReadonlyMap<string, Province> = (() => {
  const map = new Map<string, Province>();
  for (const p of THAI_PROVINCES) {
    map.set(looseKey(p.th), p);
    map.set(looseKey(p.en), p);
  }
  for (const [alias, th] of Object.entries(ALIASES)) {
    const p = THAI_PROVINCES.find((x) => x.th === th);
    if (p) map.set(looseKey(alias), p);
  }
  return map;
})();

/** The province this text names, whether typed in Thai or in English; null when not recognised. */
export function findProvince(text: string | null | undefined): Province | null {
  if (!text?.trim()) return null;
  return BY_KEY.get(looseKey(text)) ?? null;
}

/**
 * A key under which the same province groups together however it was typed: the Thai name when the
 * text names a known province, else the loose form of the text itself; '' when empty.
 */
export function provinceKey(text: string | null | undefined): string {
  if (!text?.trim()) return '';
  return findProvince(text)?.th ?? looseKey(text);
}

export function sameProvince(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = provinceKey(a);
  return ka !== '' && ka === provinceKey(b);
}

/**
 * How a province is shown to the user: the Thai name in the Thai UI; "English (ไทย)" in the others,
 * so an officer who does not read Thai still recognises it. Unknown text is shown as typed.
 */
export function provinceLabel(text: string, uiLanguage: string): string {
  const p = findProvince(text);
  if (!p) return text.trim();
  return uiLanguage === 'th' ? p.th : `${p.en} (${p.th})`;
}

/** Anything listed under a province: the referral directory's entries. */
export interface WithProvince {
  name: string;
  province: string;
}

export interface ProvinceGroup<T extends WithProvince> {
  /** provinceKey() of the group; '' for entries without a province. */
  key: string;
  /** provinceLabel() of the first entry; '' for entries without a province. */
  label: string;
  entries: T[];
}

function collator(uiLanguage: string): Intl.Collator {
  try {
    return new Intl.Collator(uiLanguage, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}

/**
 * Entries grouped by province, groups in the UI language's alphabetical order of their labels, the
 * entries without a province last; within a group, by name.
 */
export function groupByProvince<T extends WithProvince>(
  entries: readonly T[],
  uiLanguage: string,
): ProvinceGroup<T>[] {
  const byKey = new Map<string, ProvinceGroup<T>>();
  for (const e of entries) {
    const key = provinceKey(e.province);
    let group = byKey.get(key);
    if (!group) {
      group = { key, label: key ? provinceLabel(e.province, uiLanguage) : '', entries: [] };
      byKey.set(key, group);
    }
    group.entries.push(e);
  }
  const c = collator(uiLanguage);
  const groups = [...byKey.values()];
  for (const g of groups) g.entries.sort((a, b) => c.compare(a.name, b.name));
  return groups.sort((a, b) => {
    if (a.key === '' || b.key === '') return a.key === '' ? (b.key === '' ? 0 : 1) : -1;
    return c.compare(a.label, b.label);
  });
}

/** The same entries in one list, ordered by province (see groupByProvince). */
export function sortByProvince<T extends WithProvince>(entries: readonly T[], uiLanguage: string): T[] {
  return groupByProvince(entries, uiLanguage).flatMap((g) => g.entries);
}

/**
 * The choices an officer sees when referring a case: the agencies of the case's own province first,
 * then the other provinces' groups (see groupByProvince).
 */
export function directoryChoices<T extends WithProvince>(
  entries: readonly T[],
  caseProvince: string | null | undefined,
  uiLanguage: string,
): { local: ProvinceGroup<T> | null; others: ProvinceGroup<T>[] } {
  const groups = groupByProvince(entries, uiLanguage);
  const key = provinceKey(caseProvince);
  const local = key ? (groups.find((g) => g.key === key) ?? null) : null;
  return { local, others: groups.filter((g) => g !== local) };
}
