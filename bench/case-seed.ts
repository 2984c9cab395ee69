import { randomUUID } from 'node:crypto';
import type { Db } from '../src/main/db/driver';
import { buildSearchText } from '../src/main/db/search-text';
import { insertUser } from '../src/main/store/vault';

/**
 * Seeds a provincial office's case load with direct SQL in one transaction (the services would spend
 * minutes on 100,000 audited, per-case-keyed creations). Realistic in what the case list reads: Thai,
 * Burmese, Khmer, Lao and Vietnamese names, a dozen places, vessels, several officers, people with a
 * nationality and languages, interviews (some in another language than the first recorded) with
 * answers, statuses, results and referrals. search_text is built by the app's own function; anything
 * else the schema derives from these rows (triggers) is derived by SQLite as for any other write.
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
const QUESTIONS = ['work.hours', 'work.pay', 'docs.held', 'debt.owed', 'movement.free', 'threats'];

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
  /** Screening dates run from this day forward, a few cases a day per place. */
  firstDay?: string;
  seed?: number;
}

export interface SeedResult {
  cases: number;
  persons: number;
  interviews: number;
  answers: number;
  lastDay: string;
}

export function seedCaseLoad(db: Db, options: SeedOptions): SeedResult {
  const rand = generator(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[rand(items.length)] as T;
  const firstDay = Date.parse(`${options.firstDay ?? '2023-01-01'}T00:00:00Z`);
  // Roughly 100 cases a day across the province: 100,000 cases span about three years.
  const perDay = 100;
  const insertCase = db.prepare(
    `INSERT INTO cases (id, reference, status, status_reason, place_kind, place_name, place_province, vessel_name,
       vessel_registration, screening_date, screening_result, created_at, created_by, updated_at, updated_by,
       search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (id, case_id, name_or_alias, sex, age_years, minor, nationality, languages_json,
       created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInterview = db.prepare(
    `INSERT INTO interviews (id, case_id, person_id, instrument_id, instrument_version, tier, interviewee_language,
       officer_language, state, started_at, started_by, updated_at, ended_at)
     VALUES (?, ?, ?, 'tip-screening', '1', 'short', ?, 'th', ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = db.prepare(
    `INSERT INTO answers (id, interview_id, question_id, value_json, revision, client_seq, answered_at, answered_by)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO answer_history (answer_id, revision, old_value_json, new_value_json, changed_at, changed_by)
     VALUES (?, 1, NULL, ?, ?, ?)`,
  );
  const counts: SeedResult = { cases: 0, persons: 0, interviews: 0, answers: 0, lastDay: '' };
  // Random UUID keys scatter inserts over every index; a large page cache while seeding keeps them
  // from being decrypted and re-encrypted page by page. The app's own size is back for the queries.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-(Number(process.env.SEED_CACHE_MB ?? 256) * 1024)}`);
  try {
    seedAll();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return counts;

  function seedAll(): void {
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
      for (let i = 0; i < options.cases; i++) {
        const dayMs = firstDay + Math.floor(i / perDay) * 86_400_000;
        const day = new Date(dayMs).toISOString().slice(0, 10);
        const createdMs = dayMs + 8 * 3_600_000 + rand(36_000_000);
        const created = new Date(createdMs).toISOString();
        const updated = new Date(createdMs + rand(30 * 86_400_000)).toISOString();
        const caseId = randomUUID();
        const reference = `FS-${day.replace(/-/g, '')}-${suffix(i)}`;
        const place = pick(SEED_PLACES);
        const province = rand(2) ? pick(PROVINCES) : null;
        const onVessel = rand(10) < 6;
        const vesselName = onVessel ? `${pick(VESSELS)} ${rand(400)}` : null;
        const vesselRegistration = onVessel ? `${pick(['SK', 'RN', 'PN', 'ตร'])}-${1000 + rand(9000)}` : null;
        const r = rand(100);
        const status =
          r < 40
            ? 'draft'
            : r < 70
              ? 'screened'
              : r < 85
                ? 'referred'
                : r < 97
                  ? 'closed'
                  : 'consent_withdrawn';
        const officer = pick(officers);
        const people = rand(20) === 0 ? 0 : rand(10) === 0 ? 2 : 1;
        const persons = Array.from({ length: people }, () => ({
          id: randomUUID(),
          name: `${pick(GIVEN)} ${rand(1000)}`,
          nationality: rand(10) < 8 ? pick(NATIONALITIES) : null,
          language: pick(LANGUAGES),
          recordsLanguage: rand(5) !== 0,
        }));
        insertCase.run(
          caseId,
          reference,
          status,
          status === 'closed' || status === 'consent_withdrawn' ? 'Seeded' : null,
          place.includes('PIPO') ? 'pipo_centre' : 'port',
          place,
          province,
          vesselName,
          vesselRegistration,
          day,
          status === 'draft' ? pick(RESULTS) : pick(RESULTS.slice(1)),
          created,
          officer,
          updated,
          officer,
          buildSearchText([
            reference,
            place,
            province,
            vesselName,
            vesselRegistration,
            ...persons.flatMap((p) => [p.name, p.nationality]),
          ]),
        );
        counts.cases++;
        for (const p of persons) {
          // Both people of a case share the creation time: the first person is then decided by id.
          insertPerson.run(
            p.id,
            caseId,
            p.name,
            pick(['male', 'female', 'unknown']),
            15 + rand(40),
            'no',
            p.nationality,
            JSON.stringify(p.recordsLanguage ? [p.language] : []),
            created,
            officer,
            created,
          );
          counts.persons++;
        }
        const firstPersonId = persons[0]?.id ?? null;
        const firstLanguage = persons[0]?.language ?? pick(LANGUAGES);
        const interviews = status === 'draft' ? rand(2) : 1 + (rand(8) === 0 ? 1 : 0);
        for (let k = 0; k < interviews; k++) {
          const interviewId = randomUUID();
          const started = new Date(createdMs + (k + 1) * 600_000).toISOString();
          // Mostly the first person's language; sometimes the interpreter available spoke another.
          const language = rand(4) ? firstLanguage : pick(LANGUAGES);
          insertInterview.run(
            interviewId,
            caseId,
            firstPersonId,
            language,
            status === 'draft' ? 'paused' : 'completed',
            started,
            officer,
            started,
            status === 'draft' ? null : started,
          );
          counts.interviews++;
          for (let q = 0; q < 4; q++) {
            const answerId = randomUUID();
            const value = JSON.stringify({ kind: 'choice', value: pick(['yes', 'no', 'unsure']) });
            insertAnswer.run(
              answerId,
              interviewId,
              QUESTIONS[(q + k) % QUESTIONS.length],
              value,
              q,
              started,
              officer,
            );
            insertHistory.run(answerId, value, started, officer);
            counts.answers++;
          }
        }
        counts.lastDay = day;
      }
    })();
  }
}
