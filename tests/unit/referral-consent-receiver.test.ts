import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralCommand } from '../../src/main/cli/commands/referral-commands';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { type InterviewScript, seedDemoCases } from '../../src/main/demo/seed';
import { translatorFor } from '../../src/main/i18n/translator';
import type { Block } from '../../src/main/pdf/model';
import { checkConsentReceiver } from '../../src/main/referral/consent-receiver';
import { buildModelForCase } from '../../src/main/referral/service';
import { listAudit } from '../../src/main/store/audit';
import { getCase } from '../../src/main/store/cases';
import { getInterview } from '../../src/main/store/interviews';
import { listReferrals } from '../../src/main/store/referrals';
import { captureIo } from '../helpers/cli-io';
import { OFFICER, SCREENING_INTERVIEW_INPUT } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Consent to referral is consent to the receiver named when it was asked (issue 13, item 2): the
 * receiver is recorded with the answer, the form's consent line prints it, and an export to anyone
 * else is refused with a clear message before anything is written. Consent recorded before receivers
 * were recorded is exported only when the officer confirms they named the receiver: audited and
 * stated on the form.
 */

const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai Jaidee',
  passphrase: 'supervisor passphrase 1',
};
const SONGKHLA_SHELTER = {
  id: '3f6d2a10-1b1c-4c1d-8e2f-0a1b2c3d4e01',
  name: 'บ้านพักเด็กและครอบครัวจังหวัดสงขลา',
  kind: 'shelter',
  province: 'สงขลา',
} as const;
const RANONG_SHELTER = {
  id: '3f6d2a10-1b1c-4c1d-8e2f-0a1b2c3d4e02',
  name: 'Ranong shelter',
  kind: 'shelter',
  province: 'Ranong',
} as const;
const SONGKHLA_POLICE = {
  id: '3f6d2a10-1b1c-4c1d-8e2f-0a1b2c3d4e03',
  name: 'สถานีตำรวจภูธรเมืองสงขลา',
  kind: 'police',
  province: 'สงขลา',
} as const;
const FACTS = { officerPosition: 'Labour inspector' };
const SCENARIO = DEMO_SCENARIOS.find((s) => s.case.place.province === 'Songkhla');

let app: TestApp;
const th = translatorFor('th');

/** A demo case whose referral consent named `receiver` (null: none, as before receivers were recorded). */
function seeded(receiver: InterviewScript['consentReceiver']): string {
  if (!SCENARIO) throw new Error('no Songkhla scenario');
  return seedDemoCases(app.session(), [SCENARIO], { consentReceiver: receiver })[0]?.caseId ?? '';
}

/** What the export wrote and recorded so far. */
function written(caseId: string) {
  return {
    files: existsSync(app.exportDir) ? readdirSync(app.exportDir).length : 0,
    referrals: listReferrals(app.session(), caseId).length,
  };
}

async function refusal(payload: Record<string, unknown>) {
  const caseId = String(payload.caseId);
  const before = written(caseId);
  const reply = await app.call('referral.export', { ...FACTS, ...payload });
  expect(written(caseId), 'nothing written').toEqual(before);
  return reply;
}

/** Every text the form prints (the consent lines among them). */
const printed = (blocks: Block[]) => JSON.stringify(blocks);

/** The audit trail, as a supervisor reads it (officers cannot); signed in as the officer again after. */
async function audited(action: 'answer.save' | 'referral.record', limit?: number): Promise<string[]> {
  await app.signIn(SUPERVISOR);
  const rows = listAudit(app.session(), { action, ...(limit ? { limit } : {}) }).map((r) =>
    JSON.stringify(r),
  );
  await app.signIn(OFFICER);
  return rows;
}

beforeAll(async () => {
  app = createTestApp('fs-consent-receiver-');
  await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
  await app.ok('admin.settings.update', {
    agency: DEMO_AGENCY,
    referralDirectory: [SONGKHLA_SHELTER, RANONG_SHELTER, SONGKHLA_POLICE],
  });
}, 120_000);
afterAll(() => app.close());

describe('who may receive a referral, from the receiver recorded with the consent (pure)', () => {
  const contact = {
    kind: 'contact',
    contactId: SONGKHLA_SHELTER.id,
    name: SONGKHLA_SHELTER.name,
    agencyKind: 'shelter',
  } as const;
  const to = (contactId: string | null, name: string, agencyKind: 'shelter' | 'police' | 'mdt' | null) => ({
    contactId,
    name,
    agencyKind,
  });
  it('a named agency: only that entry, or its name typed by hand', () => {
    expect(checkConsentReceiver(contact, to(SONGKHLA_SHELTER.id, 'x', 'shelter'), false).ok).toBe(true);
    expect(checkConsentReceiver(contact, to(null, ` ${SONGKHLA_SHELTER.name} `, null), false).ok).toBe(true);
    expect(
      checkConsentReceiver(contact, to(RANONG_SHELTER.id, RANONG_SHELTER.name, 'shelter'), false),
    ).toEqual({
      ok: false,
      reason: 'notConsented',
    });
    expect(checkConsentReceiver(contact, to(null, 'Another shelter', null), true).ok).toBe(false);
  });
  it('a kind of agency: an entry of that kind; the default receiver is a multidisciplinary team', () => {
    const kind = { kind: 'agencyKind', agencyKind: 'shelter' } as const;
    expect(checkConsentReceiver(kind, to(RANONG_SHELTER.id, 'x', 'shelter'), false).ok).toBe(true);
    expect(checkConsentReceiver(kind, to(SONGKHLA_POLICE.id, 'x', 'police'), false).ok).toBe(false);
    expect(checkConsentReceiver(kind, to(null, 'Some shelter', null), false).ok).toBe(false);
    const mdt = { kind: 'agencyKind', agencyKind: 'mdt' } as const;
    expect(checkConsentReceiver(mdt, to(null, '', 'mdt'), false).ok).toBe(true);
  });
  it('an agency the directory does not have, typed: only that name', () => {
    const named = { kind: 'named', name: 'Songkhla shelter' } as const;
    expect(checkConsentReceiver(named, to(null, 'songkhla  Shelter', null), false)).toEqual({
      ok: true,
      asked: { kind: 'contact', name: 'Songkhla shelter' },
      basis: 'recorded',
    });
    expect(checkConsentReceiver(named, to(null, 'Ranong shelter', null), true).ok).toBe(false);
    expect(checkConsentReceiver(named, to(null, '', 'mdt'), false).ok).toBe(false);
  });
  it('none recorded: only with the officer confirming the receiver was named', () => {
    expect(checkConsentReceiver(undefined, to(null, 'Any', null), false)).toEqual({
      ok: false,
      reason: 'unconfirmed',
    });
    expect(checkConsentReceiver(undefined, to(null, 'Any', null), true)).toEqual({
      ok: true,
      asked: { kind: 'confirmedByOfficer', receiver: 'Any' },
      basis: 'confirmedByOfficer',
    });
  });
});

describe('the interview records the receiver with the consent', () => {
  it('refuses "yes" without a receiver, records the entry as the directory has it, and audits it', async () => {
    await app.signIn(OFFICER);
    const created = await app.ok<{ id: string; persons: { id: string }[] }>('cases.create', {
      place: { kind: 'port', name: 'Songkhla fishing port', province: 'Songkhla' },
      screeningDate: '2026-05-21',
      person: { nameOrAlias: 'Ko Zaw (test)', languages: ['my'] },
    });
    const interview = await app.ok<{ id: string }>('interview.start', {
      caseId: created.id,
      personId: created.persons[0]?.id,
      ...SCREENING_INTERVIEW_INPUT,
      officerLanguage: 'th',
    });
    const save = (clientSeq: number, extra: Record<string, unknown>, questionId = 'close_referral_consent') =>
      app.call('interview.saveAnswer', {
        interviewId: interview.id,
        questionId,
        value: { kind: 'choice', value: 'yes' },
        clientSeq,
        ...extra,
      });
    expect(await save(1, {})).toEqual({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.consentReceiverRequired' },
    });
    // An entry the directory does not have; a receiver on a question that is not about referral.
    expect(await save(2, { receiver: { contactId: '3f6d2a10-1b1c-4c1d-8e2f-0a1b2c3d4eff' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await save(3, { receiver: { agencyKind: 'shelter' } }, 'consent_screening')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // "No" needs no receiver (nobody is referred).
    expect((await save(4, {}, 'consent_police')).ok).toBe(true);

    const named = await save(5, { receiver: { contactId: SONGKHLA_SHELTER.id } });
    expect(named).toMatchObject({
      ok: true,
      value: {
        status: 'saved',
        revision: 1,
        wording: {
          receiver: {
            kind: 'contact',
            contactId: SONGKHLA_SHELTER.id,
            name: SONGKHLA_SHELTER.name,
            agencyKind: 'shelter',
          },
        },
      },
    });
    // The same "yes" for another receiver is a new answer, not "unchanged".
    expect(await save(6, { receiver: { agencyKind: 'police' } })).toMatchObject({
      ok: true,
      value: {
        status: 'saved',
        revision: 2,
        wording: { receiver: { kind: 'agencyKind', agencyKind: 'police' } },
      },
    });
    expect(await save(7, { receiver: { agencyKind: 'police' } })).toMatchObject({
      ok: true,
      value: { status: 'unchanged', revision: 2 },
    });
    const stored = getInterview(app.session(), interview.id).answers.find(
      (a) => a.questionId === 'close_referral_consent',
    );
    expect(stored?.wording?.receiver).toEqual({ kind: 'agencyKind', agencyKind: 'police' });
    const saves = (await audited('answer.save')).filter((row) => row.includes('close_referral_consent'));
    expect(saves.some((row) => row.includes(SONGKHLA_SHELTER.id))).toBe(true);
  });
});

describe('the export goes only to the receiver the person consented to', () => {
  it('a named agency: printed on the consent line; another agency is refused and nothing is written', async () => {
    await app.signIn(SUPERVISOR);
    const caseId = seeded({ contactId: SONGKHLA_SHELTER.id });
    await app.signIn(OFFICER);

    const refused = await refusal({
      caseId,
      receivingAgency: RANONG_SHELTER.name,
      contactId: RANONG_SHELTER.id,
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.referralReceiverNotConsented' },
    });
    // Confirming does not override a consent that names its receiver; a typed other name is refused too.
    expect(
      await refusal({ caseId, receivingAgency: 'Some other agency', confirmReceiverNamed: true }),
    ).toMatchObject({ ok: false, error: { messageKey: 'errors.referralReceiverNotConsented' } });
    // The message is translated in every language.
    for (const lng of ['th', 'my', 'km', 'lo', 'vi', 'en'] as const) {
      const text = translatorFor(lng)('common:errors.referralReceiverNotConsented');
      expect(text, lng).not.toBe('errors.referralReceiverNotConsented');
      expect(text.length, lng).toBeGreaterThan(40);
    }

    const model = await buildModelForCase(app.session(), {
      caseId,
      receivingAgency: SONGKHLA_SHELTER.name,
      contactId: SONGKHLA_SHELTER.id,
      ...FACTS,
    });
    // In Thai and in the person's language.
    const iv = translatorFor(SCENARIO?.lang ?? 'my');
    for (const t of [th, iv]) {
      const line = t('referral:consent.referral', {
        asked: SONGKHLA_SHELTER.name,
        word: t('referral:consentWord.given'),
      });
      expect(printed(model.blocks)).toContain(line);
    }
    const made = await app.ok<{ referral: { receivingAgency: string } }>('referral.export', {
      caseId,
      receivingAgency: SONGKHLA_SHELTER.name,
      contactId: SONGKHLA_SHELTER.id,
      ...FACTS,
    });
    expect(made.referral.receivingAgency).toBe(SONGKHLA_SHELTER.name);
    expect((await audited('referral.record', 1)).join()).toContain('"consentReceiver":"recorded"');
  });

  it('a kind of agency: any entry of that kind; another kind or a typed name is refused', async () => {
    await app.signIn(SUPERVISOR);
    const caseId = seeded({ agencyKind: 'shelter' });
    await app.signIn(OFFICER);
    for (const payload of [
      { receivingAgency: SONGKHLA_POLICE.name, contactId: SONGKHLA_POLICE.id },
      { receivingAgency: 'A shelter typed by hand' },
    ]) {
      expect(await refusal({ caseId, ...payload })).toMatchObject({
        ok: false,
        error: { messageKey: 'errors.referralReceiverNotConsented' },
      });
    }
    const model = await buildModelForCase(app.session(), {
      caseId,
      receivingAgency: RANONG_SHELTER.name,
      contactId: RANONG_SHELTER.id,
      ...FACTS,
    });
    expect(printed(model.blocks)).toContain(
      th('referral:consent.referral', {
        asked: th('referral:agencyKind.shelter'),
        word: th('referral:consentWord.given'),
      }),
    );
  });

  it('consent recorded before receivers were: refused until the officer confirms, then audited and stated', async () => {
    await app.signIn(SUPERVISOR);
    const caseId = seeded(null);
    await app.signIn(OFFICER);
    expect(
      await refusal({ caseId, receivingAgency: RANONG_SHELTER.name, contactId: RANONG_SHELTER.id }),
    ).toEqual({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.referralReceiverUnconfirmed' },
    });
    const input = {
      caseId,
      receivingAgency: RANONG_SHELTER.name,
      contactId: RANONG_SHELTER.id,
      confirmReceiverNamed: true,
      ...FACTS,
    };
    const model = await buildModelForCase(app.session(), input);
    const stated = th('referral:consent.confirmedByOfficer', {
      receiver: RANONG_SHELTER.name,
      officer: OFFICER.displayName,
    });
    expect(printed(model.blocks)).toContain(
      th('referral:consent.referral', { asked: stated, word: th('referral:consentWord.given') }),
    );
    await app.ok('referral.export', input);
    expect((await audited('referral.record', 1)).join()).toContain('"consentReceiver":"confirmedByOfficer"');
    expect(getCase(app.session(), caseId).status).toBe('referred');
  });
});

describe('cli referral', () => {
  it('refuses another receiver, says why in the terminal language and what was consented to, writes nothing', async () => {
    await app.signIn(SUPERVISOR);
    const named = seeded({ contactId: SONGKHLA_SHELTER.id });
    const legacy = seeded(null);
    app.ctx.sessions.lock('manual');
    const out = join(app.root, 'cli-refused.pdf');
    const args = (caseId: string, ...rest: string[]) => [
      '--data',
      app.dataDir,
      '--user',
      OFFICER.username,
      caseId,
      '--out',
      out,
      '--position',
      'Labour inspector',
      ...rest,
    ];
    const io = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase, FIELDSCREEN_LANG: 'th' });
    expect(await referralCommand.run(args(named, '--contact-id', RANONG_SHELTER.id), io)).toBe(1);
    expect(io.err).toContain('error: VALIDATION');
    expect(io.err).toContain(`message: ${th('common:errors.referralReceiverNotConsented')}`);
    expect(io.err).toContain(`consented-to: ${SONGKHLA_SHELTER.name} (--contact-id ${SONGKHLA_SHELTER.id})`);
    expect(existsSync(out)).toBe(false);

    const unconfirmed = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase, FIELDSCREEN_LANG: 'en' });
    expect(await referralCommand.run(args(legacy, '--to', 'Ranong shelter'), unconfirmed)).toBe(1);
    expect(unconfirmed.err).toContain(
      `message: ${translatorFor('en')('common:errors.referralReceiverUnconfirmed')}`,
    );
    expect(existsSync(out)).toBe(false);

    const confirmed = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase });
    expect(
      await referralCommand.run(
        args(legacy, '--to', 'Ranong shelter', '--confirm-receiver-named'),
        confirmed,
      ),
    ).toBe(0);
    expect(confirmed.err).toEqual([]);
    expect(existsSync(out)).toBe(true);

    const right = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase });
    const rightOut = join(app.root, 'cli-right.pdf');
    const rightArgs = args(named, '--contact-id', SONGKHLA_SHELTER.id);
    rightArgs[rightArgs.indexOf(out)] = rightOut;
    expect(await referralCommand.run(rightArgs, right)).toBe(0);
    expect(existsSync(rightOut)).toBe(true);
  });
});
