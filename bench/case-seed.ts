import { randomUUID } from 'node:crypto';
import type { Db } from '../src/main/db/driver';
import { buildSearchText } from '../src/main/db/search-text';
import { insertUser } from '../src/main/store/accounts';

/**
 * Seeds a provincial office's case load with direct SQL in one transaction (the services would spend
 * minutes on 100,000 audited, per-case-keyed creations). Realistic in what the case list reads: Thai,
 * Burmese, Khmer, Lao and Vietnamese names, a dozen places, vessels, several officers, people with a
 * nationality and languages, interviews (some in another language than the first recorded), statuses
 * and results. No answers: nothing the list shows is derived from them. search_text is built by the
 * app's own function; what the schema derives from these rows (triggers) SQLite derives as for any
 * other write.
 */

export const SEED_PLACES = [
  'Ranong Port',
  'Songkhla PIPO',
  'ศูนย์ PIPO สมุทรสาคร',
  'Pattani PIPO',
  'Chumphon port',
  'Trat PIPO',
  'ท่าเรือภูเก็ต',
  'Satun PIPO',
  'Samut Sakhon PIPO',
  'ท่าเรือระนอง',
  'Krabi fishing port',
  'Phang Nga PIPO',
] as const;
const PROVINCES = ['Ranong', 'Songkhla', 'สมุทรสาคร', 'Pattani', 'Phuket', 'ตราด', 'Satun', 'Krabi'];
const GIVEN = [
  'Ko Aung',
  'Ma Hnin',
  'မောင်အောင်',
  'မသီတာ',
  'ကိုမင်းသူ',
  'Min Thu',
  'Sokha',
  'សុខា',
  'Dara',
  'ดารา',
  'สมชาย',
  'บุญมี',
  'ບຸນມີ',
  'Bounmy',
  'Nguyễn Văn An',
  'Trần Thị Mai',
  'Naw Paw',
  'Thida',
] as const;
const NATIONALITIES = ['Myanmar', 'Cambodia', 'Lao PDR', 'Viet Nam', 'Thai', 'เมียนมา', 'กัมพูชา'];
const LANGUAGES = ['my', 'km', 'lo', 'vi', 'th', 'shn', 'kar'] as const;
const VESSELS = ['Sea Star', 'Ocean Queen', 'ศรีสมุทร', 'Chokchai', 'Golden Wave', 'ทะเลทอง'];
const RESULTS = ['not_screened', 'no_indicators', 'indicators_found', 'urgent'] as const;
const OFFICERS = ['Somchai P.', 'Wanida K.', 'ปราณี ส.', 'Anan T.', 'นพดล ร.'];

/** A small seeded generator (mulberry32), so every run seeds the same cases. */
function generator(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function suffix(i: number): string {
  let out = '';
  for (let k = 0, v = i; k < 4; k++, v = Math.floor(v / 32)) out = CROCKFORD[v % 32] + out;
  return out;
}

export interface SeedOptions {
  cases: number;
  /** The signed-in user (one of the officers who open cases). */
  userId: string;
  /** Screening dates run from this day forward, about 100 cases a day across the province. */
  firstDay?: string;
  seed?: number;
}

export interface SeedResult {
  cases: number;
  persons: number;
  interviews: number;
  lastDay: string;
}

const CASES_PER_DAY = 100;
const STATUSES = ['draft', 'screened', 'referred', 'closed', 'consent_withdrawn'] as const;
/** Cumulative shares in percent, in the order above: 40 % drafts, 30 % screened, 15 % referred, … */
const STATUS_UP_TO = [40, 70, 85, 97, 100];

interface SeedPerson {
  id: string;
  name: string;
  nationality: string | null;
  language: string;
  languages: string[];
}
interface SeedCase {
  id: string;
  reference: string;
  status: (typeof STATUSES)[number];
  place: string;
  province: string | null;
  vesselName: string | null;
  vesselRegistration: string | null;
  day: string;
  result: (typeof RESULTS)[number];
  createdMs: number;
  updatedMs: number;
  officer: string;
  persons: SeedPerson[];
  interviews: { id: string; startedMs: number; language: string }[];
}

/** One case as an office would hold it (pure, from the generator's next numbers). */
function nextCase(rand: (n: number) => number, i: number, firstDayMs: number, officers: string[]): SeedCase {
  const pick = <T>(items: readonly T[]): T => items[rand(items.length)] as T;
  const dayMs = firstDayMs + Math.floor(i / CASES_PER_DAY) * 86_400_000;
  const day = new Date(dayMs).toISOString().slice(0, 10);
  const createdMs = dayMs + 8 * 3_600_000 + rand(36_000_000);
  const onVessel = rand(10) < 6;
  const r = rand(100);
  const status = STATUSES[STATUS_UP_TO.findIndex((upTo) => r < upTo)] ?? 'draft';
  const people = rand(20) === 0 ? 0 : rand(10) === 0 ? 2 : 1;
  const persons = Array.from({ length: people }, (): SeedPerson => {
    const language = pick(LANGUAGES);
    return {
      id: randomUUID(),
      name: `${pick(GIVEN)} ${rand(1000)}`,
      nationality: rand(10) < 8 ? pick(NATIONALITIES) : null,
      language,
      languages: rand(5) ? [language] : [],
    };
  });
  const firstLanguage = persons[0]?.language ?? pick(LANGUAGES);
  const interviewCount = status === 'draft' ? rand(2) : 1 + (rand(8) === 0 ? 1 : 0);
  return {
    id: randomUUID(),
    reference: `FS-${day.replace(/-/g, '')}-${suffix(i)}`,
    status,
    place: pick(SEED_PLACES),
    province: rand(2) ? pick(PROVINCES) : null,
    vesselName: onVessel ? `${pick(VESSELS)} ${rand(400)}` : null,
    vesselRegistration: onVessel ? `${pick(['SK', 'RN', 'PN', 'ตร'])}-${1000 + rand(9000)}` : null,
    day,
    result: status === 'draft' ? pick(RESULTS) : pick(RESULTS.slice(1)),
    createdMs,
    updatedMs: createdMs + rand(30 * 86_400_000),
    officer: pick(officers),
    persons,
    interviews: Array.from({ length: interviewCount }, (_, k) => ({
      id: randomUUID(),
      startedMs: createdMs + (k + 1) * 600_000,
      // Mostly the first person's language; sometimes the interpreter at hand spoke another.
      language: rand(4) ? firstLanguage : pick(LANGUAGES),
    })),
  };
}

/** Prepared INSERTs for each table the list reads. */
function caseWriter(db: Db): (c: SeedCase) => void {
  const insertCase = db.prepare(
    `INSERT INTO cases (id, reference, status, status_reason, place_kind, place_name, place_province, vessel_name,
       vessel_registration, screening_date, screening_result, created_at, created_by, updated_at, updated_by,
       search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (id, case_id, name_or_alias, sex, age_years, minor, nationality, languages_json,
       created_at, created_by, updated_at)
     VALUES (?, ?, ?, 'unknown', NULL, 'unknown', ?, ?, ?, ?, ?)`,
  );
  const insertInterview = db.prepare(
    `INSERT INTO interviews (id, case_id, person_id, instrument_id, instrument_version, tier, interviewee_language,
       officer_language, state, started_at, started_by, updated_at, ended_at)
     VALUES (?, ?, ?, 'tip-screening', '1', 'short', ?, 'th', ?, ?, ?, ?, ?)`,
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  return (c) => {
    const created = iso(c.createdMs);
    const final = c.status === 'closed' || c.status === 'consent_withdrawn';
    insertCase.run(
      c.id,
      c.reference,
      c.status,
      final ? 'Seeded' : null,
      c.place.includes('PIPO') ? 'pipo_centre' : 'port',
      c.place,
      c.province,
      c.vesselName,
      c.vesselRegistration,
      c.day,
      c.result,
      created,
      c.officer,
      iso(c.updatedMs),
      c.officer,
      buildSearchText([
        c.reference,
        c.place,
        c.province,
        c.vesselName,
        c.vesselRegistration,
        ...c.persons.flatMap((p) => [p.name, p.nationality]),
      ]),
    );
    // Both people of a case share the creation time: the first person is then decided by id.
    for (const p of c.persons) {
      insertPerson.run(
        p.id,
        c.id,
        p.name,
        p.nationality,
        JSON.stringify(p.languages),
        created,
        c.officer,
        created,
      );
    }
    for (const iv of c.interviews) {
      const started = iso(iv.startedMs);
      const state = c.status === 'draft' ? 'paused' : 'completed';
      const ended = state === 'completed' ? started : null;
      insertInterview.run(
        iv.id,
        c.id,
        c.persons[0]?.id ?? null,
        iv.language,
        state,
        started,
        c.officer,
        started,
        ended,
      );
    }
  };
}

export function seedCaseLoad(db: Db, options: SeedOptions): SeedResult {
  const rand = generator(options.seed ?? 42);
  const firstDayMs = Date.parse(`${options.firstDay ?? '2023-01-01'}T00:00:00Z`);
  const counts: SeedResult = { cases: 0, persons: 0, interviews: 0, lastDay: '' };
  // Random UUID keys scatter inserts over every index; a large page cache while seeding keeps pages
  // from being encrypted and decrypted again and again. The app's own size is back for the queries.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    db.transaction(() => {
      const officers = [options.userId];
      for (const displayName of OFFICERS.slice(1)) {
        const id = randomUUID();
        insertUser(
          db,
          { id, username: `officer-${id.slice(0, 8)}`, displayName },
          'officer',
          new Date(),
          null,
        );
        officers.push(id);
      }
      const write = caseWriter(db);
      for (let i = 0; i < options.cases; i++) {
        const c = nextCase(rand, i, firstDayMs, officers);
        write(c);
        counts.cases++;
        counts.persons += c.persons.length;
        counts.interviews += c.interviews.length;
        counts.lastDay = c.day;
      }
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return counts;
}
