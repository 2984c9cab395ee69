import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../src/main/demo/seed';
import { getCase } from '../../src/main/store/cases';
import { getInterview } from '../../src/main/store/interviews';
import type { Session } from '../../src/main/store/session';
import { Vault } from '../../src/main/store/vault';
import { type Answers, answerValueSchema, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate } from '../../src/shared/screening';

const SCRIPT: Record<string, RegExp> = {
  th: /[\u0E00-\u0E7F]/,
  my: /[\u1000-\u109F]/,
  km: /[\u1780-\u17FF]/,
  lo: /[\u0E80-\u0EFF]/,
  vi: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
};

let dir: string;
let session: Session;
let seeded: ReturnType<typeof seedDemoCases>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-demo-'));
  await Vault.initialise(
    dir,
    { username: 'trainer', displayName: 'Trainer', passphrase: 'training passphrase' },
    { kdfProfile: 'test' },
  );
  session = await new Vault(dir, { kdfProfile: 'test' }).unlock('trainer', 'training passphrase');
  seeded = seedDemoCases(session);
});
afterAll(() => {
  session.lock('manual');
  rmSync(dir, { recursive: true, force: true });
});

function answersOf(interviewId: string): Answers {
  const out: Answers = {};
  for (const a of getInterview(session, interviewId).answers)
    out[a.questionId] = answerValueSchema.parse(a.value);
  return out;
}

describe('demo training cases', () => {
  it('creates one case per interviewee language', () => {
    expect(seeded.map((s) => s.lang).sort()).toEqual(['km', 'lo', 'my', 'th', 'vi']);
  });

  it.each(['my', 'km', 'lo', 'vi', 'th'])(
    'the %s case has a short screen and a full interview, never asking twice',
    (lang) => {
      const caseId = seeded.find((s) => s.lang === lang)?.caseId ?? '';
      const detail = getCase(session, caseId);
      const tiers = detail.interviews.map((i) => i.tier).sort();
      expect(tiers).toEqual(['full', 'short']);
      expect(detail.interviews.every((i) => i.state === 'completed' && i.intervieweeLanguage === lang)).toBe(
        true,
      );
      const [short, full] = ['short', 'full'].map((t) =>
        answersOf(detail.interviews.find((i) => i.tier === t)?.id ?? ''),
      );
      const overlap = Object.keys(short ?? {}).filter((q) => q in (full ?? {}));
      expect(overlap).toEqual([]);
      const all = { ...short, ...full };
      // Consent was given, and the person's own words are written in their language.
      expect(all.consent_screening).toEqual({ kind: 'choice', value: 'yes' });
      const opinion = all.close_opinion;
      expect(opinion?.kind).toBe('text');
      if (opinion?.kind === 'text') expect(opinion.text).toMatch(SCRIPT[lang] as RegExp);
      expect(detail.status).toBe('screened');
    },
  );

  it('the stories lead to the screening results a trainer expects', () => {
    const resultFor = (lang: string) => {
      const detail = getCase(session, seeded.find((s) => s.lang === lang)?.caseId ?? '');
      const all = Object.assign({}, ...detail.interviews.map((i) => answersOf(i.id))) as Answers;
      return evaluate(INSTRUMENT, all, { tier: 'full' });
    };
    expect(resultFor('my').thaiLaw.s6_1.met).toBe(true);
    expect(resultFor('km').indicators.length).toBeGreaterThan(2);
    expect(resultFor('lo').child.possibleChild).toBe(true);
    expect(resultFor('vi').thaiLaw.s6.met).toBe(true);
    const th = resultFor('th');
    expect(th.thaiLaw.s6.met).toBe(false);
    expect(th.thaiLaw.s6_1.met).toBe(false);
  });
});
